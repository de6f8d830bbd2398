import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { AuthorIdentity, CitationRecord } from '../src/core/citation.js';
import type { IngestCounts } from '../src/core/ingest-report.js';
import type { FetchLike } from '../src/ingest/http.js';
import { FakeClock } from './support/fake-clock.js';
import { OpenAlexSource, openAlexHttpClient } from '../src/ingest/openalex/openalex.source.js';
import { SEMANTIC_SCHOLAR_FIELDS, SemanticScholarSource, semanticScholarHttpClient } from '../src/ingest/semantic-scholar/semantic-scholar.source.js';
import type { Source } from '../src/ingest/source.js';
import { createApp } from '../src/serve/app.js';
import { getAuthorProfile } from '../src/services/author.service.js';
import type { Store } from '../src/store/store.js';
import { buildPaper } from './support/factories.js';
import { sharedData } from './support/shared-data.js';
import { testBackends, useStore } from './support/test-store.js';

/*
 * Author ids from the sources into `authors`, on both backends. The Semantic Scholar answer is a
 * real recording (shared/data/fixtures/semantic_scholar, `test_get_papers`): paper cb1ebd91…
 * (DOI 10.2139/ssrn.2250500) with its `authors` as the documented `authors` field returns them
 * (`authorId`, `name`), served for `GET /paper/arXiv:<id>?fields=externalIds,citationCount,authors`.
 * The recording carries no citationCount, so the lookup also reports that failure.
 * OpenAlex answers come from test/fixtures/openalex (constructed from the docs, see its README).
 */

const PAPER = '1304.5555';
const NOW = '2026-01-05T12:00:00.000Z';
const S2 = (name: string) => JSON.parse(readFileSync(sharedData(join('fixtures', 'semantic_scholar', 'responses', `${name}.json`)), 'utf8')) as { body: unknown }[];

function recordedS2Paper(): unknown {
  const batch = S2('test_get_papers')[0]!.body as { paperId: string; authors: { authorId: string; name: string }[] }[];
  const paper = batch.find((p) => p.paperId === 'cb1ebd913c3724c599f6b276b14b5c6253da68f3')!;
  return { paperId: paper.paperId, authors: paper.authors };
}

function s2Source(): SemanticScholarSource {
  const url = `https://api.semanticscholar.org/graph/v1/paper/arXiv:${PAPER}?fields=${encodeURIComponent(SEMANTIC_SCHOLAR_FIELDS.paper)}`;
  const fetch: FetchLike = async (u) => {
    if (decodeURIComponent(u) !== decodeURIComponent(url)) throw new Error(`unexpected request ${u}`);
    return Response.json(recordedS2Paper(), { headers: { date: 'Sun, 08 Dec 2024 00:42:47 GMT' } });
  };
  const clock = new FakeClock(Date.parse(NOW));
  return new SemanticScholarSource({ http: semanticScholarHttpClient(fetch, { clock }), clock, ids: [PAPER], include: ['count'] });
}

function openAlexSource(): OpenAlexSource {
  const fixture = readFileSync(new URL('./fixtures/openalex/work_W3109101109.json', import.meta.url), 'utf8');
  const fetch: FetchLike = async (u) => {
    if (!decodeURIComponent(u).includes('/works/doi:10.48550/arXiv.2011.12720?')) throw new Error(`unexpected request ${u}`);
    return new Response(fixture, { headers: { 'content-type': 'application/json' } });
  };
  const clock = new FakeClock(Date.parse(NOW));
  return new OpenAlexSource({ http: openAlexHttpClient(fetch, { clock }), clock, ids: ['2011.12720'] });
}

async function records(source: Source<CitationRecord>): Promise<{ items: CitationRecord[]; failures: string[] }> {
  const items: CitationRecord[] = [], failures: string[] = [];
  for await (const b of source.batches()) { items.push(...b.items); failures.push(...b.failures.map((f) => `${f.position}: ${f.reason}`)); }
  return { items, failures };
}

async function write(store: Store, items: CitationRecord[]): Promise<{ counts: IngestCounts; failures: string[] }> {
  const run = await store.runs.start('author-ids-test', 'test', {}, NOW);
  const counts = await store.writer.writeCitations(run, { items, failures: [], checkpoint: null }, NOW);
  const rows = await store.db.selectFrom('ingest_failures').select(['position', 'reason']).where('run_id', '=', run).orderBy('seq').execute();
  return { counts, failures: rows.map((r) => `${r.position}: ${r.reason}`) };
}

async function ids(store: Store): Promise<Record<string, [string | null, string | null]>> {
  const rows = await store.db.selectFrom('authors').select(['key', 's2_author_id', 'orcid']).orderBy('key').execute();
  return Object.fromEntries(rows.map((r) => [r.key, [r.s2_author_id, r.orcid]]));
}

