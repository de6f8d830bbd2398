import type BetterSqlite3 from 'better-sqlite3';
import type { AuthorIdentity, CitationCount, CitationEdge, CitationRecord } from '../../core/citation.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import { emptyCounts, type IngestCounts } from '../../core/ingest-report.js';
import type { PaperRecord } from '../../core/paper.js';
import { compareWithStored, PAPER_ROW_COLUMNS, paperRow, paperRowValues, prepareRecord, uniqueRuns, type PreparedRecord, type StoredState } from '../paper-row.js';
import { MAX_STORED_FAILURES, type BatchWriter, type WriteBatch } from '../store.js';
import { ChunkedLookup, MultiRowInsert } from './multi-row.js';
import { KnownAuthors } from '../known-authors.js';
import { authorsDeferred } from './deferred-authors.js';
import { OVERRIDES_SQL, withOverrides, type OverrideRow } from '../author-overrides.js';
import { AUTHORSHIPS_SQL, countAuthorId, matchAuthorship, planAuthorIds, STORE_IDS_SQL, STORED_IDS_SQL, type Authorship, type StoredIds } from '../author-ids.js';

/**
 * SQLite's BatchWriter: set-based, like the PostgreSQL one. Per batch it looks the ids up in
 * chunks, then writes new papers and their authors, categories and versions with multi-row
 * INSERTs, all in one IMMEDIATE transaction (which makes assigning ids from max(id) safe:
 * SQLite has a single writer). Author keys already written during this run are skipped; during
 * a bulk load `authors` is filled once at the end instead (see deferred-authors.ts).
 */
export class SqliteBatchWriter implements BatchWriter {
  readonly #db: BetterSqlite3.Database;
  #s: Stmts | undefined;
  readonly #known = new KnownAuthors();

  readonly #endDeferral: () => void;

  /** `endAuthorDeferral` builds the marker index and fills `authors` (see deferred-authors.ts). */
  constructor(db: BetterSqlite3.Database, endAuthorDeferral: () => void) {
    this.#db = db;
    this.#endDeferral = endAuthorDeferral;
  }

  /** See {@link BatchWriter.writePapers}. */
  async writePapers(runId: number, batch: WriteBatch<PaperRecord>, now: string): Promise<IngestCounts> {
    const s = this.#stmts();
    const known = this.#known.forRun(runId);
    const added: [string, string][] = [];
    const counts = this.#db.transaction(() => {
      const c = emptyCounts();
      let deferred = authorsDeferred(this.#db);
      for (const part of uniqueRuns(batch.items)) {
        const prepared = part.map(prepareRecord);
        const stored = new Map(s.lookup.all(prepared.map((p) => p.record.arxivId)).map((r) => [r.arxiv_id, r]));
        // Replacing a stored paper's authorships must not lose the names they introduced.
        if (deferred && prepared.some((p) => replaces(p, stored))) { this.#endDeferral(); deferred = false; }
        writePart(s, prepared, stored, now, c, deferred ? undefined : { known, added });
      }
      return closeBatch(s, runId, batch, c);
    }).immediate();
    known.remember(added);
    return counts;
  }

  /** See {@link BatchWriter.writeCitations}. */
  async writeCitations(runId: number, batch: WriteBatch<CitationRecord>, now: string): Promise<IngestCounts> {
    void now;
    const s = this.#stmts();
    return this.#db.transaction(() => {
      const c = emptyCounts();
      const edges = batch.items.filter((x): x is CitationEdge => x.kind === 'edge');
      c.new += s.insertEdges.run(edges.flatMap((e) => [e.citing, e.cited, e.source]));
      c.unchanged += edges.length - c.new;
      for (const x of batch.items) if (x.kind === 'count') c[upsertCount(s, x)]++;
      const failures = [...batch.failures];
      for (const x of batch.items) if (x.kind === 'author-id') countAuthorId(writeAuthorId(s, x), c, failures);
      return closeBatch(s, runId, { ...batch, failures }, c);
    }).immediate();
  }

  #stmts(): Stmts {
    return (this.#s ??= prepareAll(this.#db));
  }
}

type Stmts = ReturnType<typeof prepareAll>;

