import type { CategoryPage } from '../../services/read-models.js';
import { CATEGORIES_PATH, atomFeedPath, categoryPath, feedPath } from '../urls.js';
import type { PageContext } from './context.js';
import { selectableCategories } from './category-select.js';
import { renderPage } from './layout.js';
import { Pagination } from './pagination.js';
import { PaperCardList } from './paper-card.js';

/**
 * A category's page (name, group, its newest papers, pagination, links to its feeds) and the
 * category index (every current arXiv category by subject group).
 */

/** Props of {@link CategoryView}. */
export interface CategoryViewProps {
  category: CategoryPage;
  ctx: PageContext;
}

/** The category page body. */
export function CategoryView(props: CategoryViewProps) {
  const { category: c, ctx } = props;
  const feeds = (['daily', 'weekly', 'monthly'] as const).map((kind) => ({ kind, href: feedPath({ kind, category: c.id }) }));
  return (
    <>
      <p class="meta"><a href={CATEGORIES_PATH}>Categories</a> › {c.group}</p>
      <h1>{c.name} <span class="tag">{c.id}</span></h1>
      <p class="lede">
        {c.total.toLocaleString('en-US')} paper{c.total === 1 ? '' : 's'} in this index, newest first.
        {' '}Latest: {feeds.map((f, i) => <>{i > 0 ? ' · ' : ''}<a href={f.href}>{f.kind === 'daily' ? 'today' : f.kind === 'weekly' ? 'this week' : 'this month'}</a></>)}.
      </p>
      {c.papers.length === 0 ? <p class="empty">No papers in this category yet.</p> : <PaperCardList cards={c.papers} now={ctx.now} level={2} />}
      <Pagination page={c.page} pageSize={c.pageSize} total={c.total} href={(page) => categoryPath(c.id, page)} />
    </>
  );
}

/** The category page as a complete HTML document. */
export function renderCategoryPage(category: CategoryPage, ctx: PageContext): Promise<string> {
  return renderPage(<CategoryView category={category} ctx={ctx} />, {
    title: `${category.name} (${category.id})`,
    ctx,
    description: `Newest arXiv papers in ${category.name} (${category.id}).`,
    atomFeed: atomFeedPath(category.id),
    noindex: category.page > 1,
  });
}

/** The category index body: every current category, grouped. */
export function CategoriesIndexView() {
  return (
    <>
      <h1>Categories</h1>
      <p class="lede">arXiv's subject categories. Papers are listed under their primary category and every category they are cross-listed in.</p>
      <div class="category-groups">
        {selectableCategories().map(([group, cats]) => (
          <section>
            <h2>{group}</h2>
            <ul>{cats.map((c) => <li><a href={categoryPath(c.id)}>{c.name}</a> <span class="muted">{c.id}</span></li>)}</ul>
          </section>
        ))}
      </div>
    </>
  );
}

/** The category index as a complete HTML document. */
export function renderCategoriesIndexPage(ctx: PageContext): Promise<string> {
  return renderPage(<CategoriesIndexView />, { title: 'Categories', ctx, description: 'Browse arXiv papers by subject category.' });
}
