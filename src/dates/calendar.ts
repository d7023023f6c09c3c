import type { ResolvedDate } from './types.ts';

/** A calendar date broken into parts; month and day are absent at coarser precision. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

const DAY_MS = 86_400_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: weekday year guesses call this sixty times per date. */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!);
}

/** Day number since the epoch (UTC), for day arithmetic without time zones. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return weekdayOfDayNumber(dayNumber(year, month, day));
}

/** Weekday of a day number; day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function fromDayNumber(n: number): Required<DateParts> {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function dayIso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function toResolved(parts: DateParts): ResolvedDate {
  if (parts.month === undefined) return { iso: pad(parts.year, 4), precision: 'year' };
  if (parts.day === undefined) return { iso: `${pad(parts.year, 4)}-${pad(parts.month)}`, precision: 'month' };
  return { iso: dayIso(parts.year, parts.month, parts.day), precision: 'day' };
}

const ISO_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parts of a ResolvedDate's iso; null if the iso is malformed. */
export function partsOf(date: ResolvedDate): DateParts | null {
  const m = ISO_SHAPE.exec(date.iso.slice(0, 10));
  if (!m) return null;
  const parts: DateParts = { year: Number(m[1]) };
  if (m[2] !== undefined && date.precision !== 'year') parts.month = Number(m[2]);
  if (m[3] !== undefined && date.precision === 'day') parts.day = Number(m[3]);
  return parts;
}

/** First and last day covered by a date of any precision, as ISO day strings. */
export function spanOf(date: ResolvedDate): { from: string; to: string } {
  const p = partsOf(date);
  if (!p) return { from: date.iso, to: date.iso };
  const fromMonth = p.month ?? 1;
  const toMonth = p.month ?? 12;
  const lastDay = new Date(Date.UTC(p.year, toMonth, 0)).getUTCDate();
  return { from: dayIso(p.year, fromMonth, p.day ?? 1), to: dayIso(p.year, toMonth, p.day ?? lastDay) };
}
