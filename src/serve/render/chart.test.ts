import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHtml, isClean } from '../../../test/support/html-check.js';
import { citationsPerYearSvg } from './chart.js';

const DATA = [{ year: 2019, citations: 3 }, { year: 2020, citations: 0 }, { year: 2021, citations: 12 }];

test('draws one bar per year with year labels, as a scalable decorative SVG', () => {
  const svg = citationsPerYearSvg(DATA)!;
  assert.match(svg, /^<svg class="chart-svg" aria-hidden="true" focusable="false"[^>]* viewBox="0 0 640 220">/);
  assert.equal((svg.match(/<path [^>]*fill="#3b5bab"/g) ?? []).length, 3);
  for (const year of ['2019', '2020', '2021']) assert.match(svg, new RegExp(`>${year}</text>`));
  assert.match(svg, />12<\/text>/, 'value labels on top of the bars');
  assert.doesNotMatch(svg, /<style|ecmeta_|zr\d+-cls|<script/);
  const report = checkHtml(svg);
  assert.ok(isClean(report), JSON.stringify(report));
});

test('the same data gives the same SVG, and custom sizes are honoured', () => {
  assert.equal(citationsPerYearSvg(DATA), citationsPerYearSvg(DATA));
  assert.match(citationsPerYearSvg(DATA, { width: 300, height: 150 })!, /viewBox="0 0 300 150"/);
});

test('a class can be added; value labels only where bars are wide enough', () => {
  assert.match(citationsPerYearSvg(DATA, { className: 'narrow' })!, /^<svg class="chart-svg narrow" /);
  const ten = Array.from({ length: 10 }, (_, i) => ({ year: 2000 + i, citations: 100 + i * 7 }));
  assert.match(citationsPerYearSvg(ten, { width: 640 })!, />163<\/text>/);
  assert.doesNotMatch(citationsPerYearSvg(ten, { width: 340 })!, />163<\/text>/);
});

test('an empty series draws nothing; a long series drops per-bar labels', () => {
  assert.equal(citationsPerYearSvg([]), undefined);
  const long = Array.from({ length: 35 }, (_, i) => ({ year: 1991 + i, citations: (i * 7) % 40 }));
  const svg = citationsPerYearSvg(long)!;
  assert.equal((svg.match(/<path [^>]*fill="#3b5bab"/g) ?? []).length, 35);
  assert.doesNotMatch(svg, />21<\/text>/, 'no per-bar value labels (21 is a value, not an axis tick)');
});
