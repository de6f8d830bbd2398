import { NotFoundError, ValidationError } from '../core/errors.js';
import { parseArxivIdOrThrow } from '../core/arxiv-id.js';
import type { PaperSummary } from '../core/paper.js';
import type { EmbedText } from '../index/embedder.js';
import type { VectorHit } from '../index/vector-index.js';
import type { Store } from '../store/store.js';
import type { PaperCard } from './read-models.js';
import { fuseHybrid, HYBRID, type SearchDeps } from './search.service.js';

/** A recommended paper, its closeness and the reasons it was chosen. */
export interface SimilarPaper {
  paper: PaperCard;
  /** Cosine similarity of the vectors, in [-1, 1]; null when only the keyword search found it. */
  similarity: number | null;
  /** "shares: conformal, coverage, calibration"; "closest to: <title>". */
  why: string[];
  /** For sets: the arXiv id of the given paper it is closest to. */
  closestTo?: string;
}

/** Most seeds "more like these" takes. */
export const MAX_SEEDS = 200;
/** Terms quoted in a "shares" reason. */
const REASON_TERMS = 5;

/** Distinctive terms of a paper in the keyword query that finds papers like it (the eval's 30). */
export const SIMILAR_QUERY_TERMS = 30;

/**
 * Papers like one paper, ranked as `npm run eval` found best for citation prediction: its
 * nearest stored vectors fused (reciprocal rank, {@link HYBRID} weights and depth) with a
 * keyword search for its {@link SIMILAR_QUERY_TERMS} most distinctive terms. Each names the
 * terms the two share. Empty when the paper has no vector yet (before `papersift index`).
 */
export async function similarPapers(deps: SearchDeps, rawId: string, limit = 10): Promise<SimilarPaper[]> {
  const { id: arxivId } = parseArxivIdOrThrow(rawId, 'id');
  const id = (await deps.store.papers.internalIds([arxivId])).get(arxivId);
  if (id === undefined) throw new NotFoundError('paper', arxivId);
  if (!deps.semantic) return [];
  const semantic = deps.semantic;
  const [seed] = await deps.store.papers.cards([id]);
  const near = (await semantic.neighboursOf([id], HYBRID.candidates)).get(id);
  if (!seed || !near) return [];
  const terms = semantic.topTerms(textOf(seed), SIMILAR_QUERY_TERMS);
  const words = terms.length > 0 ? await deps.keyword.search({ text: terms.map((t) => `"${t}"`).join(' OR '), limit: HYBRID.candidates + 1, offset: 0 }) : { hits: [] };
  const fused = fuseHybrid(words.hits.map((h) => h.paperId).filter((k) => k !== id), near.map((h) => h.key)).slice(0, limit);
  const similarity = new Map(near.map((h) => [h.key, h.similarity]));
  const cards = await cardsFor(deps.store, fused.map((f) => f.id));
  return fused.flatMap((f) => {
    const card = cards.get(f.id);
    if (!card) return [];
    const shared = semantic.sharedTerms(textOf(seed), textOf(card), REASON_TERMS);
    return [{ paper: card, similarity: similarity.get(f.id) ?? null, why: shared.length > 0 ? [`shares: ${shared.join(', ')}`] : [] }];
  });
}

/**
 * "More like these": papers near any of the given ones (a library, an author's papers), the
 * given ones excluded. A candidate scores its best similarity to a seed, plus a little for
 * every further seed it is near; it names the seed it is closest to.
 */
export async function moreLikeThese(deps: SearchDeps, rawIds: readonly string[], limit = 20): Promise<SimilarPaper[]> {
  if (rawIds.length === 0) throw new ValidationError('ids', 'give at least one arXiv id');
  if (rawIds.length > MAX_SEEDS) throw new ValidationError('ids', `at most ${MAX_SEEDS} ids`);
  const arxivIds = [...new Set(rawIds.map((r) => parseArxivIdOrThrow(r, 'ids').id))];
  const internal = await deps.store.papers.internalIds(arxivIds);
  if (internal.size === 0) throw new NotFoundError('papers', arxivIds.slice(0, 3).join(', '));
  if (!deps.semantic) return [];
  const seeds = [...internal.values()];
  const neighbours = await deps.semantic.neighboursOf(seeds, limit + seeds.length);
  const ranked = aggregate(neighbours, new Set(seeds)).slice(0, limit);
  const cards = await cardsFor(deps.store, [...ranked.map((r) => r.key), ...seeds]);
  const arxivOf = new Map([...internal].map(([a, i]) => [i, a]));
  return ranked.flatMap((r) => {
    const card = cards.get(r.key);
    const seed = cards.get(r.seed);
    if (!card || !seed) return [];
    return [{ paper: card, similarity: r.similarity, why: [`closest to: ${seed.title}`], closestTo: arxivOf.get(r.seed)! }];
  });
}

interface Aggregated { key: number; similarity: number; seed: number; score: number }

/** Best similarity per candidate over the seeds' neighbour lists, with a bonus per extra seed. */
export function aggregate(neighbours: Map<number, VectorHit[]>, exclude: Set<number>): Aggregated[] {
  const best = new Map<number, Aggregated & { seeds: number }>();
  for (const [seed, hits] of neighbours) {
    for (const h of hits) {
      if (exclude.has(h.key)) continue;
      const cur = best.get(h.key);
      if (!cur) { best.set(h.key, { key: h.key, similarity: h.similarity, seed, score: 0, seeds: 1 }); continue; }
      cur.seeds++;
      if (h.similarity > cur.similarity) { cur.similarity = h.similarity; cur.seed = seed; }
    }
  }
  return [...best.values()]
    .map((a) => ({ key: a.key, similarity: a.similarity, seed: a.seed, score: a.similarity + 0.02 * (a.seeds - 1) }))
    .sort((a, b) => b.score - a.score || a.key - b.key);
}

async function cardsFor(store: Store, ids: number[]): Promise<Map<number, PaperSummary>> {
  const [cards, arxiv] = await Promise.all([store.papers.cards(ids), store.papers.arxivIds(ids)]);
  const byArxiv = new Map(cards.map((c) => [c.arxivId, c]));
  const out = new Map<number, PaperSummary>();
  for (const [id, a] of arxiv) { const c = byArxiv.get(a); if (c) out.set(id, c); }
  return out;
}

function textOf(p: { title: string; abstract: string }): EmbedText {
  return { title: p.title, abstract: p.abstract };
}
