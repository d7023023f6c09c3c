import { zoneName } from './zones.ts';
import type { DateMention, DateResolution, ResolvedDate } from './types.ts';
import {
  dayIso,
  dayNumber,
  fromDayNumber,
  weekdayOfDayNumber,
  isValidDay,
  partsOf,
  spanOf,
  toResolved,
  weekdayOf,
  type DateParts,
} from './calendar.ts';
import { isFutureContext } from './context.ts';
import { MONTHS, WEEKDAYS } from './names.ts';
import { BEFORE, DAY_BEFORE_YEAR, NUMBER_WORDS, PATTERNS, before, type Groups } from './patterns.ts';

/*
 * Every match of a pattern (./patterns.ts) is read into a resolved candidate or rejected; overlaps
 * are then settled: the earliest start wins, the longest among equal starts.
 */

export interface FindDatesOptions {
  /** "Now", for years chosen by weekday when there is no reference. Default: the clock. */
  today?: Date;
}

interface Context {
  text: string;
  reference: DateParts | null;
  today: Date;
}

interface Candidate {
  start: number;
  end: number;
  date: ResolvedDate;
  resolution: DateResolution;
  time?: string;
  range?: { from: string; to: string };
}

/** "10:01", "06:32 WIB": a time of day as every date mention gives it ("T10:00+07:00" too: "10:00 WIB"). */
export function formatTime(g: Groups): string | undefined {
  if (g.hh === undefined || g.mm === undefined) return undefined;
  const time = `${g.hh.padStart(2, '0')}:${g.mm}`;
  return g.tz ? `${time} ${zoneName(g.tz)}` : time;
}

function fullYear(raw: string): number {
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

function monthNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTHS.get(name.toLowerCase());
}

function weekdayNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : WEEKDAYS.get(name.toLowerCase());
}

/** Day number of a reference, at its start for coarser precision. */
function referenceDay(ref: DateParts): number {
  return dayNumber(ref.year, ref.month ?? 1, ref.day ?? 1);
}

/**
 * The year in which day/month falls on the stated weekday, nearest the anchor. Later dates cost
 * four times more than earlier ones: news reports what happened, rarely what will.
 */
function yearByWeekday(month: number, day: number, weekday: number, anchor: number): number | null {
  const anchorYear = fromDayNumber(anchor).year;
  let best: { year: number; cost: number } | null = null;
  for (let year = anchorYear - 30; year <= anchorYear + 30; year++) {
    if (!isValidDay(year, month, day) || weekdayOf(year, month, day) !== weekday) continue;
    const diff = dayNumber(year, month, day) - anchor;
    const cost = diff > 0 ? diff * 4 : -diff;
    if (!best || cost < best.cost) best = { year, cost };
  }
  return best?.year ?? null;
}

/** How far after the reference a yearless day still reads as upcoming rather than last year's. */
const UPCOMING_DAYS = 31;

/** A day and month with no year: by weekday if stated, else from the reference. */
function resolveYearless(
  ctx: Context,
  start: number,
  end: number,
  month: number,
  day: number,
  weekday: number | undefined,
): { parts: DateParts; resolution: DateResolution } | null {
  const ref = ctx.reference;
  if (weekday !== undefined) {
    const anchor = ref ? referenceDay(ref) : Math.floor(ctx.today.getTime() / 86_400_000);
    const year = yearByWeekday(month, day, weekday, anchor);
    // A weekday that fits no year near the reference is a typo; the reference is the better guide.
    if (year !== null && (!ref || Math.abs(dayNumber(year, month, day) - anchor) <= 366)) {
      return { parts: { year, month, day }, resolution: 'weekday' };
    }
  }
  if (!ref) return null;
  let year = ref.year;
  const later = ref.month !== undefined && (month > ref.month || (month === ref.month && ref.day !== undefined && day > ref.day));
  const future = isFutureContext(ctx.text, start, end);
  // A day a few weeks ahead is upcoming ("pada 9 September" written on 4 September); further ahead, last year's.
  const upcoming = later && (future || (ref.day !== undefined && dayNumber(ref.year, month, day) - referenceDay(ref) <= UPCOMING_DAYS));
  if (later && !upcoming) year -= 1;
  else if (!later && future && ref.month !== undefined && (month < ref.month || ref.day !== undefined)) year += 1;
  if (!isValidDay(year, month, day)) return null;
  return { parts: { year, month, day }, resolution: 'reference' };
}

