import assert from 'node:assert/strict';
import { authorKey } from '../src/core/author-name.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { cli, fakeArxiv, FakeClock, lastOaiPage, unresolvableFetch } from './support/cli-harness.js';
import { sharedData } from './support/shared-data.js';
import { tempDir } from './support/snapshot-files.js';

/**
 * The `papersift` CLI run in-process (`runCli`) with captured stdout/stderr, a real SQLite
 * store in a temp directory, and a fake fetch serving recorded arXiv responses. Exit codes:
 * 0 ok, 1 the run failed, 2 bad usage or configuration, 3 completed with record failures.
 */

const tmp = tempDir('papersift-cli-');
after(() => tmp.remove());

const HEAD = sharedData('fixtures/kaggle_arxiv_snapshot/arxiv-metadata-oai-snapshot.head.jsonl');
const HEAD_LINES = readFileSync(HEAD, 'utf8').split('\n').filter(Boolean);
const HEAD_VERSIONS = HEAD_LINES.reduce((n, l) => n + (JSON.parse(l) as { versions: unknown[] }).versions.length, 0);
const SUMMARY = /^(\S+): (completed|failed)( \(resumed an interrupted run\))? in \d+\.\ds, run #(\d+)\n {2}fetched ([\d,]+) · new ([\d,]+) · updated ([\d,]+) · unchanged ([\d,]+) · failed ([\d,]+)\n/;

/** The summary's fields, or a failed assertion showing the output. */
function summary(stdout: string) {
  const m = SUMMARY.exec(stdout);
  assert.ok(m, `not an ingest summary:\n${stdout}`);
  const n = (s: string) => Number(s.replace(/,/g, ''));
  return { source: m[1], status: m[2], resumed: !!m[3], runId: n(m[4]!), fetched: n(m[5]!), new: n(m[6]!), updated: n(m[7]!), unchanged: n(m[8]!), failed: n(m[9]!) };
}

/** An environment with a fresh SQLite data directory and nothing else set. */
function sqliteEnv(name: string): Record<string, string> {
  return { PAPERSIFT_DATA: join(tmp.dir, name) };
}

