import { XMLParser } from 'fast-xml-parser';
import type { AuthorName } from '../../core/paper.js';
import { authorKey, decodeTexName } from '../../core/author-name.js';
import { SourceError } from '../../core/errors.js';
import { collapseWhitespace } from '../../core/text.js';

/**
 * Small helpers shared by the arXiv XML parsers (the API's Atom feeds and OAI-PMH pages):
 * one fast-xml-parser set-up, typed access to what it returns, and the text clean-ups
 * every arXiv field needs. Elements are addressed by local name: namespace prefixes are
 * removed, so `arxiv:doi` is `doi` and a namespace lost in re-serialisation does not matter.
 */

/** A parsed XML value as fast-xml-parser returns it: text, an element, or a repeated element. */
export type XmlValue = string | number | boolean | null | undefined | XmlElement | XmlValue[];

/** An element: children by local name, attributes as `@_name`, mixed text as `#text`. */
export interface XmlElement {
  [name: string]: XmlValue;
}

/**
 * A parser for arXiv responses. Tag values stay strings (`0704.0001` must not become a
 * number), attributes are kept, namespace prefixes are dropped, and numeric character
 * references (`&#233;`) are decoded as well as the five XML entities. `arrayTags` are the
 * local names that may repeat, which are then always arrays.
 */
export function createXmlParser(arrayTags: readonly string[]): XMLParser {
  const repeated = new Set(arrayTags);
  return new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Also enables numeric character references, which XML requires and fast-xml-parser v5 only decodes with this on.
    htmlEntities: true,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && repeated.has(name),
  });
}

/** Parses `xml` with `parser`; throws SourceError when it is not an XML document. */
export function parseXml(parser: XMLParser, xml: string, what: string): XmlElement {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    throw new SourceError(`${what} is not well-formed XML: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (!isElement(doc)) throw new SourceError(`${what} is not an XML document`);
  return doc;
}

/** Whether `v` is an element object (not text, not a list). */
export function isElement(v: unknown): v is XmlElement {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The child `name` of `v` (the raw value, possibly a list), or undefined. */
export function child(v: XmlValue, name: string): XmlValue {
  return isElement(v) ? v[name] : undefined;
}

/** Every child named `name` of `v`, as a list (empty when there is none). */
export function children(v: XmlValue, name: string): XmlValue[] {
  const c = child(v, name);
  if (c === undefined || c === null) return [];
  return Array.isArray(c) ? c : [c];
}

/** The attribute `name` of element `v`, or undefined. */
export function attr(v: XmlValue, name: string): string | undefined {
  return isElement(v) ? textOf(v[`@_${name}`]) : undefined;
}

/**
 * The text of `v`: a string as is, an element's `#text` (`""` for an element with none),
 * the first of a list. Undefined when `v` is absent.
 */
export function textOf(v: XmlValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length > 0 ? textOf(v[0]) : undefined;
  if (isElement(v)) return textOf(v['#text']) ?? '';
  return undefined;
}

/** The whitespace-collapsed text of `v`, or null when absent or blank. */
export function cleanText(v: XmlValue): string | null {
  const s = collapseWhitespace(textOf(v) ?? '');
  return s === '' ? null : s;
}

/**
 * An {@link AuthorName} from a name as arXiv wrote it: whitespace collapsed, TeX accents
 * decoded, keyed with {@link authorKey}. Undefined for a name with no letters or digits.
 * Decoding a name joinNameParts already decoded is deliberate: it changes nothing in a clean
 * name and finishes brace-wrapped accents (`J\{=}anis` → `J\=anis` → `Jānis`, arXiv 0705.3803).
 */
export function authorFrom(raw: string): AuthorName | undefined {
  const name = decodeTexName(collapseWhitespace(raw));
  const key = authorKey(name);
  return key ? { name, key } : undefined;
}

/** Splits whitespace-separated category lists and joins them in order, without duplicates. */
export function categoryList(lists: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const list of lists) for (const c of (list ?? '').split(/\s+/)) if (c) out.add(c);
  return [...out];
}

/** `ms` since the epoch as an ISO 8601 UTC string without milliseconds (`2007-04-02T19:18:42Z`). */
export function utcIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The `YYYY-MM-DD` at the start of `s` (a date or a timestamp), or undefined when there is none. */
export function isoDay(s: string | null | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec((s ?? '').trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
