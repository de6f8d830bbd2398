import { sql, type Kysely, type Transaction } from 'kysely';
import type { CitationCount, CitationEdge, CitationRecord } from '../../core/citation.js';
import { emptyCounts, type IngestCounts, type RecordFailure } from '../../core/ingest-report.js';
import type { PaperRecord } from '../../core/paper.js';
import { compareWithStored, prepareRecord, uniqueRuns, type PreparedRecord, type StoredState } from '../paper-row.js';
import { MAX_STORED_FAILURES, type BatchWriter, type WriteBatch } from '../store.js';
import type { Database } from '../tables.js';

type Tx = Transaction<Database>;

/**
 * PostgreSQL's BatchWriter: set-based statements over `unnest` arrays, a handful of round
 * trips per batch whatever its size, all in one transaction with the run's checkpoint.
 */
export class PostgresBatchWriter implements BatchWriter {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** See {@link BatchWriter.writePapers}. */
  async writePapers(runId: number, batch: WriteBatch<PaperRecord>, now: string): Promise<IngestCounts> {
    return this.#db.transaction().execute(async (tx) => {
      const counts = emptyCounts();
      for (const part of uniqueRuns(batch.items)) await upsertPapers(tx, part.map(prepareRecord), now, counts);
      return closeBatch(tx, runId, batch.failures, batch.checkpoint, counts);
    });
  }

  /** See {@link BatchWriter.writeCitations}. */
  async writeCitations(runId: number, batch: WriteBatch<CitationRecord>, now: string): Promise<IngestCounts> {
    void now;
    return this.#db.transaction().execute(async (tx) => {
      const counts = emptyCounts();
      await insertEdges(tx, batch.items.filter((c): c is CitationEdge => c.kind === 'edge'), counts);
      for (const c of batch.items) if (c.kind === 'count') counts[await upsertCount(tx, c)]++;
      return closeBatch(tx, runId, batch.failures, batch.checkpoint, counts);
    });
  }
}

async function upsertPapers(tx: Tx, prepared: PreparedRecord[], now: string, counts: IngestCounts): Promise<void> {
  if (prepared.length === 0) return;
  const ids = prepared.map((p) => p.record.arxivId);
  const stored = await sql<StoredState & { arxiv_id: string }>`SELECT id, arxiv_id, content_hash, latest_version, source_updated
    FROM papers WHERE arxiv_id = ANY(${ids}::text[])`.execute(tx);
  const byId = new Map(stored.rows.map((r) => [r.arxiv_id, r]));
  const fresh = prepared.filter((p) => !byId.has(p.record.arxivId));
  const newer: [PreparedRecord, number][] = [];
  const kept: [PreparedRecord, number][] = [];
  for (const p of prepared) {
    const s = byId.get(p.record.arxivId);
    if (s) (compareWithStored(p, s) === 'newer' ? newer : kept).push([p, s.id]);
  }
  const freshIds = await insertPapers(tx, fresh, now);
  await updatePapers(tx, newer, now);
  const all: [PreparedRecord, number][] = [...fresh.map((p, i): [PreparedRecord, number] => [p, freshIds[i]!]), ...newer, ...kept];
  const versioned = await insertVersions(tx, all);
  const bumped = kept.filter(([, id]) => versioned.has(id));
  await bumpVersions(tx, bumped, now);
  await replaceChildren(tx, [...fresh.map((p, i): [PreparedRecord, number] => [p, freshIds[i]!]), ...newer]);
  counts.new += fresh.length;
  counts.updated += newer.length + bumped.length;
  counts.unchanged += kept.length - bumped.length;
}

function columns(list: PreparedRecord[]) {
  const col = <T>(f: (p: PreparedRecord) => T) => list.map(f);
  return {
    arxiv_id: col((p) => p.record.arxivId), title: col((p) => p.record.title), abstract: col((p) => p.record.abstract),
    comments: col((p) => p.record.comments), journal_ref: col((p) => p.record.journalRef), doi: col((p) => p.record.doi),
    license: col((p) => p.record.license), report_no: col((p) => p.record.reportNo), primary: col((p) => p.record.categories[0]!),
    published: col((p) => p.published), first_listed: col((p) => p.record.firstListed), latest: col((p) => p.latest),
    updated: col((p) => p.record.updated), hash: col((p) => p.hash),
  };
}