/** A day-month(-year) candidate at text[start, m.end), with the weekday read before it, if any. */
function dayCandidate(
  ctx: Context,
  m: RegExpExecArray,
  yearRaw: string | undefined,
  month: number | undefined,
  dayRaw: string | undefined,
): Candidate | null {
  const g = m.groups as Groups;
  const weekday = before(ctx.text, m.index, BEFORE.weekday);
  const start = weekday?.at('wd') ?? m.index;
  const end = m.index + m[0].length;
  const day = Number(dayRaw);
  if (month === undefined || !(day >= 1 && day <= 31)) return null;
  let parts: DateParts;
  let resolution: DateResolution;
  if (yearRaw !== undefined) {
    parts = { year: fullYear(yearRaw), month, day };
    resolution = 'explicit';
    if (!isValidDay(parts.year, month, day)) return null;
  } else {
    const resolved = resolveYearless(ctx, start, end, month, day, weekdayNumber(weekday?.groups.wd));
    if (!resolved) return null;
    ({ parts, resolution } = resolved);
  }
  const time = formatTime(g);
  return { start, end: trimmedEnd(ctx.text, start, end), date: toResolved(parts), resolution, ...(time ? { time } : {}) };
}

/** End of a match without trailing blanks or a dangling comma. */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,]/.test(text[e - 1]!)) e--;
  return e;
}

function isCapitalized(word: string): boolean {
  const first = word[0]!;
  return first !== first.toLowerCase();
}

/** Previous/next week as Monday..Sunday, shown as the month of its Thursday. */
function weekCandidate(refDay: number, weeksBack: number): Pick<Candidate, 'date' | 'range'> {
  const sinceMonday = (weekdayOfDayNumber(refDay) + 6) % 7;
  const monday = refDay - sinceMonday - weeksBack * 7;
  const thursday = fromDayNumber(monday + 3);
  const from = fromDayNumber(monday);
  const to = fromDayNumber(monday + 6);
  return {
    date: toResolved({ year: thursday.year, month: thursday.month }),
    range: { from: dayIso(from.year, from.month, from.day), to: dayIso(to.year, to.month, to.day) },
  };
}

