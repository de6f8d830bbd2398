/**
 * Dates as the views show them. Every function takes the current time as an argument (never
 * reads the clock) and works in UTC, so output is the same on every server and in tests.
 * Period arithmetic (ISO weeks, previous/next day) belongs to the services, which hand the
 * views ready-made labels and ranges; this module only formats.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A calendar date split into numbers; `month` is 1–12. */
interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Parses the `YYYY-MM-DD` prefix of a date or ISO timestamp; undefined when it has none. */
export function parseYmd(iso: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day };
}

/**
 * The date on a paper card, as on the seed pages: `Apr 15` within the current (UTC) year,
 * `Dec 16, 2022` otherwise. Returns the input unchanged when it is not a date.
 */
export function formatCardDate(iso: string, now: Date): string {
  const d = parseYmd(iso);
  if (!d) return iso;
  const short = `${MONTHS[d.month - 1]} ${d.day}`;
  return d.year === now.getUTCFullYear() ? short : `${short}, ${d.year}`;
}

/** A full date for page bodies: `Apr 2, 2007` (always with the year). */
export function formatDate(iso: string): string {
  const d = parseYmd(iso);
  return d ? `${MONTHS[d.month - 1]} ${d.day}, ${d.year}` : iso;
}

/** A day as a heading: `Tuesday, March 18, 2025`. */
export function formatDayHeading(iso: string): string {
  const d = parseYmd(iso);
  if (!d) return iso;
  const weekday = WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${weekday}, ${LONG_MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
}

/** A month label (`2025-03`) as a heading: `March 2025`. */
export function formatMonthHeading(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  const month = m ? LONG_MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : label;
}

/** An ISO week label (`2025-W12`) as a heading: `Week 12, 2025`. */
export function formatWeekHeading(label: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  return m ? `Week ${Number(m[2])}, ${m[1]}` : label;
}

/**
 * An inclusive date range, shortened where the ends share a year or month:
 * `Mar 17 – 23, 2025`, `Mar 31 – Apr 6, 2025`, `Dec 29, 2025 – Jan 4, 2026`; one day → `Mar 18, 2025`.
 */
export function formatRange(from: string, to: string): string {
  const a = parseYmd(from);
  const b = parseYmd(to);
  if (!a || !b) return `${from} – ${to}`;
  if (from.slice(0, 10) === to.slice(0, 10)) return formatDate(from);
  if (a.year !== b.year) return `${formatDate(from)} – ${formatDate(to)}`;
  if (a.month !== b.month) return `${MONTHS[a.month - 1]} ${a.day} – ${MONTHS[b.month - 1]} ${b.day}, ${b.year}`;
  return `${MONTHS[a.month - 1]} ${a.day} – ${b.day}, ${b.year}`;
}
