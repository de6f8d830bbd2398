import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { runCli, type CliRuntime } from '../../src/cli/program.js';
import type { Clock, FetchLike } from '../../src/ingest/http.js';
import { openStore } from '../../src/main/open-store.js';
import { sharedData } from './shared-data.js';
import { FakeClock as BaseFakeClock } from './fake-clock.js';

/**
 * Runs the CLI in-process (`runCli` from src/cli/program.ts) with captured output and an
 * injected fetch, so CLI tests need neither a child process nor the network.
 */

/** A writable stream that keeps what is written to it. */
export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** What one CLI invocation printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Fake time starting at the recorded OAI page's response date (see test/support/fake-clock.ts). */
export class FakeClock extends BaseFakeClock {
  constructor() {
    super(Date.parse('2018-06-17T22:12:27Z'));
  }
}

/** Runs `papersift <argv>` with `env`, `fetch` and optionally a clock, with the real store factory. */
export async function cli(argv: string[], env: Record<string, string | undefined>, fetch: FetchLike, clock?: Clock): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const rt: CliRuntime = {
    env, fetch, ...(clock ? { clock } : {}), stdout, stderr: stderr as unknown as NodeJS.WriteStream, openStore,
    serve: async () => { throw new Error('serve is not exercised by CLI tests'); },
  };
  const code = await runCli(argv, rt);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * The real OAI-PMH page 00 of the 2018 harvest (1000 records, metadataPrefix=arXiv) with its
 * resumption token emptied, which is how OAI-PMH marks the last page: one request, 1000 records.
 */
export function lastOaiPage(): string {
  const xml = gunzipSync(readFileSync(sharedData('arxiv_oai_pmh_2018_harvest/raw/ListRecords_page_00.xml.gz'))).toString('utf8');
  const out = xml.replace(/(<resumptionToken[^>]*)>2752941\|1001<\/resumptionToken>/, '$1/>');
  if (out === xml) throw new Error('page 00 no longer ends with the token 2752941|1001');
  return out;
}

/** A recorded arXiv API response from shared/data/fixtures/arxiv_api. */
export function arxivApiFixture(name: string): string {
  return readFileSync(sharedData(`fixtures/arxiv_api/${name}`), 'utf8');
}

/** An OAI-PMH error response (OAI-PMH 2.0 §3.6). */
export function oaiError(code: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2018-06-17T22:12:27Z</responseDate><request verb="ListRecords">http://export.arxiv.org/oai2</request><error code="${code}">${code}</error></OAI-PMH>`;
}

/**
 * A fake arXiv: the OAI-PMH endpoint answers a first ListRecords request with the recorded
 * page (and `badResumptionToken` to any token); the API answers `id_list=1601.00001` with the
 * recorded response. Anything else is a 404. Every URL requested is logged.
 */
export function fakeArxiv(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  const page = lastOaiPage();
  const idList = arxivApiFixture('query_id_list_1601.00001_2020-09-04.xml');
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const u = new URL(url);
    if (u.host === 'oaipmh.arxiv.org' && u.searchParams.get('verb') === 'ListRecords') {
      return new Response(u.searchParams.has('resumptionToken') ? oaiError('badResumptionToken') : page, { headers: { 'content-type': 'text/xml' } });
    }
    if (u.host === 'export.arxiv.org' && u.pathname === '/api/query' && u.searchParams.get('id_list') === '1601.00001') {
      return new Response(idList, { headers: { 'content-type': 'application/atom+xml' } });
    }
    return new Response('not found', { status: 404 });
  };
  return { fetch, urls };
}

/** A fetch that fails the way Node's does when DNS cannot resolve the host. */
export function unresolvableFetch(): { fetch: FetchLike; calls: () => number } {
  let n = 0;
  const fetch: FetchLike = async (url) => {
    n++;
    const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${new URL(url).hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: new URL(url).hostname });
    throw new TypeError('fetch failed', { cause });
  };
  return { fetch, calls: () => n };
}
