/**
 * What each author metric means, in two lengths: one line for the tile tooltip and a paragraph
 * for the about page. One source, so the tooltip and the about page cannot disagree. The words
 * describe what Papersift computes, including its limits (only papers and citations in this
 * store count; authors are grouped by normalised name).
 */

/** The metrics a profile shows, in tile order, plus the chart. */
export type MetricId = 'papers' | 'citations' | 'hIndex' | 'i10Index' | 'h5Index' | 'novelty' | 'impact' | 'citationsPerYear';

/** A metric's name and definitions. */
export interface MetricDefinition {
  id: MetricId;
  /** Tile label. */
  label: string;
  /** One line, shown on hover and keyboard focus. */
  short: string;
  /** The about page's explanation. */
  long: string;
  /** Whether the metric is computed yet. */
  available: boolean;
}

/** Every metric, in the order the about page explains them. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'papers',
    label: 'Papers',
    short: 'Papers in this index that list this author.',
    long: 'The number of papers in this Papersift index whose author list contains this name. Authors are grouped by a normalised form of their name (accents folded, initials kept), so two people who write their names identically share a profile, and one person who writes their name two ways has two.',
    available: true,
  },
  {
    id: 'citations',
    label: 'Citations',
    short: "Citations of this author's papers by other papers in this index.",
    long: "How many times the author's papers are cited by papers in this index's citation graph, counting each citing paper once per cited paper. Citations from papers Papersift has not imported are not counted, so numbers are lower than those of services that index all of the literature; counts reported by an external source are shown on each paper's page, labelled with their source and date.",
    available: true,
  },
  {
    id: 'hIndex',
    label: 'h-index',
    short: 'The largest h such that h of these papers have at least h citations each.',
    long: 'The largest number h such that h of the author\'s papers have each been cited at least h times (Hirsch, 2005), computed from the citation counts above; the h-core page lists the h papers that make it up. An h-index can exceed neither the number of papers nor the square root of the total citations (h papers with h citations each make h² citations): 11 papers with 51 citations allow an h-index of at most 7.',
    available: true,
  },
  {
    id: 'i10Index',
    label: 'i10-index',
    short: 'Papers with at least 10 citations each.',
    long: 'The number of the author\'s papers cited at least ten times, again counting only citations within this index.',
    available: true,
  },
  {
    id: 'h5Index',
    label: 'h5-index',
    short: 'The h-index counting only citations from papers dated in the last five years of the data.',
    long: "The h-index computed from recent citations only: for each paper, only the citing papers dated in the five calendar years ending with the as-of year count, where the as-of year is the year of the newest dated citing paper in this index (not today, so an index of old papers still has a meaningful window). Like Google Scholar's \"since\" column, it measures current influence rather than lifetime influence. It can never exceed the h-index, and its h5-core (the papers that make it up) is listed on the h-core page.",
    available: true,
  },
  {
    id: 'citationsPerYear',
    label: 'Citations per year',
    short: 'Citations received in each calendar year, dated by the citing paper.',
    long: "The chart on a profile: for each year, how many citations the author's papers received from papers first published that year. Years without citations are shown as zero. The yearly bars add up to the citations tile; citing papers with no known date (rare: a reference reported only by DOI) are counted in the tile and noted under the chart.",
    available: true,
  },
  {
    id: 'novelty',
    label: 'Novelty',
    short: "How far the author's papers lie from the papers before them, as a percentile within their category and year (median over papers).",
    long: "For each paper, Papersift takes the 10 earlier papers most similar to it in the built-in text-vector space (the LSA model fitted on this index) and measures how far it lies from them (1 − mean cosine similarity). Because that distance shrinks as a field grows, it is turned into a percentile within the paper's primary category and year: 90% means more distant from prior work than 90% of that year's papers in the category. The author's novelty is the median over their papers. Papers from the index's first year, and groups of fewer than 20 papers, get none. It measures textual distance, not quality or correctness.",
    available: true,
  },
  {
    id: 'impact',
    label: 'Impact',
    short: 'Predicted chance (0–100) that a paper reaches the top 10% of its category and year by citations within two years; mean over the author\'s papers.',
    long: "A logistic-regression model trained on this index's papers whose next two years of citations are known predicts, from what is known at submission (the text's vector, number of authors and categories, lengths, venue hints in the comments, month), the chance that a paper ends up in the top 10% of its primary category and year by citations within two years. The author's score is the mean over their papers. The model's held-out AUC and calibration are shown below; where the data cannot support a model (no citation data, too few labelled papers, or no better than chance on held-out papers) the tile says so instead of showing a number.",
    available: true,
  },
];

const BY_ID = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d]));

/** The definition of one metric. */
export function metricDefinition(id: MetricId): MetricDefinition {
  return BY_ID.get(id)!;
}
