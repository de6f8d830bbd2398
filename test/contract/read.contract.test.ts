import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { PaperSummary } from '../../src/core/paper.js';
import { AuthorRepository } from '../../src/store/author.repository.js';
import { CitationRepository } from '../../src/store/citation.repository.js';
import { FeedRepository, type PaperPage } from '../../src/store/feed.repository.js';
import type { Store } from '../../src/store/store.js';
import type { Database } from '../../src/store/tables.js';
import { categoriesOf, countBy, loadFixture, readFixture, SLICE } from '../support/read-fixture.js';
import { testBackends, type TestStore } from '../support/test-store.js';
import { countByYear } from '../../src/services/author.service.js';

/**
 * The read side of the Store (feeds, category lists, authors, citation lists, cards,
 * subscriptions) on real data, on SQLite and PostgreSQL: 3,000 CS papers, 3,000 hep-th papers
 * and the Paperscape edges touching them (test/support/read-fixture.ts). Every expectation is
 * computed from the source data with plain code, not through the store.
 */
const backends = await testBackends();
const fx = await readFixture();
after(() => fx.remove());

const str = (o: Record<string, unknown>, k: string) => String(o[k]);
const csDays = countBy(fx.cs, (o) => str(o, 'first_listed'));
const days = [...csDays.keys()].sort();
const hepthIds = new Set(fx.hepth.map((o) => str(o, 'id')));
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
/** v1 date (UTC) of a hep-th object, from the raw `created` text. */
const hepthDate = new Map(fx.hepth.map((o) => {
  const v = (o['versions'] as { created: string }[])[0];
  return [str(o, 'id'), v ? new Date(Date.parse(v.created)).toISOString().slice(0, 10) : null];
}));
/** Sort key of a hep-th paper's date: undated papers ('') sort last in a newest-first list. */
const dateKey = (id: string) => hepthDate.get(id) ?? '';
/** Distinct citing ids per cited id, from the edge rows. */
const citersOf = new Map<string, Set<string>>();
for (const [citing, cited] of fx.edges) (citersOf.get(cited) ?? citersOf.set(cited, new Set()).get(cited)!).add(citing);
/** Distinct cited ids per citing id. */
const citedBy = new Map<string, Set<string>>();
for (const [citing, cited] of fx.edges) (citedBy.get(citing) ?? citedBy.set(citing, new Set()).get(citing)!).add(cited);

/** CS ids with `category`, listed on `day` (any day when omitted). */
function csWith(category: string, day?: string): string[] {
  return fx.cs.filter((o) => categoriesOf(o).includes(category) && (!day || str(o, 'first_listed') === day)).map((o) => str(o, 'id'));
}

/** Every page of a paginated list, concatenated. */
async function allPages(fetch: (offset: number, limit: number) => Promise<PaperPage>, limit = 97): Promise<{ papers: PaperSummary[]; totals: Set<number> }> {
  const papers: PaperSummary[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const page = await fetch(offset, limit);
    totals.add(page.total);
    papers.push(...page.papers);
    if (page.papers.length < limit) return { papers, totals };
  }
}

