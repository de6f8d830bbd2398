import type pg from 'pg';
import type { AuthorIdentity, CitationCount, CitationEdge, CitationRecord } from '../../core/citation.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import { emptyCounts, type IngestCounts } from '../../core/ingest-report.js';
import type { PaperRecord } from '../../core/paper.js';
import { compareWithStored, PAPER_ROW_COLUMNS, paperRow, paperRowValues, prepareRecord, uniqueRuns, type PreparedRecord, type StoredState } from '../paper-row.js';
import { MAX_STORED_FAILURES, type BatchWriter, type WriteBatch } from '../store.js';
import { copyRows, type CopyValue } from './copy-rows.js';
import { authorsDeferred, endDeferral } from './deferred-authors.js';
import { inWriterTransaction } from './writer-transaction.js';
import { KnownAuthors } from '../known-authors.js';
import { OVERRIDES_SQL, withOverrides, type OverrideRow } from '../author-overrides.js';
import { AUTHORSHIPS_SQL, countAuthorId, matchAuthorship, planAuthorIds, STORE_IDS_SQL, STORED_IDS_SQL, type Authorship, type StoredIds } from '../author-ids.js';

type Row = [PreparedRecord, number];


/**
 * PostgreSQL's BatchWriter. New rows go in with COPY (into the tables directly, or into
 * transaction-scoped staging tables where conflicts must be skipped), so a batch costs a
 * handful of round trips and no per-row statement parsing. Each batch is one transaction
 * holding an advisory lock, so concurrent writers (web and worker) never race on the same ids.
 */
export class PostgresBatchWriter implements BatchWriter {
  readonly #pool: pg.Pool;
  readonly #known = new KnownAuthors();
  readonly #markerIndex: string;

  /** `markerIndex` is the CREATE INDEX statement that ends a bulk load's author deferral (see deferred-authors.ts). */
  constructor(pool: pg.Pool, markerIndex: string) {
    this.#pool = pool;
    this.#markerIndex = markerIndex;
  }

  /** See {@link BatchWriter.writePapers}. */
  async writePapers(runId: number, batch: WriteBatch<PaperRecord>, now: string): Promise<IngestCounts> {
    const known = this.#known.forRun(runId);
    const added: [string, string][] = [];
    const counts = await inWriterTransaction(this.#pool, async (c) => {
      const counts = emptyCounts();
      const book: AuthorBook = { known, added, deferred: await authorsDeferred(c), endDeferral: () => endDeferral(c, this.#markerIndex) };
      for (const part of uniqueRuns(batch.items)) await upsertPapers(c, part.map(prepareRecord), now, counts, book);
      return closeBatch(c, runId, batch, counts);
    });
    known.remember(added);
    return counts;
  }

  /** See {@link BatchWriter.writeCitations}. */
  async writeCitations(runId: number, batch: WriteBatch<CitationRecord>, now: string): Promise<IngestCounts> {
    void now;
    return inWriterTransaction(this.#pool, async (c) => {
      const counts = emptyCounts();
      await insertEdges(c, batch.items.filter((x): x is CitationEdge => x.kind === 'edge'), counts);
      for (const x of batch.items) if (x.kind === 'count') counts[await upsertCount(c, x)]++;
      const failures = [...batch.failures];
      const authorships = new Map<string, Authorship[]>(); // one read per paper: a source sends one record per author
      for (const x of batch.items) if (x.kind === 'author-id') countAuthorId(await writeAuthorId(c, x, authorships), counts, failures);
      return closeBatch(c, runId, { ...batch, failures }, counts);
    });
  }

}

/** Fills the matched author's empty ids; a paper not in the store or an unmatched author changes nothing. */
async function writeAuthorId(c: pg.PoolClient, rec: AuthorIdentity, read: Map<string, Authorship[]>): Promise<'updated' | 'unchanged' | RecordFailure> {
  let authorships = read.get(rec.paper);
  if (!authorships) {
    authorships = (await c.query<Authorship>(AUTHORSHIPS_SQL, [rec.paper])).rows.map((a) => ({ ...a, position: Number(a.position) }));
    read.set(rec.paper, authorships);
  }
  const match = matchAuthorship(rec, authorships);
  if (!match) return 'unchanged';
  const stored = await c.query<StoredIds>(STORED_IDS_SQL, [match.author_key]);
  const plan = planAuthorIds(rec, match, stored.rows[0]);
  if (plan.kind === 'failure') return plan.failure;
  if (plan.kind === 'unchanged') return 'unchanged';
  await c.query(STORE_IDS_SQL, [plan.key, match.name, plan.s2AuthorId, plan.orcid]);
  return 'updated';
}

/**
 * Where a batch records the author keys it writes; while a bulk load defers authors, nothing
 * (`endDeferral` builds the marker index and fills them, before a batch replaces authorships).
 */
