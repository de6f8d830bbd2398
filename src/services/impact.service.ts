import { sql } from 'kysely';
import { dateFromArxivId, impactFeatureNames, impactFeatures, topDecileLabels } from '../rank/impact-features.js';
import { auc, aucStandardError, brierScore, fitLogistic, predictLogistic, reliabilityBins, type LogisticModel, type ReliabilityBin } from '../rank/logistic.js';
import { withNoveltyTables } from '../store/novelty-impact.tables.js';
import type { Store } from '../store/store.js';
import type { MetricValue } from './read-models.js';
import { loadVectorMatrix, type VectorMatrix } from './vector-matrix.js';

/**
 * The impact score (docs/METRICS.md § Impact score): a logistic model, trained on the store's
 * papers whose next two years of citations are covered by the store, predicts the chance that a
 * paper lands in the top 10% of its primary category and year by citations within two years.
 * Held out: the latest 20% of labelled papers by date. Scores every paper with a vector; an
 * author's score is the mean over their papers. Where the data cannot support it, the stored
 * report carries the reason and every score is a reason instead of a number.
 */

/** The held-out evaluation the about page and docs/METRICS.md show. */
export interface ImpactModelReport {
  status: 'ok' | 'unsupported';
  /** Why the data cannot support the model (status unsupported). */
  reason?: string;
  modelId: string | null;
  vectorModelId: string | null;
  createdAt: string;
  /** Latest citing-paper date the store knows: labels need paper date + 2 years ≤ this. */
  coverageEnd: string | null;
  labelled: number;
  train: { papers: number; positives: number; from: string; to: string } | null;
  test: { papers: number; positives: number; from: string; to: string } | null;
  auc: number | null;
  aucStandardError: number | null;
  brier: number | null;
  /** Brier score of always predicting the training base rate, for comparison. */
  brierBaseline: number | null;
  calibration: ReliabilityBin[];
  features: number;
}

/** Options of {@link trainImpactModel}. */
export interface ImpactOptions {
  /** Fewest labelled papers to train on. @default 500 */
  minLabelled?: number;
  /** Fewest positives in the held-out set. @default 10 */
  minTestPositives?: number;
  /** Share held out (the latest papers). @default 0.2 */
  testShare?: number;
  /** L2 penalty (chosen on hep-th, see docs/METRICS.md). @default 400 */
  l2?: number;
  now?: Date;
}

const TWO_YEARS_MS = 730 * 86_400_000;
const MIN_GROUP = 20;
const MIN_CATEGORY = 50;

/** Trains, evaluates and stores a model, scores every paper with a vector, and returns the report. */
export async function trainImpactModel(store: Store, options: ImpactOptions = {}): Promise<ImpactModelReport> {
  const createdAt = (options.now ?? new Date()).toISOString();
  const m = await loadVectorMatrix(store);
  const empty = (reason: string, extra: Partial<ImpactModelReport> = {}): ImpactModelReport => ({
    status: 'unsupported', reason, modelId: null, vectorModelId: m?.modelId ?? null, createdAt, coverageEnd: null, labelled: 0, train: null, test: null,
    auc: null, aucStandardError: null, brier: null, brierBaseline: null, calibration: [], features: 0, ...extra,
  });
  if (!m) return save(store, empty('no built-in vectors yet (run papersift index)'));
  const meta = await paperMeta(store, m);
  const { counts, coverageEnd } = await twoYearCitations(store, m);
  if (!coverageEnd) return save(store, empty('the store holds no citation data'));
  const labelledRows = labelled(m, counts, coverageEnd);
  const base = { coverageEnd, labelled: labelledRows.length };
  if (labelledRows.length < (options.minLabelled ?? 500)) {
    return save(store, empty(`only ${labelledRows.length} papers have two years of known later citations (at least ${options.minLabelled ?? 500} needed)`, base));
  }
  const cut = Math.floor(labelledRows.length * (1 - (options.testShare ?? 0.2)));
  const trainRows = labelledRows.slice(0, cut), testRows = labelledRows.slice(cut);
  const cats = categoriesOf(m, trainRows);
  const feats = (r: number) => impactFeatures({ ...meta.get(m.papers[r]!.id)!, vector: m.rows.subarray(r * m.dimensions, (r + 1) * m.dimensions), date: m.papers[r]!.date, primaryCategory: m.papers[r]!.category }, cats);
  const yTrain = trainRows.map((x) => x.label), yTest = testRows.map((x) => x.label);
  const split = (rows: typeof labelledRows, y: number[]) => ({ papers: rows.length, positives: y.reduce((s, v) => s + v, 0), from: m.papers[rows[0]!.row]!.date.slice(0, 10), to: m.papers[rows[rows.length - 1]!.row]!.date.slice(0, 10) });
  const train = split(trainRows, yTrain), test = split(testRows, yTest);
  if (test.positives < (options.minTestPositives ?? 10) || train.positives === 0) {
    return save(store, empty(`too few top-10% papers to train and test on (${train.positives} in training, ${test.positives} held out)`, { ...base, train, test }));
  }
  const model = fitLogistic(trainRows.map((x) => feats(x.row)), yTrain, { l2: options.l2 ?? 400 });
  const pTest = testRows.map((x) => predictLogistic(model, feats(x.row)));
  const a = auc(pTest, yTest)!;
  const se = aucStandardError(a, test.positives, test.papers - test.positives);
  const rate = train.positives / train.papers;
  const report: ImpactModelReport = {
    status: 'ok', modelId: `impact-${createdAt}`, vectorModelId: m.modelId, createdAt, ...base, train, test,
    auc: a, aucStandardError: se, brier: brierScore(pTest, yTest), brierBaseline: brierScore(pTest.map(() => rate), yTest),
    calibration: reliabilityBins(pTest, yTest), features: model.weights.length,
  };
  if (a - 2 * se <= 0.5) return save(store, { ...report, status: 'unsupported', reason: `held-out AUC ${a.toFixed(3)} ± ${(2 * se).toFixed(3)} is not better than chance`, modelId: null });
  await save(store, report, { model, categories: cats, names: impactFeatureNames(m.dimensions, cats) });
  await scoreAll(store, report.modelId!, m, (r) => predictLogistic(model, feats(r)));
  return report;
}

