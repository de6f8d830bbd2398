import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { deferCleanup, log } from './lifecycle.js';
import { TMP_PREFIX } from './measure.js';

/**
 * Fresh, throw-away stores for each measurement: a temp directory for SQLite, a schema for
 * PostgreSQL. Both are registered as cleanups so they go away even when a run fails or the
 * benchmark is interrupted; {@link sweepStale} removes what a killed earlier run left behind.
 */

/** A fresh store location and how to remove it. */
export interface TempStore {
  /** SQLite: the directory (`--data`); PostgreSQL: the schema name. */
  where: string;
  dispose(): Promise<void>;
}

/** A fresh temp directory for one SQLite measurement. */
export function sqliteTempDir(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), TMP_PREFIX));
  const dispose = deferCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return { where: dir, dispose };
}

/** Bytes of a SQLite database file plus its WAL (0 for missing files). */
export function sqliteSizeBytes(file: string): number {
  const size = (p: string) => { try { return statSync(p).size; } catch { return 0; } };
  return size(file) + size(`${file}-wal`);
}

/** Rows of `table` in a SQLite file, opened read-only. */
export function sqliteCount(file: string, table: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try { return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n; } finally { db.close(); }
}

/** The SQLite library version better-sqlite3 is built with. */
export function sqliteVersion(): string {
  const db = new BetterSqlite3(':memory:');
  try { return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v; } finally { db.close(); }
}

/** `url` with the connection's search_path set to `schema` (how the CLI is pointed at it). */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

const SCHEMA_TAG = 'papersift-bench';

/** An administrative connection to the benchmark's PostgreSQL server. */
export class PgAdmin {
  readonly url: string;
  readonly #client: pg.Client;

  private constructor(url: string, client: pg.Client) {
    this.url = url;
    this.#client = client;
  }

  /** Connects, or returns the reason it cannot. */
  static async connect(url: string): Promise<PgAdmin | string> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client.on('error', (err) => log(`postgres admin connection error: ${err.message}`));
    try {
      await client.connect();
      await client.query('SELECT 1');
      return new PgAdmin(url, client);
    } catch (err) {
      await client.end().catch(() => undefined);
      return (err as Error).message || String(err);
    }
  }

  async version(): Promise<string> {
    return (await this.#client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  }

  /** A fresh empty schema, tagged with this process so a later run can sweep it if orphaned. */
  async createSchema(): Promise<TempStore> {
    const schema = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
    await this.#client.query(`CREATE SCHEMA ${schema}`);
    await this.#client.query(`COMMENT ON SCHEMA ${schema} IS '${SCHEMA_TAG} host=${hostname().replace(/'/g, '')} pid=${process.pid}'`);
    const dispose = deferCleanup(() => this.dropSchema(schema));
    return { where: schema, dispose };
  }

  async dropSchema(schema: string): Promise<void> {
    await this.#client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }

  /** Total size (tables with their indexes and TOAST) of the ordinary tables in `schema`, bytes. */
  async schemaSizeBytes(schema: string): Promise<number> {
    const r = await this.#client.query<{ bytes: string }>(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::text AS bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = $1`, [schema]);
    return Number(r.rows[0]?.bytes ?? 0);
  }

  async count(schema: string, table: string): Promise<number> {
    const r = await this.#client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${schema}.${table}`);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** Flushes dirty buffers so one measurement does not pay for the previous one's writes (best effort). */
  async checkpoint(): Promise<void> {
    await this.#client.query('CHECKPOINT').catch(() => undefined);
  }

  /** Drops benchmark schemas from this host whose process is gone. */
  async sweepStale(): Promise<void> {
    const r = await this.#client.query<{ nspname: string; tag: string }>(`SELECT n.nspname, obj_description(n.oid, 'pg_namespace') AS tag
      FROM pg_namespace n WHERE n.nspname LIKE 'bench\\_%' AND obj_description(n.oid, 'pg_namespace') LIKE '${SCHEMA_TAG} %'`);
    for (const { nspname, tag } of r.rows) {
      const m = /host=(\S*) pid=(\d+)/.exec(tag);
      if (!m || m[1] !== hostname() || alive(Number(m[2]))) continue;
      log(`dropping stale schema ${nspname} left by process ${m[2]}`);
      await this.dropSchema(nspname);
    }
  }

  async close(): Promise<void> {
    await this.#client.end().catch(() => undefined);
  }
}

/** Removes temp directories left by benchmark processes that no longer exist. */
export function sweepStaleTempDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    const m = /^papersift-bench-(\d+)-/.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    log(`removing stale temp dir ${name}`);
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}
