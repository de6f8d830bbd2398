import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collapseWhitespace, isIsoDate } from './text.js';

/** The definition isIsoDate replaced: what a Date makes of the day, written back. */
function viaDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

test('isIsoDate agrees with Date on every shape of YYYY-MM-DD', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
    const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    assert.equal(isIsoDate(s), viaDate(s), s);
  }), { numRuns: 20_000 });
});

test('isIsoDate: leap years, month lengths and malformed input', () => {
  for (const ok of ['2024-02-29', '2000-02-29', '2025-04-30', '2025-12-31', '1991-08-14']) assert.equal(isIsoDate(ok), true, ok);
  for (const bad of ['2023-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01', ' 2025-01-01', '2025-01-01T00:00:00Z', '２０２５-01-01', '']) {
    assert.equal(isIsoDate(bad), false, bad);
  }
});

test('collapseWhitespace is replace(/\\s+/g, " ").trim()', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', '\r', 'x') }), (s) => {
    assert.equal(collapseWhitespace(s), s.replace(/\s+/g, ' ').trim());
  }), { numRuns: 5_000 });
});