/** The latest stored model's report (what the about page shows); undefined before the first training. */
export async function impactModelReport(store: Store): Promise<ImpactModelReport | undefined> {
  const row = await withNoveltyTables(store.db).selectFrom('impact_models').select('meta').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row ? (JSON.parse(row.meta) as { report: ImpactModelReport }).report : undefined;
}

/** A paper's impact score 0–100 (by paper id), or why there is none. */
export async function paperImpact(store: Store, paperId: number): Promise<MetricValue> {
  return scoreOf(store, async (modelId) => {
    const row = await withNoveltyTables(store.db).selectFrom('paper_impact').select('probability').where('model_id', '=', modelId).where('paper_id', '=', paperId).executeTakeFirst();
    return row ? [Number(row.probability)] : [];
  });
}

/** An author's impact score: the mean over their scored papers, 0–100, or why there is none. */
export async function authorImpact(store: Store, authorKey: string): Promise<MetricValue> {
  return scoreOf(store, async (modelId) => {
    const rows = await withNoveltyTables(store.db).selectFrom('paper_impact').innerJoin('paper_authors', 'paper_authors.paper_id', 'paper_impact.paper_id')
      .select('paper_impact.probability as p').where('paper_impact.model_id', '=', modelId).where('paper_authors.author_key', '=', authorKey).execute();
    return rows.map((r) => Number(r.p));
  });
}

/** Display of a 0–100 score: "Impact 37". */
export function formatImpact(score: number): string {
  return `Impact ${Math.round(score)}`;
}

async function scoreOf(store: Store, probabilities: (modelId: string) => Promise<number[]>): Promise<MetricValue> {
  const report = await impactModelReport(store);
  if (!report) return { value: null, reason: 'the impact model has not been trained on this store yet' };
  if (report.status !== 'ok' || !report.modelId) return { value: null, reason: `the data cannot support an impact score: ${report.reason ?? 'unknown'}` };
  const ps = await probabilities(report.modelId);
  if (ps.length === 0) return { value: null, reason: 'no scored paper (papers need a built-in vector)' };
  const score = Math.round((100 * ps.reduce((s, p) => s + p, 0)) / ps.length * 10) / 10;
  return { value: score, display: formatImpact(score) };
}

async function save(store: Store, report: ImpactModelReport, fitted?: { model: LogisticModel; categories: string[]; names: string[] }): Promise<ImpactModelReport> {
  const id = report.modelId ?? `unsupported-${report.createdAt}`;
  await withNoveltyTables(store.db).insertInto('impact_models')
    .values({ id, created_at: report.createdAt, vector_model_id: report.vectorModelId ?? '', meta: JSON.stringify({ report, ...fitted }) }).execute();
  return report;
}

