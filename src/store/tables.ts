import type { Generated } from 'kysely';

/**
 * Kysely table types: the store's rows. They never leave `src/store`; repositories map
 * them to domain types from `src/core`.
 */

/** `papers`: one row per arXiv paper (versionless id). */
export interface PaperTable {
  id: Generated<number>;
  arxiv_id: string;
  title: string;
  abstract: string;
  comments: string | null;
  journal_ref: string | null;
  doi: string | null;
  license: string | null;
  report_no: string | null;
  primary_category: string;
  /** `YYYY-MM-DD` of v1 (or first listing when no versions are known). */
  published: string | null;
  first_listed: string | null;
  latest_version: number;
  /** The source's metadata update date. */
  source_updated: string | null;
  /** Hash of the last applied record, so re-ingesting it is a no-op. */
  content_hash: string;
  first_seen_at: string;
  last_changed_at: string;
}

/** `paper_versions`: every known version of a paper; never deleted. */
export interface PaperVersionTable {
  paper_id: number;
  version: number;
  created_at: string;
}

/** `authors`: one row per author key. */
export interface AuthorTable {
  key: string;
  name: string;
  orcid: string | null;
  s2_author_id: string | null;
}

/** `paper_authors`: ordered authorship, with the name as written on that paper. */
export interface PaperAuthorTable {
  paper_id: number;
  position: number;
  author_key: string;
  name: string;
}

/** `categories`: the arXiv taxonomy. */
export interface CategoryTable {
  id: string;
  name: string;
  group_name: string;
  archive: string;
}

/** `paper_categories`: a paper's categories; position 0 is the primary. */
export interface PaperCategoryTable {
  paper_id: number;
  category: string;
  position: number;
}

/** `citations`: citing → cited edges, by PaperRef, with the reporting source. */
export interface CitationTable {
  citing: string;
  cited: string;
  source: string;
}

/** `citation_counts`: externally reported counts, with source and retrieval time. */
export interface CitationCountTable {
  paper: string;
  source: string;
  count: number;
  retrieved_at: string;
}

/** `ingest_runs`: one row per ingest run, with its counts and resume checkpoint. */
export interface IngestRunTable {
  id: Generated<number>;
  source: string;
  resume_key: string;
  params: string;
  status: 'running' | 'completed' | 'failed';
  started_at: string;
  finished_at: string | null;
  fetched: Generated<number>;
  new: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  checkpoint: string | null;
  error: string | null;
}

/** `ingest_failures`: per-record failures of a run (capped per run). */
export interface IngestFailureTable {
  run_id: number;
  seq: number;
  position: string;
  reason: string;
}

/** `subscriptions`: digest subscriptions, one per normalised email address (migration 0002). */
export interface SubscriptionTable {
  id: Generated<number>;
  /** The address as entered (trimmed). */
  email: string;
  /** The grouping key from `normalizeEmail`; unique. */
  email_normalized: string;
  /** Space-separated category ids; '' for none. */
  categories: Generated<string>;
  /** `pending` until the address is confirmed. */
  status: Generated<'pending'>;
  created_at: string | null;
  /** Hash of the emailed confirmation token; null until one is sent. */
  confirm_token_hash: string | null;
}

/** `paper_search` (PostgreSQL only): a paper's weighted tsvector (migration 0003). */
export interface PaperSearchTable {
  paper_id: number;
  doc: unknown;
}

/** `author_surnames`: each indexed author's folded surname (0003). */
export interface AuthorSurnameTable {
  surname: string;
  author_key: string;
}

/** `surname_grams`: the trigrams of each distinct surname, for typo-tolerant author lookup (0003). */
export interface SurnameGramTable {
  gram: string;
  surname: string;
}

/** `search_state`: named watermarks of the search indexes (e.g. last indexed change time). */
export interface SearchStateTable {
  name: string;
  value: string;
}

/** `embedding_models`: fitted embedding models; `id` is the version stored with each vector. */
export interface EmbeddingModelTable {
  id: string;
  kind: string;
  dimensions: number;
  created_at: string;
  /** JSON: parameters and training summary. */
  meta: string;
  /** The serialised model (built-in models), or null (external models). */
  data: Uint8Array | null;
}

/** `paper_vectors`: one vector per paper and model, float32 little-endian bytes. */
export interface PaperVectorTable {
  model_id: string;
  paper_id: number;
  vector: Uint8Array;
}

/** `author_metrics`: one author's materialised metrics (0004; see docs/METRICS.md). */
export interface AuthorMetricsTable {
  author_key: string;
  papers: number;
  citations: number;
  h_index: number;
  i10_index: number;
  h5_index: number;
  /** Citations from citing papers dated inside the h5 window. */
  window_citations: number;
  /** Citations whose citing paper has no known year (left out of the chart). */
  undated_citations: number;
  first_year: number | null;
  last_year: number | null;
  /** JSON `[{ year, citations }]`, ascending, gaps filled with 0. */
  per_year: string;
  /** The last year of the h5 window (the year of the newest dated citing paper). */
  as_of_year: number;
  /** The recompute run (metrics_state `generation`) that wrote the row. */
  generation: number;
  computed_at: string;
}

/** `paper_citation_totals`: a cited paper's internal citation count at the last recompute (0004). */
export interface PaperCitationTotalTable {
  arxiv_id: string;
  citations: number;
}

/** `metrics_state`: the metrics generation and watermarks (0004). */
export interface MetricsStateTable {
  name: string;
  value: string;
}

/** The whole schema, as Kysely sees it. */
export interface Database {
  papers: PaperTable;
  paper_versions: PaperVersionTable;
  authors: AuthorTable;
  paper_authors: PaperAuthorTable;
  categories: CategoryTable;
  paper_categories: PaperCategoryTable;
  citations: CitationTable;
  citation_counts: CitationCountTable;
  ingest_runs: IngestRunTable;
  ingest_failures: IngestFailureTable;
  subscriptions: SubscriptionTable;
  paper_search: PaperSearchTable;
  author_surnames: AuthorSurnameTable;
  surname_grams: SurnameGramTable;
  search_state: SearchStateTable;
  embedding_models: EmbeddingModelTable;
  paper_vectors: PaperVectorTable;
  author_metrics: AuthorMetricsTable;
  paper_citation_totals: PaperCitationTotalTable;
  metrics_state: MetricsStateTable;
}
