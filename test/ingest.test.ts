import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CitationFileSource } from '../src/ingest/citation-file/citation-file.source.js';
import { SnapshotSource } from '../src/ingest/snapshot/snapshot.source.js';
import { ingestFrom } from '../src/services/ingest.service.js';
import type { Store } from '../src/store/store.js';
import { csDailySnapshot, hepthSnapshot, writeJsonl } from './support/convert.js';
import { canonicalDump } from './support/dump.js';
import { sharedData } from './support/shared-data.js';
import { each, readEdgeFile, take, tempDir } from './support/snapshot-files.js';
import { testBackends, type TestStore } from './support/test-store.js';

/**
 * Ingest end to end on real data, on SQLite and PostgreSQL: the first 5,000 papers of the hep-th
 * set (KDD Cup 2003 abstracts, 1992–1994, converted to the snapshot schema; the whole 29,555 take
 * too long for the suite's budget on both backends) through `ingestFrom` + `SnapshotSource`,
 * re-runs, a newer version, malformed lines, an interrupted and resumed run, and all 146,964
 * Paperscape citation edges.
 */

const backends = await testBackends();
const tmp = tempDir('papersift-ingest-');
after(() => tmp.remove());

const HEPTH = join(tmp.dir, 'hepth.jsonl');
const HEPTH_LINES = await writeJsonl(each(await take(hepthSnapshot(), 5000)), HEPTH);
const EDGES = sharedData('paperscape_1991_1996/citations_1991_1996.tsv.gz');
const SW = 'hep-th/9407087';
// The edge file read back with plain string splitting, independently of the product's parser.
const EDGE_ROWS = await readEdgeFile(EDGES);

/** The real hep-th line of `id`, as an object. */
function hepthObject(id: string): Record<string, unknown> {
  const line = readFileSync(HEPTH, 'utf8').split('\n').find((l) => l.includes(`"id":${JSON.stringify(id)}`));
  assert.ok(line, `${id} is in the converted hep-th file`);
  return JSON.parse(line) as Record<string, unknown>;
}

function writeLines(name: string, lines: string[]): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Per table, the dump rows that mention `id` (rowsAbout) and those that do not (rowsNotAbout). */
function rowsAbout(dump: Record<string, unknown[]>, id: string): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(dump).map(([k, rows]) => [k, rows.filter((r) => String(r).includes(JSON.stringify(id)))]));
}
function rowsNotAbout(dump: Record<string, unknown[]>, id: string): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(dump).map(([k, rows]) => [k, rows.filter((r) => !String(r).includes(JSON.stringify(id)))]));
}

test('the hep-th slice has 5,000 papers, Seiberg–Witten among them', () => {
  assert.equal(HEPTH_LINES, 5000);
  assert.equal(hepthObject(SW)['title'], 'Monopole Condensation, And Confinement In N=2 Supersymmetric Yang-Mills\n  Theory');
});

