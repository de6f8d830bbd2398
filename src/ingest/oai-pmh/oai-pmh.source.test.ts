import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { PaperRecord } from '../../core/paper.js';
import type { FetchLike } from '../http.js';
import type { ReadOptions, SourceBatch } from '../source.js';
import { arxivHttpClient } from '../arxiv-common/arxiv-http.js';
import { parseListRecordsPage } from './oai-pmh.parser.js';
import { OaiPmhSource, type OaiPmhSourceOptions } from './oai-pmh.source.js';
import { FakeClock } from '../../../test/support/fake-clock.js';

// Real pages 00–14 of a 2018 arXiv OAI-PMH harvest (metadataPrefix=arXiv), see
// /work/shared/data/arxiv_oai_pmh_2018_harvest/PROVENANCE.md. The repo is /work/main.
const RAW = new URL('../../../../shared/data/arxiv_oai_pmh_2018_harvest/raw/', import.meta.url);
const cache = new Map<number, string>();

function realPage(n: number): string {
  let xml = cache.get(n);
  if (xml === undefined) {
    xml = gunzipSync(readFileSync(new URL(`ListRecords_page_${String(n).padStart(2, '0')}.xml.gz`, RAW))).toString('utf8');
    cache.set(n, xml);
  }
  return xml;
}

/**
 * The page the fake server sends for page `n`. Real page 14 ends with the token
 * `2752941|15001` (the real harvest goes on to 1.4M records); to end the list after 15
 * pages, the fake sends page 14 with that token emptied, `<resumptionToken
 * completeListSize="1405437" cursor="14000"/>`, which is how OAI-PMH marks the last page.
 * That is the only change made to the recorded pages unless a test passes `edit`.
 */
function servedPage(n: number): string {
  const xml = realPage(n);
  return n === 14 ? xml.replace(/(<resumptionToken[^>]*)>2752941\|15001<\/resumptionToken>/, '$1/>') : xml;
}


const OAI_HEAD = '<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-01T00:00:00Z</responseDate><request verb="ListRecords">https://oaipmh.arxiv.org/oai</request>';

/** Hand-made OAI-PMH error response (OAI-PMH 2.0 §3.6). */
function oaiError(code: string): string {
  return `${OAI_HEAD}<error code="${code}">${code}</error></OAI-PMH>`;
}

interface FakeServer {
  fetch: FetchLike;
  urls: string[];
}

/**
 * A fake arXiv OAI-PMH server: page 00 for a first request, page N for the token
 * `2752941|N001` that page N-1 ends with, `badResumptionToken` for any other token.
 * `respond` may answer a request itself (return undefined to fall through).
 */
function fakeServer(edit: (n: number, xml: string) => string = (_n, x) => x, respond?: (url: string, call: number) => Response | undefined): FakeServer {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const own = respond?.(url, urls.length);
    if (own) return own;
    const n = pageNumber(new URL(url).searchParams);
    return new Response(n === undefined ? oaiError('badResumptionToken') : edit(n, servedPage(n)), { headers: { 'content-type': 'text/xml' } });
  };
  return { fetch, urls };
}

function pageNumber(q: URLSearchParams): number | undefined {
  if (q.get('verb') !== 'ListRecords') return undefined;
  const token = q.get('resumptionToken');
  if (token === null) return q.get('metadataPrefix') ? 0 : undefined;
  const m = /^2752941\|(\d+)001$/.exec(token);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 14 ? n : undefined;
}

function source(server: FakeServer, clock: FakeClock, options: Partial<OaiPmhSourceOptions> = {}): OaiPmhSource {
  return new OaiPmhSource({ http: arxivHttpClient(server.fetch, clock), metadataPrefix: 'arXiv', ...options });
}

async function collect(src: OaiPmhSource, options?: ReadOptions): Promise<SourceBatch<PaperRecord>[]> {
  const out: SourceBatch<PaperRecord>[] = [];
  for await (const batch of src.batches(options)) out.push(batch);
  return out;
}

