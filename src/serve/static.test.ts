import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { SITE_CSS } from './assets/site-css.js';
import { assetUrl, staticAssets } from './static.js';

function app(): Hono {
  const a = new Hono();
  a.route('/static', staticAssets());
  a.notFound((c) => c.text('nope', 404));
  return a;
}

test('serves the stylesheet and script with types, ETags and long caching when versioned', async () => {
  const res = await app().request(assetUrl('site.css'));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(await res.text(), SITE_CSS);
  const again = await app().request('/static/site.css', { headers: { 'if-none-match': res.headers.get('etag')! } });
  assert.equal(again.status, 304);
  const js = await app().request('/static/site.js');
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(js.headers.get('cache-control'), 'public, max-age=3600');
});

test('serves KaTeX CSS and every font it references, from the katex package', async () => {
  const res = await app().request(assetUrl('katex/katex.min.css'));
  assert.equal(res.status, 200);
  const css = await res.text();
  const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]!);
  assert.ok(fonts.length >= 20, `${fonts.length} fonts`);
  for (const font of new Set(fonts)) {
    const f = await app().request(`/static/katex/${font}`);
    assert.equal(f.status, 200, font);
    assert.match(f.headers.get('content-type')!, /^font\/(woff2|woff|ttf)$/);
    assert.ok((await f.arrayBuffer()).byteLength > 1000, font);
  }
});

test('anything else is not found, including traversal attempts', async () => {
  for (const path of ['/static/nope.css', '/static/katex/katex.js', '/static/katex/fonts/../katex.js', '/static/katex/fonts/KaTeX_..%2F..%2Fpackage.woff2', '/static/katex/fonts/KaTeX_Nope.woff2', '/static/../package.json', '/static/']) {
    const res = await app().request(path);
    assert.equal(res.status, 404, path);
  }
});

test('the stylesheet covers the layout requirements', () => {
  assert.match(SITE_CSS, /@media \(prefers-color-scheme: dark\)/);
  assert.match(SITE_CSS, /:focus-visible \{ outline: 3px solid/);
  assert.match(SITE_CSS, /overflow-wrap: anywhere/);
  assert.match(SITE_CSS, /\.tile-label:focus \+ \.tip/);
  assert.doesNotMatch(SITE_CSS, /https?:\/\//, 'no external resources');
});