describe('papersift CLI on SQLite', () => {
  const env = sqliteEnv('main');
  const arxiv = fakeArxiv();

  test('migrate creates the store and says which backend', async () => {
    const r = await cli(['migrate'], env, arxiv.fetch);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'store is up to date (sqlite)\n');
    assert.equal(r.stderr, '');
  });

  test('ingest snapshot prints the summary and exits 0', async () => {
    const r = await cli(['ingest', 'snapshot', HEAD], env, arxiv.fetch);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(summary(r.stdout), { source: 'snapshot', status: 'completed', resumed: false, runId: 1, fetched: 200, new: 200, updated: 0, unchanged: 0, failed: 0 });
    assert.equal(r.stdout.split('\n')[1], '  fetched 200 · new 200 · updated 0 · unchanged 0 · failed 0');
    const steps = r.stderr.trim().split('\n').map((l) => l.split(':').slice(0, l.startsWith('fit:') ? 2 : 1).join(':'));
    assert.deepEqual([...new Set(steps)], ['snapshot', 'keyword', 'fit:read', 'fit:weigh', 'fit:svd', 'vectors'], 'progress lines per step on a non-terminal stderr');
    assert.match(r.stderr, /^snapshot: 200 records, [\d,]+\/s, ETA \S+\n/);
    assert.match(r.stderr, /\nkeyword: 200\/200, [\d,]+\/s, ETA 0s\n/);
    assert.match(r.stderr, /\nvectors: 200\/200, [\d,]+\/s, ETA 0s\n$/);
    assert.match(r.stdout, /\nindexed 200 papers for full-text search \(\d+ author names\) in [\d.]+ s\n/, 'the search index is refreshed after the ingest');
    assert.match(r.stdout, /\nembedded 200 papers with lsa-\d+-[0-9a-f]{8} \(newly fitted\); 200 vectors in the ANN index\n/);
    assert.equal(arxiv.urls.length, 0, 'a snapshot never touches the network');
  });

  test('search finds ingested papers; index refreshes only what changed', async () => {
    const first = JSON.parse(HEAD_LINES[0]!) as { id: string; title: string };
    const word = first.title.split(/\W+/).filter((w) => w.length > 6)[0]!;
    const r = await cli(['search', word, '--mode', 'keyword', '--json'], env, arxiv.fetch);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { hits: { paper: { arxivId: string } }[]; mode: string };
    assert.equal(json.mode, 'keyword');
    assert.ok(json.hits.some((h) => h.paper.arxivId === first.id), `${first.id} is found by "${word}"`);
    const text = await cli(['search', first.id], env, arxiv.fetch);
    assert.match(text.stdout, new RegExp(`^ {2}1\\. ${first.id.replace('.', '\\.')} `, 'm'));
    assert.match(text.stdout, /arXiv id/);
    const semantic = JSON.parse((await cli(['search', first.title, '--mode', 'semantic', '--json'], env, arxiv.fetch)).stdout) as { hits: { paper: { arxivId: string }; why: string[] }[]; mode: string };
    assert.equal(semantic.mode, 'semantic');
    assert.equal(semantic.hits[0]?.paper.arxivId, first.id, 'a paper\'s own title finds it by meaning first');
    assert.match(semantic.hits[0]!.why[0]!, /^similar in meaning/);
    const again = await cli(['index', '--quiet'], env, arxiv.fetch);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^indexed 0 papers for full-text search/);
    assert.match(again.stdout, /\nembedded 0 papers with lsa-/);
    const bad = await cli(['search', 'x', '--mode', 'telepathy'], env, arxiv.fetch);
    assert.equal(bad.code, 2);
  });

  test('metrics recomputes author metrics, scores novelty and explains a missing impact model; authors merge recomputes', async () => {
    const r = await cli(['metrics', '--quiet'], env, arxiv.fetch);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^metrics: (full|incremental) recompute of [\d,]+ authors/m);
    assert.match(r.stdout, /^novelty: [\d,]+ papers scored$/m);
    assert.match(r.stdout, /^impact: skipped \(no citation data/m);
    const again = await cli(['metrics', '--quiet'], env, arxiv.fetch);
    assert.match(again.stdout, /^novelty: 0 papers scored$/m, 'novelty is computed once per paper');
    const head = HEAD_LINES.slice(0, 2).map((l) => JSON.parse(l) as { authors: string });
    const [a, b] = head.map((o) => authorKey(o.authors.split(/,| and /)[0]!.trim()));
    const merged = await cli(['authors', 'merge', a!, b!], env, arxiv.fetch);
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stdout, /^merged \(#1\): \d+ authorships moved; metrics recomputed for [\d,]+ authors/);
    const log = await cli(['authors', 'log'], env, arxiv.fetch);
    assert.match(log.stdout, /^#1 \S+ \S+ merge /);
  });

  test('a snapshot with bad lines exits 3 and lists each failure with its line', async () => {
    const file = join(tmp.dir, 'bad.jsonl');
    const second = JSON.parse(HEAD_LINES[1]!) as Record<string, unknown>;
    second['categories'] = 'I.2.7';
    writeFileSync(file, [HEAD_LINES[0]!, JSON.stringify(second), '{"id": "0704.0003", "title"', HEAD_LINES[3]!].join('\n'));
    const r = await cli(['ingest', 'snapshot', file, '--quiet'], env, arxiv.fetch);
    assert.equal(r.code, 3, r.stderr + r.stdout);
    assert.deepEqual(summary(r.stdout), { source: 'snapshot', status: 'completed', resumed: false, runId: 2, fetched: 4, new: 0, updated: 0, unchanged: 2, failed: 2 });
    assert.match(r.stdout, /\n {2}✗ line 2 \(id 0704\.0002\): categories: no arXiv category in "I\.2\.7"\n/);
    assert.match(r.stdout, /\n {2}✗ line 3 \(id 0704\.0003\): json: /);
    assert.equal(r.stderr, '', '--quiet prints no progress');
    const failures = await cli(['runs', '--failures', '2'], env, arxiv.fetch);
    assert.equal(failures.code, 0);
    assert.deepEqual(failures.stdout.trim().split('\n').map((l) => l.split('\t')[0]), ['line 2 (id 0704.0002)', 'line 3 (id 0704.0003)']);
  });

  test('stats prints the counts; stats --json is parseable and right', async () => {
    const text = await cli(['stats'], env, arxiv.fetch);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^backend {6}sqlite \([\d.]+ MiB\)\n/);
    assert.match(text.stdout, new RegExp(`\\npapers {7}200 \\(${HEAD_VERSIONS} versions\\)\\n`));
    assert.match(text.stdout, /\ningest runs {2}2\n$/);
    const json = await cli(['stats', '--json'], env, arxiv.fetch);
    assert.equal(json.code, 0, json.stderr);
    const s = JSON.parse(json.stdout) as { backend: string; papers: number; versions: number; ingestRuns: number; sizeBytes: number; topCategories: { category: string; papers: number }[] };
    assert.equal(s.backend, 'sqlite');
    assert.equal(s.papers, 200);
    assert.equal(s.versions, HEAD_VERSIONS);
    assert.equal(s.ingestRuns, 2);
    assert.ok(s.sizeBytes > 0);
    const primaries = new Map<string, number>();
    for (const l of HEAD_LINES) {
      const p = (JSON.parse(l) as { categories: string }).categories.split(' ')[0]!;
      primaries.set(p, (primaries.get(p) ?? 0) + 1);
    }
    assert.equal(s.topCategories[0]!.papers, Math.max(...primaries.values()));
    assert.equal(s.topCategories[0]!.papers, primaries.get(s.topCategories[0]!.category));
  });

  test('runs lists the runs, newest first', async () => {
    const r = await cli(['runs'], env, arxiv.fetch);
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.map((x) => x.slice(0, 3)), [['#2', 'completed', 'snapshot'], ['#1', 'completed', 'snapshot']]);
    assert.equal(rows[1]![4], 'fetched 200 new 200 updated 0 unchanged 0 failed 0');
    assert.equal(rows[0]![4], 'fetched 4 new 0 updated 0 unchanged 2 failed 2');
    assert.ok(!Number.isNaN(Date.parse(rows[0]![3]!)), rows[0]![3]);
  });

  test('ingest arxiv --ids 1601.00001 fetches one recorded entry', async () => {
    const before = arxiv.urls.length;
    const r = await cli(['ingest', 'arxiv', '--ids', '1601.00001', '-q'], env, arxiv.fetch);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(summary(r.stdout), { source: 'arxiv-api', status: 'completed', resumed: false, runId: 3, fetched: 1, new: 1, updated: 0, unchanged: 0, failed: 0 });
    assert.deepEqual(arxiv.urls.slice(before), ['https://export.arxiv.org/api/query?id_list=1601.00001&start=0&max_results=1']);
    const store = openSqliteStore({ file: join(tmp.dir, 'main', 'papersift.db') });
    try {
      const p = await store.papers.findByArxivIdOrThrow('1601.00001');
      assert.equal(p.title, 'Inelastic effects in molecular transport junctions: The probe technique at high bias');
      assert.deepEqual(p.authors.map((a) => a.name), ['Michael Kilgour', 'Dvira Segal']);
      assert.equal(p.doi, '10.1063/1.4944470');
      assert.equal(p.primaryCategory, 'cond-mat.mes-hall');
    } finally {
      await store.close();
    }
  });
});

