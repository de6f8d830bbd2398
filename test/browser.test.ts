import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/serve/app.js';
import { browserSkip, launchBrowser } from './support/browser.js';
import { loadDemoData, type DemoSearch } from './support/demo-store.js';
import { createSqliteTestStore, type TestStore } from './support/test-store.js';

/**
 * The site in a real browser (Debian's Chromium via playwright-core) over a real HTTP server and
 * a demo SQLite store: pages render, links navigate, the small scripted and CSS behaviours work.
 * Saves the README's screenshots to docs/screenshots/.
 */

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const PROFILE = 'edward-witten';
const SEIBERG_WITTEN = 'hep-th/9407087';
const skip = browserSkip();

describe('in a browser', { skip, timeout: 120_000 }, () => {
  let t: TestStore;
  let server: ServerType;
  let browser: Browser;
  let base: string;
  let page: Page;
  let demo: DemoSearch | undefined;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const [store, b] = await Promise.all([
      (async () => { const s = await createSqliteTestStore(); demo = await loadDemoData(s.store, { csPapers: 1500, hepthPapers: 5000 }); return s; })(),
      launchBrowser(),
    ]);
    t = store;
    browser = b;
    const app = createApp({ store: t.store, secret: Buffer.alloc(32, 3), search: demo!.search });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => { base = `http://127.0.0.1:${info.port}`; resolve(); });
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    page.on('pageerror', (err) => { throw err; });
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    demo?.remove();
    await t?.dispose();
  });

  const go = async (path: string) => {
    const res = await page.goto(base + path);
    assert.equal(res?.status(), 200, path);
  };

  test('feed → paper → author → most cited; previous day; et al.', async () => {
    await go('/');
    assert.equal(await page.locator('h1').first().textContent(), 'Tuesday, March 25, 2025');
    const card = page.locator('article.card').first();
    const title = (await card.locator('.card-title a').textContent())!.trim();
    await card.locator('.card-title a').click();
    await page.waitForURL(/\/papers\/\d{4}\.\d{5}$/);
    assert.equal((await page.locator('h1.paper-title').textContent())!.trim(), title);
    assert.equal(await page.locator('button[data-copy]').count(), 1, 'a BibTeX copy button');

    await go('/');
    const details = page.locator('details.etal').first();
    assert.equal(await details.getAttribute('open'), null);
    const hidden = details.locator('a').last();
    assert.equal(await hidden.isVisible(), false);
    await details.locator('summary').click();
    assert.notEqual(await details.getAttribute('open'), null);
    assert.equal(await hidden.isVisible(), true, 'the expanded authors show');

    await page.getByRole('link', { name: '← Previous day' }).click();
    await page.waitForURL(/\/daily\/2025-03-24$/);
    assert.equal(await page.locator('h1').first().textContent(), 'Monday, March 24, 2025');
    // The whole day (50 cards) makes a 6 MB image; one category's list shows the same page.
    await go('/daily/2025-03-24?category=cs.RO');
    await page.screenshot({ path: `${SHOTS}daily.png`, fullPage: true });

    await go(`/papers/${SEIBERG_WITTEN}`);
    await page.locator('.paper-authors').getByRole('link', { name: 'E. Witten' }).click();
    await page.waitForURL(/\/authors\/e-witten$/);
    assert.equal(await page.locator('h1').first().textContent(), 'E. Witten');
    await page.getByRole('link', { name: 'Most cited' }).click();
    await page.waitForURL(/\/authors\/e-witten\?sort=cited$/);
    const counts = await page.locator('ol.cards article.card').evaluateAll((cards) => cards.map((c) => Number(/(\d+) citations?/.exec(c.textContent ?? '')?.[1] ?? 0)));
    assert.ok(counts.length > 1);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most cited first');
  });

  test('a metric definition shows on keyboard focus', async () => {
    await go(`/authors/${PROFILE}`);
    const tip = page.locator('#metric-hIndex-def');
    assert.equal(await tip.isVisible(), false);
    let focused = '';
    for (let i = 0; i < 80 && focused !== 'h-index'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>('document.activeElement?.textContent ?? ""');
    }
    assert.equal(focused, 'h-index', 'Tab reaches the h-index tile');
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    assert.match((await tip.textContent())!, /largest h/);
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
  });

  test('date picker and category filter', async () => {
    await go('/');
    await page.locator('form.picker input[name="date"]').fill('2025-03-20');
    await page.getByRole('button', { name: 'Show day' }).click();
    await page.waitForURL(/\/daily\/2025-03-20$/);
    assert.equal(await page.locator('h1').first().textContent(), 'Thursday, March 20, 2025');

    await page.locator('form.picker select[name="category"]').selectOption('cs.CV');
    await page.getByRole('button', { name: 'Show week' }).click();
    await page.waitForURL(/\/weekly\/2025-W12\?category=cs\.CV$/);
    const cats = await page.locator('article.card').evaluateAll((cards) => cards.map((c) => c.textContent ?? ''));
    assert.ok(cats.length > 0);
    const tags = await page.locator('article.card .meta a.tag').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(tags.every((h) => h?.startsWith('/categories/')));
    const ids = await page.locator('article.card .card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const api = await (await fetch(`${base}/api/v1/weekly/2025-W12?category=cs.CV`)).json() as { papers: Array<{ url: string; categories: string[] }> };
    assert.deepEqual(ids, api.papers.map((p) => p.url));
    assert.ok(api.papers.every((p) => p.categories.includes('cs.CV')));
  });

  test('subscribe from a filtered week: box → form → stored as pending, no mail claimed', async () => {
    await go('/weekly/2025-W12?category=cs.CV');
    await page.locator('aside.subscribe').getByRole('link', { name: 'Subscribe' }).click();
    await page.waitForURL(/\/subscribe\?category=cs\.CV$/);
    assert.equal(await page.locator('h1').first().textContent(), 'Get new Computer Vision and Pattern Recognition papers by email');
    await page.getByLabel('Email address').fill('reader@example.org');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.waitForURL(/\/subscribe$/);
    assert.equal(await page.locator('h1').first().textContent(), 'Address saved, pending confirmation');
    assert.match(await page.locator('main').textContent() ?? '', /No email has been sent/);
  });

  test('screenshots: profile, paper, search, phone profile', async () => {
    await go(`/authors/${PROFILE}`);
    assert.equal(await page.locator('h1').first().textContent(), 'Edward Witten');
    await page.screenshot({ path: `${SHOTS}profile.png`, fullPage: true });
    await go(`/papers/${SEIBERG_WITTEN}`);
    assert.match((await page.locator('h1.paper-title').textContent())!, /Monopole Condensation/);
    await page.screenshot({ path: `${SHOTS}paper.png`, fullPage: true });
    await go('/search');
    await page.fill('#search-q', 'supersymmetric monopole');
    await Promise.all([page.waitForURL(/\/search\?q=supersymmetric\+monopole/), page.press('#search-q', 'Enter')]);
    assert.match((await page.locator('p.lede').first().textContent())!, /papers? for “supersymmetric monopole”/);
    assert.ok(await page.locator('article.card mark').count() > 0, 'matched words are highlighted');
    const first = page.locator('article.card .card-title a').first();
    const href = await first.getAttribute('href');
    await page.screenshot({ path: `${SHOTS}search.png`, fullPage: true });
    await Promise.all([page.waitForURL(`${base}${href}`), first.click()]);
    await page.setViewportSize({ width: 390, height: 844 });
    await go(`/authors/${PROFILE}`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `no horizontal scroll on a phone (${overflow}px)`);
    await page.screenshot({ path: `${SHOTS}profile-phone.png`, fullPage: true });
  });
});
