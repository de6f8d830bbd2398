import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCardDate, formatDate, formatDayHeading, formatMonthHeading, formatRange, formatWeekHeading, parseYmd } from './dates.js';

const NOW = new Date('2026-04-20T12:00:00Z');

test('card dates omit the year only within the current UTC year', () => {
  assert.equal(formatCardDate('2026-04-15', NOW), 'Apr 15');
  assert.equal(formatCardDate('2022-12-16', NOW), 'Dec 16, 2022');
  assert.equal(formatCardDate('2025-11-11T10:00:00.000Z', NOW), 'Nov 11, 2025');
});

test('the current year is taken in UTC, not local time', () => {
  const newYearsEveUtc = new Date('2025-12-31T23:30:00Z');
  assert.equal(formatCardDate('2025-06-01', newYearsEveUtc), 'Jun 1');
  assert.equal(formatCardDate('2026-01-01', new Date('2026-01-01T00:10:00Z')), 'Jan 1');
});

test('non-dates pass through unchanged', () => {
  assert.equal(formatCardDate('unknown', NOW), 'unknown');
  assert.equal(parseYmd('2025-13-01'), undefined);
  assert.equal(formatDate('nope'), 'nope');
});

test('headings for days, weeks and months', () => {
  assert.equal(formatDayHeading('2025-03-18'), 'Tuesday, March 18, 2025');
  assert.equal(formatWeekHeading('2025-W12'), 'Week 12, 2025');
  assert.equal(formatMonthHeading('2025-03'), 'March 2025');
  assert.equal(formatDate('2007-04-02T19:18:42.000Z'), 'Apr 2, 2007');
});

test('ranges share what their ends share', () => {
  assert.equal(formatRange('2025-03-17', '2025-03-23'), 'Mar 17 – 23, 2025');
  assert.equal(formatRange('2025-03-31', '2025-04-06'), 'Mar 31 – Apr 6, 2025');
  assert.equal(formatRange('2025-12-29', '2026-01-04'), 'Dec 29, 2025 – Jan 4, 2026');
  assert.equal(formatRange('2025-03-18', '2025-03-18'), 'Mar 18, 2025');
});
