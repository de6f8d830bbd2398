import { citationSourceName } from '../../core/citation.js';
import { findArxivId } from '../../core/arxiv-id.js';
import type { PaperVersion } from '../../core/paper.js';
import { findCategory } from '../../core/taxonomy.js';
import type { PaperDetail } from '../../services/read-models.js';
import type { SimilarPaper } from '../../services/similar.service.js';
import { toBibtex } from '../render/bibtex.js';
import { formatDate } from '../render/dates.js';
import { isSafeHttpUrl } from '../render/math.js';
import { arxivAbsUrl, arxivPdfUrl, categoryPath, doiUrl } from '../urls.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';
import { AuthorNames, CategoryTag, PaperCardList, PaperCardView, citationLabel } from './paper-card.js';
import { RichText, TitleText } from './rich-text.js';

/**
 * A paper's page: title, every author, links to arXiv (abstract, PDF) and the DOI, the
 * abstract, the record's facts (categories, versions, comments, journal reference…), BibTeX
 * with a copy button (shown by site.js; the `<pre>` alone works without it), what cites the
 * paper and what it cites, and a placeholder for similar papers (arrives with search).
 */

/** Props of {@link PaperDetailView}. */
export interface PaperDetailViewProps {
  detail: PaperDetail;
  ctx: PageContext;
  /** Nearest papers in meaning, or null before vectors exist. */
  similar: SimilarPaper[] | null;
}

function Versions(props: { versions: readonly PaperVersion[] }) {
  if (props.versions.length === 0) return <>Not recorded</>;
  return (
    <ol class="inline-list">
      {props.versions.map((v) => <li><span class="tag">v{v.version}</span> <time datetime={v.createdAt}>{formatDate(v.createdAt)}</time></li>)}
    </ol>
  );
}

function Categories(props: { ids: readonly string[] }) {
  return (
    <ul class="inline-list">
      {props.ids.map((id) => {
        const name = findCategory(id)?.name;
        return <li><a href={categoryPath(id)}>{name ? `${name} (${id})` : id}</a></li>;
      })}
    </ul>
  );
}

function Facts(props: { detail: PaperDetail }) {
  const p = props.detail.paper;
  return (
    <dl class="facts">
      <dt>Categories</dt><dd><Categories ids={p.categories} /></dd>
      <dt>Versions</dt><dd><Versions versions={p.versions} /></dd>
      {p.firstListed ? <><dt>First listed</dt><dd><time datetime={p.firstListed}>{formatDate(p.firstListed)}</time></dd></> : null}
      {p.comments ? <><dt>Comments</dt><dd><RichText text={p.comments} /></dd></> : null}
      {p.journalRef ? <><dt>Journal reference</dt><dd><RichText text={p.journalRef} /></dd></> : null}
      {p.doi ? <><dt>DOI</dt><dd><a href={doiUrl(p.doi)}>{p.doi}</a></dd></> : null}
      {p.reportNo ? <><dt>Report number</dt><dd>{p.reportNo}</dd></> : null}
      {p.license ? <><dt>Licence</dt><dd>{isSafeHttpUrl(p.license) ? <a href={p.license} rel="license">{p.license}</a> : p.license}</dd></> : null}
      <dt>arXiv id</dt><dd><code>{p.arxivId}</code></dd>
    </dl>
  );
}

function Links(props: { detail: PaperDetail }) {
  const p = props.detail.paper;
  return (
    <p class="paper-links">
      <a class="button primary" href={arxivPdfUrl(p.arxivId)}>PDF</a>
      <a class="button" href={arxivAbsUrl(p.arxivId)}>arXiv abstract page</a>
      {p.doi ? <a class="button" href={doiUrl(p.doi)}>Publisher (DOI)</a> : null}
    </p>
  );
}

function ExternalCounts(props: { counts: PaperDetail['externalCounts'] }) {
  if (props.counts.length === 0) return null;
  return (
    <ul class="muted">
      {props.counts.map((c) => (
        <li>
          {citationSourceName(c.source)} reports {citationLabel(c.count).toLowerCase()} (as of {formatDate(c.retrievedAt)}).
          {c.byYear && c.byYear.length > 0 ? <> By year: {c.byYear.map((y) => `${y.year}: ${y.count.toLocaleString('en-US')}`).join(' · ')}.</> : null}
        </li>
      ))}
    </ul>
  );
}