async function insertPapers(tx: Tx, fresh: PreparedRecord[], now: string): Promise<number[]> {
  if (fresh.length === 0) return [];
  const c = columns(fresh);
  const r = await sql<{ id: number; arxiv_id: string }>`INSERT INTO papers (arxiv_id, title, abstract, comments, journal_ref, doi, license,
      report_no, primary_category, published, first_listed, latest_version, source_updated, content_hash, first_seen_at, last_changed_at)
    SELECT u.*, ${now}, ${now} FROM unnest(${c.arxiv_id}::text[], ${c.title}::text[], ${c.abstract}::text[], ${c.comments}::text[],
      ${c.journal_ref}::text[], ${c.doi}::text[], ${c.license}::text[], ${c.report_no}::text[], ${c.primary}::text[],
      ${c.published}::text[], ${c.first_listed}::text[], ${c.latest}::int[], ${c.updated}::text[], ${c.hash}::text[]) AS u
    RETURNING id, arxiv_id`.execute(tx);
  const ids = new Map(r.rows.map((x) => [x.arxiv_id, x.id]));
  return fresh.map((p) => ids.get(p.record.arxivId)!);
}

async function updatePapers(tx: Tx, newer: [PreparedRecord, number][], now: string): Promise<void> {
  if (newer.length === 0) return;
  const c = columns(newer.map(([p]) => p));
  const ids = newer.map(([, id]) => id);
  await sql`UPDATE papers p SET title = u.title, abstract = u.abstract, comments = coalesce(u.comments, p.comments),
      journal_ref = coalesce(u.journal_ref, p.journal_ref), doi = coalesce(u.doi, p.doi), license = coalesce(u.license, p.license),
      report_no = coalesce(u.report_no, p.report_no), primary_category = u.primary_category, published = coalesce(p.published, u.published),
      first_listed = coalesce(p.first_listed, u.first_listed), latest_version = greatest(p.latest_version, u.latest_version),
      source_updated = coalesce(u.source_updated, p.source_updated), content_hash = u.content_hash, last_changed_at = ${now}
    FROM unnest(${ids}::int[], ${c.title}::text[], ${c.abstract}::text[], ${c.comments}::text[], ${c.journal_ref}::text[],
      ${c.doi}::text[], ${c.license}::text[], ${c.report_no}::text[], ${c.primary}::text[], ${c.published}::text[],
      ${c.first_listed}::text[], ${c.latest}::int[], ${c.updated}::text[], ${c.hash}::text[])
      AS u(id, title, abstract, comments, journal_ref, doi, license, report_no, primary_category, published, first_listed,
        latest_version, source_updated, content_hash)
    WHERE p.id = u.id`.execute(tx);
}

async function insertVersions(tx: Tx, all: [PreparedRecord, number][]): Promise<Set<number>> {
  const pid: number[] = [], ver: number[] = [], at: string[] = [];
  for (const [p, id] of all) for (const v of p.record.versions) { pid.push(id); ver.push(v.version); at.push(v.createdAt); }
  if (pid.length === 0) return new Set();
  const r = await sql<{ paper_id: number }>`INSERT INTO paper_versions (paper_id, version, created_at)
    SELECT * FROM unnest(${pid}::int[], ${ver}::int[], ${at}::text[]) ON CONFLICT DO NOTHING RETURNING paper_id`.execute(tx);
  return new Set(r.rows.map((x) => x.paper_id));
}

async function bumpVersions(tx: Tx, bumped: [PreparedRecord, number][], now: string): Promise<void> {
  if (bumped.length === 0) return;
  await sql`UPDATE papers p SET latest_version = greatest(p.latest_version, u.latest), last_changed_at = ${now}
    FROM unnest(${bumped.map(([, id]) => id)}::int[], ${bumped.map(([p]) => p.latest)}::int[]) AS u(id, latest)
    WHERE p.id = u.id`.execute(tx);
}