describe('papersift ingest oai against the recorded page', () => {
  test('ingest oai --from 2018-06-01 harvests the 1000 records of one page', async () => {
    const env = sqliteEnv('oai');
    const arxiv = fakeArxiv();
    const ids = [...lastOaiPage().matchAll(/<identifier>oai:arXiv\.org:([^<]+)<\/identifier>/g)].map((m) => m[1]);
    assert.equal(ids.length, 1000);
    const r = await cli(['ingest', 'oai', '--from', '2018-06-01'], env, arxiv.fetch);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(summary(r.stdout), { source: 'oai-pmh', status: 'completed', resumed: false, runId: 1, fetched: 1000, new: 1000, updated: 0, unchanged: 0, failed: 0 });
    assert.deepEqual(arxiv.urls, ['https://oaipmh.arxiv.org/oai?verb=ListRecords&metadataPrefix=arXivRaw&from=2018-06-01']);
    const stats = JSON.parse((await cli(['stats', '--json'], env, arxiv.fetch)).stdout) as { papers: number };
    assert.equal(stats.papers, new Set(ids).size);
  });
});

describe('papersift usage and configuration errors exit 2 with a message naming the problem', () => {
  const env = sqliteEnv('usage');
  const arxiv = fakeArxiv();

  test('ingest arxiv with neither --ids nor --query', async () => {
    const r = await cli(['ingest', 'arxiv'], env, arxiv.fetch);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--ids/);
    assert.match(r.stderr, /--query/);
    assert.equal(r.stdout, '');
  });

  test('ingest arxiv with both --ids and --query', async () => {
    const r = await cli(['ingest', 'arxiv', '--ids', '1601.00001', '--query', 'cat:cs.RO'], env, arxiv.fetch);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /exactly one of --ids or --query/);
    assert.equal(arxiv.urls.length, 0);
  });

  test('ingest oai --from 2018-13-01', async () => {
    const r = await cli(['ingest', 'oai', '--from', '2018-13-01'], env, arxiv.fetch);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--from: expected a date YYYY-MM-DD, got "2018-13-01"/);
    assert.equal(arxiv.urls.length, 0);
  });

  test('ingest snapshot of a missing file', async () => {
    const missing = join(tmp.dir, 'no-such-snapshot.jsonl');
    const r = await cli(['ingest', 'snapshot', missing], env, arxiv.fetch);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `papersift: no such file: ${missing}\n`);
  });

  test('DATABASE_URL that is not a PostgreSQL URL', async () => {
    const r = await cli(['stats'], { ...env, DATABASE_URL: 'mysql://x' }, arxiv.fetch);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /DATABASE_URL: must be a postgres: or postgresql: URL/);
    assert.match(r.stderr, /docs\/CONFIG\.md/);
  });

  test('an unknown command', async () => {
    const r = await cli(['ingets'], env, arxiv.fetch);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'ingets'/);
  });
});

