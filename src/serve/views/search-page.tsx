import { SEARCH_MODES, type SearchMode, type SearchResults } from '../../services/search.service.js';
import { authorPath, searchPath, SEARCH_PATH } from '../urls.js';
import { CategorySelect } from './category-select.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';
import { Pagination } from './pagination.js';
import { PaperCardView } from './paper-card.js';

/**
 * The search page: one GET form (query, mode, category, dates, author), the authors whose
 * names match, and the results as the site's usual cards, each with its highlighted match
 * and the reason it was found. Works without JavaScript; a GET form needs no CSRF token.
 */

const MODE_LABELS: Record<SearchMode, string> = {
  hybrid: 'Best match (words + meaning)',
  keyword: 'Exact words',
  semantic: 'Similar meaning',
};

/** The search form, prefilled with the current request. */
export function SearchForm(props: { results: SearchResults | null }) {
  const r = props.results;
  return (
    <form class="search-form" method="get" action={SEARCH_PATH} role="search">
      <label class="field wide" for="search-q">Search papers and authors</label>
      <div class="search-row">
        <input id="search-q" type="search" name="q" value={r?.query ?? ''} maxlength={500} autofocus
          placeholder={'conformal prediction, "graph neural network", transform*, 2503.11731'} />
        <button type="submit" class="primary">Search</button>
      </div>
      <fieldset class="modes">
        <legend>Match by</legend>
        {SEARCH_MODES.map((m) => <label><input type="radio" name="mode" value={m} checked={(r?.mode ?? 'hybrid') === m} /> {MODE_LABELS[m]}</label>)}
      </fieldset>
      <details class="filters" open={Boolean(r && (r.filters.category || r.filters.from || r.filters.to || r.filters.author))}>
        <summary>Filters</summary>
        <span class="field"><label for="search-category">Category</label><CategorySelect id="search-category" selected={r?.filters.category ?? null} /></span>
        <label class="field">From<input type="date" name="from" value={r?.filters.from ?? ''} /></label>
        <label class="field">To<input type="date" name="to" value={r?.filters.to ?? ''} /></label>
        <label class="field">Author<input type="text" name="author" value={r?.filters.author ?? ''} placeholder="Kazemi, M." /></label>
      </details>
    </form>
  );
}

function Summary(props: { results: SearchResults }) {
  const r = props.results;
  const count = `${r.total.toLocaleString('en-US')}${r.totalIsExact ? '' : '+'} paper${r.total === 1 ? '' : 's'}`;
  return (
    <>
      {r.notice ? <p class="notice" role="status">{r.notice}</p> : null}
      <p class="lede" role="status">{count} for “{r.query}” · {MODE_LABELS[r.mode].toLowerCase()}
        {r.authorFilter.length > 0 ? <> · by {r.authorFilter.map((a, i) => <>{i > 0 ? ', ' : ''}<a href={authorPath(a.key)}>{a.name}</a></>)}</> : null}
      </p>
    </>
  );
}

function AuthorMatches(props: { results: SearchResults }) {
  if (props.results.authors.length === 0) return null;
  return (
    <aside class="author-matches" aria-labelledby="author-matches-heading">
      <h2 id="author-matches-heading">Authors</h2>
      <ul>{props.results.authors.map((a) => <li><a href={authorPath(a.key)}>{a.name}</a> <span class="muted">{a.papers} paper{a.papers === 1 ? '' : 's'}</span></li>)}</ul>
    </aside>
  );
}

/** The search page body: the form, then (for a query) the results. */
export function SearchView(props: { results: SearchResults | null; ctx: PageContext }) {
  const r = props.results;
  return (
    <>
      <h1>Search</h1>
      <SearchForm results={r} />
      {r === null || r.query === '' ? <SearchHelp /> : (
        <>
          <Summary results={r} />
          <AuthorMatches results={r} />
          {r.hits.length === 0
            ? <p class="empty">No papers match. Try fewer words, a prefix like <code>transform*</code>, or “Similar meaning”.</p>
            : <ol class="cards">{r.hits.map((h) => <li><PaperCardView card={h.paper} now={props.ctx.now} level={2} match={{ title: h.titleHighlight, snippet: h.snippet, why: h.why }} /></li>)}</ol>}
          <Pagination page={r.page} pageSize={r.pageSize} total={r.total} href={(page) => searchPath({ q: r.query, mode: r.mode, category: r.filters.category, from: r.filters.from, to: r.filters.to, author: r.filters.author, page })} />
        </>
      )}
    </>
  );
}

function SearchHelp() {
  return (
    <section class="help">
      <h2>How to search</h2>
      <ul>
        <li>Words must all match: <code>conformal prediction</code>. Quote a phrase: <code>"large language model"</code>.</li>
        <li>End a word with <code>*</code> for any ending: <code>transform*</code>. Exclude with <code>-</code>: <code>diffusion -image</code>. Use <code>OR</code> between alternatives.</li>
        <li>Paste an arXiv id or link to go straight to the paper. Names find authors, even misspelt: <code>Kazemi, M.</code></li>
        <li>“Similar meaning” finds papers about the same thing in other words; “Best match” blends both.</li>
      </ul>
    </section>
  );
}

/** The search page as a complete HTML document. */
export function renderSearchPage(results: SearchResults | null, ctx: PageContext): Promise<string> {
  return renderPage(<SearchView results={results} ctx={ctx} />, {
    title: results?.query ? `Search: ${results.query}` : 'Search',
    ctx,
    description: 'Search arXiv papers by words and by meaning.',
    noindex: Boolean(results?.query),
  });
}