async function replaceChildren(tx: Tx, rows: [PreparedRecord, number][]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map(([, id]) => id);
  await sql`DELETE FROM paper_authors WHERE paper_id = ANY(${ids}::int[])`.execute(tx);
  await sql`DELETE FROM paper_categories WHERE paper_id = ANY(${ids}::int[])`.execute(tx);
  const a = { pid: [] as number[], pos: [] as number[], key: [] as string[], name: [] as string[] };
  const cat = { pid: [] as number[], cat: [] as string[], pos: [] as number[] };
  for (const [p, id] of rows) {
    p.record.authors.forEach((x, i) => { a.pid.push(id); a.pos.push(i); a.key.push(x.key); a.name.push(x.name); });
    p.record.categories.forEach((x, i) => { cat.pid.push(id); cat.cat.push(x); cat.pos.push(i); });
  }
  // A new key takes the name it first appears with, in batch order (as SQLite does), not an arbitrary one.
  await sql`INSERT INTO authors (key, name) SELECT DISTINCT ON (k) k, n FROM unnest(${a.key}::text[], ${a.name}::text[]) WITH ORDINALITY AS u(k, n, i)
    ORDER BY k, i ON CONFLICT (key) DO NOTHING`.execute(tx);
  await sql`INSERT INTO paper_authors (paper_id, position, author_key, name)
    SELECT * FROM unnest(${a.pid}::int[], ${a.pos}::int[], ${a.key}::text[], ${a.name}::text[])`.execute(tx);
  await sql`INSERT INTO paper_categories (paper_id, category, position)
    SELECT * FROM unnest(${cat.pid}::int[], ${cat.cat}::text[], ${cat.pos}::int[]) ON CONFLICT DO NOTHING`.execute(tx);
}

async function insertEdges(tx: Tx, edges: CitationEdge[], counts: IngestCounts): Promise<void> {
  if (edges.length === 0) return;
  const r = await sql`INSERT INTO citations (citing, cited, source)
    SELECT * FROM unnest(${edges.map((e) => e.citing)}::text[], ${edges.map((e) => e.cited)}::text[], ${edges.map((e) => e.source)}::text[])
    ON CONFLICT DO NOTHING`.execute(tx);
  const inserted = Number(r.numAffectedRows ?? 0);
  counts.new += inserted;
  counts.unchanged += edges.length - inserted;
}

async function upsertCount(tx: Tx, c: CitationCount): Promise<'new' | 'updated' | 'unchanged'> {
  const old = await tx.selectFrom('citation_counts').select(['count', 'retrieved_at']).where('paper', '=', c.paper).where('source', '=', c.source).executeTakeFirst();
  if (old && Number(old.count) === c.count && old.retrieved_at === c.retrievedAt) return 'unchanged';
  await tx.insertInto('citation_counts').values({ paper: c.paper, source: c.source, count: c.count, retrieved_at: c.retrievedAt })
    .onConflict((oc) => oc.columns(['paper', 'source']).doUpdateSet({ count: c.count, retrieved_at: c.retrievedAt })).execute();
  return old ? 'updated' : 'new';
}

async function closeBatch(tx: Tx, runId: number, failures: RecordFailure[], checkpoint: string | null, counts: IngestCounts): Promise<IngestCounts> {
  counts.failed = failures.length;
  counts.fetched = counts.new + counts.updated + counts.unchanged + counts.failed;
  const run = await tx.selectFrom('ingest_runs').select('failed').where('id', '=', runId).forUpdate().executeTakeFirstOrThrow();
  const room = Math.max(0, MAX_STORED_FAILURES - Number(run.failed));
  const stored = failures.slice(0, room).map((f, i) => ({ run_id: runId, seq: Number(run.failed) + i + 1, position: f.position, reason: f.reason }));
  if (stored.length > 0) await tx.insertInto('ingest_failures').values(stored).execute();
  await tx.updateTable('ingest_runs').set((eb) => ({
    fetched: eb('fetched', '+', counts.fetched), new: eb('new', '+', counts.new), updated: eb('updated', '+', counts.updated),
    unchanged: eb('unchanged', '+', counts.unchanged), failed: eb('failed', '+', counts.failed), checkpoint,
  })).where('id', '=', runId).execute();
  return counts;
}
