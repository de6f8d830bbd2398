import type BetterSqlite3 from 'better-sqlite3';
import type { CitationRecord } from '../../core/citation.js';
import { emptyCounts, type IngestCounts } from '../../core/ingest-report.js';
import type { PaperRecord } from '../../core/paper.js';
import { compareWithStored, prepareRecord, type PreparedRecord, type StoredState } from '../paper-row.js';
import { MAX_STORED_FAILURES, type BatchWriter, type WriteBatch } from '../store.js';


/**
 * SQLite's BatchWriter: prepared statements run synchronously inside one better-sqlite3
 * transaction per batch. Kysely would re-prepare every statement on every call, which costs
 * more than the insert itself at tens of thousands of rows per second.
 */
export class SqliteBatchWriter implements BatchWriter {
  readonly #db: BetterSqlite3.Database;
  #s: ReturnType<typeof prepareAll> | undefined;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  /** See {@link BatchWriter.writePapers}. */
  async writePapers(runId: number, batch: WriteBatch<PaperRecord>, now: string): Promise<IngestCounts> {
    const s = this.#stmts();
    return this.#db.transaction(() => {
      const counts = emptyCounts();
      for (const record of batch.items) counts[this.#upsertPaper(s, prepareRecord(record), now)]++;
      return this.#closeBatch(s, runId, batch, counts);
    })();
  }

  /** See {@link BatchWriter.writeCitations}. */
  async writeCitations(runId: number, batch: WriteBatch<CitationRecord>, now: string): Promise<IngestCounts> {
    const s = this.#stmts();
    return this.#db.transaction(() => {
      const counts = emptyCounts();
      for (const c of batch.items) counts[c.kind === 'edge' ? edge(s, c) : count(s, c)]++;
      return this.#closeBatch(s, runId, batch, counts);
    })();
  }

  #upsertPaper(s: Stmts, p: PreparedRecord, now: string): 'new' | 'updated' | 'unchanged' {
    const stored = s.findPaper.get(p.record.arxivId) as StoredState | undefined;
    if (!stored) {
      const id = Number(s.insertPaper.run(paperParams(p, now)).lastInsertRowid);
      writeVersions(s, id, p.record);
      writeChildren(s, id, p.record);
      return 'new';
    }
    const verdict = compareWithStored(p, stored);
    const addedVersions = writeVersions(s, stored.id, p.record);
    if (verdict === 'newer') {
      s.updatePaper.run({ ...paperParams(p, now), id: stored.id });
      s.deleteAuthors.run(stored.id);
      s.deleteCategories.run(stored.id);
      writeChildren(s, stored.id, p.record);
      return 'updated';
    }
    if (addedVersions > 0) {
      s.bumpVersion.run({ id: stored.id, latest: p.latest, now });
      return 'updated';
    }
    return 'unchanged';
  }

  #closeBatch<T>(s: Stmts, runId: number, batch: WriteBatch<T>, counts: IngestCounts): IngestCounts {
    counts.failed = batch.failures.length;
    counts.fetched = counts.new + counts.updated + counts.unchanged + counts.failed;
    const already = (s.runFailed.get(runId) as { failed: number }).failed;
    batch.failures.forEach((f, i) => {
      if (already + i < MAX_STORED_FAILURES) s.insertFailure.run(runId, already + i + 1, f.position, f.reason);
    });
    s.updateRun.run({ ...counts, id: runId, checkpoint: batch.checkpoint });
    return counts;
  }

  #stmts(): Stmts {
    return (this.#s ??= prepareAll(this.#db));
  }
}

type Stmts = ReturnType<typeof prepareAll>;

