import type { Child } from 'hono/jsx';
import { assetUrl } from '../static.js';
import { ABOUT_PATH, CATEGORIES_PATH, LATEST_FEED_PATHS, SEARCH_PATH } from '../urls.js';
import type { PageContext } from './context.js';

/**
 * The page frame every view renders inside: head (stylesheets, feed link), a header with the
 * search entry and the main navigation, the page's main region, and a footer crediting the
 * data sources. {@link renderPage} turns a view into a complete HTML document.
 */

/** Document-level options for a page. */
export interface DocumentOptions {
  /** The page's own title; the document title becomes `<title> · Papersift`. */
  title: string;
  ctx: PageContext;
  /** `<meta name="description">`, when the page has a natural summary. */
  description?: string;
  /** An Atom feed mirroring the page, advertised with `<link rel="alternate">`. */
  atomFeed?: string;
  /** Ask search engines not to index the page (error pages, paginated duplicates). */
  noindex?: boolean;
}

const NAV: readonly { href: string; label: string }[] = [
  { href: LATEST_FEED_PATHS.daily, label: 'Today' },
  { href: LATEST_FEED_PATHS.weekly, label: 'This week' },
  { href: LATEST_FEED_PATHS.monthly, label: 'This month' },
  { href: CATEGORIES_PATH, label: 'Categories' },
  { href: ABOUT_PATH, label: 'About' },
];

/** Whether a nav item is the current section (`/daily/…` counts as Today, `/categories/cs.LG` as Categories). */
export function isCurrentSection(href: string, path: string): boolean {
  if (href === LATEST_FEED_PATHS.daily) return path === href || path === '/' || path.startsWith('/daily/');
  return path === href || path.startsWith(`${href}/`);
}

function SiteHeader(props: { path: string }) {
  return (
    <header class="site-header">
      <div class="wrap">
        <a class="brand" href="/">Papersift</a>
        <a class="search-link" href={SEARCH_PATH}>Search papers and authors…</a>
        <nav class="site-nav" aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li><a href={item.href} aria-current={isCurrentSection(item.href, props.path) ? 'page' : undefined}>{item.label}</a></li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>Thank you to arXiv for use of its open access interoperability. Paper metadata comes from <a href="https://arxiv.org/">arXiv</a> (its API, OAI-PMH and the metadata snapshot); Papersift is not affiliated with arXiv.</p>
        <p>Citation counts come from this index's citation graph and, where shown with their source, from <a href="https://www.semanticscholar.org/">Semantic Scholar</a>. Abstracts belong to their authors; follow the links to arXiv for each paper's licence.</p>
        <p><a href={ABOUT_PATH}>How the metrics are computed</a></p>
      </div>
    </footer>
  );
}

/** The full document around a page body. */
export function Layout(props: DocumentOptions & { children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title === 'Papersift' ? 'Papersift' : `${props.title} · Papersift`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={assetUrl('katex/katex.min.css')} />
        <link rel="stylesheet" href={assetUrl('site.css')} />
        {props.atomFeed ? <link rel="alternate" type="application/atom+xml" title="Papersift feed" href={props.atomFeed} /> : null}
        <script src={assetUrl('site.js')} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <SiteHeader path={props.ctx.path} />
        <main id="main" class="wrap">{props.children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}

/**
 * Renders a page body inside the layout as a complete HTML document (with doctype), ready for
 * `c.html(...)`. Async because hono/jsx may contain async components; today none are.
 */
export async function renderPage(body: Child, options: DocumentOptions): Promise<string> {
  const doc = <Layout {...options}>{body}</Layout>;
  return `<!doctype html>${await (await doc).toString()}`;
}
