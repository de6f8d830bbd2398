import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describe, test } from 'node:test';
import { buildPaper } from './support/factories.js';
import { createPostgresTestStore, postgresReachable, type TestStore } from './support/test-store.js';

/**
 * After a bulk load (read indexes dropped, then recreated) the PostgreSQL store refreshes the
 * planner statistics, which the metrics recompute's plans depend on; a start with every index
 * present does not.
 */
describe('PostgreSQL statistics after a bulk load', { skip: (await postgresReachable()) ? false : 'PostgreSQL not reachable' }, () => {
  test('ensureIndexes analyzes the loaded tables only when it had indexes to create', async () => {
    const t: TestStore = await createPostgresTestStore();
    try {
      const analyzed = async () => (await sql<{ n: string }>`SELECT count(*)::text AS n FROM pg_stat_user_tables
        WHERE schemaname = current_schema() AND relname IN ('papers', 'paper_authors') AND last_analyze IS NOT NULL`.execute(t.store.db)).rows[0]!.n;
      const stamp = async () => (await sql<{ at: string | null }>`SELECT last_analyze::text AS at FROM pg_stat_user_tables
        WHERE schemaname = current_schema() AND relname = 'papers'`.execute(t.store.db)).rows[0]?.at ?? null;
      await t.store.suspendIndexes();
      const run = await t.store.runs.start('test', 'bulk', {}, '2025-01-01T00:00:00.000Z');
      await t.store.writer.writePapers(run, { items: [buildPaper(), buildPaper()], failures: [], checkpoint: null }, '2025-01-01T00:00:00.000Z');
      await t.store.ensureIndexes();
      await waitFor(async () => (await analyzed()) === '2');
      const first = await stamp();
      await t.store.ensureIndexes();
      await new Promise((r) => setTimeout(r, 700));
      assert.equal(await stamp(), first, 'no ANALYZE when every read index exists');
    } finally {
      await t.dispose();
    }
  });
});

/** pg_stat views are updated asynchronously: poll briefly. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 40; i++) { if (await check()) return; await new Promise((r) => setTimeout(r, 100)); }
  assert.fail('statistics were not refreshed');
}