for (const backend of backends) {
  describe(`ingest on real data: ${backend.name}`, { skip: backend.skip }, () => {
    let t: TestStore;
    let store: Store;
    let reference: Record<string, unknown[]>;
    before(async () => { t = await backend.create(); store = t.store; });
    after(async () => { await t?.dispose(); });

    test('the hep-th snapshot lands: every line new, none failed', async () => {
      const report = await ingestFrom(store, new SnapshotSource({ file: HEPTH }), 'papers');
      assert.equal(report.error, undefined);
      assert.equal(report.status, 'completed');
      assert.equal(report.resumed, false);
      assert.equal(report.source, 'snapshot');
      assert.deepEqual(
        { fetched: report.fetched, new: report.new, updated: report.updated, unchanged: report.unchanged, failed: report.failed },
        { fetched: HEPTH_LINES, new: HEPTH_LINES, updated: 0, unchanged: 0, failed: 0 },
      );
      assert.deepEqual(report.failures, []);
      assert.equal(await store.papers.count(), HEPTH_LINES);
      const run = await store.runs.find(report.runId);
      assert.equal(run?.status, 'completed');
      reference = await canonicalDump(store);
      assert.equal(reference['papers']!.length, HEPTH_LINES);
    });

    test(`${SW} (Seiberg–Witten) is stored with its real fields`, async () => {
      const p = await store.papers.findByArxivIdOrThrow(SW);
      assert.equal(p.title, 'Monopole Condensation, And Confinement In N=2 Supersymmetric Yang-Mills Theory');
      assert.deepEqual(p.authors.map((a) => [a.name, a.key]), [['N. Seiberg', 'n-seiberg'], ['E. Witten', 'e-witten']]);
      assert.deepEqual(p.categories, ['hep-th']);
      assert.equal(p.primaryCategory, 'hep-th');
      assert.equal(p.journalRef, 'Nucl.Phys. B426 (1994) 19-52; Erratum-ibid. B430 (1994) 485-486');
      assert.equal(p.reportNo, 'RU-94-52, IAS-94-43');
      assert.equal(p.comments, '45pp, harvmac');
      // "Fri, 15 Jul 94 10:45:34 EDT" in the .abs header.
      assert.deepEqual(p.versions, [{ version: 1, createdAt: '1994-07-15T14:45:34Z' }]);
      assert.equal(p.published, '1994-07-15');
      assert.ok(p.abstract.startsWith('We study the vacuum structure and dyon spectrum of N=2 supersymmetric gauge theory in four dimensions'), p.abstract.slice(0, 100));
      assert.ok(!p.abstract.includes('\n'));
    });

    test('a second run of the same file finds everything unchanged and changes nothing', async () => {
      const report = await ingestFrom(store, new SnapshotSource({ file: HEPTH }), 'papers');
      assert.equal(report.status, 'completed');
      assert.equal(report.resumed, false, 'the first run completed, so nothing is resumed');
      assert.deepEqual(
        { fetched: report.fetched, new: report.new, updated: report.updated, unchanged: report.unchanged, failed: report.failed },
        { fetched: HEPTH_LINES, new: 0, updated: 0, unchanged: HEPTH_LINES, failed: 0 },
      );
      assert.deepEqual(await canonicalDump(store), reference);
    });

    test('a newer version of one paper updates it and keeps both versions', async () => {
      const o = hepthObject(SW);
      o['title'] = 'Monopole Condensation and Confinement in N=2 Supersymmetric Yang-Mills Theory';
      o['versions'] = [...(o['versions'] as unknown[]), { version: 'v2', created: 'Mon, 1 Aug 1994 09:30:00 GMT' }];
      o['update_date'] = '1994-08-01';
      const report = await ingestFrom(store, new SnapshotSource({ file: writeLines('sw-v2.jsonl', [JSON.stringify(o)]) }), 'papers');
      assert.equal(report.status, 'completed');
      assert.deepEqual(
        { fetched: report.fetched, new: report.new, updated: report.updated, unchanged: report.unchanged, failed: report.failed },
        { fetched: 1, new: 0, updated: 1, unchanged: 0, failed: 0 },
      );
      const p = await store.papers.findByArxivIdOrThrow(SW);
      assert.equal(p.title, 'Monopole Condensation and Confinement in N=2 Supersymmetric Yang-Mills Theory');
      assert.deepEqual(p.versions, [{ version: 1, createdAt: '1994-07-15T14:45:34Z' }, { version: 2, createdAt: '1994-08-01T09:30:00Z' }]);
      assert.equal(p.published, '1994-07-15', 'published stays the date of v1');
      assert.deepEqual(p.authors.map((a) => a.name), ['N. Seiberg', 'E. Witten']);
      // Nothing else moved.
      const dump = await canonicalDump(store);
      assert.deepEqual(rowsNotAbout(dump, SW), rowsNotAbout(reference, SW));
      assert.equal(rowsAbout(dump, SW)['versions']!.length, 2);
      // Reading the old record again does not take the paper back to v1.
      const stale = await ingestFrom(store, new SnapshotSource({ file: writeLines('sw-v1.jsonl', [JSON.stringify(hepthObject(SW))]) }), 'papers');
      assert.equal(stale.unchanged, 1);
      assert.equal((await store.papers.findByArxivIdOrThrow(SW)).title, p.title);
    });

    test('malformed lines are reported by line number and reason while the rest land', async () => {
      const cs = (await take(csDailySnapshot(), 600)).map((o) => JSON.stringify(o));
      const before = await store.papers.count();
      const bad = (id: string, edit: (o: Record<string, unknown>) => void) => {
        const o = JSON.parse(cs.find((l) => l.includes(`"id":"${id}"`))!) as Record<string, unknown>;
        edit(o);
        return JSON.stringify(o);
      };
      const victimTitle = (JSON.parse(cs[100]!) as { id: string }).id;
      const victimCats = (JSON.parse(cs[400]!) as { id: string }).id;
      const lines = [
        cs[0]!.slice(0, 80), // line 1: truncated JSON
        ...cs.slice(1, 100), // lines 2–100
        bad(victimTitle, (o) => { o['title'] = '   '; }), // line 101
        ...cs.slice(101, 400), // lines 102–400
        bad(victimCats, (o) => { o['categories'] = 'I.2.7 H.3.3'; }), // line 401
        ...cs.slice(401), // lines 402–600
        '{"id": "not-an-arxiv-id", "title": "x"}', // line 601
      ];
      const report = await ingestFrom(store, new SnapshotSource({ file: writeLines('mixed.jsonl', lines), batchSize: 250 }), 'papers');
      assert.equal(report.status, 'completed');
      assert.deepEqual(
        { fetched: report.fetched, new: report.new, updated: report.updated, unchanged: report.unchanged, failed: report.failed },
        { fetched: 601, new: 597, updated: 0, unchanged: 0, failed: 4 },
      );
      assert.equal(report.failures.length, 4);
      const [f1, f2, f3, f4] = report.failures;
      assert.equal(f1!.position, 'line 1 (id 2503.11731)');
      assert.match(f1!.reason, /^json: /);
      assert.equal(f2!.position, `line 101 (id ${victimTitle})`);
      assert.equal(f2!.reason, 'title: missing or empty');
      assert.equal(f3!.position, `line 401 (id ${victimCats})`);
      assert.match(f3!.reason, /^categories: no arXiv category/);
      assert.equal(f4!.position, 'line 601 (id not-an-arxiv-id)');
      assert.match(f4!.reason, /^id: not an arXiv id/);
      assert.deepEqual(await store.runs.failures(report.runId), report.failures);
      assert.equal(await store.papers.count(), before + 597);
      assert.equal(await store.papers.findByArxivId(victimTitle), undefined);
      assert.equal(await store.papers.findByArxivId(victimCats), undefined);
      const landed = await store.papers.findByArxivIdOrThrow((JSON.parse(cs[599]!) as { id: string }).id);
      assert.equal(landed.firstListed, (JSON.parse(cs[599]!) as { first_listed: string }).first_listed);
    });

    test('a run aborted after its first batch resumes from the checkpoint and ends equal to a clean run', async () => {
      const fresh = await backend.create();
      try {
        const controller = new AbortController();
        let batches = 0;
        const first = await ingestFrom(fresh.store, new SnapshotSource({ file: HEPTH, batchSize: 2000 }), 'papers', {
          signal: controller.signal,
          onProgress: () => { if (++batches === 1) controller.abort(); },
        });
        assert.equal(first.status, 'failed');
        assert.equal(batches, 1);
        assert.equal(first.fetched, 2000, 'exactly the first batch committed');
        assert.equal(await fresh.store.papers.count(), 2000);
        const interrupted = await fresh.store.runs.find(first.runId);
        assert.equal(interrupted?.checkpoint, '2000');
        assert.equal((await fresh.store.runs.findResumable(new SnapshotSource({ file: HEPTH, batchSize: 2000 }).resumeKey))?.id, first.runId);

        const seen: number[] = [];
        const second = await ingestFrom(fresh.store, new SnapshotSource({ file: HEPTH, batchSize: 2000 }), 'papers', { onProgress: (p) => seen.push(p.new) });
        assert.equal(second.status, 'completed');
        assert.equal(second.resumed, true);
        assert.equal(second.runId, first.runId, 'the same run continued');
        assert.deepEqual(
          { fetched: second.fetched, new: second.new, updated: second.updated, unchanged: second.unchanged, failed: second.failed },
          { fetched: HEPTH_LINES, new: HEPTH_LINES, updated: 0, unchanged: 0, failed: 0 },
          'the run counts every line once: the first batch was not read again',
        );
        assert.equal(seen.at(-1), HEPTH_LINES - 2000, 'this call wrote only what the first did not');
        assert.deepEqual(await canonicalDump(fresh.store), reference);
      } finally {
        await fresh.dispose();
      }
    });

    test(`the Paperscape citation edges land, and ${SW} has the citing papers the file lists`, async () => {
      const rows = EDGE_ROWS;
      assert.equal(rows.length, 146_964);
      const selfCites = rows.filter(([a, b]) => a === b).length;
      const distinct = new Set(rows.filter(([a, b]) => a !== b).map(([a, b]) => `${a} ${b}`)).size;
      const citingSW = [...new Set(rows.filter(([a, b]) => b === SW && a !== SW).map(([a]) => a))].sort();
      const citedBySW = [...new Set(rows.filter(([a, b]) => a === SW && b !== SW).map(([, b]) => b))].sort();
      assert.equal(selfCites, 30);
      assert.ok(citingSW.length > 100, `Seiberg–Witten is cited ${citingSW.length} times`);

      const report = await ingestFrom(store, new CitationFileSource({ path: EDGES }), 'citations');
      assert.equal(report.error, undefined);
      assert.equal(report.status, 'completed');
      assert.deepEqual(
        { fetched: report.fetched, new: report.new, updated: report.updated, unchanged: report.unchanged, failed: report.failed },
        { fetched: rows.length, new: distinct, updated: 0, unchanged: 0, failed: selfCites },
      );
      assert.equal(report.failures.length, selfCites);
      for (const f of report.failures) assert.match(`${f.position}: ${f.reason}`, /^line \d+: self-citation: (\S+) cites itself$/);
      assert.deepEqual([...await store.citations.citingPapers(SW)].sort(), citingSW);
      assert.deepEqual([...await store.citations.references(SW)].sort(), citedBySW);
      assert.equal((await store.stats.all()).citations, distinct);
    });
  });
}
