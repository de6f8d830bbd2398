import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateFromArxivId, impactFeatureNames, impactFeatures, topDecileLabels } from './impact-features.js';

test('features: one value per name, venue and pages read from comments, month one-hot', () => {
  const cats = ['hep-th', 'gr-qc'];
  const row = impactFeatures({ vector: [0.5, -0.5], authors: 3, categories: 2, title: 'On strings', abstract: 'a b c', comments: '12 pages, to appear in Nucl. Phys. B', date: '1994-03-10', primaryCategory: 'gr-qc' }, cats);
  const names = impactFeatureNames(2, cats);
  assert.equal(row.length, names.length);
  const f = Object.fromEntries(names.map((n, i) => [n, row[i]]));
  assert.equal(f['comments_venue'], 1);
  assert.equal(f['has_pages'], 1);
  assert.equal(f['log_pages'], Math.log1p(12));
  assert.equal(f['month_3'], 1);
  assert.equal(f['month_4'], 0);
  assert.equal(f['primary_gr-qc'], 1);
  assert.equal(f['primary_hep-th'], 0);
  const bare = impactFeatures({ vector: [0, 0], authors: 1, categories: 1, title: '', abstract: '', comments: null, date: '1994-01-01', primaryCategory: 'x' }, cats);
  assert.equal(bare[names.indexOf('comments_venue')], 0);
});

test('topDecileLabels: known answers, ties at the mark, zero never positive', () => {
  assert.deepEqual(topDecileLabels([0, 5, 1, 9, 2, 0, 0, 3, 1, 0, 4, 0]), [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(topDecileLabels([2, 2, 1]), [1, 1, 0]);
  assert.deepEqual(topDecileLabels([0, 0, 0]), [0, 0, 0]);
});

test('dateFromArxivId: old and new style', () => {
  assert.equal(dateFromArxivId('hep-th/9407087'), '1994-07-01');
  assert.equal(dateFromArxivId('0704.0001'), '2007-04-01');
  assert.equal(dateFromArxivId('2501.12345v2'), '2025-01-01');
  assert.equal(dateFromArxivId('garbage'), undefined);
});
