import { NotFoundError } from '../core/errors.js';
import { findCategory } from '../core/taxonomy.js';
import type { Store } from '../store/store.js';
import { resolvePaging, type PagingOptions } from './paging.js';
import type { CategoryPage } from './read-models.js';

/**
 * A category page: the category's name and group from the taxonomy, and its papers (at any
 * position, so cross-lists count) newest first by card date, paginated. `id` is exact and
 * case-sensitive, as arXiv writes it (`cs.LG`, `hep-th`). Throws NotFoundError for an id not
 * in the taxonomy, ValidationError (`page`, `pageSize`) for bad paging.
 */
export async function getCategoryPage(store: Store, id: string, options: PagingOptions = {}): Promise<CategoryPage> {
  const category = findCategory(id);
  if (!category) throw new NotFoundError('category', id);
  const paging = resolvePaging(options);
  const list = await store.feeds.byCategory(category.id, { offset: paging.offset, limit: paging.pageSize });
  return {
    id: category.id, name: category.name, group: category.group,
    papers: list.papers, total: list.total, page: paging.page, pageSize: paging.pageSize,
  };
}
