import { findArxivId } from '../../core/arxiv-id.js';
import { joinNameParts, splitAuthorList } from '../../core/author-name.js';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import type { AuthorName, PaperRecord, PaperVersion } from '../../core/paper.js';
import {
  attr, authorFrom, categoryList, child, children, cleanText, createXmlParser, isElement, isoDay, parseXml, textOf, utcIso,
  type XmlElement, type XmlValue,
} from '../arxiv-common/arxiv-xml.js';

/**
 * Parser for one page of an arXiv OAI-PMH `ListRecords` response, in either of arXiv's
 * metadata formats:
 *
 * - `arXiv`: authors split into keyname/forenames/suffix, but only the `created` and
 *   `updated` dates, not the versions. Records get just v1 (dated `created`, day only);
 *   `updated` does not say which version it was, so it is not turned into one.
 * - `arXivRaw`: every `<version version="vN">` with its RFC 2822 submission time, and the
 *   authors as one string. Use this prefix when version history matters.
 *
 * Metadata elements are matched by local name (recorded pages have lost the arXiv
 * namespace). Titles, abstracts and other text fields have their whitespace collapsed.
 */

/** What one `ListRecords` page holds. */
export interface ListRecordsPage {
  /** Records that parsed, in page order. */
  records: PaperRecord[];
  /** Records that did not (`record oai:arXiv.org:0704.0001`, or `record #N` without an identifier). */
  failures: RecordFailure[];
  /** Versionless arXiv ids of records whose header has `status="deleted"`. */
  deletedIds: string[];
  /** Token for the next page; null when the list is complete (no token, or an empty one). */
  resumptionToken: string | null;
  /** `completeListSize` of the resumption token: records in the whole list, when the server says. */
  completeListSize?: number;
  /** `cursor` of the resumption token: records returned before this page, when the server says. */
  cursor?: number;
}

/** OAI-PMH error codes caused by the request, and the request field each points at. */
const REQUEST_ERRORS: Record<string, string> = {
  badArgument: 'request',
  badVerb: 'verb',
  badResumptionToken: 'resumptionToken',
  cannotDisseminateFormat: 'metadataPrefix',
  noSetHierarchy: 'set',
};

const parser = createXmlParser(['record', 'setSpec', 'author', 'affiliation', 'version', 'error']);

/**
 * Parses one `ListRecords` response. A record with a missing or invalid id, title or
 * categories becomes a failure and the rest of the page is kept. The OAI error
 * `noRecordsMatch` is an empty, complete list. Other OAI errors throw: ValidationError
 * for those caused by the request (`badResumptionToken`, `badArgument`, …, the code in the
 * message), SourceError for the rest and for a response that is not OAI-PMH at all.
 */
export function parseListRecordsPage(xml: string): ListRecordsPage {
  const root = child(parseXml(parser, xml, 'OAI-PMH response'), 'OAI-PMH');
  if (!isElement(root)) throw new SourceError('response is not OAI-PMH: no <OAI-PMH> root element');
  const errors = children(root, 'error');
  if (errors.length > 0) return emptyListOrThrow(errors);
  const list = child(root, 'ListRecords');
  if (list === undefined) throw new SourceError('OAI-PMH response has neither <ListRecords> nor <error>');
  const page: ListRecordsPage = { records: [], failures: [], deletedIds: [], ...readToken(child(list, 'resumptionToken')) };
  children(list, 'record').forEach((rec, i) => addRecord(page, rec, i));
  return page;
}

function emptyListOrThrow(errors: XmlValue[]): ListRecordsPage {
  for (const e of errors) {
    const code = attr(e, 'code') ?? 'unknown';
    if (code === 'noRecordsMatch') continue;
    const text = `OAI-PMH error ${code}: ${cleanText(e) ?? '(no message)'}`;
    const field = REQUEST_ERRORS[code];
    throw field ? new ValidationError(field, text) : new SourceError(text);
  }
  return { records: [], failures: [], deletedIds: [], resumptionToken: null };
}

function readToken(node: XmlValue): Pick<ListRecordsPage, 'resumptionToken' | 'completeListSize' | 'cursor'> {
  const token = textOf(node)?.trim();
  const out: Pick<ListRecordsPage, 'resumptionToken' | 'completeListSize' | 'cursor'> = { resumptionToken: token ? token : null };
  const size = toCount(attr(node, 'completeListSize'));
  const cursor = toCount(attr(node, 'cursor'));
  if (size !== undefined) out.completeListSize = size;
  if (cursor !== undefined) out.cursor = cursor;
  return out;
}

function toCount(s: string | undefined): number | undefined {
  return s !== undefined && /^\d+$/.test(s.trim()) ? Number(s) : undefined;
}

