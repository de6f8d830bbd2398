import { findArxivId } from '../../core/arxiv-id.js';
import type { CitationEdge, PaperRef } from '../../core/citation.js';
import type { RecordFailure } from '../../core/ingest-report.js';

/**
 * Pure parsing of one edge-list line: `citing<TAB>cited` or `citing,cited`. No I/O here;
 * `citation-file.source.ts` streams the file and feeds lines in.
 */

/** Field separator of an edge-list file: a tab (TSV) or a comma (CSV). */
export type EdgeDelimiter = '\t' | ',';

/** What one data line became: an edge, or a failure with its line number and reason. */
export type EdgeLineResult =
  | { ok: true; edge: CitationEdge }
  | { ok: false; failure: RecordFailure };

const DOI = /^10\.[^\s/]+\/\S+$/;
const DOI_PREFIX = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i;

/**
 * Picks the delimiter from a line: tab when the line has one, else comma when it has one,
 * else tab (the line then fails as having the wrong number of fields, with a clear reason).
 */
export function detectDelimiter(line: string): EdgeDelimiter {
  if (line.includes('\t')) return '\t';
  return line.includes(',') ? ',' : '\t';
}

/** True for lines that carry no data: blank lines and `#` comments. */
export function isIgnorableLine(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

/**
 * Splits a line into trimmed fields. CSV fields may be double-quoted (`"a,b"`, `""` for a
 * quote); TSV is split on tabs as is.
 */
export function splitFields(line: string, delimiter: EdgeDelimiter): string[] {
  if (delimiter === '\t' || !line.includes('"')) return line.split(delimiter).map((f) => f.trim());
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { fields.push(field.trim()); field = ''; }
    else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/**
 * Turns one id from the file into a PaperRef: the versionless arXiv id when findArxivId
 * recognises it, `doi:<lowercased DOI>` when it looks like a DOI (`10.…/…`, optionally
 * spelled `doi:10.…` or as a doi.org URL), else undefined.
 */
export function parseEdgeId(raw: string): PaperRef | undefined {
  const arxiv = findArxivId(raw);
  if (arxiv) return arxiv.id;
  const doi = raw.trim().replace(DOI_PREFIX, '');
  return DOI.test(doi) ? `doi:${doi.toLowerCase()}` : undefined;
}

/**
 * True when `fields` is a header line (`citing_arxiv_id\tcited_arxiv_id`, `citing,cited`):
 * two fields, neither of them an id. Only the first non-comment line is ever tested.
 */
export function isHeaderLine(fields: readonly string[]): boolean {
  return fields.length === 2 && fields.every((f) => parseEdgeId(f) === undefined);
}

/**
 * Parses one data line (1-based `lineNumber`, for the failure position) into an edge whose
 * `source` is `sourceName`. Fails on a field count other than 2, an id that is neither an
 * arXiv id nor a DOI, and a self-citation (after normalisation, so `x` → `xv2` counts).
 */
export function parseEdgeLine(line: string, lineNumber: number, delimiter: EdgeDelimiter, sourceName: string): EdgeLineResult {
  const fail = (reason: string): EdgeLineResult => ({ ok: false, failure: { position: `line ${lineNumber}`, reason } });
  const fields = splitFields(line, delimiter);
  if (fields.length !== 2) {
    const sep = delimiter === '\t' ? 'a tab' : 'a comma';
    return fail(`expected 2 fields (citing, cited) separated by ${sep}, found ${fields.length}`);
  }
  const [rawCiting, rawCited] = fields as [string, string];
  const citing = parseEdgeId(rawCiting);
  if (!citing) return fail(`citing id ${quote(rawCiting)} is neither an arXiv id nor a DOI`);
  const cited = parseEdgeId(rawCited);
  if (!cited) return fail(`cited id ${quote(rawCited)} is neither an arXiv id nor a DOI`);
  if (citing === cited) return fail(`self-citation: ${citing} cites itself`);
  return { ok: true, edge: { kind: 'edge', citing, cited, source: sourceName } };
}

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}
