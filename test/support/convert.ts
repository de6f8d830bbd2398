import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sharedData } from './shared-data.js';

/**
 * Test-support converters (not product code): the shared datasets come in their own formats;
 * these turn them into the arXiv snapshot (Kaggle) schema that `papersift ingest snapshot`
 * reads, so ingest runs on tens of thousands of real papers.
 */

/** A Kaggle-schema snapshot object (plus Papersift's optional `first_listed`). */
export type SnapshotObject = Record<string, unknown>;

async function* gzLines(path: string): AsyncGenerator<string> {
  const file = createReadStream(path);
  const gunzip = file.pipe(createGunzip());
  const rl = createInterface({ input: gunzip, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) yield line;
  } finally {
    // A consumer that stops early (`take`) must not leave the rest of the file decompressing
    // in the background, which kept test processes alive for seconds after their last test.
    rl.close();
    gunzip.destroy();
    file.destroy();
  }
}

/** Splits "Given Names Family" into Kaggle's [keyname, forenames, suffix]. */
function nameParts(name: string): [string, string, string] {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? '';
  return [family, parts.join(' '), ''];
}

/**
 * `arxiv_cs_daily_2025/papers.jsonl.gz` (74,728 CS papers) as snapshot objects. The data has no
 * versions, DOIs or journal refs; its first-listing date becomes `first_listed`.
 */
export async function* csDailySnapshot(): AsyncGenerator<SnapshotObject> {
  for await (const line of gzLines(sharedData('arxiv_cs_daily_2025/papers.jsonl.gz'))) {
    const p = JSON.parse(line) as { id: string; authors: string[]; title: string; categories: string[]; comment: string | null; summary: string; _listing_date: string };
    yield {
      id: p.id, submitter: null, authors: p.authors.join(', '), title: p.title, comments: p.comment,
      'journal-ref': null, doi: null, 'report-no': null, categories: p.categories.join(' '), license: null,
      abstract: p.summary, versions: [], update_date: null, authors_parsed: p.authors.map(nameParts), first_listed: p._listing_date,
    };
  }
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * Parses one date of a hep-th `.abs` Date header to a string Date.parse reads. Seen forms:
 * "Tue Dec 31 23:54:17 MET 1991 +0100", "Thu, 27 Mar 2003 20:43:51 GMT", "24 FEB 1992 11:14:31 JST".
 */
function hepthDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.replace(/\(\d+kb\)/i, '').trim();
  const m = /(\w{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}:\d{2})\s+(?:\w+\s+)?(\d{4})(?:\s+([+-]\d{4}))?/.exec(text);
  if (m && MONTHS.includes(m[1]!)) return `${m[2]} ${m[1]} ${m[4]} ${m[3]} ${m[5] ?? '+0000'}`;
  const parsed = Date.parse(text); // zones Date.parse knows: GMT, EDT, +0100 …
  if (!Number.isNaN(parsed)) return new Date(parsed).toUTCString();
  // "2 JAN 92 12:17 N", "24 FEB 1992 11:14:31 JST", "12 Feb 1992 17:46:38 MEZ": day month year time, with
  // time zones Date.parse does not know; read as UTC (the day is what matters).
  const dmy = /(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{1,2}:\d{2})(:\d{2})?/.exec(text);
  if (dmy) {
    const mon = dmy[2]![0]!.toUpperCase() + dmy[2]!.slice(1).toLowerCase();
    const year = dmy[3]!.length === 4 ? dmy[3] : `${Number(dmy[3]) >= 91 ? 19 : 20}${dmy[3]}`;
    if (MONTHS.includes(mon)) return `${dmy[1]} ${mon} ${year} ${dmy[4]}${dmy[5] ?? ':00'} +0000`;
  }
  return undefined;
}

/** All versions in a hep-th Date header: v1 on the first line, then "Date (revised vN): …" lines. */
function hepthVersions(raw: string | undefined): { version: string; created: string }[] {
  if (!raw) return [];
  const out: { version: string; created: string }[] = [];
  raw.split('\n').forEach((line, i) => {
    const revised = /^Date \(revised v(\d+)\):\s*(.*)$/.exec(line.trim());
    const created = hepthDate(revised ? revised[2] : i === 0 ? line : undefined);
    if (created) out.push({ version: `v${revised ? revised[1] : 1}`, created });
  });
  return out;
}

/** `hepth_kddcup2003/abstracts.jsonl.gz` (29,555 hep-th papers with abstracts) as snapshot objects. */
export async function* hepthSnapshot(): AsyncGenerator<SnapshotObject> {
  for await (const line of gzLines(sharedData('hepth_kddcup2003/abstracts.jsonl.gz'))) {
    const p = JSON.parse(line) as Record<string, string | undefined>;
    yield {
      id: p['Paper'], submitter: p['From'] ?? null, authors: p['Authors'] ?? p['Author'], title: p['Title'], comments: p['Comments'] ?? null,
      'journal-ref': p['Journal-ref'] ?? null, doi: null, 'report-no': p['Report-no'] ?? null, categories: 'hep-th', license: null,
      abstract: p['abstract'] ?? '', versions: hepthVersions(p['Date']), update_date: null,
    };
  }
}

/**
 * Paperscape's paper lists `paperscape_1991_1996/pscp-YYYY.csv.gz` (49,264 papers of all
 * categories, titles and authors but no abstracts) as snapshot objects.
 */
export async function* paperscapeSnapshot(): AsyncGenerator<SnapshotObject> {
  for (let year = 1991; year <= 1996; year++) {
    for await (const line of gzLines(sharedData(`paperscape_1991_1996/pscp-${year}.csv.gz`))) {
      if (line.startsWith('#')) continue;
      const f = line.split(';');
      const [id, cats, , , , authors] = f;
      const title = f.slice(6).join(';');
      yield {
        id, authors: (authors ?? '').split(',').map((a) => a.replace(/\./g, '. ').trim()).join(', '), title,
        categories: (cats ?? '').split(',').join(' '), abstract: '', versions: [], comments: null,
      };
    }
  }
}

const monthSlots = new Map<string, number>();
const SLOTS_PER_COPY = 48;

/**
 * Copy `k` (0-based) of a record with its id rewritten into an id space no real or other
 * copied id uses, for the ×20 scaled benchmark. Each distinct YYMM of the input gets a slot
 * (in order of first appearance); copy k of slot i lands in month number k·48 + i counted from
 * 1501, so `2503.11731` and `2603.11731` never collide. 4-digit numbers are padded to 5.
 */
export function scaledCopy(o: SnapshotObject, k: number): SnapshotObject {
  const m = /^(\d{4})\.(\d{4,5})$/.exec(String(o['id']));
  if (!m) throw new Error(`cannot scale non-new-style id ${String(o['id'])}`);
  let slot = monthSlots.get(m[1]!);
  if (slot === undefined) {
    slot = monthSlots.size;
    if (slot >= SLOTS_PER_COPY) throw new Error(`more than ${SLOTS_PER_COPY} distinct YYMM prefixes; cannot scale`);
    monthSlots.set(m[1]!, slot);
  }
  const month = k * SLOTS_PER_COPY + slot; // 0 = 2015-01
  const yymm = `${15 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
  if (Number(yymm) > 9912) throw new Error(`copy ${k} does not fit in the new-style id space`);
  return { ...o, id: `${yymm}.${m[2]!.padStart(5, '0')}` };
}

/** Writes objects as JSON lines to `path`; returns how many were written. */
export async function writeJsonl(objects: AsyncIterable<SnapshotObject>, path: string): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  for await (const o of objects) {
    if (!out.write(`${JSON.stringify(o)}\n`)) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}
