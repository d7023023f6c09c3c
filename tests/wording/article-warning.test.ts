import { describe, expect, it } from 'vitest';
import type { ArticleWarning } from '../../src/corpus/types.ts';
import { articleWarningText } from '../../src/wording/article-warning.ts';

describe('articleWarningText: what a careful reader should know, in words', () => {
  it.each<[ArticleWarning, string]>([
    [
      {
        kind: 'stated-date-contradicted',
        provenance: 'header',
        stated: '2022-12-09',
        event: { iso: '2024-06-20', text: 'Kamis (20/6/2024)' },
      },
      'tanggal di kepala halaman (2022-12-09) bertentangan dengan isi berita, yang melaporkan peristiwa 2024-06-20 ("Kamis (20/6/2024)") ' +
        'sebagai sudah terjadi; tanggal terbit disimpulkan dari isi: 2024-06-20',
    ],
    [
      { kind: 'date-from-latest-event', event: { iso: '2024-06-21', text: 'Jumat (21/6)' } },
      'tanggal terbit tidak tertulis; disimpulkan dari peristiwa terakhir yang dilaporkan: 2024-06-21 ("Jumat (21/6)")',
    ],
    [
      { kind: 'date-from-caption', month: '2023-09', caption: '2023-09-13', bodyEvent: { iso: '2023-07', text: 'bulan Juli' } },
      'tanggal terbit tidak tertulis dan isi tidak menyebut tanggal lengkap; disimpulkan 2023-09 dari tanggal keterangan foto (2023-09-13); ' +
        'isi menyebut peristiwa hingga 2023-07 ("bulan Juli")',
    ],
    [
      { kind: 'date-from-caption', month: '2023-09', caption: '2023-09-13' },
      'tanggal terbit tidak tertulis dan isi tidak menyebut tanggal lengkap; disimpulkan 2023-09 dari tanggal keterangan foto (2023-09-13)',
    ],
    [{ kind: 'no-date' }, 'tanggal terbit tidak ditemukan di halaman'],
    [{ kind: 'unrecognized-date', raw: 'kemarin sore' }, 'tanggal "kemarin sore" tidak dikenali'],
    [{ kind: 'title-derived' }, 'judul tidak ada; diambil dari kalimat pertama'],
    [
      { kind: 'copy-elsewhere', file: 'b/salinan.txt', publisher: 'Kompas.com' },
      'salinan teks yang sama juga di b/salinan.txt (Kompas.com)',
    ],
    [{ kind: 'copy-elsewhere', file: 'c.jsonl', line: 1, publisher: null }, 'salinan teks yang sama juga di c.jsonl:1'],
    [{ kind: 'noted', text: 'ditulis tangan oleh editor' }, 'ditulis tangan oleh editor'],
  ])('%j', (warning, text) => {
    expect(articleWarningText(warning)).toBe(text);
  });
});
