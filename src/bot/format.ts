import type { DatePrecision } from '../dates/types.ts';
import type { PublicationDate } from '../corpus/types.ts';
import { formatDateId as formatDate } from '../dates/format.ts';

/**
 * An ISO date at its precision, in Indonesian: "Rabu, 19 Juni 2024", "Juli 2023", "2024".
 * Precision is shown honestly: a month-precision date never gains a made-up day.
 */
export function formatDateId(iso: string, precision: DatePrecision): string {
  return formatDate(iso, precision, { weekday: true });
}

/** A publication date for display; an inferred date says it is an estimate. */
export function formatPublicationDate(date: PublicationDate | null): string {
  if (!date) return 'tanggal tidak diketahui';
  const text = formatDateId(date.iso, date.precision);
  return date.provenance === 'inferred' ? `sekitar ${text}` : text;
}

/** Whole numbers the Indonesian way: 28.880. */
export function formatCount(n: number): string {
  return n.toLocaleString('id-ID');
}

/** A duration for reports: "850 ms", "12,4 dtk". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} dtk`;
}
