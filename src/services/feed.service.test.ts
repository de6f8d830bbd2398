import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../store/store.js';
import { categoriesOf, countBy, loadFixture, readFixture } from '../../test/support/read-fixture.js';
import { testBackends, useStore } from '../../test/support/test-store.js';
import { getFeed } from './feed.service.js';

/**
 * Daily, weekly and monthly feeds on the first 3,000 papers of the real CS daily listings
 * (2025-03-18 … 2025-04-03: ISO weeks 12–14, March and April), on SQLite and PostgreSQL.
 * Counts come from the source data; week and month boundaries are written out by hand.
 */
const backends = await testBackends();
const fx = await readFixture({ cs: true });
after(() => fx.remove());

const perDay = countBy(fx.cs, (o) => String(o['first_listed']));
const days = [...perDay.keys()].sort();
/** Papers listed between two dates (inclusive), from the source data. */
const between = (from: string, to: string) => days.filter((d) => d >= from && d <= to).reduce((n, d) => n + perDay.get(d)!, 0);
const dlDays = [...new Set(fx.cs.filter((o) => categoriesOf(o).includes('cs.DL')).map((o) => String(o['first_listed'])))].sort();

for (const backend of backends) {
  describe(`getFeed on real listings: ${backend.name}`, { skip: backend.skip }, () => {
    let store!: Store;
    useStore(backend, async (s) => { store = s; await loadFixture(s, fx, { cs: true }); });

    test('daily: every listing date has its papers, and previous/next are the neighbouring listing dates', async () => {
      assert.deepEqual(days, ['2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21', '2025-03-24', '2025-03-25', '2025-03-26',
        '2025-03-27', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03']);
      for (const [i, day] of days.entries()) {
        const feed = await getFeed(store, 'daily', day, { pageSize: 200 });
        assert.deepEqual({ label: feed.label, from: feed.from, to: feed.to, total: feed.total, previous: feed.previous, next: feed.next },
          { label: day, from: day, to: day, total: perDay.get(day), previous: days[i - 1] ?? null, next: days[i + 1] ?? null });
        assert.equal(feed.papers.length, Math.min(200, perDay.get(day)!));
        assert.ok(feed.papers.every((p) => p.date === day));
      }
      // A weekend day with no listing: empty, between the Friday and the Monday.
      const sunday = await getFeed(store, 'daily', '2025-03-23');
      assert.deepEqual([sunday.total, sunday.papers, sunday.previous, sunday.next], [0, [], '2025-03-21', '2025-03-24']);
    });

    test('pages continue each other and keep the total', async () => {
      const day = '2025-03-18';
      const p1 = await getFeed(store, 'daily', day, { page: 1, pageSize: 100 });
      const p4 = await getFeed(store, 'daily', day, { page: 4, pageSize: 100 });
      const all = await getFeed(store, 'daily', day, { pageSize: 200, page: 1 });
      const all2 = await getFeed(store, 'daily', day, { pageSize: 200, page: 2 });
      assert.deepEqual([p1.page, p1.pageSize, p1.total, p4.total], [1, 100, 328, 328]);
      assert.deepEqual(p1.papers.map((p) => p.arxivId), all.papers.slice(0, 100).map((p) => p.arxivId));
      assert.deepEqual(p4.papers.map((p) => p.arxivId), all2.papers.slice(100).map((p) => p.arxivId));
      assert.equal(p4.papers.length, 28);
      assert.deepEqual((await getFeed(store, 'daily', day, { page: 9, pageSize: 100 })).papers, []);
      assert.equal((await getFeed(store, 'daily', day)).pageSize, 50, 'default page size');
    });

    test('weekly: ISO weeks run Monday to Sunday, hand-checked', async () => {
      const w12 = await getFeed(store, 'weekly', '2025-W12');
      assert.deepEqual([w12.from, w12.to, w12.previous, w12.next], ['2025-03-17', '2025-03-23', null, '2025-W13']);
      assert.equal(w12.total, 328 + 172 + 211 + 203);
      assert.equal(w12.total, between('2025-03-17', '2025-03-23'));
      const w13 = await getFeed(store, 'weekly', '2025-W13');
      assert.deepEqual([w13.from, w13.to, w13.total, w13.previous, w13.next], ['2025-03-24', '2025-03-30', between('2025-03-24', '2025-03-30'), '2025-W12', '2025-W14']);
      const w14 = await getFeed(store, 'weekly', '2025-W14'); // crosses into April
      assert.deepEqual([w14.from, w14.to, w14.previous, w14.next], ['2025-03-31', '2025-04-06', '2025-W13', null]);
      assert.equal(w14.total, 201 + 362 + 208 + 103);
      assert.equal(w12.total + w13.total + w14.total, fx.cs.length);
      const w01 = await getFeed(store, 'weekly', '2025-W01');
      assert.deepEqual([w01.from, w01.to, w01.total, w01.previous, w01.next], ['2024-12-30', '2025-01-05', 0, null, '2025-W12']);
      const after = await getFeed(store, 'weekly', '2025-W20');
      assert.deepEqual([after.total, after.previous, after.next], [0, '2025-W14', null]);
    });

    test('monthly, and latest for each kind', async () => {
      const march = await getFeed(store, 'monthly', '2025-03');
      assert.deepEqual([march.from, march.to, march.total, march.previous, march.next], ['2025-03-01', '2025-03-31', between('2025-03-01', '2025-03-31'), null, '2025-04']);
      const april = await getFeed(store, 'monthly', '2025-04');
      assert.deepEqual([april.from, april.to, april.total, april.previous, april.next], ['2025-04-01', '2025-04-30', 362 + 208 + 103, '2025-03', null]);
      assert.equal((await getFeed(store, 'daily', 'latest')).label, '2025-04-03');
      assert.equal((await getFeed(store, 'weekly', 'latest')).label, '2025-W14');
      const latest = await getFeed(store, 'monthly', 'latest');
      assert.deepEqual([latest.kind, latest.label, latest.total], ['monthly', '2025-04', april.total]);
    });

    test('a category filter counts cross-lists and moves previous/next to periods with that category', async () => {
      assert.deepEqual(dlDays, ['2025-03-25', '2025-03-26', '2025-03-28', '2025-03-31', '2025-04-02']);
      const day = await getFeed(store, 'daily', '2025-03-26', { category: 'cs.DL' });
      assert.deepEqual([day.category, day.total, day.previous, day.next], ['cs.DL', 1, '2025-03-25', '2025-03-28']);
      assert.ok(day.papers[0]!.categories.includes('cs.DL'));
      const w12 = await getFeed(store, 'weekly', '2025-W12', { category: 'cs.DL' });
      assert.deepEqual([w12.total, w12.previous, w12.next], [0, null, '2025-W13']);
      assert.equal((await getFeed(store, 'daily', 'latest', { category: 'cs.DL' })).label, '2025-04-02');
      const cl = fx.cs.filter((o) => categoriesOf(o).includes('cs.CL') && String(o['first_listed']) <= '2025-03-31').length;
      assert.equal((await getFeed(store, 'monthly', '2025-03', { category: 'cs.CL' })).total, cl);
      assert.ok(!fx.cs.some((o) => categoriesOf(o).includes('nucl-th')));
      await assert.rejects(getFeed(store, 'daily', 'latest', { category: 'nucl-th' }), { code: 'not_found' });
    });

    test('bad input is a ValidationError naming the field', async () => {
      const cases: [string, string, Parameters<typeof getFeed>[3], string][] = [
        ['yearly', '2025', {}, 'kind'],
        ['daily', '2025-02-29', {}, 'label'], ['daily', '2025-3-18', {}, 'label'], ['daily', '2025-03-18T00:00', {}, 'label'],
        ['daily', 'today', {}, 'label'], ['weekly', '2025-W53', {}, 'label'], ['weekly', '2025-W7', {}, 'label'],
        ['weekly', '2025-03-18', {}, 'label'], ['monthly', '2025-13', {}, 'label'], ['monthly', '2025-03-01', {}, 'label'],
        ['daily', '2025-03-18', { category: 'cs.XX' }, 'category'], ['daily', '2025-03-18', { category: 'CS.CL' }, 'category'],
        ['daily', '2025-03-18', { page: 0 }, 'page'], ['daily', '2025-03-18', { page: 1.5 }, 'page'], ['daily', '2025-03-18', { page: Number.NaN }, 'page'],
        ['daily', '2025-03-18', { pageSize: 0 }, 'pageSize'], ['daily', '2025-03-18', { pageSize: 201 }, 'pageSize'],
      ];
      for (const [kind, label, options, field] of cases) {
        await assert.rejects(getFeed(store, kind, label, options), { name: 'ValidationError', code: 'invalid_input', status: 400, field }, `${kind} ${label} ${JSON.stringify(options)}`);
      }
    });
  });
}
