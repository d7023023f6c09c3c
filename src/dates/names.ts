/** Month and weekday names, Indonesian and English, with the abbreviations newsrooms use. */

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januari', 1],
  ['january', 1],
  ['jan', 1],
  ['februari', 2],
  ['pebruari', 2],
  ['february', 2],
  ['feb', 2],
  ['peb', 2],
  ['maret', 3],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['mei', 5],
  ['may', 5],
  ['juni', 6],
  ['june', 6],
  ['jun', 6],
  ['juli', 7],
  ['july', 7],
  ['jul', 7],
  ['agustus', 8],
  ['august', 8],
  ['agus', 8],
  ['agu', 8],
  ['agt', 8],
  ['ags', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['oktober', 10],
  ['october', 10],
  ['okt', 10],
  ['oct', 10],
  ['november', 11],
  ['nopember', 11],
  ['nov', 11],
  ['nop', 11],
  ['desember', 12],
  ['december', 12],
  ['des', 12],
  ['dec', 12],
]);

/** Names that may stand alone as a month ("pada bulan Juli", "September lalu"): full names only. */
export const FULL_MONTHS: ReadonlySet<string> = new Set([
  'januari',
  'februari',
  'pebruari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'nopember',
  'desember',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'october',
  'december',
]);

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['minggu', 0],
  ['ahad', 0],
  ['sunday', 0],
  ['senin', 1],
  ['monday', 1],
  ['selasa', 2],
  ['tuesday', 2],
  ['rabu', 3],
  ['wednesday', 3],
  ['kamis', 4],
  ['thursday', 4],
  ['jumat', 5],
  ["jum'at", 5],
  ['jum\u2019at', 5],
  ['friday', 5],
  ['sabtu', 6],
  ['saturday', 6],
]);

/** Regex alternation of names, longest first so "juni" wins over "jun". */
export function alternation(names: Iterable<string>): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
