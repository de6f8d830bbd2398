import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { Csrf, CSRF_COOKIE, CSRF_FIELD } from './csrf.js';

function app() {
  const csrf = new Csrf(Buffer.alloc(32, 7));
  const a = new Hono();
  a.get('/form', (c) => c.text(csrf.token(c)));
  a.post('/form', csrf.protect(), (c) => c.text('ok'));
  return a;
}

const seedOf = (res: Response) => /ps_csrf=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

test('every new browser gets its own seed, also across refills of the random pool', async () => {
  const a = app();
  const seeds = new Set<string>();
  for (let i = 0; i < 600; i++) {
    const seed = seedOf(await a.request('/form'));
    assert.match(seed ?? '', /^[A-Za-z0-9_-]{32}$/);
    seeds.add(seed!);
  }
  assert.equal(seeds.size, 600);
});

test('a POST passes only with the token of its own cookie', async () => {
  const a = app();
  const first = await a.request('/form');
  const seed = seedOf(first)!;
  const token = await first.text();
  const again = await a.request('/form', { headers: { cookie: `${CSRF_COOKIE}=${seed}` } });
  assert.equal(await again.text(), token, 'a returning browser keeps its token');
  assert.equal(again.headers.get('set-cookie'), null);
  const post = (cookie: string, value: string) => a.request('/form', {
    method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `${CSRF_FIELD}=${encodeURIComponent(value)}`,
  });
  assert.equal((await post(`${CSRF_COOKIE}=${seed}`, token)).status, 200);
  const other = seedOf(await a.request('/form'))!;
  assert.equal((await post(`${CSRF_COOKIE}=${other}`, token)).status, 403, 'another browser\'s cookie');
  const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
  assert.equal((await post(`${CSRF_COOKIE}=${seed}`, tampered)).status, 403, 'a tampered token');
  assert.equal((await post('', token)).status, 403, 'no cookie');
});
