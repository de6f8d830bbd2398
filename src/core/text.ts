/** Collapses every run of whitespace (including arXiv's hard line breaks) to one space and trims. */
export function collapseWhitespace(s: string): string {
  // Same result as replace(/\s+/g, ' '), but single spaces (most of the text) are not matched.
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** A trimmed non-empty string, or null for null, undefined or blank input. */
export function optionalText(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = collapseWhitespace(s);
  return t === '' ? null : t;
}

/**
 * Converts an RFC 2822 date (`Mon, 2 Apr 2007 19:18:42 GMT`) or ISO date to ISO 8601 UTC with
 * whole seconds (`2007-04-02T19:18:42Z`), the one timestamp format the store holds; undefined
 * if unparseable.
 */
export function toIsoTime(s: string): string | undefined {
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** True for a real calendar date written `YYYY-MM-DD` (proleptic Gregorian, years 0000–9999). */
export function isIsoDate(s: string): boolean {
  // Arithmetic, not Date: ingest checks two dates per record, and Date parsing was 3 % of it.
  if (s.length !== 10 || !ISO_DATE.test(s)) return false;
  const y = Number(s.slice(0, 4)), m = Number(s.slice(5, 7)), d = Number(s.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
