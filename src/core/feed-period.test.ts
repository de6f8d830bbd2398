import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedPeriodOf, formatDate, isoWeekOf, isoWeeksInYear, parseDateOrThrow, parseFeedPeriod, type FeedKind } from './feed-period.js';

test('daily, weekly and monthly labels parse to their inclusive ranges', () => {
  assert.deepEqual(parseFeedPeriod('daily', '2025-03-18'), { kind: 'daily', label: '2025-03-18', from: '2025-03-18', to: '2025-03-18' });
  assert.deepEqual(parseFeedPeriod('monthly', '2024-02'), { kind: 'monthly', label: '2024-02', from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(parseFeedPeriod('monthly', '2025-02'), { kind: 'monthly', label: '2025-02', from: '2025-02-01', to: '2025-02-28' });
  assert.deepEqual(parseFeedPeriod('monthly', '2025-12'), { kind: 'monthly', label: '2025-12', from: '2025-12-01', to: '2025-12-31' });
});

test('ISO weeks, hand-checked against a calendar', () => {
  const week = (label: string) => { const p = parseFeedPeriod('weekly', label); return [p.from, p.to]; };
  assert.deepEqual(week('2025-W01'), ['2024-12-30', '2025-01-05']); // 2025-01-01 is a Wednesday
  assert.deepEqual(week('2025-W12'), ['2025-03-17', '2025-03-23']);
  assert.deepEqual(week('2025-W14'), ['2025-03-31', '2025-04-06']); // crosses a month
  assert.deepEqual(week('2020-W53'), ['2020-12-28', '2021-01-03']); // leap year starting on Wednesday
  assert.deepEqual(week('2026-W53'), ['2026-12-28', '2027-01-03']); // year starting on Thursday
  assert.deepEqual(week('2009-W01'), ['2008-12-29', '2009-01-04']);
  assert.equal(isoWeeksInYear(2025), 52);
  assert.equal(isoWeeksInYear(2020), 53);
  assert.equal(isoWeeksInYear(2026), 53);
  assert.equal(isoWeeksInYear(2015), 53);
  assert.deepEqual(isoWeekOf(parseDateOrThrow('2027-01-01')), { year: 2026, week: 53 });
  assert.deepEqual(isoWeekOf(parseDateOrThrow('2024-12-30')), { year: 2025, week: 1 });
  assert.deepEqual(isoWeekOf(parseDateOrThrow('2021-01-03')), { year: 2020, week: 53 });
  assert.deepEqual(isoWeekOf(parseDateOrThrow('2025-03-23')), { year: 2025, week: 12 }); // Sunday
  assert.deepEqual(isoWeekOf(parseDateOrThrow('2025-03-24')), { year: 2025, week: 13 }); // Monday
});

test('feedPeriodOf finds the period containing a date', () => {
  assert.equal(feedPeriodOf('weekly', '2024-12-31').label, '2025-W01');
  assert.equal(feedPeriodOf('weekly', '2021-01-01').label, '2020-W53');
  assert.equal(feedPeriodOf('monthly', '2025-03-31').label, '2025-03');
  assert.equal(feedPeriodOf('daily', '2025-04-01').label, '2025-04-01');
});

test('malformed or impossible labels throw a ValidationError naming the field', () => {
  const bad: [FeedKind, string][] = [
    ['daily', '2025-02-29'], ['daily', '2025-2-03'], ['daily', '2025-02-3'], ['daily', '20250203'], ['daily', ' 2025-02-03'],
    ['daily', '2025-13-01'], ['daily', '2025-00-10'], ['daily', '2025-W12'], ['daily', '0000-01-01'], ['daily', ''],
    ['weekly', '2025-W1'], ['weekly', '2025-W00'], ['weekly', '2025W12'], ['weekly', '2025-w12'], ['weekly', '2025-W53'], ['weekly', '2025-03-18'],
    ['monthly', '2025-3'], ['monthly', '2025-13'], ['monthly', '2025-00'], ['monthly', '2025-03-01'], ['monthly', 'latest'],
  ];
  for (const [kind, label] of bad) {
    assert.throws(() => parseFeedPeriod(kind, label, 'label'), { code: 'invalid_input', field: 'label' }, `${kind} ${JSON.stringify(label)}`);
  }
});

test('property: every date lies in its periods, weeks run Monday to Sunday, labels round-trip', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 2000; i++) {
    const date = formatDate(new Date(Date.UTC(1990, 0, 1) + Math.floor(rand() * 40 * 365) * 86_400_000));
    for (const kind of ['daily', 'weekly', 'monthly'] as const) {
      const p = feedPeriodOf(kind, date);
      assert.ok(p.from <= date && date <= p.to, `${date} in ${p.label}`);
      assert.deepEqual(parseFeedPeriod(kind, p.label), p);
    }
    const w = feedPeriodOf('weekly', date);
    assert.equal(parseDateOrThrow(w.from).getUTCDay(), 1);
    assert.equal(parseDateOrThrow(w.to).getTime() - parseDateOrThrow(w.from).getTime(), 6 * 86_400_000);
  }
});
