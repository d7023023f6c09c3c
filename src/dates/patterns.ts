import { FULL_MONTHS, MONTHS, WEEKDAYS, alternation } from './names.ts';

/** Named groups of a match. */
export type Groups = Record<string, string | undefined>;

/*
 * The date expression shapes, one regex each, scanned once over the text (no per-character work
 * in JS). Every regex starts on the expression's rarest part (a digit, a month or weekday name),
 * never on an optional word: context words before it ("pada", "bulan", "Rabu,") are read backwards
 * from a short slice, which keeps the scan of a 1 MB text to a few tens of milliseconds.
 */

const WEEKDAY_NAMES = alternation(WEEKDAYS.keys());
const MONTH_NAMES = alternation(MONTHS.keys());
const MONTH = `(?<mon>${MONTH_NAMES})\\b\\.?`;
const YEAR = '(?<y>(?:19|20)\\d{2})(?!\\d)';
// Seconds ("pukul 06.32.27 WIB") belong to the time: left out, the line would start ".27 WIB …".
const TIME =
  '(?:\\s*,?\\s*(?:pukul\\s+|jam\\s+)?(?<hh>[01]?\\d|2[0-3])[:.](?<mm>[0-5]\\d)(?:[:.][0-5]\\d)?(?!\\d)(?:\\s*(?<tz>WIB|WITA|WIT|GMT|UTC)\\b)?)?';
/** "Senin (25/3/2019) kemarin", "14 Maret lalu": the qualifier belongs to the date, not a new "kemarin". */
const QUALIFIER = '(?:\\s+(?:kemarin|lalu|silam))?';
const PREPOSITION = 'pada|sejak|hingga|sampai|awal|akhir|pertengahan|medio|selama|jelang|menjelang';
export const NUMBER_WORDS: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
};
/** What joins the two ends of a span: "hingga", "sampai (dengan)", "s.d.", a dash. */
export const SPAN_LINK = String.raw`(?:hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|[-–—])`;
/**
 * What joins the two years of a range ("periode 2006-2011", "2006 hingga 2011", "2006 s.d. 2011"), and
 * only between years a slash ("2019/2020"; between days it is a date, "27/9"): neither year is a date of
 * its own. The range is a span the timeline does not show as a year.
 */
const RANGE_LINK = String.raw`\s*(?:${SPAN_LINK}|/)\s*`;
const YEAR_RANGE_BEFORE = `(?:19|20)\\d{2}${RANGE_LINK}`;
const YEAR_RANGE_AFTER = `${RANGE_LINK}(?:19|20)\\d{2}`;
/** "21 tahun ini" (these 21 years), "beberapa bulan ini": a duration, not "this year". */
const COUNT_WORDS = [...Object.keys(NUMBER_WORDS), 'beberapa', 'belasan', 'puluhan', 'ratusan', 'sebelas', 'dua\\s+puluh'].join('|');
/** Not inside a longer number, decimal, path or range. */
const NUMBER_START = '(?<![\\w/.-])';

