import type { DatePrecision } from '../dates/types.ts';
import type { TimelineSource } from './types.ts';

const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** An event date as an Indonesian heading, at its honest precision: "19 Juni 2024", "Juli 2023", "2023". */
export function formatEventDate(iso: string, precision: DatePrecision): string {
  const [year, month, day] = iso.split('-');
  const monthName = month === undefined ? undefined : MONTH_NAMES[Number(month) - 1];
  if (precision === 'year' || monthName === undefined) return year ?? iso;
  if (precision === 'month' || day === undefined) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** How a source is named in a line: its outlet, else its title. */
export function sourceLabel(source: TimelineSource): string {
  return source.publisher ?? source.title;
}
