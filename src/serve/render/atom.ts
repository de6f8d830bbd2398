import type { PaperCard } from '../../services/read-models.js';
import { arxivAbsUrl, paperPath } from '../urls.js';

/**
 * An Atom 1.0 (RFC 4287) feed writer. Every text and attribute value is XML-escaped, and
 * characters XML 1.0 forbids (control characters, lone surrogates) are dropped, so any paper
 * text yields a well-formed document.
 */

/** One `<entry>`. */
export interface AtomEntry {
  /** A permanent, globally unique IRI; for papers, the arXiv abstract URL. */
  id: string;
  title: string;
  /** Absolute URL of the entry's page (`rel="alternate"`). */
  link: string;
  /** RFC 3339 time (`2025-03-18T00:00:00Z`), or a `YYYY-MM-DD` date (read as midnight UTC). */
  updated: string;
  published?: string;
  authors: string[];
  /** Plain text (abstracts keep their TeX source). */
  summary: string;
  /** Category terms; `label` is the human name. */
  categories: { term: string; label?: string }[];
}

/** A whole feed. */
export interface AtomFeed {
  /** A permanent IRI for the feed, usually its own absolute URL. */
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339 time or `YYYY-MM-DD`; defaults to the newest entry's `updated`. */
  updated?: string;
  /** The feed's own absolute URL (`rel="self"`). */
  selfLink: string;
  /** Absolute URL of the HTML page the feed mirrors (`rel="alternate"`). */
  alternateLink: string;
  entries: AtomEntry[];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attributes, dropping characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!);
}

/** An RFC 3339 timestamp from a `YYYY-MM-DD` date or an ISO time (returned unchanged). */
export function atomTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

/** Serialises a feed as an XML document (UTF-8). */
export function renderAtom(feed: AtomFeed): string {
  const updated = feed.updated ?? newest(feed.entries) ?? '1970-01-01';
  const head = [
    `<id>${escapeXml(feed.id)}</id>`,
    `<title>${escapeXml(feed.title)}</title>`,
    feed.subtitle ? `<subtitle>${escapeXml(feed.subtitle)}</subtitle>` : '',
    `<updated>${escapeXml(atomTime(updated))}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfLink)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.alternateLink)}"/>`,
    '<generator>Papersift</generator>',
  ].filter(Boolean);
  const body = [...head, ...feed.entries.map(renderEntry)].map((l) => `  ${l}`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${body}\n</feed>\n`;
}

function newest(entries: AtomEntry[]): string | undefined {
  let best: string | undefined;
  for (const e of entries) if (!best || atomTime(e.updated) > atomTime(best)) best = e.updated;
  return best;
}

function renderEntry(e: AtomEntry): string {
  const lines = [
    `<id>${escapeXml(e.id)}</id>`,
    `<title type="text">${escapeXml(e.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    `<updated>${escapeXml(atomTime(e.updated))}</updated>`,
    e.published ? `<published>${escapeXml(atomTime(e.published))}</published>` : '',
    ...e.authors.map((name) => `<author><name>${escapeXml(name)}</name></author>`),
    ...e.categories.map((c) => `<category term="${escapeXml(c.term)}"${c.label ? ` label="${escapeXml(c.label)}"` : ''}/>`),
    `<summary type="text">${escapeXml(e.summary)}</summary>`,
  ].filter(Boolean);
  return `<entry>\n${lines.map((l) => `    ${l}`).join('\n')}\n  </entry>`;
}

/**
 * A paper card as an entry: id is the arXiv abstract URL (stable whatever host serves the
 * feed), link is the paper's page on this site, `baseUrl` its origin (`https://papersift.example`).
 * Cards without a date use `fallbackDate` (`YYYY-MM-DD` or RFC 3339).
 */
export function paperCardToAtomEntry(card: PaperCard, baseUrl: string, fallbackDate: string, categoryLabel?: (id: string) => string | undefined): AtomEntry {
  const date = card.date ?? fallbackDate;
  return {
    id: arxivAbsUrl(card.arxivId),
    title: card.title,
    link: new URL(paperPath(card.arxivId), baseUrl).href,
    updated: date,
    published: date,
    authors: card.authors.map((a) => a.name),
    summary: card.abstract,
    categories: card.categories.map((term) => {
      const label = categoryLabel?.(term);
      return label ? { term, label } : { term };
    }),
  };
}
