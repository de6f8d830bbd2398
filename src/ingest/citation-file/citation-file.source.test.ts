import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { CitationEdge, CitationRecord } from '../../core/citation.js';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import type { SourceBatch } from '../source.js';
import { CitationFileSource } from './citation-file.source.js';
import { isGzipFile as isGzip } from '../line-reader.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const PAPERSCAPE = join(repoRoot, '..', 'shared', 'data', 'paperscape_1991_1996', 'citations_1991_1996.tsv.gz');
/** Lines of the real file whose two ids are equal (found with awk; the file has no comments, header on line 1). */
const SELF_CITATION_LINES = [8, 11, 2870, 4580, 4680, 11887, 26690, 32040, 48989, 57033, 58774, 62826, 75680, 76710, 85180,
  89733, 91771, 95451, 95994, 106424, 107119, 108045, 113822, 117001, 121173, 128161, 139876, 140167, 141880, 141965];

const tmp = mkdtempSync(join(tmpdir(), 'papersift-citation-file-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(source: CitationFileSource, resumeFrom?: string | null) {
  const batches: SourceBatch<CitationRecord>[] = [];
  for await (const b of source.batches({ resumeFrom })) batches.push(b);
  const edges = batches.flatMap((b) => b.items) as CitationEdge[];
  const failures: RecordFailure[] = batches.flatMap((b) => b.failures);
  return { batches, edges, failures };
}

test('real Paperscape file: every edge, the 30 self-citations as failures', async () => {
  const source = new CitationFileSource({ path: PAPERSCAPE });
  const { batches, edges, failures } = await readAll(source);
  assert.equal(edges.length, 146_934);
  assert.equal(edges.length + failures.length, 146_964);
  assert.deepEqual(edges[0], { kind: 'edge', citing: 'hep-th/9109016', cited: 'hep-th/9201061', source: 'edge-file:citations_1991_1996.tsv.gz' });
  assert.deepEqual(edges.at(-1), { kind: 'edge', citing: 'hep-ph/9612438', cited: 'hep-ph/9609311', source: 'edge-file:citations_1991_1996.tsv.gz' });
  assert.equal(new Set(edges.map((e) => `${e.citing} ${e.cited}`)).size, edges.length, 'PROVENANCE says all edges are distinct');
  assert.deepEqual(failures.map((f) => f.position), SELF_CITATION_LINES.map((n) => `line ${n}`));
  assert.deepEqual(failures[0], { position: 'line 8', reason: 'self-citation: hep-th/9112048 cites itself' });
  assert.ok(failures.every((f) => f.reason.startsWith('self-citation: ')));
  // 146,964 records in batches of 5,000: 29 full ones, then the rest with checkpoint null.
  assert.equal(batches.length, 30);
  assert.deepEqual(batches.slice(0, 3).map((b) => [b.checkpoint, b.progress.done]), [['5001', 5000], ['10001', 10000], ['15001', 15000]]);
  assert.deepEqual([batches.at(-1)?.checkpoint, batches.at(-1)?.progress], [null, { done: 146_964 }]);
  assert.ok(batches.slice(0, -1).every((b) => b.items.length + b.failures.length === 5000));
});

test('real Paperscape file: resuming from a checkpoint yields exactly the remaining edges', async () => {
  const source = new CitationFileSource({ path: PAPERSCAPE });
  const full = await readAll(source);
  const checkpoint = full.batches[1]?.checkpoint;
  assert.equal(checkpoint, '10001');
  const before = full.batches.slice(0, 2).flatMap((b) => b.items).length;
  assert.equal(before, 10_000 - 5, 'self-citations on lines 8, 11, 2870, 4580, 4680 are in the first two batches');
  const rest = await readAll(source, checkpoint);
  assert.equal(rest.edges.length, 146_934 - before);
  assert.deepEqual(rest.edges[0], { kind: 'edge', citing: 'hep-th/9402118', cited: 'hep-th/9402042', source: 'edge-file:citations_1991_1996.tsv.gz' });
  assert.deepEqual(rest.edges, full.edges.slice(before));
  assert.deepEqual(rest.failures, full.failures.slice(5));
  assert.equal(rest.batches[0]?.checkpoint, '15001');
  assert.equal(rest.batches[0]?.progress.done, 15_000);
});

test('resumeKey names the absolute path, size and mtime', () => {
  const source = new CitationFileSource({ path: PAPERSCAPE });
  assert.match(source.resumeKey, /^citation-file:\/.*\/shared\/data\/paperscape_1991_1996\/citations_1991_1996\.tsv\.gz:650329:\d+(\.\d+)?$/);
  assert.equal(source.name, 'citation-file');
  const path = tmpFile('key.tsv', 'a\tb\n');
  const key = new CitationFileSource({ path }).resumeKey;
  writeFileSync(path, 'a\tb\nc\td\n');
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  assert.notEqual(new CitationFileSource({ path }).resumeKey, key);
});

test('CSV with comments, BOM, CRLF, header, quotes and DOIs', async () => {
  const path = tmpFile('edges.csv', '\uFEFF# exported by hand\r\nciting,cited\r\n"2503.11731v2",10.1093/MIND/LIX.236.433\r\n\r\nmath.GT/0309136 , arXiv:hep-th/9407087\r\n');
  const { edges, failures, batches } = await readAll(new CitationFileSource({ path, sourceName: 'my-refs' }));
  assert.deepEqual(failures, []);
  assert.deepEqual(edges, [
    { kind: 'edge', citing: '2503.11731', cited: 'doi:10.1093/mind/lix.236.433', source: 'my-refs' },
    { kind: 'edge', citing: 'math/0309136', cited: 'hep-th/9407087', source: 'my-refs' },
  ]);
  assert.deepEqual(batches.map((b) => [b.checkpoint, b.progress.done]), [[null, 2]]);
});

test('a first line with ids is data, not a header', async () => {
  const path = tmpFile('noheader.tsv', 'hep-th/9109016\thep-th/9201061\nhep-th/9109044\thep-th/9205068\n');
  const { edges } = await readAll(new CitationFileSource({ path }));
  assert.deepEqual(edges.map((e) => e.citing), ['hep-th/9109016', 'hep-th/9109044']);
  assert.equal(edges[0]?.source, 'edge-file:noheader.tsv');
});

const BAD = [
  'citing_arxiv_id\tcited_arxiv_id', // 1 header
  'hep-th/9109016\thep-th/9201061', // 2 ok
  'hep-th/9109044', // 3 one field
  '# a comment', // 4
  'hep-th/9112048\thep-th/9112048', // 5 self-citation
  'not-an-id\thep-th/9205068', // 6 bad citing
  'hep-th/9110023\thep-th/9205068\textra', // 7 three fields
  'hep-th/9110036\thep-th/9205068', // 8 ok
  'hep-th/9112011\t13.5/x', // 9 bad cited
  'hep-th/9112015\t10.1103/PhysRevLett.1.1', // 10 ok
];

test('bad lines become failures with line numbers; batches count edges and failures', async () => {
  const path = tmpFile('bad.tsv', BAD.join('\n') + '\n');
  const { batches, edges, failures } = await readAll(new CitationFileSource({ path, batchSize: 2 }));
  assert.deepEqual(edges.map((e) => `${e.citing}>${e.cited}`), [
    'hep-th/9109016>hep-th/9201061', 'hep-th/9110036>hep-th/9205068', 'hep-th/9112015>doi:10.1103/physrevlett.1.1',
  ]);
  assert.deepEqual(failures, [
    { position: 'line 3', reason: 'expected 2 fields (citing, cited) separated by a tab, found 1' },
    { position: 'line 5', reason: 'self-citation: hep-th/9112048 cites itself' },
    { position: 'line 6', reason: 'citing id "not-an-id" is neither an arXiv id nor a DOI' },
    { position: 'line 7', reason: 'expected 2 fields (citing, cited) separated by a tab, found 3' },
    { position: 'line 9', reason: 'cited id "13.5/x" is neither an arXiv id nor a DOI' },
  ]);
  assert.deepEqual(batches.map((b) => [b.checkpoint, b.progress.done, b.items.length, b.failures.length]), [
    ['3', 2, 1, 1], ['6', 4, 0, 2], ['8', 6, 1, 1], ['10', 8, 1, 1], [null, 8, 0, 0],
  ]);
});

test('resume skips exactly the consumed lines, keeping the header and delimiter', async () => {
  const path = tmpFile('resume.tsv', BAD.join('\n') + '\n');
  const source = new CitationFileSource({ path, batchSize: 2 });
  const rest = await readAll(source, '6');
  assert.deepEqual(rest.failures.map((f) => f.position), ['line 7', 'line 9']);
  assert.deepEqual(rest.edges.map((e) => e.citing), ['hep-th/9110036', 'hep-th/9112015']);
  assert.equal(rest.batches[0]?.progress.done, 6);
  const fromStart = await readAll(source, '0');
  assert.equal(fromStart.edges.length, 3);
  const atEnd = await readAll(source, '10');
  assert.deepEqual(atEnd.batches, [{ items: [], failures: [], checkpoint: null, progress: { done: 8 } }]);
});

test('gzip is detected by magic bytes, not by extension', async () => {
  const tsv = 'citing_arxiv_id\tcited_arxiv_id\nhep-th/9109016\thep-th/9201061\n';
  const gzNoExt = tmpFile('edges.txt', gzipSync(tsv));
  const plainGzExt = tmpFile('plain.tsv.gz', tsv);
  assert.equal(await isGzip(gzNoExt), true);
  assert.equal(await isGzip(plainGzExt), false);
  assert.equal(await isGzip(PAPERSCAPE), true);
  for (const path of [gzNoExt, plainGzExt]) {
    const { edges, failures } = await readAll(new CitationFileSource({ path }));
    assert.deepEqual(failures, []);
    assert.deepEqual(edges.map((e) => [e.citing, e.cited]), [['hep-th/9109016', 'hep-th/9201061']]);
  }
  assert.equal(await isGzip(tmpFile('empty.tsv', '')), false);
  assert.deepEqual((await readAll(new CitationFileSource({ path: join(tmp, 'empty.tsv') }))).batches,
    [{ items: [], failures: [], checkpoint: null, progress: { done: 0 } }]);
});

test('a truncated gzip file is a SourceError, not a silent short read', async () => {
  const whole = gzipSync(Array.from({ length: 5000 }, (_, i) => `hep-th/91${String(i).padStart(5, '0')}\thep-th/9201061`).join('\n'));
  const path = tmpFile('truncated.tsv.gz', whole.subarray(0, Math.floor(whole.length / 2)));
  await assert.rejects(readAll(new CitationFileSource({ path })), (err: unknown) =>
    err instanceof SourceError && /cannot read citation file .*truncated\.tsv\.gz after line \d+: unexpected end of file/.test(err.message));
});

test('invalid options and checkpoints are rejected', async () => {
  assert.throws(() => new CitationFileSource({ path: join(tmp, 'missing.tsv') }), (err: unknown) =>
    err instanceof SourceError && /cannot read citation file .*missing\.tsv: ENOENT/.test(err.message));
  assert.throws(() => new CitationFileSource({ path: PAPERSCAPE, batchSize: 0 }), ValidationError);
  const source = new CitationFileSource({ path: PAPERSCAPE });
  await assert.rejects(readAll(source, 'page-2'), ValidationError);
});

test('an aborted signal stops the read between batches', async () => {
  const controller = new AbortController();
  const source = new CitationFileSource({ path: PAPERSCAPE });
  let seen = 0;
  await assert.rejects((async () => {
    for await (const _ of source.batches({ signal: controller.signal })) {
      seen++;
      controller.abort();
    }
  })(), { name: 'AbortError' });
  assert.equal(seen, 1);
});