function addRecord(page: ListRecordsPage, rec: XmlValue, index: number): void {
  const header = child(rec, 'header');
  const identifier = textOf(child(header, 'identifier'))?.trim();
  const position = identifier ? `record ${identifier}` : `record #${index + 1}`;
  if (attr(header, 'status') === 'deleted') {
    const id = identifier ? findArxivId(identifier) : undefined;
    if (id) page.deletedIds.push(id.id);
    else page.failures.push({ position, reason: 'deleted record without a valid arXiv identifier' });
    return;
  }
  const result = readRecord(header, child(rec, 'metadata'));
  if (typeof result === 'string') page.failures.push({ position, reason: result });
  else page.records.push(result);
}

/** The record, or the reason it cannot be read. */
function readRecord(header: XmlValue, metadata: XmlValue): PaperRecord | string {
  const format = metadataFormat(metadata);
  if (!format) return 'no <arXiv> or <arXivRaw> metadata';
  const m = format.element;
  const rawId = textOf(child(m, 'id'))?.trim();
  const id = rawId ? findArxivId(rawId) : undefined;
  if (!id) return rawId ? `invalid arXiv id ${JSON.stringify(rawId)} in <id>` : 'missing <id>';
  const title = cleanText(child(m, 'title'));
  if (!title) return 'missing <title>';
  const categories = categoryList([textOf(child(m, 'categories'))]);
  if (categories.length === 0) return 'missing <categories>';
  const versions = format.raw ? rawVersions(m) : [...createdVersion(m)];
  if (typeof versions === 'string') return versions;
  return {
    arxivId: id.id,
    title,
    abstract: cleanText(child(m, 'abstract')) ?? '',
    authors: format.raw ? rawAuthors(m) : partsAuthors(m),
    categories,
    comments: cleanText(child(m, 'comments')),
    journalRef: cleanText(child(m, 'journal-ref')),
    doi: cleanText(child(m, 'doi')),
    license: cleanText(child(m, 'license')),
    reportNo: cleanText(child(m, 'report-no')),
    versions,
    firstListed: null,
    updated: isoDay(textOf(child(header, 'datestamp'))) ?? null,
  };
}

function metadataFormat(metadata: XmlValue): { element: XmlElement; raw: boolean } | undefined {
  const raw = child(metadata, 'arXivRaw');
  if (isElement(raw)) return { element: raw, raw: true };
  const plain = child(metadata, 'arXiv');
  return isElement(plain) ? { element: plain, raw: false } : undefined;
}

function partsAuthors(m: XmlElement): AuthorName[] {
  const out: AuthorName[] = [];
  for (const a of children(child(m, 'authors'), 'author')) {
    const keyname = textOf(child(a, 'keyname'));
    const author = keyname ? authorFrom(joinNameParts(keyname, textOf(child(a, 'forenames')), textOf(child(a, 'suffix')))) : undefined;
    if (author) out.push(author);
  }
  return out;
}

function rawAuthors(m: XmlElement): AuthorName[] {
  const out: AuthorName[] = [];
  for (const name of splitAuthorList(textOf(child(m, 'authors')) ?? '')) {
    const author = authorFrom(name);
    if (author) out.push(author);
  }
  return out;
}

/** `arXiv` format: v1 at the `created` date, when there is one. */
function createdVersion(m: XmlElement): PaperVersion[] {
  const created = isoDay(textOf(child(m, 'created')));
  return created ? [{ version: 1, createdAt: created }] : [];
}

/** `arXivRaw` format: every `<version version="vN"><date>…</date>`, ascending; or why one is unreadable. */
function rawVersions(m: XmlElement): PaperVersion[] | string {
  const byNumber = new Map<number, string>();
  for (const v of children(m, 'version')) {
    const label = attr(v, 'version')?.trim() ?? '';
    const number = /^v(\d+)$/.exec(label)?.[1];
    if (!number) return `invalid version label ${JSON.stringify(label)}`;
    const date = textOf(child(v, 'date'))?.trim() ?? '';
    const ms = parseRfc2822Date(date);
    if (ms === undefined) return `unreadable date ${JSON.stringify(date)} for ${label}`;
    byNumber.set(Number(number), utcIso(ms));
  }
  return [...byNumber].sort((a, b) => a[0] - b[0]).map(([version, createdAt]) => ({ version, createdAt }));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UT|UTC|Z|[+-]\d{4})?$/;

/**
 * Parses an RFC 2822 date as arXivRaw writes them (`Mon, 2 Apr 2007 19:18:42 GMT`) into
 * milliseconds since the epoch. A missing zone means UTC. Undefined when `s` is not one.
 */
export function parseRfc2822Date(s: string): number | undefined {
  const m = RFC2822.exec(s.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return undefined;
  const zone = m[7] ?? 'GMT';
  const offsetMin = /^[+-]/.test(zone) ? Number(zone.slice(0, 1) + '1') * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) : 0;
  const ms = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return ms - offsetMin * 60_000;
}