async function scoreAll(store: Store, modelId: string, m: VectorMatrix, predict: (row: number) => number): Promise<void> {
  const db = withNoveltyTables(store.db);
  await db.deleteFrom('paper_impact').execute();
  for (let i = 0; i < m.papers.length; i += 500) {
    const values = m.papers.slice(i, i + 500).map((p, j) => ({ model_id: modelId, paper_id: p.id, probability: predict(i + j) }));
    await db.insertInto('paper_impact').values(values).execute();
  }
}

/** Per paper id: authors and categories counted, title, abstract, comments. */
async function paperMeta(store: Store, m: VectorMatrix) {
  const out = new Map<number, { authors: number; categories: number; title: string; abstract: string; comments: string | null }>();
  const ids = m.papers.map((p) => p.id);
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000);
    const rows = await store.db.selectFrom('papers').select(['id', 'title', 'abstract', 'comments',
      (eb) => eb.selectFrom('paper_authors').select(sql<number>`count(*)`.as('n')).whereRef('paper_authors.paper_id', '=', 'papers.id').as('authors'),
      (eb) => eb.selectFrom('paper_categories').select(sql<number>`count(*)`.as('n')).whereRef('paper_categories.paper_id', '=', 'papers.id').as('categories'),
    ]).where('id', 'in', chunk).execute();
    for (const r of rows) out.set(Number(r.id), { authors: Number(r.authors ?? 0), categories: Number(r.categories ?? 0), title: r.title, abstract: r.abstract, comments: r.comments });
  }
  return out;
}

/** Distinct citing papers within two years of each cited paper's date, and the latest citing date known. */
async function twoYearCitations(store: Store, m: VectorMatrix): Promise<{ counts: Map<string, number>; coverageEnd: string | null }> {
  const dateOf = new Map<string, string>();
  const rows = await store.db.selectFrom('citations').leftJoin('papers', 'papers.arxiv_id', 'citations.citing')
    .select(['citations.citing as citing', 'citations.cited as cited', sql<string | null>`coalesce(papers.first_listed, papers.published)`.as('date')]).distinct().execute();
  const ids = await store.db.selectFrom('papers').select(['id', 'arxiv_id']).execute();
  const idDate = new Map(m.papers.map((p) => [p.id, p.date]));
  for (const r of ids) { const d = idDate.get(Number(r.id)); if (d) dateOf.set(r.arxiv_id, d); }
  const counts = new Map<string, number>();
  let coverageEnd: string | null = null;
  for (const r of rows) {
    const citingDate = r.date ?? dateFromArxivId(r.citing);
    if (!citingDate) continue;
    if (!coverageEnd || citingDate > coverageEnd) coverageEnd = citingDate.slice(0, 10);
    const citedDate = dateOf.get(r.cited);
    if (!citedDate) continue;
    const dt = Date.parse(citingDate.slice(0, 10)) - Date.parse(citedDate.slice(0, 10));
    if (dt <= TWO_YEARS_MS) counts.set(r.cited, (counts.get(r.cited) ?? 0) + 1);
  }
  const arxivOf = new Map(ids.map((r) => [Number(r.id), r.arxiv_id]));
  const byRow = new Map<string, number>();
  for (const p of m.papers) { const a = arxivOf.get(p.id); if (a) byRow.set(String(p.id), counts.get(a) ?? 0); }
  return { counts: byRow, coverageEnd };
}

/** Labelled rows (date + 2 years ≤ coverage end; groups of at least MIN_GROUP), in date order, with top-10% labels. */
function labelled(m: VectorMatrix, counts: Map<string, number>, coverageEnd: string): { row: number; label: number }[] {
  const end = Date.parse(coverageEnd);
  const groups = new Map<string, number[]>();
  m.papers.forEach((p, r) => {
    if (Date.parse(p.date.slice(0, 10)) + TWO_YEARS_MS > end) return;
    const g = `${p.category}\t${p.date.slice(0, 4)}`;
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(r);
  });
  const out: { row: number; label: number }[] = [];
  for (const rows of groups.values()) {
    if (rows.length < MIN_GROUP) continue;
    const labels = topDecileLabels(rows.map((r) => counts.get(String(m.papers[r]!.id)) ?? 0));
    rows.forEach((r, i) => out.push({ row: r, label: labels[i]! }));
  }
  return out.sort((a, b) => a.row - b.row);
}

/** Primary categories with at least MIN_CATEGORY training papers (the one-hot columns). */
function categoriesOf(m: VectorMatrix, rows: { row: number }[]): string[] {
  const n = new Map<string, number>();
  for (const { row } of rows) n.set(m.papers[row]!.category, (n.get(m.papers[row]!.category) ?? 0) + 1);
  return [...n].filter(([, c]) => c >= MIN_CATEGORY).map(([c]) => c).sort();
}
