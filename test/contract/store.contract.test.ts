import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CitationRecord } from '../../src/core/citation.js';
import type { PaperRecord } from '../../src/core/paper.js';
import { sql } from 'kysely';
import type { Store, WriteBatch } from '../../src/store/store.js';
import { canonicalDump } from '../support/dump.js';
import { buildPaper } from '../support/factories.js';
import { openStore } from '../../src/main/open-store.js';
import { join } from 'node:path';
import { testBackends, type TestStore } from '../support/test-store.js';

/**
 * The Store contract: every assertion here runs on SQLite and on PostgreSQL, so the two
 * backends cannot drift apart.
 */
const backends = await testBackends();
const T0 = '2026-01-01T00:00:00.000Z';

for (const backend of backends) {
  describe(`Store contract: ${backend.name}`, { skip: backend.skip }, () => {
    let t: TestStore;
    let store: Store;
    before(async () => { t = await backend.create(); store = t.store; });
    after(async () => { await t?.dispose(); });

    const run = (key: string) => store.runs.start('test', key, {}, T0);
    const batch = <T>(items: T[], checkpoint: string | null = null): WriteBatch<T> => ({ items, failures: [], checkpoint });

    test('migrate is idempotent and seeds the taxonomy', async () => {
      const again = await store.migrate();
      assert.deepEqual(again.applied, []);
      const stats = await store.stats.all();
      assert.ok(stats.categories > 150, `categories seeded: ${stats.categories}`);
    });

    test('a new paper round-trips with authors, categories and versions in order', async () => {
      const p = buildPaper({
        authorNames: ['Zoë Ångström', 'Bob Smith', 'Ada Lovelace'], categories: ['hep-th', 'gr-qc'],
        doi: '10.1/x', journalRef: 'J. Things 1 (2025)', comments: '10 pages',
        versions: [{ version: 1, createdAt: '2025-01-02T10:00:00.000Z' }, { version: 2, createdAt: '2025-02-01T09:00:00.000Z' }],
      });
      const counts = await store.writer.writePapers(await run('a'), batch([p]), T0);
      assert.deepEqual(counts, { fetched: 1, new: 1, updated: 0, unchanged: 0, failed: 0 });
      const got = await store.papers.findByArxivIdOrThrow(p.arxivId);
      assert.deepEqual(got.authors.map((a) => a.name), ['Zoë Ångström', 'Bob Smith', 'Ada Lovelace']);
      assert.equal(got.authors[0]!.key, 'zoe-angstrom');
      assert.deepEqual(got.categories, ['hep-th', 'gr-qc']);
      assert.equal(got.primaryCategory, 'hep-th');
      assert.deepEqual(got.versions.map((v) => v.version), [1, 2]);
      assert.equal(got.published, '2025-01-02');
      assert.equal(got.doi, '10.1/x');
    });

    test('re-writing the same records changes nothing', async () => {
      const papers = [buildPaper(), buildPaper()];
      const runId = await run('b');
      await store.writer.writePapers(runId, batch(papers), T0);
      const before = await canonicalDump(store);
      const counts = await store.writer.writePapers(runId, batch(papers), '2026-02-02T00:00:00.000Z');
      assert.deepEqual(counts, { fetched: 2, new: 0, updated: 0, unchanged: 2, failed: 0 });
      assert.deepEqual(await canonicalDump(store), before);
    });

    test('a newer version updates the paper and keeps the version history', async () => {
      const v1 = buildPaper({ title: 'Old title' });
      const v2: PaperRecord = { ...v1, title: 'New title', authorNames: undefined, versions: [...v1.versions, { version: 2, createdAt: '2025-03-01T00:00:00.000Z' }], updated: '2025-03-01' } as PaperRecord;
      const runId = await run('c');
      await store.writer.writePapers(runId, batch([v1]), T0);
      const c = await store.writer.writePapers(runId, batch([v2]), T0);
      assert.equal(c.updated, 1);
      const got = await store.papers.findByArxivIdOrThrow(v1.arxivId);
      assert.equal(got.title, 'New title');
      assert.deepEqual(got.versions.map((v) => v.version), [1, 2]);
      // An older record arriving later does not overwrite the newer one.
      const stale = await store.writer.writePapers(runId, batch([{ ...v1, title: 'Stale title' }]), T0);
      assert.deepEqual(stale, { fetched: 1, new: 0, updated: 0, unchanged: 1, failed: 0 });
      assert.equal((await store.papers.findByArxivIdOrThrow(v1.arxivId)).title, 'New title');
    });

    test('a record that only lacks optional fields keeps the stored values', async () => {
      const full = buildPaper({ doi: '10.2/keep', firstListed: '2025-01-03' });
      const runId = await run('d');
      await store.writer.writePapers(runId, batch([full]), T0);
      await store.writer.writePapers(runId, batch([{ ...full, doi: null, firstListed: null, title: 'Retitled', updated: '2025-05-05' }]), T0);
      const got = await store.papers.findByArxivIdOrThrow(full.arxivId);
      assert.equal(got.title, 'Retitled');
      assert.equal(got.doi, '10.2/keep');
      assert.equal(got.firstListed, '2025-01-03');
    });

    test('the same id twice in one batch ends as the later record', async () => {
      const a = buildPaper({ title: 'First' });
      const b = { ...a, title: 'Second', updated: '2025-06-01' };
      const c = await store.writer.writePapers(await run('e'), batch([a, b]), T0);
      assert.equal(c.new + c.updated, 2);
      assert.equal((await store.papers.findByArxivIdOrThrow(a.arxivId)).title, 'Second');
    });

    test('batch, failures, counts and checkpoint commit together', async () => {
      const runId = await run('f');
      const failures = [{ position: 'line 7', reason: 'title: missing or empty' }];
      await store.writer.writePapers(runId, { items: [buildPaper()], failures, checkpoint: '42' }, T0);
      const r = await store.runs.find(runId);
      assert.equal(r?.checkpoint, '42');
      assert.equal(r?.fetched, 2);
      assert.equal(r?.failed, 1);
      assert.deepEqual(await store.runs.failures(runId), failures);
      assert.equal((await store.runs.findResumable('f'))?.id, runId);
      await store.runs.finish(runId, 'completed', T0);
      assert.equal(await store.runs.findResumable('f'), undefined);
    });

    test('citation edges are deduplicated and counts upserted', async () => {
      const runId = await run('g');
      const items: CitationRecord[] = [
        { kind: 'edge', citing: 'hep-th/9501001', cited: 'hep-th/9407087', source: 'test' },
        { kind: 'edge', citing: 'hep-th/9501001', cited: 'hep-th/9407087', source: 'test' },
        { kind: 'edge', citing: 'hep-th/9502002', cited: 'hep-th/9407087', source: 'test' },
        { kind: 'count', paper: 'hep-th/9407087', count: 403, source: 's2', retrievedAt: T0 },
      ];
      const c = await store.writer.writeCitations(runId, batch(items), T0);
      assert.deepEqual(c, { fetched: 4, new: 3, updated: 0, unchanged: 1, failed: 0 });
      assert.deepEqual(await store.citations.citingPapers('hep-th/9407087'), ['hep-th/9501001', 'hep-th/9502002']);
      const again = await store.writer.writeCitations(runId, batch([...items.slice(0, 3), { kind: 'count', paper: 'hep-th/9407087', count: 404, source: 's2', retrievedAt: '2026-02-01T00:00:00.000Z' }]), T0);
      assert.deepEqual(again, { fetched: 4, new: 0, updated: 1, unchanged: 3, failed: 0 });
      assert.deepEqual(await store.citations.counts('hep-th/9407087'), [{ source: 's2', count: 404, retrievedAt: '2026-02-01T00:00:00.000Z' }]);
    });

    test('a batch that fails rolls back whole, and authors it introduced are written by the next batch', async () => {
      const runId = await run('h');
      const good = buildPaper({ authorNames: ['Rolled Back Author'] });
      const broken = { ...buildPaper(), categories: [] as string[] }; // no primary category: NOT NULL violation
      await assert.rejects(store.writer.writePapers(runId, batch([good, broken], '9'), T0));
      assert.equal(await store.papers.findByArxivId(good.arxivId), undefined);
      assert.equal((await store.runs.find(runId))?.checkpoint, null, 'the checkpoint did not move');
      await store.writer.writePapers(runId, batch([good], '9'), T0);
      const authors = await sql<{ n: number }>`SELECT count(*) AS n FROM authors WHERE key = 'rolled-back-author'`.execute(store.db);
      assert.equal(Number(authors.rows[0]!.n), 1);
    });

    test('every child row has its paper, and every authorship its author', async () => {
      const orphans = await sql<{ n: number }>`SELECT
        (SELECT count(*) FROM paper_authors c WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = c.paper_id)) +
        (SELECT count(*) FROM paper_categories c WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = c.paper_id)) +
        (SELECT count(*) FROM paper_versions c WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = c.paper_id)) +
        (SELECT count(*) FROM paper_authors c WHERE NOT EXISTS (SELECT 1 FROM authors a WHERE a.key = c.author_key)) AS n`.execute(store.db);
      assert.equal(Number(orphans.rows[0]!.n), 0);
    });

    test('findByArxivId of an unknown id is undefined; OrThrow throws NotFoundError', async () => {
      assert.equal(await store.papers.findByArxivId('9999.99999'), undefined);
      await assert.rejects(store.papers.findByArxivIdOrThrow('9999.99999'), { code: 'not_found' });
    });

    test('stats and size reflect the contents', async () => {
      const s = await store.stats.all();
      assert.ok(s.papers >= 7 && s.authorships >= s.papers && s.versions >= s.papers);
      assert.equal(s.citations, 2);
      assert.ok((await store.sizeBytes()) > 0);
    });

    test('version changes after a commit here or in another connection, and not after reads', async () => {
      const v0 = await store.version();
      await store.stats.all();
      assert.equal(await store.version(), v0, 'reads leave the version alone');
      await store.writer.writePapers(await run('version-a'), batch([buildPaper()]), T0);
      const v1 = await store.version();
      assert.notEqual(v1, v0, 'a write through this store');
      const other = await openStore({ databaseUrl: t.env['DATABASE_URL'] ?? null, sqliteFile: join(t.env['PAPERSIFT_DATA'] ?? '.', 'papersift.db') });
      try {
        await other.writer.writePapers(await other.runs.start('test', 'version-b', {}, T0), batch([buildPaper()]), T0);
      } finally {
        await other.close();
      }
      assert.notEqual(await store.version(), v1, 'a commit by another connection (another process: the CLI beside the web server)');
    });
  });
}
