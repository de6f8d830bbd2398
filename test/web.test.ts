import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { Hono } from 'hono';
import { authorKey } from '../src/core/author-name.js';
import { createApp } from '../src/serve/app.js';
import type { Store } from '../src/store/store.js';
import { loadDemoData, type DemoDataOptions, type DemoSearch } from './support/demo-store.js';
import { buildPaper } from './support/factories.js';
import { checkHtml, isClean } from './support/html-check.js';
import { sharedData } from './support/shared-data.js';
import { createSqliteTestStore, testBackends, type TestStore } from './support/test-store.js';

/**
 * The web app end to end, in process (`app.request()`), over a real store filled with real data:
 * CS daily listings 2025-03-18…25 and hep-th 1992– with Paperscape's citation graph.
 */

const SECRET = Buffer.alloc(32, 7);
const SEIBERG_WITTEN = 'hep-th/9407087';
const NEW_STYLE_ID = '2503.18950';
const DAY = '2025-03-18';
const WEEK = '2025-W12';
const PROFILE = 'edward-witten';

interface Res { status: number; text: string; headers: Headers }

async function get(app: Hono, path: string, init?: RequestInit): Promise<Res> {
  const r = await app.request(path, init);
  return { status: r.status, text: await r.text(), headers: r.headers };
}

/** A full page: 200 (or the given status), HTML, clean under the HTML checker. */
function assertPage(res: Res, path: string, status = 200): void {
  assert.equal(res.status, status, `${path}: ${res.text.slice(0, 300)}`);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/, path);
  assert.match(res.text, /^<!doctype html>/i, path);
  const report = checkHtml(res.text);
  assert.ok(isClean(report), `${path}: ${JSON.stringify(report, null, 2)}`);
}

