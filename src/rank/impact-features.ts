/**
 * The impact model's inputs and label, pure (docs/METRICS.md § Impact score). Everything here
 * is known at submission: the text's LSA vector, the number of authors and categories, title
 * and abstract length, whether the comments name a venue or a page count, the month, and the
 * primary category (one-hot over the categories the model was trained with).
 */

/** What the model sees of one paper. */
export interface ImpactInput {
  vector: ArrayLike<number>;
  authors: number;
  categories: number;
  title: string;
  abstract: string;
  comments: string | null;
  /** YYYY-MM-DD… */
  date: string;
  primaryCategory: string;
}

const VENUE = /\b(to appear|accepted|submitted to|published in|proceedings|proc\.|conference|workshop|symposium|journal|phys\.? ?rev|nucl\.? ?phys|phys\.? ?lett|jhep|class\.? ?quant|commun\.? ?math|j\.? ?math|lett\.|neurips|nips|icml|iclr|cvpr|acl|emnlp|aaai|ijcai|kdd|sigir|www)\b/i;
const PAGES = /(\d+)\s*(?:pages|pp\b|p\.)/i;

/** Names of the features {@link impactFeatures} returns, in order. */
export function impactFeatureNames(dimensions: number, categories: readonly string[]): string[] {
  return [
    ...Array.from({ length: dimensions }, (_, i) => `lsa_${i}`),
    'log_authors', 'categories', 'log_title_words', 'log_abstract_words', 'comments_venue', 'log_pages', 'has_pages',
    ...Array.from({ length: 11 }, (_, i) => `month_${i + 2}`),
    ...categories.map((c) => `primary_${c}`),
  ];
}

/** The feature row of one paper; `categories` fixes the one-hot primary-category columns. */
export function impactFeatures(p: ImpactInput, categories: readonly string[]): number[] {
  const pages = p.comments ? PAGES.exec(p.comments) : null;
  const month = Number(p.date.slice(5, 7));
  return [
    ...Array.from(p.vector),
    Math.log1p(p.authors), p.categories, Math.log1p(words(p.title)), Math.log1p(words(p.abstract)),
    p.comments && VENUE.test(p.comments) ? 1 : 0, pages ? Math.log1p(Math.min(1000, Number(pages[1]))) : 0, pages ? 1 : 0,
    ...Array.from({ length: 11 }, (_, i) => (month === i + 2 ? 1 : 0)),
    ...categories.map((c) => (c === p.primaryCategory ? 1 : 0)),
  ];
}

/**
 * Top-10% labels within one group (a primary category and year): 1 for papers whose count is
 * at least the count of the paper ranked at the 10% mark (rank ⌈n/10⌉, most cited first) and
 * above zero. Ties at the mark are all positive, so slightly more than 10% may be.
 */
export function topDecileLabels(counts: readonly number[]): number[] {
  if (counts.length === 0) return [];
  const sorted = [...counts].sort((a, b) => b - a);
  const mark = sorted[Math.ceil(counts.length / 10) - 1]!;
  return counts.map((c) => (c > 0 && c >= mark ? 1 : 0));
}

/** A paper's month from its arXiv id (`hep-th/9407087` → 1994-07-01, `0704.0001` → 2007-04-01); undefined when it has none. */
export function dateFromArxivId(id: string): string | undefined {
  const m = /(?:^|\/)(\d{2})(\d{2})(?:\.\d{4,5}|\d{3})(?:v\d+)?$/.exec(id);
  if (!m) return undefined;
  const yy = Number(m[1]), mm = Number(m[2]);
  if (mm < 1 || mm > 12) return undefined;
  const year = id.includes('/') ? (yy >= 91 ? 1900 + yy : 2000 + yy) : 2000 + yy;
  return `${year}-${m[2]}-01`;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
