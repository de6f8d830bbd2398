import type { Kysely, Selectable } from 'kysely';
import type { IngestCounts, RecordFailure } from '../core/ingest-report.js';
import type { Database, IngestRunTable } from './tables.js';

/** An ingest run as the rest of the app sees it. */
export interface IngestRun extends IngestCounts {
  id: number;
  source: string;
  resumeKey: string;
  params: Record<string, unknown>;
  status: 'running' | 'completed' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  checkpoint: string | null;
  error: string | null;
}

/** Records ingest runs: start, resume lookup, finish, failures. */
export class IngestRunRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Starts a run and returns its id. */
  async start(source: string, resumeKey: string, params: Record<string, unknown>, now: string): Promise<number> {
    const row = await this.#db.insertInto('ingest_runs')
      .values({ source, resume_key: resumeKey, params: JSON.stringify(params), status: 'running', started_at: now })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * The newest unfinished run (running or failed, i.e. interrupted) with this resume key, if
   * its input has not completed since. A resumed ingest continues it from its checkpoint.
   */
  async findResumable(resumeKey: string): Promise<IngestRun | undefined> {
    const row = await this.#db.selectFrom('ingest_runs').selectAll()
      .where('resume_key', '=', resumeKey).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!row || row.status === 'completed') return undefined;
    return toRun(row);
  }

  /** Marks a run running again (when it is resumed). */
  async reopen(id: number): Promise<void> {
    await this.#db.updateTable('ingest_runs').set({ status: 'running', finished_at: null, error: null }).where('id', '=', id).execute();
  }

  /** Marks a run completed or failed. */
  async finish(id: number, status: 'completed' | 'failed', now: string, error?: string): Promise<void> {
    await this.#db.updateTable('ingest_runs').set({ status, finished_at: now, error: error ?? null }).where('id', '=', id).execute();
  }

  /** The run with this id, or undefined. */
  async find(id: number): Promise<IngestRun | undefined> {
    const row = await this.#db.selectFrom('ingest_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  /** The most recent runs, newest first. */
  async recent(limit: number): Promise<IngestRun[]> {
    const rows = await this.#db.selectFrom('ingest_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toRun);
  }

  /** Stored failures of a run, in order. */
  async failures(id: number, limit = 1000): Promise<RecordFailure[]> {
    return this.#db.selectFrom('ingest_failures').select(['position', 'reason']).where('run_id', '=', id).orderBy('seq').limit(limit).execute();
  }
}

function toRun(r: Selectable<IngestRunTable>): IngestRun {
  return {
    id: Number(r.id), source: r.source, resumeKey: r.resume_key, params: JSON.parse(r.params) as Record<string, unknown>,
    status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, checkpoint: r.checkpoint, error: r.error,
    fetched: Number(r.fetched), new: Number(r.new), updated: Number(r.updated), unchanged: Number(r.unchanged), failed: Number(r.failed),
  };
}
