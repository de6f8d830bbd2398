import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkHtml, isClean } from '../../../test/support/html-check.js';
import { manyAuthors, paperCard, storedPaper } from '../../../test/support/read-model-fixtures.js';
import type { AuthorProfile, CategoryPage, FeedPage, PaperDetail } from '../../services/read-models.js';
import { renderAboutPage } from './about-page.js';
import { renderAuthorPage } from './author-page.js';
import { renderCategoriesIndexPage, renderCategoryPage } from './category-page.js';
import type { PageContext } from './context.js';
import { renderBadRequestPage, renderNotFoundPage, renderServerErrorPage } from './error-page.js';
import { renderFeedPage } from './feed-page.js';
import { renderSubscribePage } from './subscribe-page.js';
import { isCurrentSection } from './layout.js';
import { renderPaperPage } from './paper-page.js';

const NOW = new Date('2026-04-20T12:00:00Z');
const ctx = (path: string): PageContext => ({ now: NOW, path });

/** A full page must parse without errors and carry nothing dangerous. */
function assertCleanDocument(html: string): void {
  assert.match(html, /^<!doctype html><html lang="en">/);
  const report = checkHtml(html);
  assert.ok(isClean(report), JSON.stringify(report, null, 2));
}

function profileFixture(overrides: Partial<AuthorProfile> = {}): AuthorProfile {
  return {
    key: 'wael-abu-shammala',
    name: 'Wael Abu-Shammala',
    orcid: null,
    s2AuthorId: null,
    primaryCategory: 'math.CA',
    metrics: {
      papers: { value: 2, display: '2' },
      citations: { value: 5, display: '5' },
      hIndex: { value: 1, display: '1' },
      i10Index: { value: 0, display: '0' },
      h5Index: { value: 1, display: '1' },
      novelty: { value: null, reason: 'Coming with the metrics pipeline' },
      impact: { value: null, reason: 'Coming with the metrics pipeline' },
    },
    citationsPerYear: [{ year: 2008, citations: 1 }, { year: 2009, citations: 0 }, { year: 2010, citations: 4 }],
    undatedCitations: 0,
    years: { first: 2007, last: 2007 },
    provenance: { kind: 'live', sources: ['paperscape'], asOfYear: 2010, window: { from: 2006, to: 2010 }, computedAt: null, generation: null },
    coauthors: [{ key: 'alberto-torchinsky', name: 'Alberto Torchinsky', papers: 2 }],
    papers: [paperCard('0704.0005', { citationCount: 4 }), paperCard('0704.0054', { citationCount: 1 })],
    sort: 'newest',
    paperPage: { page: 1, pageSize: 30 },
    ...overrides,
  };
}

