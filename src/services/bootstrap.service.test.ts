import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/config.js';
import type { FetchLike } from '../ingest/http.js';
import { FakeClock, lastOaiPage, oaiError, unresolvableFetch } from '../../test/support/cli-harness.js';
import { testBackends, type TestStore } from '../../test/support/test-store.js';
import { bootstrapIfEmpty, OFFLINE_ADVICE } from './bootstrap.service.js';
import { createSources } from './sources.js';

/**
 * First start with an empty store: harvest the configured categories over OAI-PMH, or say
 * plainly that Papersift is offline and what to do instead. Runs on real stores; the network
 * is a fake serving the real recorded OAI-PMH page 00 of the 2018 harvest (1000 records,
 * mostly physics, April 2007) to the harvest's first request, so what is stored depends on
 * the category filter alone.
 */

const CATEGORIES = ['hep-ph', 'math.CO'];
const TODAY = new Date('2018-06-17T12:00:00Z');
const PAGE = lastOaiPage();
const RECORDS = [...PAGE.matchAll(/<record>[\s\S]*?<\/record>/g)].map((m) => m[0]);

/** Ids on the page with one of the configured categories, read from the XML with regexes alone. */
const EXPECTED = RECORDS.filter((r) => /<categories>([^<]*)<\/categories>/.exec(r)![1]!.split(' ').some((c) => CATEGORIES.includes(c)))
  .map((r) => /<identifier>oai:arXiv\.org:([^<]+)<\/identifier>/.exec(r)![1]!).sort();

/** A fake arXiv OAI-PMH endpoint: the recorded page (as the last page) for any first ListRecords request. */
function fakeOai(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const q = new URL(url).searchParams;
    if (q.get('verb') !== 'ListRecords' || q.has('resumptionToken')) return new Response(oaiError('badResumptionToken'));
    return new Response(PAGE, { headers: { 'content-type': 'text/xml' } });
  };
  return { fetch, urls };
}

function config(env: Record<string, string> = {}) {
  return loadConfig({ PAPERSIFT_CATEGORIES: CATEGORIES.join(','), PAPERSIFT_BOOTSTRAP_DAYS: '3', ...env });
}


test('the recorded page has papers in the configured categories, and far more outside them', () => {
  assert.equal(RECORDS.length, 1000);
  assert.equal(EXPECTED.length, 105);
});

for (const backend of await testBackends()) {
  describe(`bootstrapIfEmpty: ${backend.name}`, { skip: backend.skip }, () => {
    let t: TestStore;
    before(async () => { t = await backend.create(); });
    after(async () => { await t?.dispose(); });

    test('PAPERSIFT_OFFLINE: harvests nothing and says so, with the advice', async () => {
      const net = fakeOai();
      const cfg = config({ PAPERSIFT_OFFLINE: '1' });
      const r = await bootstrapIfEmpty(t.store, createSources({ config: cfg, fetch: net.fetch, clock: new FakeClock() }), cfg, TODAY);
      assert.equal(r.outcome, 'offline');
      assert.match(r.message, /^The store is empty and PAPERSIFT_OFFLINE is set, so nothing was harvested\.\n/);
      assert.ok(r.message.endsWith(OFFLINE_ADVICE));
      assert.match(r.message, /npx papersift ingest snapshot arxiv-metadata-oai-snapshot\.json/);
      assert.deepEqual(r.reports, []);
      assert.deepEqual(net.urls, []);
      assert.equal(await t.store.papers.count(), 0);
    });

    test('arXiv unreachable (ENOTFOUND): outcome offline, and the message says to ingest a snapshot', async () => {
      const net = unresolvableFetch();
      const clock = new FakeClock();
      const cfg = config();
      const r = await bootstrapIfEmpty(t.store, createSources({ config: cfg, fetch: net.fetch, clock }), cfg, TODAY);
      assert.equal(r.outcome, 'offline');
      assert.match(r.message, /^Papersift is offline: cannot reach oaipmh\.arxiv\.org: ENOTFOUND\. The store is empty\.\n/);
      assert.match(r.message, /papersift ingest snapshot/);
      assert.equal(r.reports.length, 1);
      assert.equal(r.reports[0]!.status, 'failed');
      assert.equal(r.reports[0]!.offline, true);
      assert.equal(net.calls(), 2);
      assert.equal(await t.store.papers.count(), 0);
    });

    test('online: harvests the last days of all of arXiv and keeps only the configured categories', async () => {
      const net = fakeOai();
      const clock = new FakeClock();
      const cfg = config();
      const r = await bootstrapIfEmpty(t.store, createSources({ config: cfg, fetch: net.fetch, clock }), cfg, TODAY);
      assert.equal(r.outcome, 'harvested', r.message);
      assert.equal(r.message, `harvested ${EXPECTED.length} papers listed since 2018-06-14 in hep-ph, math.CO`);
      // No set: arXiv files a paper under its primary archive only, which would lose cross-lists.
      assert.deepEqual(net.urls, ['https://oaipmh.arxiv.org/oai?verb=ListRecords&metadataPrefix=arXivRaw&from=2018-06-14']);
      assert.deepEqual(clock.sleeps, []);
      assert.deepEqual(r.reports.map((x) => x.status), ['completed']);
      assert.deepEqual(r.reports.map((x) => [x.fetched, x.new, x.unchanged]), [[EXPECTED.length, EXPECTED.length, 0]]);
      assert.equal(r.reports.reduce((n, x) => n + x.failed, 0), 0);

      assert.equal(await t.store.papers.count(), EXPECTED.length);
      for (const id of EXPECTED) {
        const p = await t.store.papers.findByArxivIdOrThrow(id);
        assert.ok(p.categories.some((c) => CATEGORIES.includes(c)), `${id}: ${p.categories.join(' ')}`);
      }
      // Physics outside hep-ph (astro-ph, the largest group on the page) and math outside math.CO stay out.
      const astro = /<identifier>oai:arXiv\.org:([^<]+)<\/identifier>[\s\S]*<categories>astro-ph<\/categories>/.exec(RECORDS.find((x) => x.includes('<categories>astro-ph</categories>'))!)![1]!;
      assert.equal(await t.store.papers.findByArxivId(astro), undefined);
      const sw = await t.store.papers.findByArxivIdOrThrow('0704.0001');
      assert.equal(sw.title, 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
    });

    test('a store with papers is left alone', async () => {
      const net = fakeOai();
      const cfg = config();
      const r = await bootstrapIfEmpty(t.store, createSources({ config: cfg, fetch: net.fetch, clock: new FakeClock() }), cfg, TODAY);
      assert.equal(r.outcome, 'not-empty');
      assert.deepEqual(r.reports, []);
      assert.deepEqual(net.urls, []);
      assert.equal(await t.store.papers.count(), EXPECTED.length);
    });
  });
}
