import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { CitationRecord } from '../../core/citation.js';
import { withNoveltyTables } from '../../store/novelty-impact.tables.js';
import { testBackends, useStore } from '../../../test/support/test-store.js';
import type { Store } from '../../store/store.js';
import type { Clock, FetchLike } from '../http.js';
import { parseWork, yearCounts } from './openalex.parser.js';
import { OpenAlexSource, openAlexHttpClient, openAlexWorkPath } from './openalex.source.js';

/*
 * test/fixtures/openalex holds Work objects CONSTRUCTED FROM THE DOCUMENTATION, NOT RECORDED
 * (see its README): real OpenAlex ids from the unarXive sample, invented counts.
 */

const fixture = (w: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/fixtures/openalex/work_${w}.json`, import.meta.url), 'utf8'));

const ROUTES: Record<string, string> = {
  '/works/doi:10.48550/arXiv.2011.12720': 'W3109101109',
  '/works/W2964234933': 'W2964234933',
  '/works/W4225968159': 'W4225968159',
};

function fakeApi(clock: Clock) {
  const calls: { url: string; at: number }[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push({ url, at: clock.now() });
    const work = ROUTES[decodeURIComponent(new URL(url).pathname)];
    return work ? Response.json(fixture(work)) : Response.json({ error: 'Not Found' }, { status: 404 });
  };
  return { fetch, calls };
}

function fakeClock(): Clock {
  let t = Date.parse('2026-01-05T12:00:00Z');
  return { now: () => t, sleep: async (ms) => { t += ms; } };
}

async function readAll(source: OpenAlexSource) {
  const items: CitationRecord[] = [];
  const failures: string[] = [];
  for await (const b of source.batches()) { items.push(...b.items); failures.push(...b.failures.map((f) => `${f.position}: ${f.reason}`)); }
  return { items, failures };
}

test('parseWork reads cited_by_count and counts_by_year (oldest first, malformed years dropped) and names the work by arXiv id, DOI or OpenAlex id', () => {
  const a = parseWork(fixture('W3109101109'), { position: 'p', retrievedAt: 'T' });
  assert.deepEqual([a.ref, a.openAlexId, a.count?.count, a.count?.source], ['2011.12720', 'W3109101109', 12, 'openalex']);
  assert.deepEqual(a.byYear, [{ year: 2021, count: 3 }, { year: 2022, count: 5 }, { year: 2023, count: 4 }]);
  assert.equal(parseWork(fixture('W2964234933'), { position: 'p', retrievedAt: 'T' }).ref, 'doi:10.1090/s0002-9939-2014-12258-1');
  assert.equal(parseWork(fixture('W4225968159'), { position: 'p', retrievedAt: 'T' }).ref, 'openalex:W4225968159');
  assert.equal(parseWork(fixture('W4225968159'), { position: 'p', retrievedAt: 'T', preferred: '2104.06921' }).ref, '2104.06921');
  assert.deepEqual(yearCounts(null), []);
  assert.deepEqual(parseWork({ id: 'https://openalex.org/W1' }, { position: 'p', retrievedAt: 'T' }).failures, [{ position: 'p', reason: 'OpenAlex answered without a cited_by_count' }]);
});

test('work paths follow the documented lookups; bad ids fail before any request', () => {
  assert.equal(openAlexWorkPath('2011.12720v2'), 'doi:10.48550/arXiv.2011.12720');
  assert.equal(openAlexWorkPath('https://openalex.org/W2964234933'), 'W2964234933');
  assert.equal(openAlexWorkPath('doi:10.1090/s0002-9939-2014-12258-1'), 'doi:10.1090/s0002-9939-2014-12258-1');
  assert.throws(() => openAlexWorkPath('not an id'), /not an OpenAlex id/);
});

test('the source asks with select, mailto and api_key, 100 ms apart; a 404 is a failure; counts carry byYear and retrieval date', async () => {
  const clock = fakeClock();
  const api = fakeApi(clock);
  const source = new OpenAlexSource({ http: openAlexHttpClient(api.fetch, { clock }), clock, ids: ['2011.12720', 'W2964234933', 'W4225968159', 'W1'], mailto: 'ops@example.org', apiKey: 'k' });
  const { items, failures } = await readAll(source);
  assert.deepEqual(failures, ['work W1: not found in OpenAlex']);
  assert.deepEqual(items.filter((i) => i.kind === 'author-id'), [
    { kind: 'author-id', paper: '2011.12720', position: 0, name: 'Josiah Carberry', orcid: '0000-0002-1825-0097', source: 'openalex', retrievedAt: '2026-01-05T12:00:00.000Z' },
  ], 'only the valid ORCID, bare form, at its byline position');
  assert.deepEqual(items.filter((i) => i.kind === 'count').map((i) => i.kind === 'count' && [i.paper, i.count, i.byYear?.length, i.retrievedAt]), [
    ['2011.12720', 12, 3, '2026-01-05T12:00:00.000Z'], ['doi:10.1090/s0002-9939-2014-12258-1', 27, 3, '2026-01-05T12:00:00.100Z'],
    ['openalex:W4225968159', 3, 1, '2026-01-05T12:00:00.200Z'],
  ]);
  const first = new URL(api.calls[0]!.url);
  assert.equal(first.origin + decodeURIComponent(first.pathname), 'https://api.openalex.org/works/doi:10.48550/arXiv.2011.12720');
  assert.deepEqual(Object.fromEntries(first.searchParams), { select: 'id,doi,ids,cited_by_count,counts_by_year,authorships', mailto: 'ops@example.org', api_key: 'k' });
  assert.deepEqual(api.calls.slice(1).map((c, i) => c.at - api.calls[i]!.at), [100, 100, 100]);
});

for (const backend of await testBackends()) {
  describe(`OpenAlex counts in the store on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    useStore(backend, (s) => { store = s; });
    test('the count and every year land with source openalex and the retrieval date', async () => {
      const clock = fakeClock();
      const { items } = await readAll(new OpenAlexSource({ http: openAlexHttpClient(fakeApi(clock).fetch, { clock }), clock, ids: ['2011.12720'] }));
      const run = await store.runs.start('openalex', 'test', {}, '2026-01-05T12:00:00.000Z');
      for (let i = 0; i < 2; i++) await store.writer.writeCitations(run, { items, failures: [], checkpoint: null }, '2026-01-05T12:00:00.000Z');
      const db = withNoveltyTables(store.db);
      const count = await db.selectFrom('citation_counts').selectAll().execute();
      assert.deepEqual(count.map((c) => [c.paper, c.source, Number(c.count), c.retrieved_at]), [['2011.12720', 'openalex', 12, '2026-01-05T12:00:00.000Z']]);
      const years = await db.selectFrom('citation_counts_by_year').selectAll().orderBy('year').execute();
      assert.deepEqual(years.map((y) => [y.paper, y.source, Number(y.year), Number(y.count), y.retrieved_at]), [
        ['2011.12720', 'openalex', 2021, 3, '2026-01-05T12:00:00.000Z'], ['2011.12720', 'openalex', 2022, 5, '2026-01-05T12:00:00.000Z'], ['2011.12720', 'openalex', 2023, 4, '2026-01-05T12:00:00.000Z'],
      ]);
      assert.deepEqual(await store.citations.counts('2011.12720'), [{
        source: 'openalex', count: 12, retrievedAt: '2026-01-05T12:00:00.000Z', byYear: [{ year: 2021, count: 3 }, { year: 2022, count: 5 }, { year: 2023, count: 4 }],
      }], 'the paper page and API read the years with the count');
    });
  });
}
