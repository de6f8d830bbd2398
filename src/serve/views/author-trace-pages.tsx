import { citationSourceName } from '../../core/citation.js';
import type { AuthorCitationsPage, AuthorCorePage, CoreEntry } from '../../services/read-models.js';
import { authorCitationsPath, authorCorePath, authorPath, paperPath } from '../urls.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';
import { MetricTiles } from './metric-tile.js';
import { tileLinks } from './author-page.js';
import { Pagination } from './pagination.js';
import { PaperCardView } from './paper-card.js';
import { TitleText } from './rich-text.js';

/**
 * The pages behind a profile's numbers: `/authors/<key>/citations` (every citing paper, with
 * which of the author's papers it cites) and `/authors/<key>/h-core` (the papers most cited
 * first, with the h-core, the h5-core or the i10 papers marked).
 */

/** The citing papers, paginated. */
export function AuthorCitationsView(props: { page: AuthorCitationsPage; ctx: PageContext }) {
  const p = props.page;
  return (
    <>
      <h1>Citations of <a href={authorPath(p.key)}>{p.name}</a></h1>
      <p class="lede">{p.citations.toLocaleString('en-US')} citations (the citations tile) from {p.citingPapers.toLocaleString('en-US')} citing papers; each citing paper counts once per paper of {p.name} it cites. Source: internal citation graph{p.sources.length ? ` (${p.sources.map(citationSourceName).join(', ')})` : ''}.</p>
      {p.entries.length === 0 ? <p class="empty">No citations in this index.</p> : null}
      {p.entries.map((e) => (
        <div class="citing-entry">
          {e.card ? <PaperCardView card={e.card} now={props.ctx.now} compact level={3} /> : <p class="card compact">{e.ref} <span class="muted">(not in this index{e.date ? `; ${e.date}` : ''})</span></p>}
          <p class="cites muted">cites: {e.cites.map((c, i) => <>{i > 0 ? '; ' : ''}<a href={paperPath(c.arxivId)}><TitleText text={c.title} /></a></>)}</p>
        </div>
      ))}
      <Pagination page={p.page} pageSize={p.pageSize} total={p.citingPapers} href={(n) => authorCitationsPath(p.key, n)} />
    </>
  );
}

/** Which marker a core page highlights. */
export type CoreShow = 'h' | 'i10' | 'h5';

const SHOW_TEXT: Record<CoreShow, { title: string; mark: (e: CoreEntry) => boolean }> = {
  h: { title: 'h-core', mark: (e) => e.inHCore },
  i10: { title: 'i10 papers', mark: (e) => e.inI10 },
  h5: { title: 'h5-core', mark: (e) => e.inH5Core },
};

/** The ranked papers. */
export function AuthorCoreView(props: { page: AuthorCorePage; show: CoreShow }) {
  const { page: p, show } = props;
  const w = p.provenance.window;
  const rows = p.entries;
  return (
    <>
      <h1>{SHOW_TEXT[show].title} of <a href={authorPath(p.key)}>{p.name}</a></h1>
      <p class="lede">Papers most cited first. The h-core is the first h papers (each cited at least h times); the i10 papers are those cited at least 10 times; the h5-core counts only citations from papers dated {w.from}–{w.to}. Show: <a href={authorCorePath(p.key, 'h')}>h-core</a> · <a href={authorCorePath(p.key, 'i10')}>i10</a> · <a href={authorCorePath(p.key, 'h5')}>h5-core</a>.</p>
      <MetricTiles metrics={p.metrics} idPrefix="core" links={tileLinks(p.key)} />
      <table class="core-table">
        <thead><tr><th scope="col">#</th><th scope="col">Paper</th><th scope="col">Citations</th><th scope="col">{w.from}–{w.to}</th><th scope="col">Counts towards</th><th scope="col">External counts</th></tr></thead>
        <tbody>
          {rows.map((e) => (
            <tr class={SHOW_TEXT[show].mark(e) ? 'marked' : undefined} data-marked={SHOW_TEXT[show].mark(e) ? 'true' : undefined}>
              <td>{e.rank}</td>
              <td><a href={paperPath(e.card.arxivId)}><TitleText text={e.card.title} /></a> <span class="muted">{e.card.arxivId}</span></td>
              <td>{e.citations}</td>
              <td>{e.windowCitations}</td>
              <td>{[e.inHCore ? 'h-core' : '', e.inH5Core ? 'h5-core' : '', e.inI10 ? 'i10' : ''].filter(Boolean).join(', ') || '—'}</td>
              <td>{e.external.length === 0 ? '—' : e.external.map((x) => `${x.count} (${citationSourceName(x.source)}, ${x.retrievedAt.slice(0, 10)})`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The citations page as a complete HTML document. */
export function renderAuthorCitationsPage(page: AuthorCitationsPage, ctx: PageContext): Promise<string> {
  return renderPage(<AuthorCitationsView page={page} ctx={ctx} />, { title: `Citations of ${page.name}`, ctx, description: `The ${page.citingPapers} papers citing ${page.name}'s papers in this index.` });
}

/** The h-core page as a complete HTML document. */
export function renderAuthorCorePage(page: AuthorCorePage, show: CoreShow, ctx: PageContext): Promise<string> {
  return renderPage(<AuthorCoreView page={page} show={show} />, { title: `${SHOW_TEXT[show].title} of ${page.name}`, ctx, description: `${page.name}'s papers most cited first, with the ${SHOW_TEXT[show].title} marked.` });
}
