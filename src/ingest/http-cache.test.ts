import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CitationRecord } from '../core/citation.js';
import { sharedData } from '../../test/support/shared-data.js';
import { HttpClient, type Clock, type FetchLike } from './http.js';
import { FETCHED_AT_HEADER, FileResponseCache } from './http-cache.js';
import { SemanticScholarSource, semanticScholarHttpClient } from './semantic-scholar/semantic-scholar.source.js';

/* Recorded Semantic Scholar responses (shared/data/fixtures/semantic_scholar) replayed through an injected fetch. */

interface Interaction { method: string; uri: string; status: number; date: string; body: unknown }

function recorded(name: string): Interaction[] {
  const list = JSON.parse(readFileSync(sharedData(`fixtures/semantic_scholar/responses/${name}.json`), 'utf8')) as Interaction[];
  return list.map((i) => ({ ...i, uri: i.uri.replace('/graph/v1/paper/10.', '/graph/v1/paper/DOI:10.') }));
}

const key = (url: string) => { const u = new URL(url); return `${u.origin}${decodeURIComponent(u.pathname)}?${[...u.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&')}`; };

function replay(interactions: Interaction[]) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const hit = interactions.find((i) => key(i.uri) === key(url));
    if (!hit) throw new Error(`unexpected request ${url}`);
    return new Response(JSON.stringify(hit.body), { status: hit.status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

function fakeClock(start = Date.parse('2024-12-10T10:46:35Z')): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, sleep: async (ms) => { t += ms; }, advance: (ms) => { t += ms; } };
}

async function readAll(source: SemanticScholarSource): Promise<{ items: CitationRecord[]; failures: number }> {
  const items: CitationRecord[] = [];
  let failures = 0;
  for await (const b of source.batches()) { items.push(...b.items); failures += b.failures.length; }
  return { items, failures };
}

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => { const dir = mkdtempSync(join(tmpdir(), 'papersift-cache-')); try { await fn(dir); } finally { rmSync(dir, { recursive: true, force: true }); } };
}

const SSRN = '10.2139/ssrn.2250500';

test('repeated Semantic Scholar lookups are answered from the cache until the TTL passes', withDir(async (dir) => {
  const clock = fakeClock();
  const fake = replay([...recorded('test_get_paper_references'), ...recorded('test_not_found')]);
  const cache = new FileResponseCache(dir, 3_600_000);
  const run = () => readAll(new SemanticScholarSource({
    http: semanticScholarHttpClient(fake.fetch, { clock, cache }), clock, ids: ['0', SSRN], include: ['references'], pageSize: 50, fields: { paper: 't,i,t,l,e', links: 'title' },
  }));
  const first = await run();
  assert.equal(fake.calls.length, 3);
  assert.deepEqual([first.items.length, first.failures], [44, 24]);
  clock.advance(3_000_000);
  const second = await run();
  assert.equal(fake.calls.length, 3, 'no request: every answer (the 404 too) came from the cache');
  assert.deepEqual(second, first);
  clock.advance(700_000);
  await run();
  assert.equal(fake.calls.length, 6, 'after the TTL every URL is fetched again');
}));

test('a cached answer keeps the time it was fetched; POSTs and TTL 0 are never cached', withDir(async (dir) => {
  const clock = fakeClock();
  const [paper] = recorded('test_get_paper');
  const fake = replay([paper!]);
  const http = new HttpClient({ fetch: fake.fetch, clock, cache: new FileResponseCache(dir, 60_000) });
  const fetchedAt = new Date(clock.now()).toISOString();
  assert.equal((await http.request(paper!.uri)).headers.get(FETCHED_AT_HEADER), fetchedAt);
  clock.advance(30_000);
  const again = await http.request(paper!.uri);
  assert.equal(again.headers.get(FETCHED_AT_HEADER), fetchedAt);
  assert.deepEqual(await again.json(), paper!.body);
  await http.request(paper!.uri, { method: 'POST', body: '{}' });
  assert.equal(fake.calls.length, 2);
  const off = new HttpClient({ fetch: fake.fetch, clock, cache: new FileResponseCache(dir, 0) });
  await off.request(paper!.uri);
  assert.equal(fake.calls.length, 3);
}));
