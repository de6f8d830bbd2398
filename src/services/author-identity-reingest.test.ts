import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PaperRecord } from '../core/paper.js';
import { withNoveltyTables } from '../store/novelty-impact.tables.js';
import type { Store } from '../store/store.js';
import { buildPaper } from '../../test/support/factories.js';
import { testBackends, useStore } from '../../test/support/test-store.js';
import { mergeAuthors, revertIdentityChange, splitAuthor } from './author-identity.service.js';

/** A newer version of `p` (v`n`, changed title), which makes ingest rewrite its authorships. */
function version(p: PaperRecord, n: number): PaperRecord {
  return { ...p, title: `${p.title} (v${n})`, versions: [...p.versions, { version: n, createdAt: `2025-0${n}-01T00:00:00.000Z` }], updated: `2025-0${n}-01` };
}

for (const backend of await testBackends()) {
  describe(`author merges and splits survive re-ingest on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let run = 0;
    const ingest = async (...items: PaperRecord[]) => {
      run = await store.runs.start('test', 'reingest', {}, '2025-01-01T00:00:00.000Z');
      await store.writer.writePapers(run, { items, failures: [], checkpoint: null }, '2025-06-01T00:00:00.000Z');
    };
    const keysOf = async (arxivId: string) => (await store.papers.findByArxivId(arxivId))!.authors.map((a) => a.key);
    const overrides = async (logId: number) => (await withNoveltyTables(store.db).selectFrom('author_key_overrides').selectAll().where('log_id', '=', logId).execute()).length;
    const [p0, p1, p2, p3] = [
      buildPaper({ authorNames: ['E. Witten', 'N. Seiberg'] }),
      buildPaper({ authorNames: ['Edward Witten'] }),
      buildPaper({ authorNames: ['Juan Maldacena'] }),
      buildPaper({ authorNames: ['Juan Maldacena', 'Joseph Polchinski'] }),
    ];
    useStore(backend, async (s) => { store = s; await ingest(p0!, p1!, p2!, p3!); });

    test('a merge holds through a re-ingest of the same and a newer version, and covers new papers; revert removes it', async () => {
      const change = await mergeAuthors(store, 'edward-witten', ['e-witten'], 'admin');
      await ingest(p0!);
      assert.deepEqual(await keysOf(p0!.arxivId), ['edward-witten', 'n-seiberg']);
      await ingest(version(p0!, 2));
      assert.deepEqual(await keysOf(p0!.arxivId), ['edward-witten', 'n-seiberg']);
      const later = buildPaper({ authorNames: ['E. Witten'] });
      await ingest(later);
      assert.deepEqual(await keysOf(later.arxivId), ['edward-witten']);
      assert.equal((await store.authors.papers('e-witten')).length, 0);
      assert.equal(await overrides(change.logId), 1);
      await revertIdentityChange(store, change.logId, 'admin');
      assert.equal(await overrides(change.logId), 0);
      assert.deepEqual((await store.authors.papers('e-witten')).map((p) => p.arxivId).sort(), [p0!.arxivId, later.arxivId].sort());
      await ingest(version(p0!, 3));
      assert.deepEqual(await keysOf(p0!.arxivId), ['e-witten', 'n-seiberg']);
    });

    test('merges chain (A into B, then B into C) for new papers; reverting the first one out of order sends A\'s papers back to A', async () => {
      const [a, b, c] = [buildPaper({ authorNames: ['G. Moore'] }), buildPaper({ authorNames: ['Greg Moore'] }), buildPaper({ authorNames: ['Gregory W. Moore'] })];
      await ingest(a, b, c);
      const first = await mergeAuthors(store, 'greg-moore', ['g-moore'], 'admin');
      await mergeAuthors(store, 'gregory-w-moore', ['greg-moore'], 'admin');
      const later = buildPaper({ authorNames: ['G. Moore'] });
      await ingest(later, version(a, 2));
      assert.deepEqual([await keysOf(later.arxivId), await keysOf(a.arxivId)], [['gregory-w-moore'], ['gregory-w-moore']]);
      await revertIdentityChange(store, first.logId, 'admin');
      assert.deepEqual((await store.authors.papers('g-moore')).map((p) => p.arxivId).sort(), [a.arxivId, later.arxivId].sort());
      assert.deepEqual((await store.authors.papers('gregory-w-moore')).map((p) => p.arxivId).sort(), [b.arxivId, c.arxivId].sort());
      await ingest(buildPaper({ authorNames: ['Greg Moore'] }));
      assert.equal((await store.authors.papers('gregory-w-moore')).length, 3, 'the second merge still holds');
    });

    test('a split holds through a re-ingest of the same and a newer version; revert removes it', async () => {
      const s = await splitAuthor(store, 'juan-maldacena', [p3!.arxivId], 'admin', { newKey: 'juan-maldacena~bio' });
      await ingest(p3!, p2!);
      await ingest(version(p3!, 2), version(p2!, 2));
      assert.deepEqual(await keysOf(p3!.arxivId), ['juan-maldacena~bio', 'joseph-polchinski']);
      assert.deepEqual(await keysOf(p2!.arxivId), ['juan-maldacena']);
      assert.equal(await overrides(s.logId), 1);
      await revertIdentityChange(store, s.logId, 'admin');
      assert.equal(await overrides(s.logId), 0);
      assert.deepEqual(await keysOf(p3!.arxivId), ['juan-maldacena', 'joseph-polchinski']);
      await ingest(version(p3!, 3));
      assert.deepEqual(await keysOf(p3!.arxivId), ['juan-maldacena', 'joseph-polchinski']);
    });
  });
}
