import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../store/store.js';
import { buildPaper } from '../../test/support/factories.js';
import { testBackends, useStore } from '../../test/support/test-store.js';
import { identityLog, mergeAuthors, revertIdentityChange, splitAuthor, suggestSplit } from './author-identity.service.js';

for (const backend of await testBackends()) {
  describe(`author identity on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    const papers = [
      buildPaper({ authorNames: ['E. Witten', 'N. Seiberg'], categories: ['hep-th'] }),
      buildPaper({ authorNames: ['Edward Witten'], categories: ['hep-th'] }),
      buildPaper({ authorNames: ['Edward Witten', 'C. Vafa'], categories: ['hep-th', 'math.AG'] }),
      buildPaper({ authorNames: ['Edward Witten', 'A. Biologist'], categories: ['q-bio.NC'] }),
    ];
    useStore(backend, async (s) => {
      store = s;
      const run = await s.runs.start('test', 'identity', {}, '2025-01-01T00:00:00.000Z');
      await s.writer.writePapers(run, { items: papers, failures: [], checkpoint: null }, '2025-01-01T00:00:00.000Z');
      await s.writer.writeCitations(run, { items: [{ kind: 'edge', citing: papers[1]!.arxivId, cited: papers[0]!.arxivId, source: 't' }], failures: [], checkpoint: null }, '2025-01-01T00:00:00.000Z');
    });

    test('a merge moves papers and citations to the target key; a revert restores them', async () => {
      const [a, b] = [papers[0]!.authors[0]!.key, papers[1]!.authors[0]!.key];
      assert.notEqual(a, b);
      const before = (await store.authors.papers(b)).length;
      const change = await mergeAuthors(store, b, [a], 'admin');
      assert.deepEqual(change.affectedKeys, [a, b].sort());
      assert.equal((await store.authors.papers(b)).length, before + 1);
      assert.equal((await store.authors.papers(a)).length, 0);
      assert.equal((await store.authors.citationCounts(b)).get(papers[0]!.arxivId), 1);
      const undo = await revertIdentityChange(store, change.logId, 'admin');
      assert.equal((await store.authors.papers(a)).length, 1);
      assert.equal((await store.authors.papers(b)).length, before);
      const log = await identityLog(store);
      assert.deepEqual(log.map((l) => [l.action, l.revertedBy]), [['revert', null], ['merge', undo.logId]]);
      await assert.rejects(revertIdentityChange(store, change.logId, 'admin'), /already reverted/);
    });

    test('suggestSplit finds the disjoint group; splitAuthor moves it to a new key', async () => {
      const key = papers[1]!.authors[0]!.key;
      const groups = await suggestSplit(store, key);
      assert.deepEqual(groups, [[papers[1]!.arxivId, papers[2]!.arxivId].sort(), [papers[3]!.arxivId]]);
      const s = await splitAuthor(store, key, [papers[3]!.arxivId], 'admin');
      assert.equal(s.newKey, `${key}~2`);
      assert.deepEqual((await store.authors.papers(s.newKey)).map((p) => p.arxivId), [papers[3]!.arxivId]);
      assert.equal((await store.authors.findByKey(s.newKey))?.name, 'Edward Witten');
      await assert.rejects(splitAuthor(store, key, ['9999.99999'], 'admin'), /not papers of/);
      await assert.rejects(mergeAuthors(store, key, ['no-such-key'], 'admin'), /unknown author/);
    });
  });
}
