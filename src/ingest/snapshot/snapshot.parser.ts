import { findArxivId } from '../../core/arxiv-id.js';
import { authorKey, decodeTexName, joinNameParts, splitAuthorList } from '../../core/author-name.js';
import { ValidationError } from '../../core/errors.js';
import type { AuthorName, PaperRecord, PaperVersion } from '../../core/paper.js';
import { collapseWhitespace, isIsoDate, optionalText, toIsoTime } from '../../core/text.js';

/**
 * Parser for the arXiv metadata snapshot (Kaggle "arxiv-metadata-oai-snapshot" JSON lines).
 * Fields: id, submitter, authors, title, comments, journal-ref, doi, report-no, categories
 * (space-separated, primary first), license, abstract, versions [{version, created}],
 * update_date, authors_parsed [[keyname, forenames, suffix]].
 *
 * One Papersift extension is read when present: `first_listed` (`YYYY-MM-DD`), the day the
 * paper first appeared in an arXiv listing, which the snapshot itself does not carry.
 */

type Json = Record<string, unknown>;

// arXiv category ids: `cs.LG`, `hep-th`, `physics.optics`, `astro-ph.GA`. Rejects ACM/MSC codes
// (`I.2.7`, `68T05`) that some scraped listings mix into the categories.
const CATEGORY = /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/;

/** Parses one JSON line; throws ValidationError naming the bad field. */
export function parseSnapshotLine(line: string): PaperRecord {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    throw new ValidationError('json', (err as Error).message);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new ValidationError('json', 'not a JSON object');
  return parseSnapshotObject(obj as Json);
}

/** Parses one snapshot object (already JSON-decoded). */
export function parseSnapshotObject(o: Json): PaperRecord {
  const idRaw = o['id'];
  if (typeof idRaw !== 'string') throw new ValidationError('id', 'missing');
  const parsed = findArxivId(idRaw);
  if (!parsed) throw new ValidationError('id', `not an arXiv id: ${JSON.stringify(idRaw.slice(0, 60))}`);
  const title = requiredText(o, 'title');
  const abstract = typeof o['abstract'] === 'string' ? collapseWhitespace(o['abstract']) : '';
  const firstListed = optionalText(o['first_listed']);
  if (firstListed && !isIsoDate(firstListed)) throw new ValidationError('first_listed', `not a YYYY-MM-DD date: ${firstListed}`);
  const updated = optionalText(o['update_date']);
  return {
    arxivId: parsed.id,
    title,
    abstract,
    authors: parseAuthors(o),
    categories: parseCategories(o['categories']),
    comments: optionalText(o['comments']),
    journalRef: optionalText(o['journal-ref']),
    doi: optionalText(o['doi']),
    license: optionalText(o['license']),
    reportNo: optionalText(o['report-no']),
    versions: parseVersions(o['versions']),
    firstListed,
    updated: updated && isIsoDate(updated) ? updated : null,
  };
}

function requiredText(o: Json, field: string): string {
  const v = o[field];
  if (typeof v !== 'string' || v.trim() === '') throw new ValidationError(field, 'missing or empty');
  return collapseWhitespace(v);
}

function parseAuthors(o: Json): AuthorName[] {
  const parsed = o['authors_parsed'];
  let names: string[];
  if (Array.isArray(parsed) && parsed.length > 0) {
    names = parsed.map((p, i) => {
      if (!Array.isArray(p) || typeof p[0] !== 'string') throw new ValidationError(`authors_parsed[${i}]`, 'expected [keyname, forenames, suffix]');
      return joinNameParts(p[0], p[1] as string | undefined, p[2] as string | undefined);
    });
  } else if (typeof o['authors'] === 'string') {
    names = splitAuthorList(o['authors']).map(decodeTexName);
  } else if (Array.isArray(o['authors'])) {
    names = o['authors'].filter((a): a is string => typeof a === 'string').map((a) => decodeTexName(a.trim()));
  } else {
    throw new ValidationError('authors', 'missing');
  }
  const authors = names.map((name) => ({ name, key: authorKey(name) })).filter((a) => a.key !== '');
  if (authors.length === 0) throw new ValidationError('authors', 'no author names');
  return authors;
}

function parseCategories(v: unknown): string[] {
  const tokens = typeof v === 'string' ? v.split(/[\s,]+/) : Array.isArray(v) ? v.flatMap((x) => (typeof x === 'string' ? x.split(/[\s,]+/) : [])) : undefined;
  if (!tokens) throw new ValidationError('categories', 'missing');
  const cats = [...new Set(tokens.filter((t) => CATEGORY.test(t)))];
  if (cats.length === 0) throw new ValidationError('categories', `no arXiv category in ${JSON.stringify(v).slice(0, 80)}`);
  return cats;
}

function parseVersions(v: unknown): PaperVersion[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ValidationError('versions', 'expected an array');
  const out = v.map((x: unknown, i): PaperVersion => {
    const { version, created } = (x ?? {}) as { version?: unknown; created?: unknown };
    const n = typeof version === 'string' ? /^v(\d+)$/.exec(version)?.[1] : undefined;
    if (!n) throw new ValidationError(`versions[${i}].version`, `expected "v<N>", got ${JSON.stringify(version)}`);
    const at = typeof created === 'string' ? toIsoTime(created) : undefined;
    if (!at) throw new ValidationError(`versions[${i}].created`, `not a date: ${JSON.stringify(created)}`);
    return { version: Number(n), createdAt: at };
  });
  return out.sort((a, b) => a.version - b.version);
}