function prepareAll(db: BetterSqlite3.Database) {
  return {
    lookup: new ChunkedLookup<StoredState & { arxiv_id: string }>(db, (ph) => `SELECT id, arxiv_id, content_hash, latest_version, source_updated FROM papers WHERE arxiv_id IN (${ph})`),
    maxId: db.prepare('SELECT coalesce(max(id), 0) AS m FROM papers'),
    insertPapers: new MultiRowInsert(db, 'papers', ['id', ...PAPER_ROW_COLUMNS]),
    updatePaper: db.prepare(`UPDATE papers SET title = @title, abstract = @abstract, comments = coalesce(@comments, comments),
      journal_ref = coalesce(@journal_ref, journal_ref), doi = coalesce(@doi, doi), license = coalesce(@license, license),
      report_no = coalesce(@report_no, report_no), primary_category = @primary_category, published = coalesce(published, @published),
      first_listed = coalesce(first_listed, @first_listed), latest_version = max(latest_version, @latest_version),
      source_updated = coalesce(@source_updated, source_updated), content_hash = @content_hash, last_changed_at = @last_changed_at WHERE id = @id`),
    bumpVersion: db.prepare('UPDATE papers SET latest_version = max(latest_version, ?), last_changed_at = ? WHERE id = ?'),
    insertVersion: db.prepare('INSERT INTO paper_versions (paper_id, version, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    insertVersions: new MultiRowInsert(db, 'paper_versions', ['paper_id', 'version', 'created_at'], 'ON CONFLICT DO NOTHING'),
    insertAuthors: new MultiRowInsert(db, 'authors', ['key', 'name'], 'ON CONFLICT (key) DO NOTHING'),
    insertPaperAuthors: new MultiRowInsert(db, 'paper_authors', ['paper_id', 'position', 'author_key', 'name']),
    insertCategories: new MultiRowInsert(db, 'paper_categories', ['paper_id', 'category', 'position'], 'ON CONFLICT DO NOTHING'),
    deleteAuthors: db.prepare('DELETE FROM paper_authors WHERE paper_id = ?'),
    deleteCategories: db.prepare('DELETE FROM paper_categories WHERE paper_id = ?'),
    insertEdges: new MultiRowInsert(db, 'citations', ['citing', 'cited', 'source'], 'ON CONFLICT DO NOTHING'),
    findCount: db.prepare('SELECT count, retrieved_at FROM citation_counts WHERE paper = ? AND source = ?'),
    upsertCount: db.prepare('INSERT INTO citation_counts (paper, source, count, retrieved_at) VALUES (?, ?, ?, ?) ON CONFLICT (paper, source) DO UPDATE SET count = excluded.count, retrieved_at = excluded.retrieved_at'),
    overrides: db.prepare(OVERRIDES_SQL),
    authorships: db.prepare(AUTHORSHIPS_SQL.replace('$1', '?')),
    storedIds: db.prepare(STORED_IDS_SQL.replace('$1', '?')),
    storeIds: db.prepare(STORE_IDS_SQL.replace(/\$\d/g, '?')),
    deleteYears: db.prepare('DELETE FROM citation_counts_by_year WHERE paper = ? AND source = ?'),
    insertYear: db.prepare('INSERT INTO citation_counts_by_year (paper, source, year, count, retrieved_at) VALUES (?, ?, ?, ?, ?)'),
    runFailed: db.prepare('SELECT failed FROM ingest_runs WHERE id = ?'),
    insertFailure: db.prepare('INSERT INTO ingest_failures (run_id, seq, position, reason) VALUES (?, ?, ?, ?)'),
    updateRun: db.prepare(`UPDATE ingest_runs SET fetched = fetched + @fetched, new = new + @new, updated = updated + @updated,
      unchanged = unchanged + @unchanged, failed = failed + @failed, checkpoint = @checkpoint WHERE id = @id`),
  };
}

function replaces(p: PreparedRecord, stored: Stored): boolean {
  const old = stored.get(p.record.arxivId);
  return old !== undefined && compareWithStored(p, old) === 'newer';
}

/** Where a non-deferred batch records the author keys it writes. */
interface AuthorBook { known: KnownAuthors; added: [string, string][] }

type Stored = Map<string, StoredState>;

function writePart(s: Stmts, part: PreparedRecord[], stored: Stored, now: string, c: IngestCounts, book: AuthorBook | undefined): void {
  const rewrite: [PreparedRecord, number][] = [];
  let next = (s.maxId.get() as { m: number }).m;
  const fresh: unknown[] = [];
  for (const p of part) {
    const old = stored.get(p.record.arxivId);
    if (!old) {
      rewrite.push([p, ++next]);
      fresh.push(next, ...paperRowValues(paperRow(p, now)));
      c.new++;
    } else if (compareWithStored(p, old) === 'newer') {
      const { first_seen_at: _kept, ...row } = paperRow(p, now);
      s.updatePaper.run({ ...row, id: old.id });
      s.deleteAuthors.run(old.id);
      s.deleteCategories.run(old.id);
      rewrite.push([p, old.id]);
      c.updated++;
    } else if (mergeVersions(s, old.id, p) > 0) {
      s.bumpVersion.run(p.latest, now, old.id);
      c.updated++;
    } else {
      c.unchanged++;
    }
  }
  s.insertPapers.run(fresh);
  writeChildren(s, withOverrides(s.overrides.all() as OverrideRow[], rewrite), book);
}

function mergeVersions(s: Stmts, id: number, p: PreparedRecord): number {
  let n = 0;
  for (const v of p.record.versions) n += s.insertVersion.run(id, v.version, v.createdAt).changes;
  return n;
}

function writeChildren(s: Stmts, rows: [PreparedRecord, number][], book: AuthorBook | undefined): void {
  const versions: unknown[] = [], authorships: unknown[] = [], categories: unknown[] = [];
  for (const [p, id] of rows) {
    for (const v of p.record.versions) versions.push(id, v.version, v.createdAt);
    p.record.authors.forEach((a, i) => authorships.push(id, i, a.key, a.name));
    p.record.categories.forEach((cat, i) => categories.push(id, cat, i));
  }
  if (book) {
    const authors = book.known.unseen(rows.flatMap(([p]) => p.record.authors));
    book.added.push(...authors);
    s.insertAuthors.run(authors.flat());
  }
  s.insertVersions.run(versions);
  s.insertPaperAuthors.run(authorships);
  s.insertCategories.run(categories);
}

function upsertCount(s: Stmts, c: CitationCount): 'new' | 'updated' | 'unchanged' {
  const old = s.findCount.get(c.paper, c.source) as { count: number; retrieved_at: string } | undefined;
  if (old && old.count === c.count && old.retrieved_at === c.retrievedAt) return 'unchanged';
  s.upsertCount.run(c.paper, c.source, c.count, c.retrievedAt);
  if (c.byYear) s.deleteYears.run(c.paper, c.source);
  for (const y of c.byYear ?? []) s.insertYear.run(c.paper, c.source, y.year, y.count, c.retrievedAt);
  return old ? 'updated' : 'new';
}

/** Fills the matched author's empty ids; a paper not in the store or an unmatched author changes nothing. */
function writeAuthorId(s: Stmts, rec: AuthorIdentity): 'updated' | 'unchanged' | RecordFailure {
  const match = matchAuthorship(rec, s.authorships.all(rec.paper) as Authorship[]);
  if (!match) return 'unchanged';
  const plan = planAuthorIds(rec, match, s.storedIds.get(match.author_key) as StoredIds | undefined);
  if (plan.kind === 'failure') return plan.failure;
  if (plan.kind === 'unchanged') return 'unchanged';
  s.storeIds.run(plan.key, match.name, plan.s2AuthorId, plan.orcid);
  return 'updated';
}

function closeBatch<T>(s: Stmts, runId: number, batch: WriteBatch<T>, counts: IngestCounts): IngestCounts {
  counts.failed = batch.failures.length;
  counts.fetched = counts.new + counts.updated + counts.unchanged + counts.failed;
  const already = (s.runFailed.get(runId) as { failed: number }).failed;
  batch.failures.forEach((f, i) => {
    if (already + i < MAX_STORED_FAILURES) s.insertFailure.run(runId, already + i + 1, f.position, f.reason);
  });
  s.updateRun.run({ ...counts, id: runId, checkpoint: batch.checkpoint });
  return counts;
}