export const PATTERNS = {
  /** "19 Juni 2024", "15 Juni 2024, 12:30 WIB", "2 Januari", "9 December 2022" (a weekday before is read back). */
  dayMonthName: new RegExp(`(?<![\\d./]|\\d,)(?<d>[0-3]?\\d)\\s+${MONTH}(?:(?:,\\s*|\\s+)${YEAR})?${TIME}${QUALIFIER}`, 'gi'),
  /** "DECEMBER 9, 2022", "June 19, 2024". */
  monthNameDay: new RegExp(`\\b${MONTH}\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:,\\s*|\\s+)${YEAR}${TIME}`, 'gi'),
  /** "(13/9/2023)", "25/06/2024 10:01 WIB", "19.06.2024", "(13/9/23)"; an opening bracket is read back. */
  numeric: new RegExp(
    `${NUMBER_START}(?<d>[0-3]?\\d)(?<sep>[/.-])(?<m>[01]?\\d)\\k<sep>(?<y>(?:19|20)\\d{2}|\\d{2})(?![\\w/])(?:\\s*\\))?${TIME}${QUALIFIER}`,
    'gi',
  ),
  /** "(21/6)": day/month without a year, a date only after a weekday ("Jumat (21/6)"; else "skor 3/4"). */
  dayMonthNumeric: new RegExp(`${NUMBER_START}(?<d>[0-3]?\\d)\\/(?<m>[01]?\\d)(?![\\w/])\\s*\\)?${TIME}${QUALIFIER}`, 'gi'),
  /** "2024-06-19", "2019-03-21T15:02:00+07:00". */
  iso: /(?<![\w/.-])(?<y>(?:19|20)\d{2})-(?<m>[01]\d)-(?<d>[0-3]\d)(?:[T ](?<hh>[01]\d|2[0-3]):(?<mm>[0-5]\d)(?::\d{2}(?:\.\d+)?)?(?<tz>Z|[+-]\d{2}:?\d{2})?)?(?![\w/])/g,
  /** A year, read back for "Juni 2024" (month), "tahun 2019" or "sejak 2019" (year). */
  year: new RegExp(`${NUMBER_START}(?<!${YEAR_RANGE_BEFORE})(?<y>(?:19|20)\\d{2})(?![\\d/]|-an|[.,]\\d|${YEAR_RANGE_AFTER})`, 'g'),
  /** "Juli", read back for "pada bulan Juli", "sejak Maret"; on for "September lalu", "Juli tahun lalu". */
  monthOnly: new RegExp(
    `\\b(?<mon>${alternation(FULL_MONTHS)})\\b(?:\\s+(?<rel>tahun\\s+lalu|tahun\\s+depan|lalu|kemarin|ini|depan|mendatang))?(?!\\s*\\d)`,
    'gi',
  ),
  /** "kemarin", "pekan lalu", "3 hari lalu", "tahun lalu". */
  relative: new RegExp(
    `\\b(?:(?<kw>kemarin\\s+lusa|kemarin|hari\\s+ini|besok|lusa)|(?<se>se)?(?<week>pekan|minggu)\\s+(?<wdir>lalu|ini|depan)|(?<n>\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\\s+(?<nunit>hari|pekan|minggu|bulan|tahun)\\s+(?:yang\\s+)?lalu|(?<!(?:\\d|\\b(?:${COUNT_WORDS}))\\s+)(?<unit>bulan|tahun)\\s+(?<dir>lalu|ini|depan))\\b`,
    'gi',
  ),
  /** "Rabu lalu", "Sabtu pekan lalu"; "Senin", read back for "pada Senin", "Pada hari Kamis". */
  weekdayOnly: new RegExp(
    `\\b(?<wd>${WEEKDAY_NAMES})\\b(?:\\s+(?<rel>(?:pekan|minggu)\\s+(?:lalu|depan)|lalu|kemarin|ini|depan|mendatang|malam|pagi|siang|sore))?`,
    'gi',
  ),
} as const;

/**
 * What every monthNameDay match contains ("9, 2022"). It starts on a digit, so it is found fast; a
 * text without it skips that pattern's slower scan, which tries every month name at every word.
 */
export const DAY_BEFORE_YEAR = /\d(?:st|nd|rd|th)?(?:,\s*|\s+)(?:19|20)\d{2}/i;

/**
 * Context read backwards: each matches at the end of the slice of text just before a candidate.
 * No 'd' flag (match indices make every exec, even a failing one, several times slower): each
 * named group's text occurs only once in its match, so `before` finds it with lastIndexOf.
 */
export const BEFORE = {
  weekday: new RegExp(`(?:^|[^\\p{L}])(?<wd>${WEEKDAY_NAMES})(?:\\s+(?:lalu|kemarin))?\\s*,?\\s*\\(?\\s*$`, 'iu'),
  month: new RegExp(`(?:^|[^\\p{L}])(?<mon>${MONTH_NAMES})\\.?(?:,\\s*|\\s+)$`, 'iu'),
  yearWord: new RegExp(`(?:^|[^\\p{L}])(?:(?<tahun>tahun)|(?:${PREPOSITION}|per))\\s+$`, 'iu'),
  monthWord: new RegExp(`(?:^|[^\\p{L}])(?:(?<prep>${PREPOSITION})\\s+)?(?:(?<bulan>bulan)\\s+)?$`, 'iu'),
  dayWord: new RegExp(`(?:^|[^\\p{L}])(?:(?<prep>${PREPOSITION})\\s+)?(?:(?<hari>hari)\\s+)?$`, 'iu'),
} as const;
const BEFORE_SPAN = 24;

/** The context match just before `start`, with its groups' absolute offsets. */
export function before(text: string, start: number, re: RegExp): { groups: Groups; at: (name: string) => number | undefined } | null {
  const from = Math.max(0, start - BEFORE_SPAN);
  const m = re.exec(text.slice(from, start));
  if (!m) return null;
  const groups = (m.groups ?? {}) as Groups;
  return {
    groups,
    at: (name) => {
      const group = groups[name];
      return group === undefined ? undefined : from + m.index + m[0].lastIndexOf(group);
    },
  };
}
