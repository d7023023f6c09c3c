import { weekdayOf } from '../dates/calendar.ts';

const WEEKDAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
  'Oktober', 'November', 'Desember'];

/**
 * A bulk record written out as a plain raw page (title line, Indonesian date line, body), the
 * simplest layout the page reader accepts. Used to turn a .jsonl corpus into a folder of .txt
 * files, to check that both routes load the same articles.
 */
export function toPageText(record: { title: string; date: string; body: string }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(record.date);
  let dateLine = record.date;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    dateLine = `${WEEKDAY_NAMES[weekdayOf(year, month, day)]}, ${day} ${MONTH_NAMES[month - 1]} ${year}${m[4] ? ` ${m[4]} WIB` : ''}`;
  }
  return `${record.title}\n${dateLine}\n\n${record.body}\n`;
}