/** The first batch only (the harvest is abandoned after it). */
async function firstBatch(src: OaiPmhSource): Promise<SourceBatch<PaperRecord> | undefined> {
  for await (const batch of src.batches()) return batch;
  return undefined;
}

const BASE = 'https://oaipmh.arxiv.org/oai';

/** One full harvest of the 15 pages, shared by the tests that need it (parsing them takes seconds). */
let fullRun: Promise<{ server: FakeServer; clock: FakeClock; batches: SourceBatch<PaperRecord>[] }> | undefined;
function harvestAll(): NonNullable<typeof fullRun> {
  fullRun ??= (async () => {
    const server = fakeServer();
    const clock = new FakeClock();
    return { server, clock, batches: await collect(source(server, clock)) };
  })();
  return fullRun;
}

test('a full harvest yields all 15,000 records in 15 batches with token checkpoints, 3000 ms apart', async () => {
  const { server, clock, batches } = await harvestAll();
  assert.equal(batches.length, 15);
  assert.deepEqual(batches.map((b) => b.items.length), Array(15).fill(1000));
  const ids = new Set(batches.flatMap((b) => b.items.map((r) => r.arxivId)));
  assert.equal(ids.size, 15000);
  assert.equal(batches[0]?.items[0]?.arxivId, '0704.0001');
  assert.equal(batches[14]?.items.at(-1)?.arxivId, '0707.1829');
  assert.deepEqual(batches.map((b) => b.checkpoint), [...Array.from({ length: 14 }, (_, i) => `2752941|${(i + 1) * 1000 + 1}`), null]);
  assert.deepEqual(batches.map((b) => b.progress), Array.from({ length: 15 }, (_, i) => ({ done: (i + 1) * 1000, total: 1405437 })));
  assert.equal(server.urls[0], `${BASE}?verb=ListRecords&metadataPrefix=arXiv`);
  assert.equal(server.urls[1], `${BASE}?verb=ListRecords&resumptionToken=2752941%7C1001`);
  assert.equal(server.urls.length, 15);
  assert.deepEqual(clock.sleeps, Array(14).fill(3000));
});

test('resuming from the checkpoint after page 5 yields exactly pages 6–14', async () => {
  const full = (await harvestAll()).batches;
  const checkpoint = full[5]?.checkpoint;
  assert.equal(checkpoint, '2752941|6001');
  const server = fakeServer();
  const resumed = await collect(source(server, new FakeClock()), { resumeFrom: checkpoint });
  assert.equal(resumed.length, 9);
  assert.deepEqual(resumed.map((b) => b.items.map((r) => r.arxivId)), full.slice(6).map((b) => b.items.map((r) => r.arxivId)));
  assert.equal(resumed[0]?.items[0]?.arxivId, parseListRecordsPage(realPage(6)).records[0]?.arxivId);
  assert.equal(resumed[0]?.progress.done, 7000);
  assert.equal(server.urls[0], `${BASE}?verb=ListRecords&resumptionToken=2752941%7C6001`);
  assert.equal(resumed.at(-1)?.checkpoint, null);
});

test('a 503 with Retry-After: 7 is retried after a 7000 ms sleep', async () => {
  const server = fakeServer(undefined, (_url, call) =>
    call === 1 ? new Response('busy', { status: 503, headers: { 'retry-after': '7' } }) : undefined);
  const clock = new FakeClock();
  const batches: SourceBatch<PaperRecord>[] = [];
  for await (const b of source(server, clock).batches()) {
    batches.push(b);
    if (batches.length === 2) break;
  }
  assert.equal(batches[0]?.items.length, 1000);
  assert.deepEqual(server.urls.slice(0, 2), [`${BASE}?verb=ListRecords&metadataPrefix=arXiv`, `${BASE}?verb=ListRecords&metadataPrefix=arXiv`]);
  // the retry waits 7000 ms, which already covers the 3000 ms interval; the next page waits 3000 ms more
  assert.deepEqual(clock.sleeps, [7000, 3000]);
});

test('noRecordsMatch yields one empty, final batch', async () => {
  const server = fakeServer(undefined, () => new Response(oaiError('noRecordsMatch')));
  const batches = await collect(source(server, new FakeClock(), { from: '2030-01-01' }));
  assert.deepEqual(batches, [{ items: [], failures: [], checkpoint: null, progress: { done: 0 } }]);
});

