import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { PaperRecord } from '../core/paper.js';
import { buildPaper } from '../../test/support/factories.js';
import { testBackends, type TestStore } from '../../test/support/test-store.js';

/**
 * Deferred authors during a bulk load, on both backends (sqlite/ and postgres/deferred-authors.ts):
 * filled once at the end with the first name seen, healed by migrate() after a kill, ended early
 * by a replacing update.
 */
let t: TestStore;

const NOW = '2026-11-22T00:00:00.000Z';
let batch = 0;
const write = (items: PaperRecord[]) => t.store.writer.writePapers(runId, { items, failures: [], checkpoint: String(++batch) }, NOW);
let runId = 0;
const authors = async () => (await sql<{ key: string; name: string }>`SELECT key, name FROM authors ORDER BY key`.execute(t.store.db)).rows;
const marker = async () => Number((await (t.store.capabilities.dialect === 'sqlite'
  ? sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'paper_authors_author'`
  : sql<{ n: number }>`SELECT count(*) AS n FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'paper_authors_author'`).execute(t.store.db)).rows[0]!.n);

for (const backend of await testBackends()) {
  describe(`deferred authors: ${backend.name}`, { skip: backend.skip }, () => {
    beforeEach(async () => { t = await backend.create(); runId = await t.store.runs.start('snapshot', `k${Math.random()}`, {}, NOW); });
    afterEach(async () => { await t.dispose(); });

    test('a bulk load writes authors once, at the end, with the first name seen for each key', async () => {
      await t.store.suspendIndexes();
      await write([buildPaper({ authorNames: ['Péter Frenkel', 'Ada Lovelace'] })]);
      await write([buildPaper({ authorNames: ['Peter Frenkel'] })]);
      assert.deepEqual(await authors(), []);
      await t.store.ensureIndexes();
      assert.deepEqual(await authors(), [{ key: 'ada-lovelace', name: 'Ada Lovelace' }, { key: 'peter-frenkel', name: 'Péter Frenkel' }]);
    });

    test('a killed bulk load gets its authors when the store is next migrated', async () => {
      await t.store.suspendIndexes();
      await write([buildPaper({ authorNames: ['Ada Lovelace'] })]);
      await t.store.migrate();
      assert.equal(await marker(), 1);
      assert.deepEqual(await authors(), [{ key: 'ada-lovelace', name: 'Ada Lovelace' }]);
      // Later batches write their authors directly.
      await write([buildPaper({ authorNames: ['Alan Turing'] })]);
      assert.deepEqual((await authors()).map((a) => a.key), ['ada-lovelace', 'alan-turing']);
    });

    test('a replacing update ends the deferral first, so the stored name stays the first seen', async () => {
      await t.store.suspendIndexes();
      const p = buildPaper({ authorNames: ['Péter Frenkel'] });
      await write([p]);
      await write([{ ...p, title: 'Renamed', authors: [{ name: 'Peter Frenkel', key: 'peter-frenkel' }], versions: [...p.versions, { version: 2, createdAt: '2025-02-01T00:00:00Z' }] }]);
      assert.equal(await marker(), 1);
      assert.deepEqual(await authors(), [{ key: 'peter-frenkel', name: 'Péter Frenkel' }]);
      await t.store.ensureIndexes();
      assert.deepEqual(await authors(), [{ key: 'peter-frenkel', name: 'Péter Frenkel' }]);
    });
  });
}

describe('deferred authors: sqlite covering index', () => {
  beforeEach(async () => { t = await (await testBackends())[0]!.create(); runId = await t.store.runs.start('snapshot', `k${Math.random()}`, {}, NOW); });
  afterEach(async () => { await t.dispose(); });

  test('migrate() turns an older store\'s author index into the covering one, authors unchanged', async () => {
    await write([buildPaper({ authorNames: ['Péter Frenkel', 'Ada Lovelace'] }), buildPaper({ authorNames: ['Peter Frenkel'] })]);
    const before = await authors();
    // The store as 0007 left it: the two-column index, and 0008 not yet applied.
    await sql`DROP INDEX paper_authors_author`.execute(t.store.db);
    await sql`CREATE INDEX paper_authors_author ON paper_authors (author_key, paper_id)`.execute(t.store.db);
    await sql`DELETE FROM kysely_migration WHERE name = '0008_sqlite_covering_author_index'`.execute(t.store.db);
    const columns = async () => (await sql<{ name: string }>`SELECT name FROM pragma_index_info('paper_authors_author') ORDER BY seqno`.execute(t.store.db)).rows.map((r) => r.name);
    assert.deepEqual(await columns(), ['author_key', 'paper_id']);
    await t.store.migrate();
    assert.deepEqual(await columns(), ['author_key', 'paper_id', 'position', 'name']);
    assert.deepEqual(await authors(), before);
  });
});
