import { findArxivId } from '../../core/arxiv-id.js';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import type { AuthorName, PaperRecord, PaperVersion } from '../../core/paper.js';
import { attr, authorFrom, categoryList, child, children, cleanText, createXmlParser, isElement, parseXml, textOf, utcIso, type XmlValue } from '../arxiv-common/arxiv-xml.js';

/**
 * Parser for the arXiv API's Atom feeds (`export.arxiv.org/api/query`). Each `<entry>`
 * is one paper at its latest version: `published` is v1's submission time and `updated`
 * the latest version's, so a v3 entry yields versions v1 and v3 (v2's date is not in the
 * feed). Elements are matched by local name (`arxiv:doi` → `doi`).
 */

/** What one API response holds. */
export interface ArxivAtomPage {
  /** Entries that parsed, in feed order. */
  records: PaperRecord[];
  /** Entries that did not (`entry http://arxiv.org/abs/…`, or `entry #N` without an id). */
  failures: RecordFailure[];
  /** `opensearch:totalResults`: how many results the whole query has. */
  totalResults: number;
  /** `opensearch:startIndex`: offset of this page's first entry. */
  startIndex: number;
  /** `opensearch:itemsPerPage`: the page size asked for. */
  itemsPerPage: number;
}

const parser = createXmlParser(['entry', 'author', 'category', 'link']);

/** Entry ids of the API's error feeds start with this. */
const ERROR_ID_PREFIX = 'http://arxiv.org/api/errors';

/**
 * Parses one Atom feed from the arXiv API. An entry with a missing or invalid id, title or
 * categories becomes a failure and the rest are kept. The API's error feed (an entry whose
 * id is `http://arxiv.org/api/errors#…`) throws ValidationError with the error's text; a
 * response that is not an Atom feed with opensearch counts throws SourceError.
 */
export function parseArxivAtom(xml: string): ArxivAtomPage {
  const feed = child(parseXml(parser, xml, 'arXiv API response'), 'feed');
  if (!isElement(feed)) throw new SourceError('arXiv API response is not an Atom feed: no <feed> root element');
  const entries = children(feed, 'entry');
  throwIfErrorFeed(entries);
  const page: ArxivAtomPage = {
    records: [], failures: [],
    totalResults: feedCount(feed, 'totalResults'), startIndex: feedCount(feed, 'startIndex'), itemsPerPage: feedCount(feed, 'itemsPerPage'),
  };
  entries.forEach((entry, i) => {
    const idText = textOf(child(entry, 'id'))?.trim();
    const result = readEntry(entry, idText);
    if (typeof result === 'string') page.failures.push({ position: idText ? `entry ${idText}` : `entry #${i + 1}`, reason: result });
    else page.records.push(result);
  });
  return page;
}

function throwIfErrorFeed(entries: XmlValue[]): void {
  for (const entry of entries) {
    if (textOf(child(entry, 'id'))?.trim().startsWith(ERROR_ID_PREFIX)) {
      throw new ValidationError('query', `arXiv API error: ${cleanText(child(entry, 'summary')) ?? 'no message'}`);
    }
  }
}

function feedCount(feed: XmlValue, name: string): number {
  const s = textOf(child(feed, name))?.trim() ?? '';
  if (!/^\d+$/.test(s)) throw new SourceError(`arXiv API feed has no numeric opensearch:${name}`);
  return Number(s);
}

/** The record, or the reason the entry cannot be read. */
function readEntry(entry: XmlValue, idText: string | undefined): PaperRecord | string {
  const id = idText ? findArxivId(idText) : undefined;
  if (!id) return idText ? `invalid arXiv id ${JSON.stringify(idText)} in <id>` : 'missing <id>';
  const title = cleanText(child(entry, 'title'));
  if (!title) return 'missing <title>';
  const categories = categoryList([attr(child(entry, 'primary_category'), 'term'), ...children(entry, 'category').map((c) => attr(c, 'term'))]);
  if (categories.length === 0) return 'missing <category>';
  const updated = atomTime(child(entry, 'updated'));
  return {
    arxivId: id.id,
    title,
    abstract: cleanText(child(entry, 'summary')) ?? '',
    authors: entryAuthors(entry),
    categories,
    comments: cleanText(child(entry, 'comment')),
    journalRef: cleanText(child(entry, 'journal_ref')),
    doi: cleanText(child(entry, 'doi')),
    license: null,
    reportNo: null,
    versions: entryVersions(id.version ?? 1, atomTime(child(entry, 'published')), updated),
    firstListed: null,
    updated: updated ? updated.slice(0, 10) : null,
  };
}

function entryAuthors(entry: XmlValue): AuthorName[] {
  const out: AuthorName[] = [];
  for (const a of children(entry, 'author')) {
    const author = authorFrom(textOf(child(a, 'name')) ?? '');
    if (author) out.push(author);
  }
  return out;
}

/** v1 at `published`; for a vN entry (N > 1) also vN at `updated`. */
function entryVersions(latest: number, published: string | undefined, updated: string | undefined): PaperVersion[] {
  const versions: PaperVersion[] = [];
  if (published) versions.push({ version: 1, createdAt: published });
  if (latest > 1 && updated) versions.push({ version: latest, createdAt: updated });
  return versions;
}

/** An Atom date-time (`2025-10-16T17:59:37Z`, any offset) as UTC ISO 8601, or undefined. */
function atomTime(v: XmlValue): string | undefined {
  const s = textOf(v)?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : utcIso(ms);
}
