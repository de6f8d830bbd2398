import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { accepts, CSRF_PLACEHOLDER, pageCache } from './page-cache.js';

function app(generation: { value: string }, maxBytes?: number) {
  let renders = 0;
  const a = new Hono();
  a.use('*', pageCache({
    generation: async () => generation.value, today: () => '2026-11-22',
    csrfToken: (c) => `token-for-${c.req.header('x-browser') ?? 'anon'}`, ...(maxBytes !== undefined ? { maxBytes } : {}),
  }));
  a.get('/page', (c) => { renders++; return c.html(`<form><input name="_csrf" value="${CSRF_PLACEHOLDER}"></form> render ${renders}`); });
  a.get('/missing', (c) => { renders++; return c.text('nope', 404); });
  a.post('/page', (c) => { renders++; return c.text(`posted ${renders}`); });
  return { a, renders: () => renders };
}

test('a page renders once per store generation, and every browser gets its own CSRF token', async () => {
  const gen = { value: '1:100:1' };
  const { a, renders } = app(gen);
  const one = await (await a.request('/page', { headers: { 'x-browser': 'alice' } })).text();
  const two = await (await a.request('/page', { headers: { 'x-browser': 'bob' } })).text();
  assert.equal(renders(), 1);
  assert.match(one, /value="token-for-alice"><\/form> render 1/);
  assert.match(two, /value="token-for-bob"><\/form> render 1/);
  assert.ok(!two.includes(CSRF_PLACEHOLDER));
  gen.value = '1:200:1'; // an ingest batch committed
  assert.match(await (await a.request('/page')).text(), /render 2/);
  assert.equal(renders(), 2);
});

test('errors and non-GET requests are never cached; maxBytes 0 turns caching off but still fills the token', async () => {
  const { a, renders } = app({ value: 'g' });
  await a.request('/missing');
  await a.request('/missing');
  assert.equal(renders(), 2);
  await a.request('/page', { method: 'POST' });
  await a.request('/page', { method: 'POST' });
  assert.equal(renders(), 4);
  const off = app({ value: 'g' }, 0);
  await off.a.request('/page');
  const body = await (await off.a.request('/page', { headers: { 'x-browser': 'carol' } })).text();
  assert.equal(off.renders(), 2);
  assert.match(body, /token-for-carol/);
});

test('with Accept-Encoding gzip a cached page comes compressed, with each browser\'s token inside', async () => {
  const { a, renders } = app({ value: 'g' });
  for (const browser of ['alice', 'bob']) {
    const res = await a.request('/page', { headers: { 'x-browser': browser, 'accept-encoding': 'br, gzip;q=0.8' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.equal(res.headers.get('vary'), 'Accept-Encoding');
    assert.equal(res.headers.get('cache-control'), 'private, no-cache');
    const html = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    assert.match(html, new RegExp(`value="token-for-${browser}"></form> render 1`));
  }
  assert.equal(renders(), 1);
  const plain = await a.request('/page', { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.match(await plain.text(), /token-for-anon/);
});

test('a repeated request with the ETag gets 304, a new generation gets a new ETag', async () => {
  const gen = { value: 'g1' };
  const { a } = app(gen);
  const first = await a.request('/page', { headers: { 'x-browser': 'dana' } });
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const again = await a.request('/page', { headers: { 'x-browser': 'dana', 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const other = await a.request('/page', { headers: { 'x-browser': 'erin', 'if-none-match': etag } });
  assert.equal(other.status, 200, 'another browser has another token, so another ETag');
  gen.value = 'g2';
  const changed = await a.request('/page', { headers: { 'x-browser': 'dana', 'if-none-match': etag } });
  assert.equal(changed.status, 200);
  assert.match(await changed.text(), /render 2/);
});

test('accepts reads q-values and wildcards', () => {
  assert.equal(accepts(undefined, 'gzip'), false);
  assert.equal(accepts('gzip, deflate, br', 'gzip'), true);
  assert.equal(accepts('gzip, deflate, br', 'br'), true);
  assert.equal(accepts('br;q=1.0, gzip;q=0.5', 'gzip'), true);
  assert.equal(accepts('gzip;q=0', 'gzip'), false);
  assert.equal(accepts('*', 'br'), true);
  assert.equal(accepts('identity, deflate', 'gzip'), false);
  assert.equal(accepts('gzip', 'br'), false);
});

test('a page without a form is also served brotli-compressed once that is ready; a page with a token never is', async () => {
  let renders = 0;
  const a = new Hono();
  a.use('*', pageCache({ generation: async () => 'g', today: () => 'd', csrfToken: () => 'tok' }));
  a.get('/plain', (c) => { renders++; return c.html(`<p>${'Attention is all you need. '.repeat(200)}</p>`); });
  a.get('/form', (c) => c.html(`<input value="${CSRF_PLACEHOLDER}">`));
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  assert.equal((await a.request('/plain', { headers })).headers.get('content-encoding'), 'gzip', 'the first answer does not wait for brotli');
  let res = await a.request('/plain', { headers });
  for (let i = 0; i < 50 && res.headers.get('content-encoding') !== 'br'; i++) { await sleep(20); res = await a.request('/plain', { headers }); }
  assert.equal(res.headers.get('content-encoding'), 'br');
  assert.match(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8'), /^<p>Attention is all you need\./);
  assert.equal(renders, 1);
  await a.request('/form', { headers });
  await sleep(50);
  assert.equal((await a.request('/form', { headers })).headers.get('content-encoding'), 'gzip');
});