describe('papersift failures that are not the user\'s typing exit 1 and say what to do', () => {
  test('unreachable PostgreSQL', async () => {
    const r = await cli(['stats'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' }, fakeArxiv().fetch);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^papersift: cannot connect to the database \(.*ECONNREFUSED.*\)\. Is PostgreSQL running, and is DATABASE_URL right\?\n$/);
  });

  test('a network that cannot resolve arXiv: the run fails, exit 1, and the summary says so', async () => {
    const env = sqliteEnv('offline');
    const net = unresolvableFetch();
    const clock = new FakeClock();
    const r = await cli(['ingest', 'arxiv', '--ids', '1601.00001', '-q'], env, net.fetch, clock);
    assert.equal(r.code, 1, r.stderr + r.stdout);
    assert.deepEqual(summary(r.stdout), { source: 'arxiv-api', status: 'failed', resumed: false, runId: 1, fetched: 0, new: 0, updated: 0, unchanged: 0, failed: 0 });
    assert.match(r.stdout, /\n {2}error: cannot reach export\.arxiv\.org: ENOTFOUND\n/);
    assert.match(r.stdout, /\n {2}hint: check the network connection; without network access, load a metadata snapshot instead: papersift ingest snapshot <file>\n/);
    assert.equal(net.calls(), 2, 'one retry, then it gives up: DNS failures are not worth hammering');
    // 1 s backoff, then the rest of arXiv's 3 s between two requests.
    assert.deepEqual(clock.sleeps, [1000, 2000]);
    const runs = await cli(['runs'], env, net.fetch);
    assert.match(runs.stdout, /^#1\tfailed\tarxiv-api\t.*\tcannot reach export\.arxiv\.org: ENOTFOUND\n$/);
  });
});