for (const backend of backends) {
  describe(`Store read side on real data: ${backend.name}`, { skip: backend.skip }, () => {
    let t: TestStore;
    let store: Store;
    before(async () => {
      t = await backend.create();
      store = t.store;
      await loadFixture(store, fx, { cs: true, hepth: true, edges: true });
    });
    after(async () => { await t?.dispose(); });

    test('each listing date has exactly its papers, newest first (arxiv_id desc within a day), across pages', async () => {
      assert.equal(days.length, 13);
      for (const day of days) {
        const { papers, totals } = await allPages((offset, limit) => store.feeds.listed({ from: day, to: day }, { offset, limit }));
        assert.deepEqual([...totals], [csDays.get(day)], day);
        const expected = fx.cs.filter((o) => o['first_listed'] === day).map((o) => str(o, 'id')).sort(desc);
        assert.deepEqual(papers.map((p) => p.arxivId), expected, day);
        assert.ok(papers.every((p) => p.date === day));
      }
    });

    test('a range spans days in first_listed desc, arxiv_id desc order; a range without listings is empty', async () => {
      const week = await store.feeds.listed({ from: '2025-03-17', to: '2025-03-23' }, { offset: 0, limit: 5000 });
      const inWeek = fx.cs.filter((o) => str(o, 'first_listed') >= '2025-03-17' && str(o, 'first_listed') <= '2025-03-23');
      assert.equal(week.total, inWeek.length);
      const order = [...inWeek].sort((a, b) => desc(str(a, 'first_listed'), str(b, 'first_listed')) || desc(str(a, 'id'), str(b, 'id')));
      assert.deepEqual(week.papers.map((p) => p.arxivId), order.map((o) => str(o, 'id')));
      const all = await store.feeds.listed({ from: '2025-01-01', to: '2025-12-31' }, { offset: 2990, limit: 50 });
      assert.deepEqual([all.total, all.papers.length], [SLICE, 10]);
      assert.deepEqual(await store.feeds.listed({ from: '2025-03-22', to: '2025-03-23' }, { offset: 0, limit: 10 }), { papers: [], total: 0 });
    });

    test('the category filter matches any position, with both query shapes', async () => {
      const large = new FeedRepository(store.db, { smallCategory: 0 }); // always EXISTS
      const small = new FeedRepository(store.db, { smallCategory: 1_000_000 }); // always IN
      for (const category of ['cs.CL', 'cs.DL', 'math.OC']) {
        for (const day of days) {
          const expected = csWith(category, day).sort(desc);
          for (const repo of [store.feeds, large, small]) {
            const page = await repo.listed({ from: day, to: day, category }, { offset: 0, limit: 1000 });
            assert.equal(page.total, expected.length, `${category} ${day}`);
            assert.deepEqual(page.papers.map((p) => p.arxivId), expected);
          }
        }
      }
      assert.ok(csWith('cs.CL').some((id) => !fx.cs.find((o) => o['id'] === id && categoriesOf(o)[0] === 'cs.CL')), 'the slice has cs.CL cross-lists');
    });

    test('nearest earlier and later listing dates, with and without a category', async () => {
      for (const repo of [store.feeds, new FeedRepository(store.db, { smallCategory: 0 })]) {
        for (const [i, day] of days.entries()) {
          assert.equal(await repo.nearestListedDate('before', day), days[i - 1], `before ${day}`);
          assert.equal(await repo.nearestListedDate('after', day), days[i + 1], `after ${day}`);
        }
        assert.equal(await repo.nearestListedDate('before', '2025-03-23'), '2025-03-21'); // a Sunday
        assert.equal(await repo.nearestListedDate('after', '2025-03-22'), '2025-03-24');
        const dl = [...new Set(fx.cs.filter((o) => categoriesOf(o).includes('cs.DL')).map((o) => str(o, 'first_listed')))].sort();
        assert.ok(dl.length >= 3 && dl.length < days.length, `cs.DL is listed on some days only: ${dl}`);
        for (const [i, day] of dl.entries()) {
          assert.equal(await repo.nearestListedDate('before', day, 'cs.DL'), dl[i - 1]);
          assert.equal(await repo.nearestListedDate('after', day, 'cs.DL'), dl[i + 1]);
        }
        assert.equal(await repo.latestListedDate(), days.at(-1));
        assert.equal(await repo.latestListedDate('cs.DL'), dl.at(-1));
        assert.deepEqual(csWith('hep-th'), []);
        assert.equal(await repo.latestListedDate('hep-th'), undefined, 'the hep-th papers have no listing date');
      }
    });

    test('category lists: all papers at any position, newest first by card date, both query shapes agree', async () => {
      for (const category of ['cs.CL', 'hep-th', 'cs.DL']) {
        const expectedIds = [...csWith(category), ...fx.hepth.filter((o) => categoriesOf(o).includes(category)).map((o) => str(o, 'id'))];
        const { papers, totals } = await allPages((offset, limit) => store.feeds.byCategory(category, { offset, limit }), 400);
        assert.deepEqual([...totals], [expectedIds.length], category);
        assert.deepEqual(papers.map((p) => p.arxivId).sort(), expectedIds.sort());
        for (let i = 1; i < papers.length; i++) {
          const [a, b] = [papers[i - 1]!, papers[i]!];
          const [da, db] = [a.date ?? '', b.date ?? ''];
          assert.ok(da > db || (da === db && a.arxivId > b.arxivId), `${category}: ${a.arxivId} ${a.date} before ${b.arxivId} ${b.date}`);
        }
        const other = new FeedRepository(store.db, { smallCategory: papers.length > 100 ? 0 : 1_000_000 });
        assert.deepEqual(await other.byCategory(category, { offset: 50, limit: 50 }), await store.feeds.byCategory(category, { offset: 50, limit: 50 }));
      }
      const hep = await store.feeds.byCategory('hep-th', { offset: 0, limit: 3 });
      const newest = [...hepthDate.keys()].sort((a, b) => desc(dateKey(a), dateKey(b)) || desc(a, b)).slice(0, 3);
      assert.deepEqual(hep.papers.map((p) => p.arxivId), newest);
      assert.deepEqual(hep.papers.map((p) => p.date), newest.map((id) => hepthDate.get(id)));
      const undated = [...hepthDate].filter(([, d]) => d === null).map(([id]) => id).sort(desc);
      assert.ok(undated.length > 0, 'some hep-th papers have no date');
      const last = await store.feeds.byCategory('hep-th', { offset: SLICE - undated.length, limit: SLICE });
      assert.deepEqual(last.papers.map((p) => [p.arxivId, p.date]), undated.map((id) => [id, null]), 'undated papers come last');
    });

    test('cards agree with the full paper and with the source data; citation counts are distinct citers', async () => {
      const page = await store.feeds.byCategory('hep-th', { offset: 0, limit: SLICE });
      const day = await store.feeds.listed({ from: days[0]!, to: days[0]! }, { offset: 0, limit: 1000 });
      // Every card's count against the edge file; every 20th card field by field against the full paper.
      for (const card of [...page.papers, ...day.papers]) assert.equal(card.citationCount, citersOf.get(card.arxivId)?.size ?? 0, card.arxivId);
      for (const card of [...page.papers, ...day.papers].filter((_, i) => i % 20 === 0)) {
        const full = await store.papers.findByArxivIdOrThrow(card.arxivId);
        assert.deepEqual(card, {
          arxivId: full.arxivId, title: full.title, abstract: full.abstract, authors: full.authors, primaryCategory: full.primaryCategory,
          categories: full.categories, date: full.firstListed ?? full.published, citationCount: citersOf.get(card.arxivId)?.size ?? 0, comments: full.comments,
        });
      }
      for (const card of day.papers) {
        const o = fx.cs.find((x) => x['id'] === card.arxivId)!;
        assert.equal(card.authors.length, (o['authors_parsed'] as unknown[]).length, card.arxivId);
        assert.deepEqual(card.categories, categoriesOf(o).filter((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c)));
      }
      const cited = page.papers.filter((p) => p.citationCount > 0).length;
      assert.ok(cited > 1000, `most hep-th papers are cited: ${cited}`);
      assert.equal(page.papers.reduce((s, p) => s + p.citationCount, 0), fx.edges.filter(([, c]) => hepthIds.has(c)).length, 'the edge file has no duplicates');
    });

    test('a paper\'s citing and referenced papers in the store, newest first, and its external references', async () => {
      const target = 'hep-th/9205068';
      const citers = [...citersOf.get(target)!];
      const inStore = citers.filter((id) => hepthIds.has(id)).sort((a, b) => desc(dateKey(a), dateKey(b)) || desc(a, b));
      assert.ok(citers.length > inStore.length && inStore.length > 20, 'cited from inside and outside the slice');
      assert.equal(await store.citations.citationCount(target), citers.length);
      assert.deepEqual((await store.citations.citingCards(target, 1000)).map((p) => p.arxivId), inStore);
      assert.deepEqual((await store.citations.citingCards(target, 5)).map((p) => p.arxivId), inStore.slice(0, 5));
      // The slice paper citing the most papers, inside and outside the store.
      const [citing, refs] = [...citedBy].filter(([id]) => hepthIds.has(id)).sort((a, b) => b[1].size - a[1].size)[0]!;
      const refsIn = [...refs].filter((id) => hepthIds.has(id)).sort((a, b) => desc(dateKey(a), dateKey(b)) || desc(a, b));
      const refsOut = [...refs].filter((id) => !hepthIds.has(id)).sort();
      assert.ok(refsIn.length > 0 && refsOut.length > 0, citing);
      assert.deepEqual((await store.citations.referenceCards(citing, 1000)).map((p) => p.arxivId), refsIn);
      assert.deepEqual(await store.citations.externalReferences(citing), refsOut);
      assert.equal(await store.citations.citationCount('hep-th/0000000'), 0);
      assert.equal(await store.citations.hasEdges(), true);
    });

    test('an author: papers newest first, co-authors with shared counts, per-paper citations, citations per year', async () => {
      const name = 'Edward Witten';
      const names = (o: Record<string, unknown>) => str(o, 'authors').replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ')
        .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/).map((s) => s.trim()).filter(Boolean);
      const mine = fx.hepth.filter((o) => names(o).includes(name));
      assert.ok(mine.length >= 10, `${name} has ${mine.length} papers in the slice`);
      const author = await store.authors.findByKey('edward-witten');
      assert.deepEqual(author, { key: 'edward-witten', name });
      assert.equal(await store.authors.findByKey('nobody-at-all'), undefined);
      const papers = await store.authors.papers('edward-witten');
      const ids = mine.map((o) => str(o, 'id')).sort((a, b) => desc(dateKey(a), dateKey(b)) || desc(a, b));
      assert.deepEqual(papers.map((p) => p.arxivId), ids);

      const shared = countBy(mine.flatMap((o) => [...new Set(names(o))].filter((n) => n !== name)), (n) => n);
      const coauthors = await store.authors.coauthors('edward-witten');
      assert.deepEqual(new Map(coauthors.map((c) => [c.name, c.papers])), shared);
      assert.ok(coauthors.every((c, i) => i === 0 || coauthors[i - 1]!.papers >= c.papers));

      const counts = await store.authors.citationCounts('edward-witten');
      for (const id of ids) assert.equal(counts.get(id) ?? 0, citersOf.get(id)?.size ?? 0, id);
      assert.deepEqual(papers.map((p) => p.citationCount), ids.map((id) => counts.get(id) ?? 0));

      // The series splits exactly the tile's citations by year: the store's date for a citing
      // paper when it has one, else the year its arXiv id encodes (hep-th/9407087 → 1994).
      const perYear = new Map<number, number>();
      for (const id of ids) {
        for (const c of citersOf.get(id) ?? []) {
          const date = hepthDate.get(c);
          const yy = Number(c.split('/')[1]!.slice(0, 2));
          const year = date ? Number(date.slice(0, 4)) : yy >= 91 ? 1900 + yy : 2000 + yy;
          perYear.set(year, (perYear.get(year) ?? 0) + 1);
        }
      }
      const series = countByYear(await store.authors.citingDates('edward-witten'));
      assert.deepEqual(series, [...perYear].sort((a, b) => a[0] - b[0]).map(([year, citations]) => ({ year, citations })));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      assert.equal(series.reduce((a, b) => a + b.citations, 0), total, 'the chart adds up to the citations tile');
    });

    test('subscriptions: one per normalised address, the first sign-up wins', async () => {
      const now = '2026-01-01T00:00:00.000Z';
      assert.equal(await store.subscriptions.addPending(' Ada@Example.org', ['cs.LG', 'cs.CL'], now), true);
      assert.equal(await store.subscriptions.addPending('ada@example.ORG', ['hep-th'], '2026-02-01T00:00:00.000Z'), false);
      assert.equal(await store.subscriptions.addPending('bob@example.org', [], now), true);
      assert.deepEqual(await store.subscriptions.findByEmail('ADA@EXAMPLE.ORG'), { email: 'Ada@Example.org', categories: ['cs.LG', 'cs.CL'], status: 'pending', createdAt: now });
      assert.deepEqual((await store.subscriptions.findByEmail('bob@example.org'))?.categories, []);
      assert.equal(await store.subscriptions.findByEmail('carol@example.org'), undefined);
    });

    test('SQLite: every read query is index-backed and a page of cards costs the same number of queries at any size', { skip: backend.name !== 'sqlite' && 'EXPLAIN QUERY PLAN is SQLite\'s' }, async () => {
      const raw = new BetterSqlite3(join(t.env['PAPERSIFT_DATA']!, 'papersift.db'), { readonly: true });
      const log: CompiledQuery[] = [];
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (e) => { if (e.level === 'query') log.push(e.query); } });
      try {
        const count = async (f: () => Promise<unknown>) => { const n = log.length; await f(); return log.length - n; };
        for (const smallCategory of [0, 1_000_000]) {
          const feeds = new FeedRepository(db, { smallCategory });
          assert.equal(await count(() => feeds.listed({ from: days[0]!, to: days[0]!, category: 'cs.CV' }, { offset: 0, limit: 5 })),
            await count(() => feeds.listed({ from: days[0]!, to: days[0]!, category: 'cs.CV' }, { offset: 0, limit: 200 })));
          await feeds.nearestListedDate('before', days[5]!, 'cs.DL');
          await feeds.nearestListedDate('after', days[5]!, 'cs.CV');
          await feeds.latestListedDate('cs.CV');
          await feeds.byCategory('cs.CV', { offset: 100, limit: 50 });
          await feeds.byCategory('hep-th', { offset: 0, limit: 50 });
        }
        await new FeedRepository(db).listed({ from: days[0]!, to: days.at(-1)! }, { offset: 0, limit: 50 });
        const authors = new AuthorRepository(db);
        await authors.findByKey('edward-witten');
        assert.equal(await count(() => authors.papers('edward-witten')), 5);
        await authors.coauthors('edward-witten');
        await authors.citationCounts('edward-witten');
        await authors.citingDates('edward-witten');
        const citations = new CitationRepository(db);
        assert.equal(await count(() => citations.citingCards('hep-th/9205068', 500)), 5);
        await citations.referenceCards('hep-th/9205068', 500);
        await citations.externalReferences('hep-th/9205068');
        await citations.citationCount('hep-th/9205068');

        const problems: string[] = [];
        for (const q of log) {
          const plan = raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
          const details = plan.map((p) => p.detail);
          const subqueries = new Set(details.flatMap((d) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)/.exec(d)?.[1] ?? []));
          for (const d of details) {
            const scan = /^SCAN (\w+)(.*)$/.exec(d);
            // A SCAN without an index reads a whole table; scanning a subquery's own rows is fine.
            if (scan && !scan[2]!.includes('USING') && !subqueries.has(scan[1]!)) problems.push(`${d} in: ${q.sql.slice(0, 120)}`);
          }
          if (/order by coalesce/.test(q.sql) && /exists/.test(q.sql)) {
            assert.ok(details.some((d) => d.includes('papers_date')), `date-ordered walk uses papers_date: ${details.join(' | ')}`);
          }
        }
        assert.deepEqual(problems, []);
        assert.ok(log.length > 60, `${log.length} queries checked`);
      } finally {
        await db.destroy();
      }
    });
  });
}
