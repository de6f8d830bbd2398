/**
 * The site's one stylesheet, served at `/static/site.css`. Kept as a string module so the
 * compiled app (dist/) carries it without a copy step.
 *
 * Principles: a calm reading column (~70 characters), system fonts for interface and a serif
 * for abstracts, light and dark palettes from `prefers-color-scheme`, a visible focus ring on
 * everything focusable, and long words, URLs, 200-author lists and formulas wrapping or
 * scrolling inside their box instead of widening the page (down to 360 px screens).
 */
export const SITE_CSS = String.raw`
:root {
  color-scheme: light dark;
  --bg: #fbfaf7;
  --surface: #ffffff;
  --fg: #1f2328;
  --muted: #5b616b;
  --line: #e3dfd6;
  --accent: #2b4f9e;
  --accent-soft: #e9eef9;
  --tag-fg: #2b4f9e;
  --tag-bg: #e9eef9;
  --focus: #c2410c;
  --tip-bg: #1f2328;
  --tip-fg: #fbfaf7;
  --chart-bar: #3b5bab;
  --radius: 10px;
  --measure: 46rem;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #141619;
    --surface: #1b1e22;
    --fg: #e7e4de;
    --muted: #a3a9b2;
    --line: #2e333a;
    --accent: #9bb8ff;
    --accent-soft: #222b3d;
    --tag-fg: #b9ccff;
    --tag-bg: #243049;
    --focus: #fdba74;
    --tip-bg: #e7e4de;
    --tip-fg: #141619;
    --chart-bar: #7f9ef0;
  }
}

*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 1rem/1.55 var(--sans);
  overflow-wrap: break-word;
}
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 0.18em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
h1, h2, h3 { line-height: 1.25; font-weight: 650; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 0.35rem 0; }
p, li, dd, dt, td, th, summary, label { overflow-wrap: anywhere; }
code, pre { font-family: var(--mono); font-size: 0.9em; }
img, svg { max-width: 100%; }

.wrap { max-width: var(--measure); margin: 0 auto; padding: 0 1rem; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--surface); padding: 0.5rem 0.75rem; z-index: 20; }
.skip-link:focus { left: 0.5rem; }
.muted { color: var(--muted); }

/* Header, navigation, footer */
.site-header { border-bottom: 1px solid var(--line); background: var(--surface); }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--fg); text-decoration: none; letter-spacing: -0.01em; }
.search-link {
  flex: 1 1 10rem; min-width: 0; padding: 0.35rem 0.75rem; border: 1px solid var(--line); border-radius: 999px;
  color: var(--muted); text-decoration: none; background: var(--bg); white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
.site-nav a { color: var(--muted); text-decoration: none; padding: 0.2rem 0; }
.site-nav a:hover, .site-nav a[aria-current="page"] { color: var(--fg); text-decoration: underline; text-decoration-thickness: 2px; }
main, main.wrap { padding-top: 2rem; padding-bottom: 3rem; min-height: 60vh; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.875rem; padding: 1.5rem 0 2.5rem; }
.site-footer p { margin: 0.35rem 0; }

/* Tags, meta lines, small lists */
.tag {
  display: inline-block; font: 600 0.75rem/1.6 var(--mono); letter-spacing: 0.03em; padding: 0 0.45rem;
  border-radius: 6px; background: var(--tag-bg); color: var(--tag-fg); text-decoration: none; max-width: 100%; overflow-wrap: anywhere;
}
a.tag:hover { text-decoration: underline; }
.meta { color: var(--muted); font-size: 0.875rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.6rem; }
.inline-list { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; }
.lede { color: var(--muted); margin-top: 0; }

/* Paper cards */
.cards { list-style: none; margin: 0; padding: 0; }
.card { padding: 1.1rem 0 1.2rem; border-bottom: 1px solid var(--line); min-width: 0; }
.cards > li:first-child > .card { padding-top: 0.4rem; }
.card-title { font-size: 1.1rem; margin: 0.35rem 0 0.25rem; }
.card-title a { color: var(--fg); text-decoration: none; }
.card-title a:hover { color: var(--accent); text-decoration: underline; }
.authors { color: var(--muted); font-size: 0.925rem; overflow-wrap: anywhere; }
.authors a { color: inherit; }
.authors a:hover { color: var(--accent); }
.etal { display: inline; }
.etal > summary { display: inline; cursor: pointer; color: var(--accent); list-style: none; }
.etal > summary::-webkit-details-marker { display: none; }
.etal > summary::after { content: " \25B8"; font-size: 0.8em; }
.etal[open] > summary::after { content: " \25BE"; }
.abstract { font: 1.03rem/1.62 var(--serif); margin: 0.5rem 0 0.4rem; overflow-x: auto; overflow-y: hidden; overflow-wrap: anywhere; }
.card-foot { margin: 0.2rem 0 0; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.card.compact .abstract { display: none; }

/* Formulas: display math scrolls sideways rather than widening the page. */
.katex { font-size: 1.05em; }
.katex-display { margin: 0.6em 0; overflow-x: auto; overflow-y: hidden; padding: 0.15em 0; }
.katex-error { color: inherit !important; font-family: var(--mono); font-size: 0.9em; }
h1 .katex, .card-title .katex { font-size: 1em; }

/* Metric tiles with definitions on hover and keyboard focus */
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.6rem; margin: 1rem 0 0; padding: 0; }
.tile { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.65rem 0.8rem; min-width: 0; position: relative; }
.tile dt { margin: 0; position: relative; }
.tile-label { color: var(--muted); font-size: 0.8rem; border-bottom: 1px dotted currentColor; cursor: help; }
.tile-value { margin: 0.15rem 0 0; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile-reason { margin: 0.1rem 0 0; font-size: 0.78rem; color: var(--muted); line-height: 1.35; }
.tile-trace { margin: 0.2rem 0 0; font-size: 0.8rem; }
.tile-source { margin: 0.25rem 0 0; font-size: 0.7rem; line-height: 1.3; overflow-wrap: anywhere; }
.tip {
  position: absolute; left: 0; top: calc(100% + 0.4rem); z-index: 10; width: max-content; max-width: min(18rem, 80vw);
  background: var(--tip-bg); color: var(--tip-fg); font-size: 0.8rem; line-height: 1.4; padding: 0.45rem 0.6rem; border-radius: 6px;
  visibility: hidden; opacity: 0; transition: opacity 120ms ease-in;
}
.tile dt:hover .tip, .tile-label:focus + .tip, .tile-label:focus-visible + .tip { visibility: visible; opacity: 1; }
@media (max-width: 30rem) { .tip { max-width: calc(100vw - 3rem); } .tile:nth-child(2n) .tip { left: auto; right: 0; } }

/* Charts and tables */
.chart { margin: 0.5rem 0 0; }
.chart-svg { width: 100%; height: auto; display: block; color: var(--muted); }
.chart-svg.narrow { display: none; }
@media (max-width: 32rem) { .chart-svg.wide { display: none; } .chart-svg.narrow { display: block; } }
.chart-svg text { fill: var(--muted); }
.chart-svg path[fill="#3b5bab"] { fill: var(--chart-bar); }
.chart figcaption { font-size: 0.85rem; color: var(--muted); }
table { border-collapse: collapse; }

/* Author profile */
.profile-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4rem 0.75rem; }
.coauthors li { background: var(--surface); border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.6rem; font-size: 0.9rem; }
.sort-switch { font-size: 0.9rem; color: var(--muted); margin: 0 0 0.5rem; }
.sort-switch a[aria-current] { color: var(--fg); font-weight: 650; text-decoration: none; }

/* Paper page */
.paper-title { font-size: 1.6rem; }
.paper-authors { font-size: 1rem; }
.paper-links { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
.button, button {
  display: inline-block; font: inherit; font-size: 0.9rem; padding: 0.35rem 0.8rem; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--line); background: var(--surface); color: var(--accent); text-decoration: none;
}
.button.primary, button.primary { background: var(--accent); color: var(--surface); border-color: var(--accent); }
.facts { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: 0.4rem 1rem; margin: 0; }
.facts dt { color: var(--muted); font-size: 0.9rem; }
.facts dd { margin: 0; min-width: 0; }
@media (max-width: 30rem) { .facts { grid-template-columns: 1fr; } .facts dd { margin-bottom: 0.4rem; } }
.bibtex { position: relative; }
.bibtex pre {
  background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.8rem 1rem;
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.5rem 0; font-size: 0.85rem; line-height: 1.5;
}
.placeholder { border: 1px dashed var(--line); border-radius: var(--radius); padding: 0.8rem 1rem; color: var(--muted); }

/* Feeds: period navigation, the picker form, pagination, the subscribe box */
.period-nav, .pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; margin: 0.75rem 0; font-size: 0.95rem; }
.period-nav .disabled, .pager .disabled { color: var(--muted); opacity: 0.6; }
.picker { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem 0.9rem; margin: 1rem 0 1.5rem; }
.picker fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: flex-end; }
.picker legend { font-weight: 600; font-size: 0.9rem; margin-bottom: 0.4rem; padding: 0; }
.field { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.85rem; color: var(--muted); min-width: 0; max-width: 100%; }
input, select {
  font: inherit; font-size: 0.95rem; color: var(--fg); background: var(--bg); border: 1px solid var(--line);
  border-radius: 8px; padding: 0.3rem 0.5rem; max-width: 100%; min-width: 0;
}
.picker .buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.subscribe { margin: 2.5rem 0 0; background: var(--accent-soft); border-radius: var(--radius); padding: 1rem 1.1rem; }
.subscribe h2 { margin-top: 0; }
.subscribe form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
.subscribe .field { flex: 1 1 14rem; }
.empty { color: var(--muted); padding: 1rem 0; }

/* Category index and about page */
.category-groups { columns: 2 16rem; column-gap: 2rem; }
.category-groups section { break-inside: avoid; }
.category-groups ul { list-style: none; padding: 0; margin: 0 0 1rem; }
.category-groups li { margin: 0.2rem 0; }
.definitions dt { font-weight: 650; margin-top: 1rem; }
.definitions dd { margin: 0.25rem 0 0; }
.error-page { text-align: left; padding: 2rem 0; }
.error-page .code { font: 600 0.9rem var(--mono); color: var(--muted); }
/* Search: the form, match notes, author matches */
.search-form { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.9rem; margin: 1rem 0 1.5rem; display: grid; gap: 0.6rem; }
.search-form .wide { font-weight: 600; color: var(--text); font-size: 0.95rem; }
.search-row { display: flex; gap: 0.5rem; }
.search-row input { flex: 1 1 auto; min-width: 0; font-size: 1.05rem; padding: 0.5rem 0.6rem; }
.search-form .modes { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.9rem; }
.search-form .modes legend { font-size: 0.85rem; color: var(--muted); padding: 0; margin-bottom: 0.2rem; }
.search-form .filters { font-size: 0.9rem; }
.search-form .filters[open] { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: flex-end; }
.search-form .filters summary { flex-basis: 100%; cursor: pointer; color: var(--muted); }
mark { background: var(--accent-soft); color: inherit; padding: 0 0.1em; border-radius: 2px; font-weight: 600; }
.match { font-size: 0.9rem; color: var(--muted); margin: 0.35rem 0 0; overflow-wrap: anywhere; }
.match .why { display: inline-block; font-size: 0.78rem; border: 1px solid var(--line); border-radius: 999px; padding: 0 0.5rem; margin-right: 0.35rem; }
.author-matches { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
.author-matches h2 { font-size: 0.95rem; margin: 0 0 0.3rem; }
.author-matches ul { margin: 0; padding-left: 1.1rem; }
.notice { background: var(--accent-soft); border-radius: var(--radius); padding: 0.5rem 0.8rem; }
.help li { margin: 0.3rem 0; }
`;
