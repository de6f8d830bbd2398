import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ValidationError } from '../../core/errors.js';
import type { PaperRecord } from '../../core/paper.js';
import type { FetchLike } from '../http.js';
import type { ReadOptions, SourceBatch } from '../source.js';
import { ARXIV_MIN_INTERVAL_MS, arxivHttpClient } from '../arxiv-common/arxiv-http.js';
import { ArxivApiSource, type ArxivApiSourceOptions } from './arxiv-api.source.js';
import { FakeClock } from '../../../test/support/fake-clock.js';

// Real API responses recorded by other projects, see /work/shared/data/fixtures/PROVENANCE.md.
const FIXTURES = new URL('../../../../shared/data/fixtures/arxiv_api/', import.meta.url);
const ID_LIST = readFileSync(new URL('query_id_list_1601.00001_2020-09-04.xml', FIXTURES), 'utf8');
const CS_RO = readFileSync(new URL('query_cat_cs.RO_neural_2025-10-17.xml', FIXTURES), 'utf8');

const BASE = 'https://export.arxiv.org/api/query';


/**
 * A fake arXiv API that answers every request with the same recorded feed, cut to the
 * request's `max_results` entries (the recorded feed is otherwise unchanged), and logs the URLs.
 */
function fakeApi(feed: string): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const max = Number(new URL(url).searchParams.get('max_results') ?? Infinity);
    let n = 0;
    const body = feed.replace(/\s*<entry>.*?<\/entry>/gs, (entry) => (++n <= max ? entry : ''));
    return new Response(body, { headers: { 'content-type': 'application/atom+xml' } });
  };
  return { fetch, urls };
}

function source(fetch: FetchLike, clock: FakeClock, options: Partial<ArxivApiSourceOptions>): ArxivApiSource {
  return new ArxivApiSource({ http: arxivHttpClient(fetch, clock), ...options });
}

async function collect(src: ArxivApiSource, options?: ReadOptions, limit = Infinity): Promise<SourceBatch<PaperRecord>[]> {
  const out: SourceBatch<PaperRecord>[] = [];
  for await (const batch of src.batches(options)) {
    out.push(batch);
    if (out.length >= limit) break;
  }
  return out;
}

test('a query pages with start/max_results, 3000 ms apart, up to maxResults', async () => {
  // The fake sends the recorded 2-entry cs.RO feed every time (1 entry for the last request,
  // which asks for 1): the request sequence and the stopping rule are under test here.
  const api = fakeApi(CS_RO);
  const clock = new FakeClock();
  const batches = await collect(source(api.fetch, clock, { query: 'cat:cs.RO AND (neural)', pageSize: 2, maxResults: 5 }));
  assert.deepEqual(api.urls, [
    `${BASE}?search_query=cat%3Acs.RO%20AND%20(neural)&start=0&max_results=2`,
    `${BASE}?search_query=cat%3Acs.RO%20AND%20(neural)&start=2&max_results=2`,
    `${BASE}?search_query=cat%3Acs.RO%20AND%20(neural)&start=4&max_results=1`,
  ]);
  assert.equal(new URL(api.urls[0]!).searchParams.get('search_query'), 'cat:cs.RO AND (neural)');
  assert.deepEqual(batches.map((b) => b.checkpoint), ['2', '4', null]);
  assert.deepEqual(batches.map((b) => b.progress), [{ done: 2, total: 5 }, { done: 4, total: 5 }, { done: 5, total: 5 }]);
  assert.deepEqual(batches.map((b) => b.items.map((r) => r.arxivId)), [['2510.14968', '2510.14827'], ['2510.14968', '2510.14827'], ['2510.14968']]);
  assert.deepEqual(clock.sleeps, [ARXIV_MIN_INTERVAL_MS, ARXIV_MIN_INTERVAL_MS]);
  assert.equal(ARXIV_MIN_INTERVAL_MS, 3000);
});

test('without maxResults, progress.total is the feed totalResults (5619) and sort options are sent', async () => {
  const api = fakeApi(CS_RO);
  const src = source(api.fetch, new FakeClock(), { query: 'cat:cs.RO AND (neural)', pageSize: 2, sortBy: 'submittedDate', sortOrder: 'descending' });
  const batches = await collect(src, {}, 2);
  assert.deepEqual(batches.map((b) => [b.checkpoint, b.progress]), [['2', { done: 2, total: 5619 }], ['4', { done: 4, total: 5619 }]]);
  assert.equal(api.urls[1], `${BASE}?search_query=cat%3Acs.RO%20AND%20(neural)&start=2&max_results=2&sortBy=submittedDate&sortOrder=descending`);
});

test('a query stops when a page has fewer entries than asked for', async () => {
  const api = fakeApi(ID_LIST); // 1 entry
  const batches = await collect(source(api.fetch, new FakeClock(), { query: 'all:probe' }));
  assert.equal(api.urls.length, 1);
  assert.equal(new URL(api.urls[0]!).searchParams.get('max_results'), '100');
  assert.deepEqual(batches.map((b) => [b.items.length, b.checkpoint, b.progress]), [[1, null, { done: 1, total: 1 }]]);
});