function CitedBy(props: { detail: PaperDetail; ctx: PageContext }) {
  const { citedBy, citationCount } = props.detail;
  return (
    <section aria-labelledby="cited-by">
      <h2 id="cited-by">Cited by ({citationCount.toLocaleString('en-US')})</h2>
      <ExternalCounts counts={props.detail.externalCounts} />
      {citedBy.length === 0 ? <p class="empty">No paper in this index cites this one yet.</p> : null}
      {citedBy.length > 0 && citedBy.length < citationCount ? <p class="muted">Showing {citedBy.length} of {citationCount}: the newest citing papers that are in this index.</p> : null}
      <PaperCardList cards={citedBy} now={props.ctx.now} compact />
    </section>
  );
}

/** An external reference id: linked to arXiv when it is an arXiv id, else shown as given. */
function ExternalReference(props: { id: string }) {
  const parsed = findArxivId(props.id);
  return parsed ? <a href={arxivAbsUrl(parsed.id)}>arXiv:{parsed.id}</a> : <code>{props.id}</code>;
}

function References(props: { detail: PaperDetail; ctx: PageContext }) {
  const { references, externalReferences } = props.detail;
  const total = references.length + externalReferences.length;
  return (
    <section aria-labelledby="references">
      <h2 id="references">References ({total.toLocaleString('en-US')})</h2>
      {total === 0 ? <p class="empty">No references recorded for this paper.</p> : null}
      <PaperCardList cards={references} now={props.ctx.now} compact />
      {externalReferences.length > 0
        ? <details>
            <summary>{externalReferences.length} references not in this index</summary>
            <ul class="inline-list">{externalReferences.map((id) => <li><ExternalReference id={id} /></li>)}</ul>
          </details>
        : null}
    </section>
  );
}

function Bibtex(props: { detail: PaperDetail }) {
  return (
    <section class="bibtex" aria-labelledby="cite">
      <h2 id="cite">Cite</h2>
      <pre id="bibtex"><code>{toBibtex(props.detail.paper)}</code></pre>
      <button type="button" data-copy="bibtex" hidden>Copy BibTeX</button>
      <span class="visually-hidden" role="status" data-copy-status></span>
    </section>
  );
}

function Similar(props: { similar: SimilarPaper[] | null; ctx: PageContext }) {
  const { similar } = props;
  return (
    <section aria-labelledby="similar">
      <h2 id="similar">Similar papers</h2>
      {similar === null
        ? <p class="placeholder">Similar papers appear once the search index has been built (<code>papersift index</code>).</p>
        : similar.length === 0
          ? <p class="placeholder">No similar papers in this index yet.</p>
          : <ol class="cards">{similar.map((s) => <li><PaperCardView card={s.paper} now={props.ctx.now} compact match={{ title: null, snippet: '', why: [...s.why, ...(s.similarity === null ? [] : [`similarity ${s.similarity.toFixed(2)}`])] }} /></li>)}</ol>}
    </section>
  );
}

/** The paper page body. */
export function PaperDetailView(props: PaperDetailViewProps) {
  const { detail, ctx } = props;
  const p = detail.paper;
  return (
    <article>
      <div class="meta">
        <CategoryTag id={p.primaryCategory} />
        {p.published ? <span>Submitted <time datetime={p.published}>{formatDate(p.published)}</time></span> : null}
        <span>{citationLabel(detail.citationCount)}</span>
      </div>
      <h1 class="paper-title"><TitleText text={p.title} /></h1>
      <p class="authors paper-authors"><AuthorNames authors={p.authors} /></p>
      <Links detail={detail} />
      <section aria-labelledby="abstract">
        <h2 id="abstract">Abstract</h2>
        <div class="abstract"><RichText text={p.abstract} /></div>
      </section>
      <section aria-labelledby="details">
        <h2 id="details">Details</h2>
        <Facts detail={detail} />
      </section>
      <Bibtex detail={detail} />
      <CitedBy detail={detail} ctx={ctx} />
      <References detail={detail} ctx={ctx} />
      <Similar similar={props.similar} ctx={ctx} />
    </article>
  );
}

/** The paper page as a complete HTML document. */
export function renderPaperPage(detail: PaperDetail, ctx: PageContext, similar: SimilarPaper[] | null = null): Promise<string> {
  const p = detail.paper;
  return renderPage(<PaperDetailView detail={detail} ctx={ctx} similar={similar} />, {
    title: p.title,
    ctx,
    description: p.abstract.slice(0, 200),
  });
}
