import { ValidationError } from './errors.js';

/**
 * Feed periods: a day (`2025-03-18`), an ISO-8601 week (`2025-W12`, Monday to Sunday) or a
 * month (`2025-03`), each with its inclusive `YYYY-MM-DD` date range. Labels are parsed
 * strictly, so one period has exactly one label (no `2025-3`, no `2025-W7`, no `2025-02-30`).
 * All arithmetic is on UTC calendar dates; arXiv listing dates carry no time zone.
 */

/** How long a feed period is. */
export type FeedKind = 'daily' | 'weekly' | 'monthly';

/** Every feed kind, in menu order. */
export const FEED_KINDS: readonly FeedKind[] = Object.freeze(['daily', 'weekly', 'monthly']);

/** One feed period: its kind, canonical label and inclusive date range. */
export interface FeedPeriod {
  kind: FeedKind;
  /** `2025-03-18`, `2025-W12` or `2025-03`. */
  label: string;
  /** First and last `YYYY-MM-DD` of the period, inclusive. */
  from: string;
  to: string;
}

/** An ISO-8601 week: the ISO week-numbering year and the week number (1–53). */
export interface IsoWeek {
  year: number;
  week: number;
}

const DAY_MS = 86_400_000;
const DATE_LABEL = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_LABEL = /^(\d{4})-W(\d{2})$/;
const MONTH_LABEL = /^(\d{4})-(\d{2})$/;

/** True when `kind` is one of {@link FEED_KINDS}. */
export function isFeedKind(kind: string): kind is FeedKind {
  return (FEED_KINDS as readonly string[]).includes(kind);
}

/**
 * Parses a period label of `kind` strictly. Throws a ValidationError naming `field` when the
 * label is malformed or names no real period (`2025-02-29`, `2025-W53`, `2025-13`).
 */
export function parseFeedPeriod(kind: FeedKind, label: string, field = 'label'): FeedPeriod {
  if (kind === 'daily') return dayPeriod(parseDateOrThrow(label, field));
  if (kind === 'weekly') return weekPeriod(parseWeekOrThrow(label, field));
  return monthPeriod(parseMonthOrThrow(label, field));
}

/** The period of `kind` that contains `date` (`YYYY-MM-DD`; ValidationError naming `field` otherwise). */
export function feedPeriodOf(kind: FeedKind, date: string, field = 'date'): FeedPeriod {
  const d = parseDateOrThrow(date, field);
  if (kind === 'daily') return dayPeriod(d);
  if (kind === 'weekly') return weekPeriod(isoWeekOf(d));
  return monthPeriod({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 });
}

/** The ISO-8601 week containing `date`: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: Date): IsoWeek {
  const thursday = addDays(date, 3 - mondayIndex(date));
  const year = thursday.getUTCFullYear();
  return { year, week: Math.floor((thursday.getTime() - utcDate(year, 1, 1).getTime()) / (7 * DAY_MS)) + 1 };
}

/** The Monday that starts ISO week `week` of ISO year `year` (2025-W01 starts 2024-12-30). */
export function isoWeekStart(year: number, week: number): Date {
  const jan4 = utcDate(year, 1, 4); // always in week 1
  return addDays(jan4, (week - 1) * 7 - mondayIndex(jan4));
}

/** Number of ISO weeks in ISO year `year`: 53 when it starts or (leap years) ends on a Thursday, else 52. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(utcDate(year, 12, 28)).week;
}

/** `YYYY-MM-DD` of a UTC date. */
export function formatDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Parses a real calendar date `YYYY-MM-DD` to UTC midnight; ValidationError naming `field` otherwise. */
export function parseDateOrThrow(label: string, field = 'date'): Date {
  const m = DATE_LABEL.exec(label);
  const d = m ? utcDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  if (!m || !d || formatDate(d) !== label || Number(m[1]) < 1) {
    throw new ValidationError(field, `not a real date of the form YYYY-MM-DD: ${quote(label)}`);
  }
  return d;
}

function parseWeekOrThrow(label: string, field: string): IsoWeek {
  const m = WEEK_LABEL.exec(label);
  const year = Number(m?.[1]);
  const week = Number(m?.[2]);
  if (!m || year < 1 || week < 1 || week > isoWeeksInYear(year)) {
    throw new ValidationError(field, `not an ISO week of the form YYYY-Www (W01–W52, or W53 in 53-week years): ${quote(label)}`);
  }
  return { year, week };
}

function parseMonthOrThrow(label: string, field: string): { year: number; month: number } {
  const m = MONTH_LABEL.exec(label);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  if (!m || year < 1 || month < 1 || month > 12) throw new ValidationError(field, `not a month of the form YYYY-MM: ${quote(label)}`);
  return { year, month };
}

function dayPeriod(d: Date): FeedPeriod {
  const label = formatDate(d);
  return { kind: 'daily', label, from: label, to: label };
}

function weekPeriod(w: IsoWeek): FeedPeriod {
  const monday = isoWeekStart(w.year, w.week);
  return { kind: 'weekly', label: `${pad(w.year, 4)}-W${pad(w.week, 2)}`, from: formatDate(monday), to: formatDate(addDays(monday, 6)) };
}

function monthPeriod(m: { year: number; month: number }): FeedPeriod {
  // Day 0 of the next month is the last day of this one.
  const last = utcDate(m.year, m.month + 1, 0);
  return { kind: 'monthly', label: `${pad(m.year, 4)}-${pad(m.month, 2)}`, from: formatDate(utcDate(m.year, m.month, 1)), to: formatDate(last) };
}

/** UTC midnight of a calendar date; out-of-range months and days roll over as in `Date.UTC`, years below 100 stay literal. */
function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** 0 for Monday … 6 for Sunday. */
function mondayIndex(d: Date): number {
  return (d.getUTCDay() + 6) % 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function quote(s: string): string {
  return JSON.stringify(s.slice(0, 40));
}