test('a query stops when the offset reaches totalResults, even after a full page (recorded feed, total edited to 4)', async () => {
  const api = fakeApi(CS_RO.replace(/>5619</, '>4<'));
  const batches = await collect(source(api.fetch, new FakeClock(), { query: 'cat:cs.RO AND (neural)', pageSize: 2 }));
  assert.equal(api.urls.length, 2);
  assert.deepEqual(batches.map((b) => [b.items.length, b.checkpoint, b.progress]), [[2, '2', { done: 2, total: 4 }], [2, null, { done: 4, total: 4 }]]);
});

test('resuming a query starts at the checkpoint offset', async () => {
  const api = fakeApi(CS_RO);
  const batches = await collect(source(api.fetch, new FakeClock(), { query: 'cat:cs.RO AND (neural)', pageSize: 2 }), { resumeFrom: '4' }, 1);
  assert.equal(new URL(api.urls[0]!).searchParams.get('start'), '4');
  assert.deepEqual(batches[0]?.progress, { done: 6, total: 5619 });
  await assert.rejects(collect(source(api.fetch, new FakeClock(), { query: 'x' }), { resumeFrom: '2752941|1001' }), ValidationError);
});

test('an id list is normalised, de-duplicated and sent pageSize ids at a time', async () => {
  const api = fakeApi(ID_LIST);
  const clock = new FakeClock();
  const ids = ['1601.00001', 'arXiv:1601.00002v2', 'http://arxiv.org/abs/hep-th/9407087', '1601.00001', '2510.14968', 'math.GT/0309136'];
  const batches = await collect(source(api.fetch, clock, { ids, pageSize: 2 }));
  assert.deepEqual(api.urls, [
    `${BASE}?id_list=1601.00001,1601.00002v2&start=0&max_results=2`,
    `${BASE}?id_list=hep-th%2F9407087,2510.14968&start=0&max_results=2`,
    `${BASE}?id_list=math%2F0309136&start=0&max_results=1`,
  ]);
  assert.deepEqual(batches.map((b) => [b.checkpoint, b.progress]), [['2', { done: 2, total: 5 }], ['4', { done: 4, total: 5 }], [null, { done: 5, total: 5 }]]);
  assert.deepEqual(batches[0]?.items.map((r) => [r.arxivId, r.doi]), [['1601.00001', '10.1063/1.4944470']]);
  assert.deepEqual(clock.sleeps, [3000, 3000]);
  const resumed = fakeApi(ID_LIST);
  await collect(source(resumed.fetch, new FakeClock(), { ids, pageSize: 2 }), { resumeFrom: '4' });
  assert.deepEqual(resumed.urls, [`${BASE}?id_list=math%2F0309136&start=0&max_results=1`]);
});

test('an error feed from the API becomes a ValidationError', async () => {
  const errorFeed = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id><title>Error</title><summary>incorrect id format for 1234.12345</summary></entry></feed>';
  await assert.rejects(collect(source(fakeApi(errorFeed).fetch, new FakeClock(), { ids: ['1601.00001'] })), (e: unknown) =>
    e instanceof ValidationError && /incorrect id format/.test(e.message));
});

test('options are validated: exactly one of ids and query, valid ids, page size 1–2000', () => {
  const http = arxivHttpClient(fakeApi(ID_LIST).fetch);
  const field = (f: string) => (e: unknown) => e instanceof ValidationError && e.field === f;
  assert.throws(() => new ArxivApiSource({ http }), field('ids/query'));
  assert.throws(() => new ArxivApiSource({ http, ids: ['1601.00001'], query: 'all:x' }), field('ids/query'));
  assert.throws(() => new ArxivApiSource({ http, ids: [] }), field('ids'));
  assert.throws(() => new ArxivApiSource({ http, ids: ['1601.00001', 'not-an-id'] }), (e: unknown) => field('ids')(e) && /not-an-id/.test(String(e)));
  assert.throws(() => new ArxivApiSource({ http, query: '  ' }), field('query'));
  assert.throws(() => new ArxivApiSource({ http, query: 'all:x', pageSize: 2001 }), field('pageSize'));
  assert.throws(() => new ArxivApiSource({ http, query: 'all:x', maxResults: 0 }), field('maxResults'));
});

test('resumeKey tells different inputs apart', () => {
  const http = arxivHttpClient(fakeApi(ID_LIST).fetch);
  const keys = [
    new ArxivApiSource({ http, query: 'all:x' }),
    new ArxivApiSource({ http, query: 'all:y' }),
    new ArxivApiSource({ http, query: 'all:x', sortBy: 'submittedDate' }),
    new ArxivApiSource({ http, ids: ['1601.00001'] }),
    new ArxivApiSource({ http, ids: ['1601.00002'] }),
  ].map((s) => s.resumeKey);
  assert.equal(new Set(keys).size, keys.length);
  assert.equal(keys[0], `arxiv-api:${BASE}|query=all:x`);
  assert.equal(new ArxivApiSource({ http, query: 'all:x', pageSize: 7 }).resumeKey, keys[0]);
});
