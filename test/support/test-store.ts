import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * Test stores: SQLite always; PostgreSQL when reachable at TEST_DATABASE_URL (default
 * `postgres://postgres@127.0.0.1:5432/test`). In CI (CI=true) an unreachable PostgreSQL is
 * an error, not a skip, so the PostgreSQL half of a contract suite can never silently vanish.
 * Each PostgreSQL store gets its own schema, dropped on dispose.
 */

/** The PostgreSQL URL tests use. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store made for one test, and how to throw it away. */
export interface TestStore {
  store: Store;
  /** Where a child process can open the same store (`DATABASE_URL` or `PAPERSIFT_DATA` env). */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** One backend a contract suite runs on. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Why it is skipped, or false when it runs. */
  skip: string | false;
  create(): Promise<TestStore>;
}

let pgReachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers (memoised per process). */
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
    try { await client.connect(); await client.query('SELECT 1'); return true; } catch { return false; } finally { await client.end().catch(() => undefined); }
  })();
  return pgReachable;
}

/** A migrated SQLite store in a fresh temp directory. */
export async function createSqliteTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'papersift-test-'));
  const store = openSqliteStore({ file: join(dir, 'papersift.db') });
  await store.migrate();
  return { store, env: { PAPERSIFT_DATA: dir }, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A migrated PostgreSQL store in its own fresh schema. */
export async function createPostgresTestStore(): Promise<TestStore> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema, maxConnections: 4 });
  await store.migrate();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    store,
    env: { DATABASE_URL: url.toString() },
    dispose: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try { await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } finally { await c.end(); }
    },
  };
}

/** The backends to run contract suites on, with PostgreSQL skipped only outside CI when unreachable. */
export async function testBackends(): Promise<TestBackend[]> {
  const reachable = await postgresReachable();
  if (!reachable && process.env['CI']) throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL}, and CI requires it`);
  return [
    { name: 'sqlite', skip: false, create: createSqliteTestStore },
    { name: 'postgres', skip: reachable ? false : `PostgreSQL not reachable at ${TEST_DATABASE_URL}`, create: createPostgresTestStore },
  ];
}

/**
 * Registers before/after hooks in the current `describe` that create a store on `backend`,
 * hand it to `setup` (to keep it and load data), and dispose of it afterwards.
 */
export function useStore(backend: TestBackend, setup: (store: Store) => Promise<void> | void): void {
  let t: TestStore | undefined;
  before(async () => { t = await backend.create(); await setup(t.store); });
  after(async () => { await t?.dispose(); });
}