test('from, until and set go into the first URL and the resumeKey; arXivRaw is the default prefix', async () => {
  const server = fakeServer();
  const src = new OaiPmhSource({ http: arxivHttpClient(server.fetch, new FakeClock()), from: '2007-04-01', until: '2007-04-30', set: 'physics:hep-ph' });
  await firstBatch(src);
  assert.equal(server.urls[0], `${BASE}?verb=ListRecords&metadataPrefix=arXivRaw&from=2007-04-01&until=2007-04-30&set=physics%3Ahep-ph`);
  assert.equal(src.resumeKey, `oai-pmh:${BASE}|metadataPrefix=arXivRaw|from=2007-04-01|until=2007-04-30|set=physics:hep-ph`);
  assert.notEqual(src.resumeKey, new OaiPmhSource({ http: arxivHttpClient(server.fetch), set: 'cs' }).resumeKey);
});

test('a malformed record becomes a failure with its position; the rest of the page is kept', async () => {
  const server = fakeServer((n, xml) => (n === 0 ? xml.replace('<id>0704.0002</id>', '') : xml));
  const first = await firstBatch(source(server, new FakeClock()));
  assert.equal(first?.items.length, 999);
  assert.deepEqual(first?.failures, [{ position: 'record oai:arXiv.org:0704.0002', reason: 'missing <id>' }]);
  assert.equal(first?.progress.done, 1000);
  assert.equal(first?.items[1]?.arxivId, '0704.0003');
});

test('deleted records go to onDeleted and count as done', async () => {
  const deleted = '<record><header status="deleted"><identifier>oai:arXiv.org:0704.0002</identifier><datestamp>2018-01-01</datestamp></header></record>';
  const server = fakeServer((n, xml) => (n === 0 ? xml.replace(/<record>\s*<header>\s*<identifier>oai:arXiv.org:0704.0002<\/identifier>.*?<\/record>/s, deleted) : xml));
  const seen: string[][] = [];
  const first = await firstBatch(source(server, new FakeClock(), { onDeleted: (ids) => seen.push(ids) }));
  assert.deepEqual(seen, [['0704.0002']]);
  assert.equal(first?.items.length, 999);
  assert.equal(first?.progress.done, 1000);
});

test('a server that repeats its resumption token is stopped', async () => {
  const server = fakeServer((n, xml) => (n === 1 ? xml.replace('2752941|2001', '2752941|1001') : xml));
  await assert.rejects(collect(source(server, new FakeClock())), SourceError);
  assert.equal(server.urls.length, 2);
});

test('an expired resumption token is a ValidationError', async () => {
  await assert.rejects(collect(source(fakeServer(), new FakeClock()), { resumeFrom: 'stale|1' }), (e: unknown) =>
    e instanceof ValidationError && /badResumptionToken/.test(e.message));
});

test('aborting stops before the next request', async () => {
  const server = fakeServer();
  const controller = new AbortController();
  await assert.rejects(async () => {
    for await (const _ of source(server, new FakeClock()).batches({ signal: controller.signal })) controller.abort();
  }, { name: 'AbortError' });
  assert.equal(server.urls.length, 1);
});

test('invalid options are rejected up front', () => {
  const http = arxivHttpClient(fakeServer().fetch);
  assert.throws(() => new OaiPmhSource({ http, from: '2007/04/01' }), (e: unknown) => e instanceof ValidationError && e.field === 'from');
  assert.throws(() => new OaiPmhSource({ http, from: '2007-05-01', until: '2007-04-01' }), (e: unknown) => e instanceof ValidationError && e.field === 'until');
  assert.throws(() => new OaiPmhSource({ http, set: 'cs hep' }), (e: unknown) => e instanceof ValidationError && e.field === 'set');
  assert.throws(() => new OaiPmhSource({ http, baseUrl: 'not a url' }), (e: unknown) => e instanceof ValidationError && e.field === 'baseUrl');
});
