import type { ArticleWarning } from '../corpus/types.ts';
import { issuePlace } from './load-problem.ts';

/** Where on the page a stated date stood. */
const STATED_AT: Readonly<Record<'byline' | 'header' | 'dateline', string>> = {
  byline: 'di baris penulis',
  header: 'di kepala halaman',
  dateline: 'di dateline',
};

/**
 * What a careful reader should know about an article, in Indonesian: printed by `kliping corpus`, shown
 * in the bot's preview of an article to add, and written into the `peringatan` of a saved .md file.
 */
export function articleWarningText(warning: ArticleWarning): string {
  switch (warning.kind) {
    case 'stated-date-contradicted':
      return (
        `tanggal ${STATED_AT[warning.provenance]} (${warning.stated}) bertentangan dengan isi berita, ` +
        `yang melaporkan peristiwa ${warning.event.iso} ("${warning.event.text}") sebagai sudah terjadi; ` +
        `tanggal terbit disimpulkan dari isi: ${warning.event.iso}`
      );
    case 'date-from-latest-event':
      return `tanggal terbit tidak tertulis; disimpulkan dari peristiwa terakhir yang dilaporkan: ${warning.event.iso} ("${warning.event.text}")`;
    case 'date-from-caption': {
      const body = warning.bodyEvent ? `; isi menyebut peristiwa hingga ${warning.bodyEvent.iso} ("${warning.bodyEvent.text}")` : '';
      return (
        `tanggal terbit tidak tertulis dan isi tidak menyebut tanggal lengkap; disimpulkan ${warning.month} ` +
        `dari tanggal keterangan foto (${warning.caption})${body}`
      );
    }
    case 'no-date':
      return 'tanggal terbit tidak ditemukan di halaman';
    case 'unrecognized-date':
      return `tanggal "${warning.raw}" tidak dikenali`;
    case 'title-derived':
      return 'judul tidak ada; diambil dari kalimat pertama';
    case 'copy-elsewhere':
      return `salinan teks yang sama juga di ${issuePlace(warning)}${warning.publisher ? ` (${warning.publisher})` : ''}`;
    case 'noted':
      return warning.text;
  }
}
