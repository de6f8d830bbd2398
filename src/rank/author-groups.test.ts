import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disjointGroups } from './author-groups.js';

test('papers sharing a co-author or category stay together; disjoint ones split', () => {
  assert.deepEqual(disjointGroups([
    { id: 1, coauthors: ['x'], categories: ['hep-th'] },
    { id: 2, coauthors: ['y'], categories: ['hep-th'] },
    { id: 3, coauthors: ['z'], categories: ['q-bio.NC'] },
    { id: 4, coauthors: ['z', 'w'], categories: ['q-bio.GN'] },
    { id: 5, coauthors: [], categories: ['cs.LG'] },
  ]), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(disjointGroups([{ id: 1, coauthors: ['x'], categories: ['a'] }, { id: 2, coauthors: ['x'], categories: ['b'] }]), [[1, 2]]);
  assert.deepEqual(disjointGroups([]), []);
});
