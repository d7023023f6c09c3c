import { weekdayOf } from './calendar.ts';
import type { DateProvenance } from '../corpus/types.ts';
import type { DatePrecision } from './types.ts';

/** Where a publication date came from, as readers are told it. */
export const PROVENANCE_LABELS_ID: Readonly<Record<DateProvenance, string>> = {
  byline: 'baris penulis',
  header: 'kepala halaman',
  metadata: 'metadata',
  dateline: 'dateline',
  inferred: 'disimpulkan',
};

/** Indonesian month names for display, January first. */
export const MONTH_NAMES_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
/** Indonesian weekday names for display, Sunday first (as `weekdayOf`). */
export const WEEKDAY_NAMES_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

/**
 * An ISO date at its honest precision in Indonesian: "19 Juni 2024", "Juli 2023", "2023";
 * with `weekday`, a day gets its weekday: "Rabu, 19 Juni 2024". A month never gains a made-up day.
 */
export function formatDateId(iso: string, precision: DatePrecision, opts: { weekday?: boolean } = {}): string {
  const [year, month, day] = iso.split('-');
  const monthName = month === undefined ? undefined : MONTH_NAMES_ID[Number(month) - 1];
  if (precision === 'year' || monthName === undefined) return year ?? iso;
  if (precision === 'month' || day === undefined) return `${monthName} ${year}`;
  const text = `${Number(day)} ${monthName} ${year}`;
  return opts.weekday ? `${WEEKDAY_NAMES_ID[weekdayOf(Number(year), Number(month), Number(day))]}, ${text}` : text;
}