for (const backend of await testBackends()) {
  describe(`author ids from sources on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    useStore(backend, async (s) => {
      store = s;
      const run = await s.runs.start('papers', 'test', {}, NOW);
      const papers = [
        // arXiv's byline order; Semantic Scholar lists Duflo first, so positions 0 and 1 disagree by name.
        buildPaper({ arxivId: PAPER, authorNames: ['Abhijit Banerjee', 'Esther Duflo', 'Rachel Glennerster', 'Cynthia G. Kinnan'] }),
        buildPaper({ arxivId: '2011.12720', authorNames: ['Josiah Carberry', 'Ada Q. Example', 'Bo Invalid'] }),
      ];
      await s.writer.writePapers(run, { items: papers, failures: [], checkpoint: null }, NOW);
    });

    test('Semantic Scholar author ids from the recorded response fill empty ids; a second run changes nothing', async () => {
      const { items, failures } = await records(s2Source());
      assert.deepEqual(failures, [`paper ${PAPER}: Semantic Scholar answered without a citationCount`]);
      assert.deepEqual(items.map((r) => r.kind === 'author-id' && [r.paper, r.position, r.name, r.s2AuthorId]), [
        [PAPER, 0, 'E. Duflo', '2259683'], [PAPER, 1, 'A. Banerjee', '2237651454'], [PAPER, 2, 'R. Glennerster', '4249203'], [PAPER, 3, 'Cynthia Kinnan', '31549526'],
      ]);
      const first = await write(store, items);
      assert.deepEqual([first.counts.updated, first.counts.unchanged, first.counts.failed], [4, 0, 0]);
      const stored = await ids(store);
      assert.deepEqual([stored['esther-duflo'], stored['abhijit-banerjee'], stored['rachel-glennerster'], stored['cynthia-g-kinnan']], [
        ['2259683', null], ['2237651454', null], ['4249203', null], ['31549526', null],
      ]);
      const second = await write(store, items);
      assert.deepEqual([second.counts.updated, second.counts.new, second.counts.unchanged, second.counts.failed], [0, 0, 4, 0]);
      assert.deepEqual(await ids(store), stored);
    });

    test('a different stored id is kept and the record fails naming paper and author; the rest of the batch goes on', async () => {
      await store.db.updateTable('authors').set({ s2_author_id: null }).execute();
      await store.db.updateTable('authors').set({ s2_author_id: '1111' }).where('key', '=', 'rachel-glennerster').execute();
      const { items } = await records(s2Source());
      const { counts, failures } = await write(store, items);
      assert.deepEqual([counts.updated, counts.failed], [3, 1]);
      assert.deepEqual(failures, [`paper ${PAPER} author R. Glennerster: Semantic Scholar author id 4249203 differs from stored 1111 (semantic-scholar); stored author rachel-glennerster keeps its id`]);
      const stored = await ids(store);
      assert.deepEqual([stored['rachel-glennerster'], stored['esther-duflo']], [['1111', null], ['2259683', null]]);
    });

    test('OpenAlex ORCIDs are stored bare; a paper not in the store and an author not on the paper change nothing', async () => {
      const { items } = await records(openAlexSource());
      const stray: AuthorIdentity[] = [
        { kind: 'author-id', paper: 'doi:10.1093/mind/lix.236.433', position: 0, name: 'A. Turing', s2AuthorId: '2262347', source: 'semantic-scholar', retrievedAt: NOW },
        { kind: 'author-id', paper: '2011.12720', position: 1, name: 'Grace Hopper', orcid: '0000-0001-5109-3700', source: 'openalex', retrievedAt: NOW },
      ];
      const { counts, failures } = await write(store, [...items, ...stray]);
      assert.deepEqual(failures, []);
      assert.deepEqual([counts.new, counts.updated, counts.unchanged], [1, 1, 2], 'the count is new, Carberry updated, the strays unchanged');
      const stored = await ids(store);
      assert.deepEqual([stored['josiah-carberry'], stored['ada-q-example'], stored['bo-invalid']], [[null, '0000-0002-1825-0097'], [null, null], [null, null]]);
    });

    test('the profile page and the JSON API show the ids as links', async () => {
      await write(store, [...(await records(s2Source())).items, ...(await records(openAlexSource())).items]);
      const profile = await getAuthorProfile(store, 'esther-duflo');
      assert.deepEqual([profile.s2AuthorId, profile.orcid], ['2259683', null]);
      const app = createApp({ store, secret: Buffer.alloc(32, 7) });
      const api = await (await app.request('/api/v1/authors/josiah-carberry')).json() as { orcid: string | null; s2AuthorId: string | null };
      assert.deepEqual([api.orcid, api.s2AuthorId], ['0000-0002-1825-0097', null]);
      const page = await (await app.request('/authors/esther-duflo')).text();
      assert.match(page, /href="https:\/\/www\.semanticscholar\.org\/author\/2259683"/);
      assert.match(await (await app.request('/authors/josiah-carberry')).text(), /href="https:\/\/orcid\.org\/0000-0002-1825-0097"/);
    });
  });
}
