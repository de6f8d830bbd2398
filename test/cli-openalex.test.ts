import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { FetchLike } from '../src/ingest/http.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { cli } from './support/cli-harness.js';
import { tempDir } from './support/snapshot-files.js';

/**
 * `papersift ingest citations --openalex` against a fake OpenAlex answering the fixture in
 * test/fixtures/openalex (CONSTRUCTED FROM THE DOCUMENTATION, NOT RECORDED), and the response
 * cache under PAPERSIFT_DATA: a second run makes no request.
 */

const tmp = tempDir('papersift-cli-openalex-');
after(() => tmp.remove());

test('ingest citations --openalex stores the count with its source; a repeat is served by the cache', async () => {
  const calls: string[] = [];
  const work = readFileSync(new URL('./fixtures/openalex/work_W3109101109.json', import.meta.url), 'utf8');
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    return decodeURIComponent(new URL(url).pathname) === '/works/doi:10.48550/arXiv.2011.12720'
      ? new Response(work, { headers: { 'content-type': 'application/json' } }) : Response.json({ error: 'Not Found' }, { status: 404 });
  };
  const env = { PAPERSIFT_DATA: join(tmp.dir, 'd'), OPENALEX_MAILTO: 'ops@example.org' };
  const first = await cli(['ingest', 'citations', '--openalex', '2011.12720,W1', '--quiet'], env, fetch);
  assert.equal(first.code, 3, first.stdout + first.stderr);
  assert.match(first.stdout, /^openalex: completed/);
  assert.equal(calls.length, 2);
  assert.equal(new URL(calls[0]!).searchParams.get('mailto'), 'ops@example.org');
  assert.ok(existsSync(join(env.PAPERSIFT_DATA, 'http-cache')) && readdirSync(join(env.PAPERSIFT_DATA, 'http-cache')).length === 2);
  const again = await cli(['ingest', 'citations', '--openalex', '2011.12720', 'W1', '--quiet'], env, fetch);
  assert.equal(again.code, 3);
  assert.equal(calls.length, 2, 'both answers came from the cache');
  const store = openSqliteStore({ file: join(env.PAPERSIFT_DATA, 'papersift.db') });
  try {
    const rows = await store.db.selectFrom('citation_counts').select(['paper', 'source', 'count']).execute();
    assert.deepEqual(rows.map((r) => [r.paper, r.source, Number(r.count)]), [['2011.12720', 'openalex', 12]]);
  } finally { await store.close(); }
  const usage = await cli(['ingest', 'citations', '--openalex', 'W1', '--s2', 'x'], env, fetch);
  assert.equal(usage.code, 2);
});
