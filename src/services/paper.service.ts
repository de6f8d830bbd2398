import { parseArxivIdOrThrow } from '../core/arxiv-id.js';
import { ValidationError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { PaperDetail } from './read-models.js';

/** Options of {@link getPaperDetail}. */
export interface PaperDetailOptions {
  /**
   * Most cards in `citedBy` and in `references` (each newest first). `citationCount` is always
   * the full count, so a page can say "100 of 403". @default 100
   */
  listLimit?: number;
}

/**
 * Everything a paper's page shows. `arxivId` may be any spelling `findArxivId` accepts: new
 * style (`2503.11731`), old style with its slash (`hep-th/9407087`, `math.GT/0309136`), with
 * a version (`v2`, ignored), an `arXiv:` prefix or an abs URL. Throws ValidationError (field
 * `arxivId`) when it is no arXiv id at all, NotFoundError when the paper is not in the store.
 * `citedBy` and `references` list only papers in the store; `citationCount` counts every
 * distinct citing paper in the citation graph, in the store or not.
 */
export async function getPaperDetail(store: Store, arxivId: string, options: PaperDetailOptions = {}): Promise<PaperDetail> {
  const { id } = parseArxivIdOrThrow(arxivId, 'arxivId');
  const limit = options.listLimit ?? 100;
  if (!Number.isInteger(limit) || limit < 1) throw new ValidationError('listLimit', `must be a whole number ≥ 1, got ${String(limit)}`);
  const paper = await store.papers.findByArxivIdOrThrow(id);
  const [citationCount, citedBy, references, externalReferences, externalCounts] = await Promise.all([
    store.citations.citationCount(id),
    store.citations.citingCards(id, limit),
    store.citations.referenceCards(id, limit),
    store.citations.externalReferences(id),
    store.citations.counts(id),
  ]);
  return { paper, citationCount, citedBy, references, externalReferences, externalCounts };
}