interface AuthorBook { known: KnownAuthors; added: [string, string][]; deferred: boolean; endDeferral: () => Promise<void> }

async function upsertPapers(c: pg.PoolClient, prepared: PreparedRecord[], now: string, counts: IngestCounts, book: AuthorBook): Promise<void> {
  const ids = prepared.map((p) => p.record.arxivId);
  const stored = await c.query<StoredState & { arxiv_id: string }>(
    'SELECT id, arxiv_id, content_hash, latest_version, source_updated FROM papers WHERE arxiv_id = ANY($1::text[])', [ids]);
  const byId = new Map(stored.rows.map((r) => [r.arxiv_id, r]));
  const fresh = prepared.filter((p) => !byId.has(p.record.arxivId));
  const newer: Row[] = [], kept: Row[] = [];
  for (const p of prepared) {
    const s = byId.get(p.record.arxivId);
    if (s) (compareWithStored(p, s) === 'newer' ? newer : kept).push([p, s.id]);
  }
  const freshRows = await insertPapers(c, fresh, now);
  await updatePapers(c, newer, now);
  await copyVersions(c, 'paper_versions', freshRows); // new papers: nothing to conflict with
  const versioned = await insertVersions(c, [...newer, ...kept]);
  const bumped = kept.filter(([, id]) => versioned.has(id));
  await bumpVersions(c, bumped, now);
  if (newer.length > 0) {
    // Replacing a stored paper's authorships must not lose the names they introduced.
    if (book.deferred) { await book.endDeferral(); book.deferred = false; }
    const newerIds = newer.map(([, id]) => id);
    await c.query('DELETE FROM paper_authors WHERE paper_id = ANY($1::int[])', [newerIds]);
    await c.query('DELETE FROM paper_categories WHERE paper_id = ANY($1::int[])', [newerIds]);
  }
  await insertChildren(c, withOverrides((await c.query<OverrideRow>(OVERRIDES_SQL)).rows, [...freshRows, ...newer]), book);
  counts.new += fresh.length;
  counts.updated += newer.length + bumped.length;
  counts.unchanged += kept.length - bumped.length;
}

async function insertPapers(c: pg.PoolClient, fresh: PreparedRecord[], now: string): Promise<Row[]> {
  if (fresh.length === 0) return [];
  await copyRows(c, 'papers', PAPER_ROW_COLUMNS, fresh.map((p) => paperRowValues(paperRow(p, now))));
  const r = await c.query<{ id: number; arxiv_id: string }>('SELECT id, arxiv_id FROM papers WHERE arxiv_id = ANY($1::text[])', [fresh.map((p) => p.record.arxivId)]);
  const ids = new Map(r.rows.map((x) => [x.arxiv_id, x.id]));
  return fresh.map((p) => [p, ids.get(p.record.arxivId)!]);
}

async function updatePapers(c: pg.PoolClient, newer: Row[], now: string): Promise<void> {
  for (const [p, id] of newer) {
    await c.query(`UPDATE papers SET title = $2, abstract = $3, comments = coalesce($4, comments), journal_ref = coalesce($5, journal_ref),
        doi = coalesce($6, doi), license = coalesce($7, license), report_no = coalesce($8, report_no), primary_category = $9,
        published = coalesce(published, $10), first_listed = coalesce(first_listed, $11), latest_version = greatest(latest_version, $12),
        source_updated = coalesce($13, source_updated), content_hash = $14, last_changed_at = $15 WHERE id = $1`, [id, ...paperRowValues(paperRow(p, now)).slice(1, 14), now]);
  }
}

/** COPYs the versions of `rows` into `table`; false when there were none. */
async function copyVersions(c: pg.PoolClient, table: string, rows: Row[]): Promise<boolean> {
  const values: CopyValue[][] = [];
  for (const [p, id] of rows) for (const v of p.record.versions) values.push([id, v.version, v.createdAt]);
  if (values.length > 0) await copyRows(c, table, ['paper_id', 'version', 'created_at'], values);
  return values.length > 0;
}

/** Adds the versions of stored papers that are not stored yet; returns the papers that gained one. */
async function insertVersions(c: pg.PoolClient, rows: Row[]): Promise<Set<number>> {
  if (!rows.some(([p]) => p.record.versions.length > 0)) return new Set();
  await c.query('CREATE TEMP TABLE IF NOT EXISTS s_versions (paper_id int, version int, created_at text) ON COMMIT DROP');
  await copyVersions(c, 's_versions', rows);
  const r = await c.query<{ paper_id: number }>(`INSERT INTO paper_versions (paper_id, version, created_at)
    SELECT paper_id, version, created_at FROM s_versions ON CONFLICT DO NOTHING RETURNING paper_id`);
  await c.query('TRUNCATE s_versions');
  return new Set(r.rows.map((x) => x.paper_id));
}

