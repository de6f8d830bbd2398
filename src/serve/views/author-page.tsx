import { findCategory } from '../../core/taxonomy.js';
import type { AuthorProfile } from '../../services/read-models.js';
import { authorCitationsPath, authorCorePath, authorPapersPath, authorPath } from '../urls.js';
import type { MetricId } from './metric-definitions.js';
import { CitationsChart } from './citations-chart.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';
import { MetricTiles } from './metric-tile.js';
import { Pagination } from './pagination.js';
import { CategoryTag, PaperCardList } from './paper-card.js';

/**
 * The author profile: name and primary category, metric tiles, the citations-per-year chart,
 * co-authors, and the author's papers with a newest / most-cited switch (plain links, so it
 * works without JavaScript and each order has its own URL).
 */

/** Co-authors listed before the rest fold away. */
export const VISIBLE_COAUTHORS = 24;

/** Props of {@link AuthorProfileView}. */
export interface AuthorProfileViewProps {
  profile: AuthorProfile;
  ctx: PageContext;
}

function SortSwitch(props: { profile: AuthorProfile }) {
  const { key, sort } = props.profile;
  const option = (value: 'newest' | 'cited', label: string) => (
    <a href={authorPath(key, value)} aria-current={sort === value ? 'true' : undefined}>{label}</a>
  );
  return <p class="sort-switch">Sort: {option('newest', 'Newest')} · {option('cited', 'Most cited')}</p>;
}

function Coauthors(props: { coauthors: AuthorProfile['coauthors'] }) {
  const { coauthors } = props;
  if (coauthors.length === 0) return <p class="empty">No co-authors in this index.</p>;
  const item = (c: AuthorProfile['coauthors'][number]) => (
    <li><a href={authorPath(c.key)}>{c.name}</a> <span class="muted">({c.papers})</span></li>
  );
  const rest = coauthors.slice(VISIBLE_COAUTHORS);
  return (
    <>
      <ul class="inline-list coauthors">{coauthors.slice(0, VISIBLE_COAUTHORS).map(item)}</ul>
      {rest.length > 0
        ? <details><summary>{rest.length} more co-authors</summary><ul class="inline-list coauthors">{rest.map(item)}</ul></details>
        : null}
    </>
  );
}

/** An author's ORCID iD as a link to its record. */
export function orcidUrl(orcid: string): string {
  return `https://orcid.org/${encodeURIComponent(orcid)}`;
}

/** An author's Semantic Scholar profile URL. */
export function semanticScholarAuthorUrl(id: string): string {
  return `https://www.semanticscholar.org/author/${encodeURIComponent(id)}`;
}

function AuthorIds(props: { orcid: string | null; s2AuthorId: string | null }) {
  const { orcid, s2AuthorId } = props;
  if (!orcid && !s2AuthorId) return null;
  return (
    <p class="author-ids muted">
      {orcid ? <>ORCID <a href={orcidUrl(orcid)} rel="external">{orcid}</a></> : null}
      {orcid && s2AuthorId ? ' · ' : null}
      {s2AuthorId ? <>Semantic Scholar <a href={semanticScholarAuthorUrl(s2AuthorId)} rel="external">author {s2AuthorId}</a></> : null}
    </p>
  );
}

/** The page each tile's number counts. */
export function tileLinks(key: string): Partial<Record<MetricId, string>> {
  return { papers: authorPapersPath(key), citations: authorCitationsPath(key), hIndex: authorCorePath(key, 'h'), i10Index: authorCorePath(key, 'i10'), h5Index: authorCorePath(key, 'h5') };
}

/** The profile page body. */
export function AuthorProfileView(props: AuthorProfileViewProps) {
  const { profile, ctx } = props;
  const { page, pageSize } = profile.paperPage;
  const offset = (page - 1) * pageSize;
  const category = profile.primaryCategory ? findCategory(profile.primaryCategory) : undefined;
  return (
    <>
      <div class="profile-head">
        <h1>{profile.name}</h1>
        {profile.primaryCategory ? <CategoryTag id={profile.primaryCategory} /> : null}
      </div>
      <AuthorIds orcid={profile.orcid} s2AuthorId={profile.s2AuthorId} />
      {category ? <p class="lede">Publishes mostly in {category.name} ({category.group}).</p> : null}
      {profile.years.first !== null
        ? <p class="muted">Publishing {profile.years.first === profile.years.last ? `in ${profile.years.first}` : `${profile.years.first}–${profile.years.last}`}.</p>
        : null}
      <MetricTiles metrics={profile.metrics} links={tileLinks(profile.key)} />
      <section aria-labelledby="citations-per-year">
        <h2 id="citations-per-year">Citations per year</h2>
        <CitationsChart data={profile.citationsPerYear} name={profile.name} />
        {profile.undatedCitations > 0
          ? <p class="muted">{profile.undatedCitations.toLocaleString('en-US')} citation{profile.undatedCitations === 1 ? '' : 's'} from papers with no known date are counted in the citations tile but not in the chart.</p>
          : null}
      </section>
      <section aria-labelledby="coauthors">
        <h2 id="coauthors">Co-authors ({profile.coauthors.length})</h2>
        <Coauthors coauthors={profile.coauthors} />
      </section>
      <section aria-labelledby="papers">
        <h2 id="papers">Papers ({profile.papers.length})</h2>
        <SortSwitch profile={profile} />
        <PaperCardList cards={profile.papers.slice(offset, offset + pageSize)} now={ctx.now} level={3} />
        <Pagination page={page} pageSize={pageSize} total={profile.papers.length} href={(p) => `${authorPath(profile.key, profile.sort, p)}#papers`} />
      </section>
    </>
  );
}

/** The profile as a complete HTML document. */
export function renderAuthorPage(profile: AuthorProfile, ctx: PageContext): Promise<string> {
  const papers = profile.papers.length;
  return renderPage(<AuthorProfileView profile={profile} ctx={ctx} />, {
    title: profile.name,
    ctx,
    noindex: profile.paperPage.page > 1,
    description: `${profile.name}: ${papers} paper${papers === 1 ? '' : 's'} on arXiv, citations, h-index and co-authors.`,
  });
}