describe('author profile', () => {
  test('name, tag, tiles with definitions, chart, co-authors, papers and the sort switch', async () => {
    const html = await renderAuthorPage(profileFixture(), ctx('/authors/wael-abu-shammala'));
    assertCleanDocument(html);
    assert.match(html, /<title>Wael Abu-Shammala · Papersift<\/title>/);
    assert.match(html, /<h1>Wael Abu-Shammala<\/h1><a class="tag" href="\/categories\/math.CA"[^>]*>CA<\/a>/);
    for (const [label, value] of [['Papers', '2'], ['Citations', '5'], ['h-index', '1'], ['i10-index', '0']]) {
      assert.match(html, new RegExp(`<span class="tile-label" tabindex="0" aria-describedby="metric-[a-zA-Z0-9]+-def">${label}</span><span class="tip" role="tooltip" id="metric-[a-zA-Z0-9]+-def">[^<]+</span></dt><dd class="tile-value">${value}</dd>`));
    }
    assert.match(html, /Novelty<\/span><span class="tip" role="tooltip" id="metric-novelty-def">[^<]+<\/span><\/dt><dd class="tile-value"><span aria-hidden="true">—<\/span><span class="visually-hidden">no value<\/span><\/dd><dd class="tile-reason">Coming with the metrics pipeline<\/dd>/);
    assert.match(html, /Impact<\/span>.*?<dd class="tile-reason">Coming with the metrics pipeline<\/dd>/);
    assert.match(html, /<figure class="chart"><svg class="chart-svg wide" aria-hidden="true"[^>]*viewBox="0 0 640 220">[\s\S]*<svg class="chart-svg narrow" aria-hidden="true"[^>]*viewBox="0 0 340 200">/);
    assert.match(html, /<tr><td>2010<\/td><td>4<\/td><\/tr>/);
    assert.match(html, /5 citations of Wael Abu-Shammala&#39;s papers, 2008–2010/);
    assert.match(html, /<a href="\/authors\/alberto-torchinsky">Alberto Torchinsky<\/a> <span class="muted">\(2\)<\/span>/);
    assert.match(html, /Sort: <a href="\/authors\/wael-abu-shammala" aria-current="true">Newest<\/a> · <a href="\/authors\/wael-abu-shammala\?sort=cited">Most cited<\/a>/);
    assert.match(html, /<h2 id="papers">Papers \(2\)<\/h2>/);
    assert.match(html, /href="\/papers\/0704.0005"/);
  });

  test('ORCID and Semantic Scholar author ids show as links when present, nothing when absent', async () => {
    const html = await renderAuthorPage(profileFixture({ orcid: '0000-0002-1825-0097', s2AuthorId: '2262347' }), ctx('/authors/x'));
    assertCleanDocument(html);
    assert.match(html, /<a href="https:\/\/orcid\.org\/0000-0002-1825-0097" rel="external">0000-0002-1825-0097<\/a>/);
    assert.match(html, /<a href="https:\/\/www\.semanticscholar\.org\/author\/2262347" rel="external">author 2262347<\/a>/);
    assert.doesNotMatch(await renderAuthorPage(profileFixture(), ctx('/authors/x')), /author-ids|orcid\.org/);
  });

  test('every tile id is unique and every aria-describedby points at an element', async () => {
    const html = await renderAuthorPage(profileFixture(), ctx('/authors/x'));
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(' ')}`);
    for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) assert.ok(ids.includes(m[1]), m[1]);
  });

  test('no citations: no chart, a sentence instead; hostile names escaped; many co-authors fold away', async () => {
    const html = await renderAuthorPage(profileFixture({
      name: 'Eve <script>alert(1)</script> & Co',
      citationsPerYear: [],
      coauthors: manyAuthors(30).map((a) => ({ ...a, papers: 1 })),
      sort: 'cited',
      primaryCategory: null,
    }), ctx('/authors/eve'));
    assertCleanDocument(html);
    assert.doesNotMatch(html, /<svg/);
    assert.match(html, /No citations recorded in this index yet\./);
    assert.match(html, /<h1>Eve &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Co<\/h1>/);
    assert.match(html, /<title>Eve &lt;script&gt;/);
    assert.match(html, /<summary>6 more co-authors<\/summary>/);
    assert.match(html, /aria-current="true">Most cited/);
  });
});

function detailFixture(overrides: Partial<PaperDetail> = {}): PaperDetail {
  return {
    paper: storedPaper('0704.0001'),
    citationCount: 2,
    citedBy: [paperCard('0704.0128', { citationCount: 0 }), paperCard('0704.0159')],
    references: [paperCard('0704.0054')],
    externalReferences: ['hep-ph/0512099', '10.1016/j.physletb.2005.01.001'],
    externalCounts: [{ source: 'Semantic Scholar', count: 143, retrievedAt: '2025-03-01' }, { source: 'openalex', count: 12, retrievedAt: '2026-01-05T12:00:00.000Z', byYear: [{ year: 2021, count: 3 }, { year: 2022, count: 5 }, { year: 2023, count: 4 }] }],
    ...overrides,
  };
}

describe('paper page', () => {
  test('a real record: authors, links, facts, BibTeX, cited-by, references, similar-papers notice before vectors exist', async () => {
    const html = await renderPaperPage(detailFixture(), ctx('/papers/0704.0001'));
    assertCleanDocument(html);
    assert.match(html, /<h1 class="paper-title">Calculation of prompt diphoton production cross sections at Tevatron and LHC energies<\/h1>/);
    assert.match(html, /<p class="authors paper-authors"><a href="\/authors\/c-balazs">C. Balázs<\/a>, <a href="\/authors\/e-l-berger">E. L. Berger<\/a>, <a href="\/authors\/p-m-nadolsky">P. M. Nadolsky<\/a>, <a href="\/authors\/c-p-yuan">C. -P. Yuan<\/a><\/p>/);
    assert.match(html, /href="https:\/\/arxiv.org\/pdf\/0704.0001"/);
    assert.match(html, /href="https:\/\/arxiv.org\/abs\/0704.0001"/);
    assert.match(html, /<a href="https:\/\/doi.org\/10.1103\/PhysRevD.76.013009">10.1103\/PhysRevD.76.013009<\/a>/);
    assert.match(html, /<span class="tag">v1<\/span> <time datetime="2007-04-02T19:18:42Z">Apr 2, 2007<\/time>/);
    assert.match(html, /<span class="tag">v2<\/span> <time datetime="2007-07-24T20:10:27Z">Jul 24, 2007<\/time>/);
    assert.match(html, /<dt>Comments<\/dt><dd>37 pages, 15 figures; published version<\/dd>/);
    assert.match(html, /<dt>Journal reference<\/dt><dd>Phys.Rev.D76:013009,2007<\/dd>/);
    assert.match(html, /<dt>Report number<\/dt><dd>ANL-HEP-PR-07-12<\/dd>/);
    assert.match(html, /<a href="\/categories\/hep-ph">High Energy Physics - Phenomenology \(hep-ph\)<\/a>/);
    assert.match(html, /<pre id="bibtex"><code>@misc\{balazs2007calculation,\n  title = \{\{Calculation of prompt diphoton/);
    assert.match(html, /  eprint = \{0704.0001\},\n  archivePrefix = \{arXiv\},\n  primaryClass = \{hep-ph\},\n  doi = \{10.1103\/PhysRevD.76.013009\}/);
    assert.match(html, /<button type="button" data-copy="bibtex" hidden="">Copy BibTeX<\/button>/);
    assert.match(html, /<h2 id="cited-by">Cited by \(2\)<\/h2>/);
    assert.match(html, /Semantic Scholar reports 143 citations \(as of Mar 1, 2025\)\./);
    assert.match(html, /OpenAlex reports 12 citations \(as of Jan 5, 2026\)\. By year: 2021: 3 · 2022: 5 · 2023: 4\./);
    assert.match(html, /<h2 id="references">References \(3\)<\/h2>/);
    assert.match(html, /href="\/papers\/0704.0128"/);
    assert.match(html, /<a href="https:\/\/arxiv.org\/abs\/hep-ph\/0512099">arXiv:hep-ph\/0512099<\/a>/);
    assert.match(html, /<code>10.1016\/j.physletb.2005.01.001<\/code>/);
    assert.match(html, /<h2 id="similar">Similar papers<\/h2><p class="placeholder">Similar papers appear once the search index has been built/);
  });

  test('math titles, hostile text, 200 authors and a bare record', async () => {
    const paper = storedPaper('0704.0054', {
      authors: manyAuthors(200),
      comments: '<img src=x onerror=alert(1)> & more',
      journalRef: 'J. <b>Math</b> & Phys.',
      license: 'javascript:alert(1)',
      versions: [],
    });
    const html = await renderPaperPage(detailFixture({ paper, citedBy: [], references: [], externalReferences: [], externalCounts: [], citationCount: 0 }), ctx('/papers/0704.0054'));
    assertCleanDocument(html);
    assert.match(html, /<h1 class="paper-title">The Hardy-Lorentz Spaces <span class="katex">/);
    assert.equal((html.match(/<p class="authors paper-authors">.*?<\/p>/)?.[0].match(/<a /g) ?? []).length, 200);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &amp; more/);
    assert.match(html, /<dt>Licence<\/dt><dd>javascript:alert\(1\)<\/dd>/);
    assert.match(html, /<dt>Versions<\/dt><dd>Not recorded<\/dd>/);
    assert.match(html, /No paper in this index cites this one yet\./);
    assert.match(html, /No references recorded for this paper\./);
    assert.match(html, /title = \{\{The Hardy-Lorentz Spaces \$H\^\{p,q\}\(R\^n\)\$\}\}/);
  });
});

function feedFixture(overrides: Partial<FeedPage> = {}): FeedPage {
  return {
    kind: 'daily',
    label: '2007-04-02',
    from: '2007-04-02',
    to: '2007-04-02',
    previous: '2007-03-30',
    next: null,
    category: null,
    papers: ['0704.0001', '0704.0054', '0704.0128'].map((id) => paperCard(id, { date: '2007-04-02' })),
    total: 3,
    page: 1,
    pageSize: 50,
    ...overrides,
  };
}

describe('feed page', () => {
  test('a real day: heading, period links, the GET picker, cards, the subscribe box (no per-browser token)', async () => {
    const html = await renderFeedPage(feedFixture(), ctx('/daily/2007-04-02'));
    assertCleanDocument(html);
    assert.match(html, /<h1>Monday, April 2, 2007<\/h1>/);
    assert.match(html, /Daily papers · 3 papers · first listed on arXiv/);
    assert.match(html, /<a href="\/daily\/2007-03-30" rel="prev">← Previous day<\/a><span class="disabled">Next day →<\/span>/);
    assert.match(html, /<form class="picker" method="get" action="\/feed">/);
    assert.match(html, /<input type="date" name="date" value="2007-04-02"\/>/);
    assert.match(html, /<input type="week" name="week" value="2007-W14" placeholder="2025-W12" pattern="\\d\{4\}-W\\d\{2\}"\/>/);
    assert.match(html, /<input type="month" name="month" value="2007-04"/);
    assert.match(html, /<select name="category" id="feed-category"><option value="" selected="">All categories<\/option><optgroup label="Computer Science"><option value="cs.AI">Artificial Intelligence \(cs.AI\)<\/option>/);
    assert.match(html, /<button type="submit" name="kind" value="weekly">Show week<\/button>/);
    assert.equal((html.match(/<h2 class="card-title">/g) ?? []).length, 3);
    assert.match(html, /<a class="button primary" href="\/subscribe">Subscribe<\/a>/);
    assert.ok(!html.includes('_csrf') && !html.includes('method="post"'), 'feed pages carry no form token, so one cached copy serves everyone');
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="Papersift feed" href="\/feeds\/daily\/2007-04-02"\/>/);
    assert.match(html, /<a href="\/" aria-current="page">Today<\/a>/);
  });

  test('the subscribe page: the POST form with the escaped token and the category', async () => {
    const html = await renderSubscribePage({ category: 'cs.LG', csrfToken: 'tok&<"en>' }, ctx('/subscribe'));
    assertCleanDocument(html);
    assert.match(html, /<h1 id="subscribe-heading">Get new Machine Learning papers by email<\/h1>/);
    assert.match(html, /<form method="post" action="\/subscribe"><input type="hidden" name="_csrf" value="tok&amp;&lt;&quot;en&gt;"\/><input type="hidden" name="category" value="cs.LG"\/>/);
    assert.match(html, /<input type="email" name="email" required="" autocomplete="email" inputmode="email"\/>/);
  });

  test('a filtered week with pages; a month; an empty period', async () => {
    const week = await renderFeedPage(feedFixture({ kind: 'weekly', label: '2007-W14', from: '2007-04-02', to: '2007-04-08', previous: null, next: '2007-W15', category: 'math.CA', total: 120, page: 2 }), ctx('/weekly/2007-W14'));
    assertCleanDocument(week);
    assert.match(week, /<h1>Week 14, 2007<\/h1>/);
    assert.match(week, /Weekly papers, Apr 2 – 8, 2007 · 120 papers in Classical Analysis and ODEs/);
    assert.match(week, /<a href="\/weekly\/2007-W15\?category=math.CA" rel="next">Next week →<\/a>/);
    assert.match(week, /<input type="week" name="week" value="2007-W14"/);
    assert.match(week, /<option value="math.CA" selected="">/);
    assert.match(week, /<a href="\/weekly\/2007-W14\?category=math.CA" rel="prev">← Previous page<\/a><span>Page 2 of 3<\/span><a href="\/weekly\/2007-W14\?category=math.CA&amp;page=3" rel="next">/);
    assert.match(week, /Get new Classical Analysis and ODEs papers in your email inbox/);
    assert.match(week, /<a class="button primary" href="\/subscribe\?category=math.CA">Subscribe<\/a>/);
    assert.match(week, /<meta name="robots" content="noindex"\/>/);
    assert.match(week, /<a href="\/weekly" aria-current="page">This week<\/a>/);
    const month = await renderFeedPage(feedFixture({ kind: 'monthly', label: '2007-04', from: '2007-04-01', to: '2007-04-30', papers: [], total: 0 }), ctx('/monthly/2007-04'));
    assertCleanDocument(month);
    assert.match(month, /<h1>April 2007<\/h1>/);
    assert.match(month, /No papers were first listed in this month\./);
  });
});

describe('other pages', () => {
  test('category page and index', async () => {
    const page: CategoryPage = { id: 'math.CA', name: 'Classical Analysis and ODEs', group: 'Mathematics', papers: [paperCard('0704.0054')], total: 1, page: 1, pageSize: 50 };
    const html = await renderCategoryPage(page, ctx('/categories/math.CA'));
    assertCleanDocument(html);
    assert.match(html, /<h1>Classical Analysis and ODEs <span class="tag">math.CA<\/span><\/h1>/);
    assert.match(html, /<a href="\/\?category=math.CA">today<\/a>/);
    assert.match(html, /<a href="\/categories" aria-current="page">Categories<\/a>/);
    const index = await renderCategoriesIndexPage(ctx('/categories'));
    assertCleanDocument(index);
    assert.match(index, /<a href="\/categories\/cs.LG">Machine Learning<\/a>/);
    assert.doesNotMatch(index, /categories\/cs.SY"/, 'aliases are listed under their canonical id');
  });

  test('about page explains every metric honestly', async () => {
    const html = await renderAboutPage(ctx('/about'));
    assertCleanDocument(html);
    for (const label of ['Papers', 'Citations', 'h-index', 'i10-index', 'Citations per year', 'Novelty', 'Impact']) assert.match(html, new RegExp(`>${label}[ <(]`));
    assert.doesNotMatch(html, /coming with the metrics pipeline/);
    assert.match(html, /Only citations between papers in this index are counted/);
    assert.match(html, /No impact model has been trained on this index yet/);
    const report = {
      status: 'ok' as const, modelId: 'impact-1', vectorModelId: 'lsa-384-00000000', createdAt: '2026-11-22T00:00:00Z', coverageEnd: '1996-12-31', labelled: 5798,
      train: { papers: 4638, positives: 503, from: '1992-01-01', to: '1994-07-19' }, test: { papers: 1160, positives: 113, from: '1994-07-19', to: '1994-12-31' },
      auc: 0.7634, aucStandardError: 0.027, brier: 0.0777, brierBaseline: 0.088, features: 400,
      calibration: [{ lo: 0, hi: 0.1, count: 730, meanPredicted: 0.056, observed: 0.041 }, { lo: 0.9, hi: 1, count: 0, meanPredicted: null, observed: null }],
    };
    const trained = await renderAboutPage(ctx('/about'), report);
    assertCleanDocument(trained);
    assert.match(trained, /held-out AUC <strong>0\.763<\/strong>/);
    assert.match(trained, /<tr><td>0\.0–0\.1<\/td><td>730<\/td><td>0\.056<\/td><td>0\.041<\/td><\/tr>/);
    assert.doesNotMatch(trained, /0\.9–1\.0/, 'empty bins are left out');
    const unsupported = await renderAboutPage(ctx('/about'), { ...report, status: 'unsupported', reason: 'fewer than 500 labelled papers', auc: null });
    assert.match(unsupported, /cannot support an impact model: fewer than 500 labelled papers/);
  });

  test('error pages escape their message', async () => {
    const notFound = await renderNotFoundPage(ctx('/papers/x'), 'paper not found: <script>1</script>');
    assertCleanDocument(notFound);
    assert.match(notFound, /<p class="code">Error 404<\/p><h1>Not found<\/h1><p>paper not found: &lt;script&gt;1&lt;\/script&gt;<\/p>/);
    const bad = await renderBadRequestPage(ctx('/feed'), 'date: not a valid date');
    assert.match(bad, /Error 400/);
    assertCleanDocument(await renderServerErrorPage(ctx('/')));
  });

  test('layout: assets from /static, footer credits, current section', async () => {
    const html = await renderAboutPage(ctx('/about'));
    assert.match(html, /<link rel="stylesheet" href="\/static\/katex\/katex.min.css\?v=[\d.]+"\/>/);
    assert.match(html, /<link rel="stylesheet" href="\/static\/site.css\?v=[\w-]{8}"\/>/);
    assert.match(html, /<script src="\/static\/site.js\?v=[\w-]{8}" defer=""><\/script>/);
    assert.match(html, /Thank you to arXiv for use of its open access interoperability/);
    assert.match(html, /<a class="search-link" href="\/search">/);
    assert.doesNotMatch(html, /cdn|jsdelivr|unpkg/i);
    assert.equal(isCurrentSection('/', '/daily/2025-01-02'), true);
    assert.equal(isCurrentSection('/', '/'), true);
    assert.equal(isCurrentSection('/categories', '/categories/cs.LG'), true);
    assert.equal(isCurrentSection('/weekly', '/weeklyx'), false);
  });
});