async function bumpVersions(c: pg.PoolClient, bumped: Row[], now: string): Promise<void> {
  for (const [p, id] of bumped) await c.query('UPDATE papers SET latest_version = greatest(latest_version, $2), last_changed_at = $3 WHERE id = $1', [id, p.latest, now]);
}

async function insertChildren(c: pg.PoolClient, rows: Row[], book: AuthorBook): Promise<void> {
  if (rows.length === 0) return;
  const authorships: CopyValue[][] = [], categories: CopyValue[][] = [];
  for (const [p, id] of rows) {
    p.record.authors.forEach((a, position) => authorships.push([id, position, a.key, a.name]));
    [...new Set(p.record.categories)].forEach((category, position) => categories.push([id, category, position]));
  }
  const authors = book.deferred ? [] : book.known.unseen(rows.flatMap(([p]) => p.record.authors));
  book.added.push(...authors);
  if (authors.length > 0) {
    await c.query('CREATE TEMP TABLE IF NOT EXISTS s_authors (key text, name text) ON COMMIT DROP');
    await copyRows(c, 's_authors', ['key', 'name'], authors);
    await c.query('INSERT INTO authors (key, name) SELECT key, name FROM s_authors ON CONFLICT (key) DO NOTHING');
    await c.query('TRUNCATE s_authors');
  }
  await copyRows(c, 'paper_authors', ['paper_id', 'position', 'author_key', 'name'], authorships);
  await copyRows(c, 'paper_categories', ['paper_id', 'category', 'position'], categories);
}

async function insertEdges(c: pg.PoolClient, edges: CitationEdge[], counts: IngestCounts): Promise<void> {
  if (edges.length === 0) return;
  await c.query('CREATE TEMP TABLE IF NOT EXISTS s_edges (citing text, cited text, source text) ON COMMIT DROP');
  await copyRows(c, 's_edges', ['citing', 'cited', 'source'], edges.map((e) => [e.citing, e.cited, e.source]));
  const r = await c.query('INSERT INTO citations (citing, cited, source) SELECT citing, cited, source FROM s_edges ON CONFLICT DO NOTHING');
  await c.query('TRUNCATE s_edges');
  counts.new += r.rowCount ?? 0;
  counts.unchanged += edges.length - (r.rowCount ?? 0);
}

async function upsertCount(c: pg.PoolClient, x: CitationCount): Promise<'new' | 'updated' | 'unchanged'> {
  const old = await c.query<{ count: number; retrieved_at: string }>('SELECT count, retrieved_at FROM citation_counts WHERE paper = $1 AND source = $2', [x.paper, x.source]);
  const o = old.rows[0];
  if (o && Number(o.count) === x.count && o.retrieved_at === x.retrievedAt) return 'unchanged';
  await c.query(`INSERT INTO citation_counts (paper, source, count, retrieved_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (paper, source) DO UPDATE SET count = excluded.count, retrieved_at = excluded.retrieved_at`, [x.paper, x.source, x.count, x.retrievedAt]);
  if (x.byYear) {
    await c.query('DELETE FROM citation_counts_by_year WHERE paper = $1 AND source = $2', [x.paper, x.source]);
    await c.query(`INSERT INTO citation_counts_by_year (paper, source, year, count, retrieved_at) SELECT $1, $2, y, n, $3 FROM unnest($4::int[], $5::int[]) AS t(y, n)`,
      [x.paper, x.source, x.retrievedAt, x.byYear.map((y) => y.year), x.byYear.map((y) => y.count)]);
  }
  return o ? 'updated' : 'new';
}

async function closeBatch<T>(c: pg.PoolClient, runId: number, batch: WriteBatch<T>, counts: IngestCounts): Promise<IngestCounts> {
  counts.failed = batch.failures.length;
  counts.fetched = counts.new + counts.updated + counts.unchanged + counts.failed;
  const run = await c.query<{ failed: number }>('SELECT failed FROM ingest_runs WHERE id = $1 FOR UPDATE', [runId]);
  const already = Number(run.rows[0]?.failed ?? 0);
  const kept = batch.failures.slice(0, Math.max(0, MAX_STORED_FAILURES - already));
  await copyRows(c, 'ingest_failures', ['run_id', 'seq', 'position', 'reason'], kept.map((f, i) => [runId, already + i + 1, f.position, f.reason]));
  await c.query(`UPDATE ingest_runs SET fetched = fetched + $2, new = new + $3, updated = updated + $4, unchanged = unchanged + $5,
    failed = failed + $6, checkpoint = $7 WHERE id = $1`, [runId, counts.fetched, counts.new, counts.updated, counts.unchanged, counts.failed, batch.checkpoint]);
  return counts;
}
