import { formatDateId } from '../dates/format.ts';

/**
 * A bulk record written out as a plain raw page (title line, Indonesian date line, body), the
 * simplest layout the page reader accepts. Used to turn a .jsonl corpus into a folder of .txt
 * files, to check that both routes load the same articles.
 */
export function toPageText(record: { title: string; date: string; body: string }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(record.date);
  let dateLine = record.date;
  if (m) {
    dateLine = `${formatDateId(`${m[1]}-${m[2]}-${m[3]}`, 'day', { weekday: true })}${m[4] ? ` ${m[4]} WIB` : ''}`;
  }
  return `${record.title}\n${dateLine}\n\n${record.body}\n`;
}
