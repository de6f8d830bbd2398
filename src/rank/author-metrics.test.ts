import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { computeAuthorMetrics, h5Window, rankCore, type PaperCitations } from './author-metrics.js';
import { hIndex } from './h-index.js';
import { i10Index } from './i10-index.js';

const paper = (arxivId: string, year: number | null, citingYears: (number | null)[]): PaperCitations => ({ arxivId, year, citingYears });

/** Random authors: up to 40 papers, each cited by up to 60 papers dated 1990–2025 or undated. */
const papersArb = fc.array(fc.record({
  year: fc.option(fc.integer({ min: 1990, max: 2025 }), { nil: null }),
  citingYears: fc.array(fc.option(fc.integer({ min: 1990, max: 2025 }), { nil: null, freq: 10 }), { maxLength: 60 }),
}), { maxLength: 40 }).map((ps) => ps.map((p, i) => paper(`p${i}`, p.year, p.citingYears)));

describe('author metrics: properties over random citation data', () => {
  test('h ≤ papers, h² ≤ citations, i10 ≤ papers, h5 ≤ h, sums match', () => {
    fc.assert(fc.property(papersArb, fc.integer({ min: 1992, max: 2026 }), (papers, asOf) => {
      const m = computeAuthorMetrics(papers, h5Window(asOf));
      const perPaper = papers.reduce((s, p) => s + p.citingYears.length, 0);
      assert.ok(m.hIndex <= m.papers);
      assert.ok(m.hIndex * m.hIndex <= m.citations);
      assert.ok(m.i10Index <= m.papers);
      assert.ok(10 * m.i10Index <= m.citations);
      assert.ok(m.h5Index <= m.hIndex);
      assert.ok(m.h5Index * m.h5Index <= m.windowCitations && m.windowCitations <= m.citations);
      assert.equal(m.citations, perPaper, 'tile = sum of per-paper counts');
      assert.equal(m.citationsPerYear.reduce((s, y) => s + y.citations, 0) + m.undatedCitations, m.citations, 'chart + undated = tile');
      if (m.firstYear !== null) assert.ok(m.firstYear <= m.lastYear!);
    }), { numRuns: 500 });
  });

  test('the h-core page agrees with the tiles', () => {
    fc.assert(fc.property(papersArb, fc.integer({ min: 1992, max: 2026 }), (papers, asOf) => {
      const m = computeAuthorMetrics(papers, h5Window(asOf));
      const ranked = rankCore(papers, h5Window(asOf));
      assert.equal(ranked.filter((r) => r.inHCore).length, m.hIndex);
      assert.equal(ranked.filter((r) => r.inI10).length, m.i10Index);
      assert.equal(ranked.filter((r) => r.inH5Core).length, m.h5Index);
      for (const r of ranked) if (r.inHCore) assert.ok(r.citations >= m.hIndex);
      for (const r of ranked) if (r.inH5Core) assert.ok(r.windowCitations >= m.h5Index);
      assert.equal(ranked.reduce((s, r) => s + r.citations, 0), m.citations);
    }), { numRuns: 300 });
  });

  test('hIndex is the brute-force maximum and i10 counts papers with ≥ 10', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 50 }), { maxLength: 30 }), (counts) => {
      let brute = 0;
      for (let h = 0; h <= counts.length; h++) if (counts.filter((c) => c >= h).length >= h) brute = h;
      assert.equal(hIndex(counts), brute);
      assert.equal(i10Index(counts), counts.filter((c) => c >= 10).length);
    }));
  });
});

describe('author metrics: known answers', () => {
  test('a hand-computed author', () => {
    // Counts 12, 10, 5, 3, 0 → h = 3, i10 = 2, 30 citations. Window 2016–2020: in-window counts
    // 4 (2018×4), 3 (2020×3), 2, 0, 0 → h5 = 2.
    const papers = [
      paper('a', 2010, [2011, 2011, 2012, 2012, 2013, 2013, 2014, 2015, 2018, 2018, 2018, 2018]),
      paper('b', 2012, [2013, 2013, 2014, 2014, 2015, 2015, 2015, 2020, 2020, 2020]),
      paper('c', 2015, [2016, 2017, null, 2015, 2014]),
      paper('d', 2019, [2010, 2011, 2012]),
      paper('e', 2021, []),
    ];
    const m = computeAuthorMetrics(papers, h5Window(2020));
    assert.deepEqual({ papers: m.papers, citations: m.citations, h: m.hIndex, i10: m.i10Index, h5: m.h5Index, first: m.firstYear, last: m.lastYear, undated: m.undatedCitations },
      { papers: 5, citations: 30, h: 3, i10: 2, h5: 2, first: 2010, last: 2021, undated: 1 });
    assert.equal(m.citationsPerYear[0]!.year, 2010);
    assert.equal(m.citationsPerYear.at(-1)!.year, 2020);
    assert.equal(m.citationsPerYear.find((y) => y.year === 2019)!.citations, 0);
    assert.equal(m.citationsPerYear.find((y) => y.year === 2015)!.citations, 5);
  });

  test("the seed's impossible profile cannot happen: 11 papers, 51 citations → h ≤ 7", () => {
    const counts = [20, 10, 8, 5, 3, 2, 1, 1, 1, 0, 0];
    const papers = counts.map((n, i) => paper(`p${i}`, 2020, Array(n).fill(2021)));
    const m = computeAuthorMetrics(papers, h5Window(2024));
    assert.equal(m.citations, 51);
    assert.equal(m.hIndex, 4);
    assert.equal(m.h5Index, 4);
    assert.ok(m.hIndex <= 7);
  });

  test('no papers, no citations', () => {
    const m = computeAuthorMetrics([], h5Window(2024));
    assert.deepEqual({ ...m }, { papers: 0, citations: 0, hIndex: 0, i10Index: 0, h5Index: 0, windowCitations: 0, citationsPerYear: [], undatedCitations: 0, firstYear: null, lastYear: null });
  });
});