function assertNoStack(text: string, path: string): void {
  assert.doesNotMatch(text, /\bat [^\s]+ \(?[^\s]*\.(ts|js):\d+/, `${path} shows a stack trace`);
  assert.doesNotMatch(text, /node_modules|\/src\//, `${path} leaks file paths`);
}

/** Distinct papers citing `cited` in the Paperscape edge list, read independently of the app. */
async function distinctCiting(cited: string): Promise<number> {
  const citing = new Set<string>();
  const lines = createInterface({ input: createReadStream(sharedData('paperscape_1991_1996/citations_1991_1996.tsv.gz')).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const [from, to] = line.split('\t');
    if (to?.trim() === cited && from) citing.add(from.trim());
  }
  return citing.size;
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' || name === 'author' });

function parseAtom(text: string): { feed: { title: unknown; entry?: unknown[] } } {
  const doc = xml.parse(text, true) as { feed?: { title: unknown; entry?: unknown[] } };
  assert.ok(doc.feed, 'an Atom <feed> root');
  return doc as { feed: { title: unknown; entry?: unknown[] } };
}

/** Every page kind over a demo store; shared by the SQLite and PostgreSQL runs. */
function pageSuite(name: string, create: () => Promise<TestStore>, demo: DemoDataOptions): void {
  describe(`pages and API: ${name}`, { timeout: 180_000 }, () => {
    let t: TestStore;
    let app: Hono;
    let demoSearch: DemoSearch | undefined;
    before(async () => {
      t = await create();
      demoSearch = await loadDemoData(t.store, demo);
      app = createApp({ store: t.store, secret: SECRET, baseUrl: 'https://papersift.test', search: demoSearch.search });
    });
    after(async () => { demoSearch?.remove(); await t?.dispose(); });

    test('feed pages: latest day, a given day, ISO week, month', async () => {
      const home = await get(app, '/');
      assertPage(home, '/');
      assert.match(home.text, /<h1>Tuesday, March 25, 2025<\/h1>/);
      assert.match(home.text, /<article class="card">/);
      assert.match(home.text, /href="\/daily\/2025-03-24" rel="prev"/);
      const day = await get(app, `/daily/${DAY}`);
      assertPage(day, DAY);
      assert.match(day.text, /<h1>Tuesday, March 18, 2025<\/h1>/);
      assert.match(day.text, /href="\/papers\/\d{4}\.\d{5}"/);
      const week = await get(app, `/weekly/${WEEK}`);
      assertPage(week, WEEK);
      assert.match(week.text, /Week 12, 2025/);
      assert.match(week.text, /<article class="card">/);
      const month = await get(app, '/monthly/2025-03');
      assertPage(month, 'monthly');
      assert.match(month.text, /March 2025/);
      assert.match(month.text, /<article class="card">/);
    });

    test(`the Seiberg–Witten paper page counts every distinct citing paper`, async () => {
      const expected = await distinctCiting(SEIBERG_WITTEN);
      assert.ok(expected > 100, `Paperscape lists many citations of ${SEIBERG_WITTEN}: ${expected}`);
      const page = await get(app, `/papers/${SEIBERG_WITTEN}`);
      assertPage(page, SEIBERG_WITTEN);
      assert.match(page.text, /<h1 class="paper-title">Monopole Condensation, And Confinement In N=2 Supersymmetric Yang-Mills Theory<\/h1>/);
      assert.match(page.text, /<a href="\/authors\/n-seiberg">N. Seiberg<\/a>/);
      assert.match(page.text, new RegExp(`<span>${expected} citations</span>`));
      assert.match(page.text, new RegExp(`Cited by \\(${expected}\\)`));
      const api = await get(app, `/api/v1/papers/${SEIBERG_WITTEN}`);
      assert.equal(api.status, 200);
      const json = JSON.parse(api.text) as { id: string; citationCount: number; citedBy: unknown[]; links: { abs: string } };
      assert.equal(json.id, SEIBERG_WITTEN);
      assert.equal(json.citationCount, expected);
      assert.ok(json.citedBy.length > 0);
      assert.equal(json.links.abs, `https://arxiv.org/abs/${SEIBERG_WITTEN}`);
    });

    test('a new-style paper, an author profile, a category, about, search', async () => {
      const paper = await get(app, `/papers/${NEW_STYLE_ID}`);
      assertPage(paper, NEW_STYLE_ID);
      assert.match(paper.text, /Target-Aware Video Diffusion Models/);
      assert.match(paper.text, /Copy BibTeX/);
      const author = await get(app, `/authors/${PROFILE}`);
      assertPage(author, PROFILE);
      assert.match(author.text, /<h1>Edward Witten<\/h1>/);
      for (const label of ['Papers', 'Citations', 'h-index', 'i10-index']) assert.match(author.text, new RegExp(`<span class="tile-label" tabindex="0"[^>]*>${label}</span>`));
      assert.match(author.text, /<dd class="tile-value">18<\/dd>/);
      assert.match(author.text, /href="\/authors\/edward-witten\?sort=cited"/);
      assertPage(await get(app, `/authors/${PROFILE}?sort=cited`), 'sorted profile');
      const papers = Number(/Papers \((\d+)\)/.exec(author.text)?.[1]);
      assert.equal((author.text.match(/<article class="card">/g) ?? []).length, Math.min(papers, 30), 'one page of cards');
      assert.equal(author.text.includes('rel="next"'), papers > 30, 'a pager only when the papers need more than one page');
      const cat = await get(app, '/categories/cs.CV');
      assertPage(cat, 'cs.CV');
      assert.match(cat.text, /Computer Vision/);
      assert.match(cat.text, /<article class="card">/);
      assertPage(await get(app, '/categories'), '/categories');
      const about = await get(app, '/about');
      assertPage(about, '/about');
      assert.match(about.text, /<h1>About/);
      const search = await get(app, '/search');
      assertPage(search, '/search');
      assert.match(search.text, /How to search/);
    });

    test('search page and API: highlighted keyword results, author matches, filters, bad input', async () => {
      const page = await get(app, '/search?q=video+diffusion&mode=keyword');
      assertPage(page, 'search');
      assert.match(page.text, /<mark>[Dd]iffusion<\/mark>/);
      assert.match(page.text, /<article class="card">/);
      assert.match(page.text, /matches in title/);
      const api = JSON.parse((await get(app, '/api/v1/search?q=video+diffusion&mode=keyword')).text) as { total: number; results: { id: string; titleHtml: string; why: string[] }[] };
      assert.ok(api.total > 0 && api.results.length > 0);
      assert.ok(api.results.some((r) => r.id === NEW_STYLE_ID), 'Target-Aware Video Diffusion Models is found');
      assert.match(api.results[0]!.titleHtml, /<mark>/);
      const byId = JSON.parse((await get(app, `/api/v1/search?q=arXiv:${NEW_STYLE_ID}v1`)).text) as { results: { id: string; why: string[] }[] };
      assert.deepEqual(byId.results.map((r) => [r.id, r.why[0]]), [[NEW_STYLE_ID, 'arXiv id']]);
      const names = JSON.parse((await get(app, '/api/v1/authors?q=Witten,+E.')).text) as { authors: { key: string }[] };
      assert.ok(names.authors.some((a) => a.key === 'edward-witten'), JSON.stringify(names));
      const filtered = JSON.parse((await get(app, '/api/v1/search?q=string&mode=keyword&author=edward-witten')).text) as { results: { authors: { key: string }[] }[]; authorFilter: unknown[] };
      assert.ok(filtered.results.length > 0);
      for (const r of filtered.results) assert.ok(r.authors.some((a) => a.key === 'edward-witten'));
      const bad = await get(app, '/search?q=x&mode=telepathy');
      assertPage(bad, 'bad mode', 400);
      assert.match(bad.text, /mode/);
      assert.equal((await get(app, '/api/v1/search?q=x&from=2025-13-01')).status, 400);
      const hybrid = JSON.parse((await get(app, '/api/v1/search?q=supersymmetric+gauge+theory+monopoles')).text) as { mode: string; notice: string | null; results: { why: string[] }[] };
      assert.equal(hybrid.mode, 'hybrid');
      assert.equal(hybrid.notice, null);
      assert.ok(hybrid.results.some((r) => /keyword #\d+ · semantic #\d+/.test(r.why[0]!)), 'some results are found by both engines');
      const hostile = await get(app, '/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
      assertPage(hostile, 'hostile query');
      assert.doesNotMatch(hostile.text, /<script>alert/);
    });

    test('similar papers: on the paper page and in the API, explained, never the paper itself', async () => {
      const api = JSON.parse((await get(app, `/api/v1/papers/${SEIBERG_WITTEN}/similar?limit=5`)).text) as { ready: boolean; model: string; results: { id: string; why: string[]; similarity: number | null }[] };
      assert.equal(api.ready, true);
      assert.match(api.model, /^lsa-\d+-[0-9a-f]{8}$/);
      assert.equal(api.results.length, 5);
      for (const r of api.results) {
        assert.notEqual(r.id, SEIBERG_WITTEN);
        assert.match(r.why[0]!, /^shares: \S/);
      }
      for (const r of api.results) assert.ok(r.similarity === null || (r.similarity >= -1 && r.similarity <= 1), 'cosine, or null when only the keyword query found it');
      const page = await get(app, `/papers/${SEIBERG_WITTEN}`);
      assert.match(page.text, new RegExp(`<h2 id="similar">Similar papers</h2><ol class="cards">[\\s\\S]*?${api.results[0]!.id.replace('.', '\\.')}`));
      const set = JSON.parse((await get(app, `/api/v1/similar?ids=${SEIBERG_WITTEN},${NEW_STYLE_ID}&limit=6`)).text) as { results: { id: string; closestTo: string }[] };
      assert.equal(set.results.length, 6);
      for (const r of set.results) assert.ok([SEIBERG_WITTEN, NEW_STYLE_ID].includes(r.closestTo) && r.id !== SEIBERG_WITTEN && r.id !== NEW_STYLE_ID);
      const author = JSON.parse((await get(app, `/api/v1/authors/${PROFILE}/similar?limit=3`)).text) as { results: unknown[] };
      assert.equal(author.results.length, 3);
      assert.equal((await get(app, '/api/v1/similar?ids=')).status, 400);
      assert.equal((await get(app, `/api/v1/papers/${SEIBERG_WITTEN}/similar?limit=0`)).status, 400);
    });

    test('unknown ids are a 404 page; bad dates and pages are a 400 page; no stack traces', async () => {
      for (const path of ['/papers/2501.99999', '/papers/hep-th/9999999', '/authors/no-such-author-zzz', `/authors/${PROFILE}?page=999`, '/no/such/route']) {
        const res = await get(app, path);
        assertPage(res, path, 404);
        assert.match(res.text, /not found/i, path);
        assertNoStack(res.text, path);
      }
      for (const path of ['/daily/2025-02-30', '/weekly/2025-W60', '/monthly/2025-13', '/?page=abc', `/authors/${PROFILE}?page=abc`, '/daily/2025-03-18?page=abc', '/feed?kind=daily&date=nope']) {
        const res = await get(app, path);
        assertPage(res, path, 400);
        assertNoStack(res.text, path);
      }
    });

    test('JSON API: paper, author, daily/weekly/monthly, and {error, message} errors', async () => {
      const author = await get(app, `/api/v1/authors/${PROFILE}`);
      assert.equal(author.status, 200);
      const profile = JSON.parse(author.text) as { key: string; name: string; papers: unknown[]; metrics: Record<string, { value: number | null }> };
      assert.equal(profile.key, PROFILE);
      assert.equal(profile.papers.length, 18);
      assert.equal(profile.metrics['papers']?.value, 18);
      for (const [kind, label] of [['daily', DAY], ['weekly', WEEK], ['monthly', '2025-03']] as const) {
        const res = await get(app, `/api/v1/${kind}/${label}`);
        assert.equal(res.status, 200, `${kind}: ${res.text}`);
        const feed = JSON.parse(res.text) as { kind: string; label: string; total: number; papers: Array<{ id: string; url: string }> };
        assert.equal(feed.kind, kind);
        assert.equal(feed.label, label);
        assert.ok(feed.total > 0 && feed.papers.length > 0);
        assert.match(feed.papers[0]!.url, /^\/papers\//);
      }
      for (const [path, status] of [
        ['/api/v1/papers/2501.99999', 404], ['/api/v1/authors/no-such-author-zzz', 404], ['/api/v1/nothing-here', 404],
        ['/api/v1/daily/2025-02-30', 400], ['/api/v1/weekly/2025-W60', 400], ['/api/v1/monthly/2025-13', 400], ['/api/v1/daily/2025-03-18?page=abc', 400],
      ] as const) {
        const res = await get(app, path);
        assert.equal(res.status, status, path);
        assert.match(res.headers.get('content-type') ?? '', /application\/json/, path);
        const body = JSON.parse(res.text) as Record<string, unknown>;
        assert.deepEqual(Object.keys(body).sort(), ['error', 'message'], path);
        assert.equal(typeof body['error'], 'string');
        assertNoStack(String(body['message']), path);
      }
    });

    test('every path in the OpenAPI document answers with its example', async () => {
      const res = await get(app, '/api/v1/openapi.json');
      assert.equal(res.status, 200);
      const doc = JSON.parse(res.text) as { openapi: string; paths: Record<string, { get: { parameters?: Array<{ name: string; in: string; required?: boolean; example?: string }> } }> };
      assert.match(doc.openapi, /^3\./);
      const paths = Object.entries(doc.paths);
      assert.ok(paths.length >= 5);
      for (const [template, item] of paths) {
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
          const example = item.get.parameters?.find((p) => p.in === 'path' && p.name === name)?.example;
          assert.ok(example, `${template}: no example for {${name}}`);
          return example;
        });
        const required = (item.get.parameters ?? []).filter((p) => p.in === 'query' && p.required);
        for (const p of required) assert.ok(p.example, `${template}: no example for required ?${p.name}`);
        const query = required.map((p) => `${p.name}=${encodeURIComponent(p.example!)}`).join('&');
        const answer = await get(app, query ? `${path}?${query}` : path);
        assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 200)}`);
        JSON.parse(answer.text);
      }
    });

    test('Atom feeds of a day and of an author parse, with the right entry count', async () => {
      const api = JSON.parse((await get(app, `/api/v1/daily/${DAY}`)).text) as { papers: unknown[] };
      const daily = await get(app, `/feeds/daily/${DAY}`);
      assert.equal(daily.status, 200);
      assert.match(daily.headers.get('content-type') ?? '', /application\/atom\+xml/);
      assert.equal(parseAtom(daily.text).feed.entry?.length, api.papers.length);
      const author = await get(app, `/feeds/authors/${PROFILE}`);
      assert.equal(author.status, 200);
      const feed = parseAtom(author.text).feed;
      assert.equal(feed.entry?.length, 18);
      assert.match(String(feed.title), /Edward Witten/);
      const latest = await get(app, '/feeds/latest.atom?category=cs.CV');
      assert.equal(latest.status, 200);
      assert.ok((parseAtom(latest.text).feed.entry?.length ?? 0) > 0);
    });

    test('security headers on every kind of response', async () => {
      for (const path of ['/', `/papers/${SEIBERG_WITTEN}`, '/api/v1/stats', '/papers/2501.99999']) {
        const res = await get(app, path);
        const csp = res.headers.get('content-security-policy') ?? '';
        assert.match(csp, /default-src 'self'/, path);
        assert.match(csp, /script-src 'self'/, path);
        assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, path);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
        assert.ok(res.headers.get('referrer-policy'), path);
      }
    });
  });
}

pageSuite('sqlite', createSqliteTestStore, { csPapers: 1500, hepthPapers: 5000 });
for (const backend of (await testBackends()).filter((b) => b.name === 'postgres')) {
  if (backend.skip) describe('pages and API: postgres', { skip: backend.skip }, () => {});
  else pageSuite('postgres', backend.create, { csPapers: 1500, hepthPapers: 5000 });
}

describe('subscription form: CSRF, validation, rate limit', () => {
  let t: TestStore;
  before(async () => {
    t = await createSqliteTestStore();
    await t.store.writer.writePapers(await t.store.runs.start('test', 'web', {}, '2026-01-01T00:00:00.000Z'), { items: [buildPaper({ firstListed: DAY })], failures: [], checkpoint: null }, '2026-01-01T00:00:00.000Z');
  });
  after(async () => { await t?.dispose(); });

  /** A GET page's form token and the cookie it set. */
  async function formSession(app: Hono): Promise<{ cookie: string; token: string }> {
    const page = await get(app, '/subscribe?category=cs.LG');
    assert.equal(page.status, 200);
    const cookie = /ps_csrf=[^;]+/.exec(page.headers.get('set-cookie') ?? '')?.[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    assert.ok(cookie && token, 'the page sets a CSRF cookie and puts the token in its form');
    assert.match(page.headers.get('set-cookie') ?? '', /HttpOnly/i);
    assert.match(page.headers.get('set-cookie') ?? '', /SameSite=Lax/i);
    return { cookie, token };
  }

  const post = (app: Hono, fields: Record<string, string>, cookie?: string) => get(app, '/subscribe', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

  test('without a cookie or token: 403; with both: stored as pending, no email; again: already', async () => {
    const app = createApp({ store: t.store, secret: SECRET });
    assert.equal((await post(app, { email: 'ada@example.org' })).status, 403);
    const { cookie, token } = await formSession(app);
    assert.equal((await post(app, { email: 'ada@example.org' }, cookie)).status, 403, 'cookie without token');
    assert.equal((await post(app, { email: 'ada@example.org', _csrf: token })).status, 403, 'token without cookie');
    assert.equal((await post(app, { email: 'ada@example.org', _csrf: `${token.slice(0, -2)}AA` }, cookie)).status, 403, 'forged token');
    const first = await post(app, { email: 'ada@example.org', frequency: 'daily', _csrf: token }, cookie);
    assertPage(first, 'subscribe');
    assert.match(first.text, /pending confirmation/);
    assert.match(first.text, /No email has been sent/);
    const again = await post(app, { email: 'ada@example.org', frequency: 'daily', _csrf: token }, cookie);
    assertPage(again, 'subscribe again');
    assert.match(again.text, /already/i);
    assert.match(again.text, /no email has been sent/i);
    const bad = await post(app, { email: 'not-an-address', _csrf: token }, cookie);
    assertPage(bad, 'bad email', 400);
  });

  test('feed pages link to the form; the form page is per browser; an unknown category is a 400 page', async () => {
    const app = createApp({ store: t.store, secret: SECRET });
    const home = await get(app, '/');
    assert.ok(!home.text.includes('name="_csrf"'), 'no token on the feed page');
    assert.equal(home.headers.get('set-cookie'), null, 'no cookie for reading');
    const a = await formSession(app);
    const b = await formSession(app);
    assert.notEqual(a.token, b.token, 'two browsers, two tokens, though the page is cached');
    assertPage(await get(app, '/subscribe?category=cs.XX'), 'unknown category', 400);
  });

  test('the subscribeLimit+1-th attempt is a 429', async () => {
    const app = createApp({ store: t.store, secret: SECRET, subscribeLimit: 3 });
    const { cookie, token } = await formSession(app);
    for (let i = 0; i < 3; i++) assert.notEqual((await post(app, { email: `u${i}@example.org`, _csrf: token }, cookie)).status, 429, `attempt ${i + 1}`);
    assert.equal((await post(app, { email: 'u4@example.org', _csrf: token }, cookie)).status, 429);
  });
});

describe('hostile data is rendered inert', () => {
  let t: TestStore;
  let store: Store;
  let app: Hono;
  const evilAuthor = '<script>alert(1)</script> Mallory';
  before(async () => {
    t = await createSqliteTestStore();
    store = t.store;
    const paper = buildPaper({
      arxivId: '2503.99001',
      title: '<script>alert(1)</script> On $\\href{javascript:alert(1)}{x}$ and <a href="javascript:alert(1)">links</a>',
      abstract: 'We \\href{javascript:alert(1)}{x} show $\\def\\a{\\a\\a}\\a$ that \\def\\a{\\a\\a}\\a <script>alert(1)</script> '
        + '<img src=x onerror=alert(1)> [x](javascript:alert(1)) $\\url{javascript:alert(1)}$ JaVaScRiPt:alert(1) $x^2$.',
      comments: '<script>alert(1)</script> javascript:alert(1)',
      authorNames: [evilAuthor, 'Eve "javascript:alert(1)" Hacker'],
      categories: ['cs.LG'],
      firstListed: DAY,
    });
    await store.writer.writePapers(await store.runs.start('test', 'hostile', {}, '2026-01-01T00:00:00.000Z'), { items: [paper], failures: [], checkpoint: null }, '2026-01-01T00:00:00.000Z');
    app = createApp({ store, secret: SECRET });
  });
  after(async () => { await t?.dispose(); });

  test('paper page, author page and feed: no script, no javascript: href, clean HTML', { timeout: 30_000 }, async () => {
    const key = authorKey(evilAuthor);
    for (const path of ['/papers/2503.99001', `/authors/${encodeURIComponent(key)}`, `/daily/${DAY}`, '/', '/categories/cs.LG']) {
      const res = await get(app, path);
      assertPage(res, path);
      assert.doesNotMatch(res.text, /<script>alert/i, path);
      assert.doesNotMatch(res.text, /href\s*=\s*["']?\s*javascript:/i, path);
      assert.match(res.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, `${path} shows the title as text`);
    }
    for (const path of [`/feeds/daily/${DAY}`, `/feeds/authors/${encodeURIComponent(key)}`]) {
      const res = await get(app, path);
      assert.equal(res.status, 200, path);
      assert.doesNotMatch(res.text, /<script>alert/i, path);
      assert.equal(parseAtom(res.text).feed.entry?.length, 1, path);
    }
    // The API returns the data as data: JSON, never sniffed as HTML.
    const api = await get(app, '/api/v1/papers/2503.99001');
    assert.match(api.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
    assert.match((JSON.parse(api.text) as { title: string }).title, /^<script>alert\(1\)<\/script> On/);
  });
});

describe('an empty store', () => {
  test('/ says "No papers yet" with the notice', async () => {
    const t = await createSqliteTestStore();
    try {
      const notice = 'Offline: import a snapshot with npx papersift ingest snapshot FILE';
      const res = await get(createApp({ store: t.store, secret: SECRET, emptyStoreNotice: () => notice }), '/');
      assertPage(res, '/');
      assert.match(res.text, /No papers yet/);
      assert.ok(res.text.includes(notice));
      const bare = await get(createApp({ store: t.store, secret: SECRET }), '/');
      assertPage(bare, '/ without notice');
      assert.match(bare.text, /No papers yet/);
      assert.match(bare.text, /papersift ingest snapshot/);
    } finally {
      await t.dispose();
    }
  });
});