function shiftMonth(ref: DateParts, delta: number): DateParts {
  const index = ref.year * 12 + (ref.month! - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function relativeCandidate(ctx: Context, m: RegExpExecArray): Candidate | null {
  const ref = ctx.reference;
  if (!ref) return null;
  const g = m.groups as Groups;
  const [start, end] = [m.index, m.index + m[0].length];
  const refDay = ref.day !== undefined ? referenceDay(ref) : undefined;
  const make = (parts: DateParts): Candidate => ({ start, end, date: toResolved(parts), resolution: 'relative' });
  if (g.kw) {
    if (refDay === undefined) return null;
    const offsets: Record<string, number> = { kemarin: -1, 'hari ini': 0, besok: 1, lusa: 2 };
    const key = g.kw.toLowerCase().replace(/\s+/g, ' ');
    const offset = key.startsWith('kemarin ') ? -2 : offsets[key]!;
    return make(fromDayNumber(refDay + offset));
  }
  if (g.week) {
    if (refDay === undefined) return null;
    const dir = g.wdir!.toLowerCase();
    return { start, end, resolution: 'relative', ...weekCandidate(refDay, dir === 'lalu' ? 1 : dir === 'ini' ? 0 : -1) };
  }
  const unit = (g.nunit ?? g.unit)!.toLowerCase();
  const n = g.n !== undefined ? (NUMBER_WORDS[g.n.toLowerCase()] ?? Number(g.n)) : 0;
  const delta = g.n !== undefined ? -n : { lalu: -1, ini: 0, depan: 1 }[g.dir!.toLowerCase() as 'lalu' | 'ini' | 'depan'];
  if (unit === 'hari') return refDay === undefined ? null : make(fromDayNumber(refDay + delta));
  if (unit === 'pekan' || unit === 'minggu') {
    return refDay === undefined ? null : { start, end, resolution: 'relative', ...weekCandidate(refDay, -delta) };
  }
  if (unit === 'bulan') return ref.month === undefined ? null : make(shiftMonth(ref, delta));
  return make({ year: ref.year + delta });
}

function monthOnlyCandidate(ctx: Context, m: RegExpExecArray): Candidate | null {
  const g = m.groups as Groups;
  const context = before(ctx.text, m.index, BEFORE.monthWord);
  const bulan = context?.at('bulan');
  if (!context?.groups.prep && bulan === undefined && !g.rel) return null;
  if (bulan === undefined && !isCapitalized(g.mon!)) return null;
  const ref = ctx.reference;
  if (!ref) return null;
  const month = monthNumber(g.mon)!;
  const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
  const start = bulan ?? m.index;
  const end = m.index + m[0].length;
  let year = ref.year;
  if (rel === 'tahun lalu') year -= 1;
  else if (rel === 'tahun depan') year += 1;
  else if (ref.month !== undefined) {
    const future = rel === 'depan' || rel === 'mendatang' || isFutureContext(ctx.text, start, end);
    if (rel === 'lalu' || rel === 'kemarin') {
      if (month >= ref.month) year -= 1; // "September lalu" said in September is last year's
    } else if (rel === 'ini') {
      // "Juli ini": this year's July, whichever side of the reference it falls.
    } else if (future) {
      if (month < ref.month) year += 1;
    } else if (month > ref.month + 1) {
      year -= 1; // next month is upcoming; later months were last year's
    }
  }
  return { start, end, date: toResolved({ year, month }), resolution: 'reference' };
}

function weekdayOnlyCandidate(ctx: Context, m: RegExpExecArray): Candidate | null {
  const g = m.groups as Groups;
  const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ').replace('minggu ', 'pekan ');
  const context = before(ctx.text, m.index, BEFORE.dayWord);
  if (!context?.groups.prep && !context?.groups.hari && !rel) return null;
  const weekday = weekdayNumber(g.wd)!;
  // "minggu lalu" is last week; only a capitalised "Minggu" after "pada"/"hari" is Sunday.
  if (weekday === 0 && g.wd!.toLowerCase() === 'minggu' && (!isCapitalized(g.wd!) || rel === 'lalu' || rel === 'ini' || rel === 'depan'))
    return null;
  const ref = ctx.reference;
  if (!ref || ref.day === undefined) return null;
  const refDay = referenceDay(ref);
  const refWeekday = weekdayOfDayNumber(refDay);
  let offset: number;
  if (rel === 'pekan lalu' || rel === 'pekan depan') {
    // That weekday in the previous (next) Monday–Sunday week.
    const sinceMonday = (refWeekday + 6) % 7;
    offset = -sinceMonday + (rel === 'pekan lalu' ? -7 : 7) + ((weekday + 6) % 7);
  } else if (rel === 'lalu' || rel === 'kemarin') offset = -((refWeekday - weekday + 7) % 7 || 7);
  else if (rel === 'depan' || rel === 'mendatang') offset = (weekday - refWeekday + 7) % 7 || 7;
  else offset = -((refWeekday - weekday + 7) % 7);
  return { start: m.index, end: m.index + m[0].length, date: toResolved(fromDayNumber(refDay + offset)), resolution: 'relative' };
}

/** What a statute's "Tahun NNNN" follows: its number ("UU Nomor 30", "PP No. 43"). */
const STATUTE_NUMBER = /\b(?:nomor|no\.?)\s*\d+[a-z]?\s*$/i;

/** "Juni 2024" (month precision), "tahun 2019" / "sejak 2019" (year precision); a bare number is no date. */
function yearCandidate(text: string, m: RegExpExecArray): Candidate | null {
  const end = m.index + m[0].length;
  const year = Number(m.groups!.y);
  const month = before(text, m.index, BEFORE.month);
  if (month)
    return { start: month.at('mon')!, end, date: toResolved({ year, month: monthNumber(month.groups.mon)! }), resolution: 'explicit' };
  const word = before(text, m.index, BEFORE.yearWord);
  if (!word) return null;
  const tahun = word.at('tahun');
  // "UU Nomor 30 Tahun 2002": the year is part of the statute's name, not a date.
  if (tahun !== undefined && STATUTE_NUMBER.test(text.slice(Math.max(0, tahun - 20), tahun))) return null;
  return { start: tahun ?? m.index, end, date: toResolved({ year }), resolution: 'explicit' };
}

/** Reads one match of a pattern into a candidate, or rejects it. */
type Reader = (ctx: Context, m: RegExpExecArray) => Candidate | null;

function readNumeric(ctx: Context, m: RegExpExecArray): Candidate | null {
  const { text } = ctx;
  const g = m.groups as Groups;
  const bracketed = /\(\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
  // "1/2/24" alone is too often not a date; in brackets or after a weekday it is.
  if (g.y!.length === 2 && !bracketed && !before(text, m.index, BEFORE.weekday)) return null;
  const c = dayCandidate(ctx, m, g.y, Number(g.m), g.d);
  // Without a weekday, the mention still reads "(13/9/2023)", brackets included.
  if (c && bracketed && c.start === m.index) c.start = text.lastIndexOf('(', m.index);
  return c;
}

/** A pattern, its reader, and optionally a cheaper test the text must pass for the pattern to be worth a scan. */
const READERS: readonly [RegExp, Reader, RegExp?][] = [
  [
    PATTERNS.dayMonthName,
    (ctx, m) => {
      const g = m.groups as Groups;
      // Without a year, "3 mei" or "2 Des" must look like a month name to count.
      if (g.y === undefined && !isCapitalized(g.mon!)) return null;
      return dayCandidate(ctx, m, g.y, monthNumber(g.mon), g.d);
    },
  ],
  [PATTERNS.monthNameDay, (ctx, m) => dayCandidate(ctx, m, m.groups!.y, monthNumber(m.groups!.mon), m.groups!.d), DAY_BEFORE_YEAR],
  [PATTERNS.numeric, readNumeric],
  [
    PATTERNS.dayMonthNumeric,
    (ctx, m) => (before(ctx.text, m.index, BEFORE.weekday) ? dayCandidate(ctx, m, undefined, Number(m.groups!.m), m.groups!.d) : null),
  ],
  [PATTERNS.iso, (ctx, m) => dayCandidate(ctx, m, m.groups!.y, Number(m.groups!.m), m.groups!.d)],
  [PATTERNS.year, (ctx, m) => yearCandidate(ctx.text, m)],
  [PATTERNS.monthOnly, monthOnlyCandidate],
  [PATTERNS.relative, relativeCandidate],
  [PATTERNS.weekdayOnly, weekdayOnlyCandidate],
];

function* candidates(ctx: Context): Generator<Candidate> {
  for (const [pattern, read, needs] of READERS) {
    if (needs && !needs.test(ctx.text)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(ctx.text); m; m = pattern.exec(ctx.text)) {
      const c = read(ctx, m);
      if (c) yield c;
    }
  }
}

/**
 * Every date expression in `text`, resolved, in text order. Expressions that need a reference
 * ("kemarin", "bulan Juli", "2 Januari") are left out when there is none; "Jumat (21/6)" is
 * resolved by its weekday, near the reference or else near today.
 */
export function findDates(text: string, reference?: ResolvedDate | null, opts: FindDatesOptions = {}): DateMention[] {
  const ctx: Context = { text, reference: reference ? partsOf(reference) : null, today: opts.today ?? new Date() };
  const all = [...candidates(ctx)].sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: DateMention[] = [];
  let lastEnd = -1;
  for (const c of all) {
    if (c.start < lastEnd) continue;
    lastEnd = c.end;
    mentions.push({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      date: c.date,
      resolution: c.resolution,
      ...(c.time ? { time: c.time } : {}),
      ...(c.range ? { range: c.range } : {}),
    });
  }
  return mentions;
}

/**
 * A date typed by a user: "2024-06-19", "19 Juni 2024", "19/6/2024", "Juni 2024", "2024-06", "2024".
 * Null when the text is not one complete date.
 */
export function parseDateInput(text: string): ResolvedDate | null {
  const input = text.trim();
  const isoMonth = /^((?:19|20)\d{2})(?:-(\d{1,2}))?$/.exec(input);
  if (isoMonth) {
    const month = isoMonth[2] === undefined ? undefined : Number(isoMonth[2]);
    if (month !== undefined && (month < 1 || month > 12)) return null;
    return toResolved({ year: Number(isoMonth[1]), ...(month !== undefined ? { month } : {}) });
  }
  const lenient = /^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})$/.exec(input);
  if (lenient) {
    const [year, month, day] = [Number(lenient[1]), Number(lenient[2]), Number(lenient[3])];
    return isValidDay(year, month, day) ? toResolved({ year, month, day }) : null;
  }
  const found = findDates(input);
  const only = found[0];
  if (found.length !== 1 || !only || only.resolution !== 'explicit') return null;
  const rest = (input.slice(0, only.start) + input.slice(only.end)).replace(/[\s,()]/g, '');
  return rest === '' ? only.date : null;
}

/**
 * The first (`from`) or last (`to`) day a user's date covers, with the date as read:
 * "Juni 2024" starts on 2024-06-01 and ends on 2024-06-30. Null when the text is no date.
 */
export function parseDayBound(text: string, side: 'from' | 'to'): { day: string; date: ResolvedDate } | null {
  const date = parseDateInput(text);
  return date && { day: spanOf(date)[side], date };
}