function prepareAll(db: BetterSqlite3.Database) {
  const cols = 'arxiv_id, title, abstract, comments, journal_ref, doi, license, report_no, primary_category, published, first_listed, latest_version, source_updated, content_hash';
  return {
    findPaper: db.prepare('SELECT id, content_hash, latest_version, source_updated FROM papers WHERE arxiv_id = ?'),
    insertPaper: db.prepare(`INSERT INTO papers (${cols}, first_seen_at, last_changed_at) VALUES (@arxiv_id, @title, @abstract, @comments, @journal_ref, @doi, @license, @report_no, @primary_category, @published, @first_listed, @latest_version, @source_updated, @content_hash, @now, @now)`),
    updatePaper: db.prepare(`UPDATE papers SET title = @title, abstract = @abstract, comments = coalesce(@comments, comments),
      journal_ref = coalesce(@journal_ref, journal_ref), doi = coalesce(@doi, doi), license = coalesce(@license, license),
      report_no = coalesce(@report_no, report_no), primary_category = @primary_category, published = coalesce(published, @published),
      first_listed = coalesce(first_listed, @first_listed), latest_version = max(latest_version, @latest_version),
      source_updated = coalesce(@source_updated, source_updated), content_hash = @content_hash, last_changed_at = @now WHERE id = @id`),
    bumpVersion: db.prepare('UPDATE papers SET latest_version = max(latest_version, @latest), last_changed_at = @now WHERE id = @id'),
    insertVersion: db.prepare('INSERT INTO paper_versions (paper_id, version, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    insertAuthor: db.prepare('INSERT INTO authors (key, name) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    insertPaperAuthor: db.prepare('INSERT INTO paper_authors (paper_id, position, author_key, name) VALUES (?, ?, ?, ?)'),
    insertCategory: db.prepare('INSERT INTO paper_categories (paper_id, category, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    deleteAuthors: db.prepare('DELETE FROM paper_authors WHERE paper_id = ?'),
    deleteCategories: db.prepare('DELETE FROM paper_categories WHERE paper_id = ?'),
    insertEdge: db.prepare('INSERT INTO citations (citing, cited, source) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    findCount: db.prepare('SELECT count, retrieved_at FROM citation_counts WHERE paper = ? AND source = ?'),
    upsertCount: db.prepare('INSERT INTO citation_counts (paper, source, count, retrieved_at) VALUES (?, ?, ?, ?) ON CONFLICT (paper, source) DO UPDATE SET count = excluded.count, retrieved_at = excluded.retrieved_at'),
    runFailed: db.prepare('SELECT failed FROM ingest_runs WHERE id = ?'),
    insertFailure: db.prepare('INSERT INTO ingest_failures (run_id, seq, position, reason) VALUES (?, ?, ?, ?)'),
    updateRun: db.prepare(`UPDATE ingest_runs SET fetched = fetched + @fetched, new = new + @new, updated = updated + @updated,
      unchanged = unchanged + @unchanged, failed = failed + @failed, checkpoint = @checkpoint WHERE id = @id`),
  };
}

function paperParams(p: PreparedRecord, now: string) {
  const r = p.record;
  return {
    arxiv_id: r.arxivId, title: r.title, abstract: r.abstract, comments: r.comments, journal_ref: r.journalRef, doi: r.doi,
    license: r.license, report_no: r.reportNo, primary_category: r.categories[0]!, published: p.published,
    first_listed: r.firstListed, latest_version: p.latest, source_updated: r.updated, content_hash: p.hash, now,
  };
}

function writeVersions(s: Stmts, id: number, r: PaperRecord): number {
  let added = 0;
  for (const v of r.versions) added += s.insertVersion.run(id, v.version, v.createdAt).changes;
  return added;
}

function writeChildren(s: Stmts, id: number, r: PaperRecord): void {
  r.authors.forEach((a, i) => {
    s.insertAuthor.run(a.key, a.name);
    s.insertPaperAuthor.run(id, i, a.key, a.name);
  });
  r.categories.forEach((c, i) => s.insertCategory.run(id, c, i));
}

function edge(s: Stmts, c: Extract<CitationRecord, { kind: 'edge' }>): 'new' | 'unchanged' {
  return s.insertEdge.run(c.citing, c.cited, c.source).changes > 0 ? 'new' : 'unchanged';
}

function count(s: Stmts, c: Extract<CitationRecord, { kind: 'count' }>): 'new' | 'updated' | 'unchanged' {
  const old = s.findCount.get(c.paper, c.source) as { count: number; retrieved_at: string } | undefined;
  if (old && old.count === c.count && old.retrieved_at === c.retrievedAt) return 'unchanged';
  s.upsertCount.run(c.paper, c.source, c.count, c.retrievedAt);
  return old ? 'updated' : 'new';
}
