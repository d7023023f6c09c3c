/** How exactly a resolved date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/**
 * A calendar date at some precision. `iso` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
 * to match `precision`, so it sorts and prints honestly ("Juli 2023", not "1 Juli 2023").
 */
export interface ResolvedDate {
  iso: string;
  precision: DatePrecision;
}

/** How a date expression was resolved. */
export type DateResolution =
  | 'explicit' // the text states day/month/year in full
  | 'weekday' // year missing, chosen from the stated weekday
  | 'reference' // year (or whole date) taken from the reference date: "2 Januari", "September lalu"
  | 'relative'; // "kemarin", "pekan lalu", "Rabu lalu": an offset from the reference date

/** One date expression found in a text, with its resolution. */
export interface DateMention {
  /** Character offsets of the expression in the scanned text. */
  start: number;
  end: number;
  /** The expression as written, e.g. "Jumat (21/6)". */
  text: string;
  date: ResolvedDate;
  resolution: DateResolution;
  /** Time of day when stated ("10:01"), with zone label if any ("WIB"). */
  time?: string;
  /**
   * The ISO days the expression can denote when that is narrower than `date` says:
   * "pekan lalu" is a month-precision date (honest for display) whose range is the week.
   */
  range?: { from: string; to: string };
}
