import { describe, expect, it, vi } from 'vitest';
import { textDigest } from '../../src/corpus/article.ts';
import { StoredArticle, TextFile, writeText } from '../../src/corpus/text-file.ts';
import { findDates } from '../../src/dates/find.ts';
import { extractCandidates, mayHoldDate } from '../../src/timeline/extract.ts';
import { article } from './fixtures.ts';

/** Date expressions the issues name, each in a sentence. */
const DATED = [
  'Acara digelar Rabu, 19 Juni 2024 di Jakarta.',
  'Kim bertemu Putin (13/9/2023) di Vostochny.',
  'Dian 25/06/2024 10:01 WIB',
  'Kompas.tv - 15 Juni 2024, 12:30 WIB',
  'Mereka bicara pada Jumat (21/6) sore.',
  'Telepon dilakukan Kamis (20/6).',
  'Shoigu datang pada bulan Juli.',
  'Kim ke Rusia September lalu.',
  'Kesepakatan dibuat pekan lalu.',
  'Rudal jatuh pada 2 Januari.',
  'DECEMBER 9, 2022',
  'Rapat pada 17 Agt 2019.',
  'Tenggat 1 Okt 2019.',
  'Libur 25 Des.',
  'Ia tiba kemarin.',
  'Harga naik sepekan ini.',
  'Kejadian 3 hari lalu.',
  'Sejak tahun 2019 aturan berlaku.',
  'Tanggal 2024-06-19 dicatat.',
  'Rapat digelar hari ini.',
  'Sidang dilanjutkan besok.',
  'Mereka bertemu Rabu lalu.',
  'Gempa terjadi Minggu (22/9/2019) pukul 06.46 WIB.',
];

describe('mayHoldDate', () => {
  it('lets through every date expression findDates knows, so skipping a paragraph never loses one', () => {
    const reference = { iso: '2024-06-25', precision: 'day' as const };
    for (const text of DATED) {
      expect(findDates(text, reference).length, text).toBeGreaterThan(0);
      expect(mayHoldDate(text), text).toBe(true);
    }
  });

  it('skips text with no date-like word', () => {
    expect(mayHoldDate('Harga cabai di Pasar Induk naik tajam karena pasokan dari Jawa Tengah berkurang.')).toBe(false);
    expect(mayHoldDate('Harga naik 12 persen dibanding tahun sebelumnya.')).toBe(false);
  });
});

describe('extractCandidates', () => {
  it('dates each sentence of the body, once per date it names', () => {
    const found = extractCandidates(
      article({
        id: 'x',
        publisher: 'Pahami.id',
        date: '2024-06-21',
        paragraphs: [
          'Kedua Menlu melakukan panggilan telepon pada Kamis (20/6), sehari setelah pertemuan Putin dan Kim pada Rabu (19/6). Mereka sepakat memantau situasi.',
        ],
      }),
      0,
    );
    expect(found.map((c) => [c.date.iso, c.primary, c.soleDate])).toEqual([
      ['2024-06-20', true, false],
      ['2024-06-19', false, false],
    ]);
    // Each date is compared with other reports on its own clause.
    expect(found[0]!.clauseTerms).toContain('telepon');
    expect(found[0]!.clauseTerms).not.toContain('putin');
    expect(found[1]!.clauseTerms).toContain('putin');
    expect(found[0]!.terms).toContain('putin');
  });

  it('takes no date from a statute number, nor from captions', () => {
    const found = extractCandidates(
      article({
        id: 'y',
        publisher: 'Tempo.co',
        date: '2019-09-17',
        captions: ['Suasana rapat paripurna DPR, Selasa (17/9/2019). (Foto: Antara)'],
        paragraphs: ['DPR mengesahkan revisi UU Nomor 30 Tahun 2002 tentang KPK dalam rapat paripurna hari ini.'],
      }),
      0,
    );
    expect(found.map((c) => c.date.iso)).toEqual(['2019-09-17']);
  });

  it('needs a reference for "kemarin": an undated article gives no relative event', () => {
    const paragraphs = ['Presiden ketiga RI BJ Habibie meninggal dunia kemarin di RSPAD Gatot Soebroto, Jakarta.'];
    expect(extractCandidates(article({ id: 'z', publisher: null, date: null, paragraphs }), 0)).toEqual([]);
    expect(extractCandidates(article({ id: 'z', publisher: null, date: '2019-09-12', paragraphs }), 0).map((c) => c.date.iso)).toEqual([
      '2019-09-11',
    ]);
  });

  it('reads the text of a stored article once, paragraphs and captions together', () => {
    const plain = article({
      id: 's',
      publisher: 'Tempo.co',
      date: '2019-09-17',
      captions: ['Suasana rapat paripurna DPR di Jakarta, Selasa 17 September 2019.'],
      paragraphs: ['DPR mengesahkan revisi UU KPK dalam rapat paripurna di Jakarta pada Selasa 17 September 2019.'],
    });
    const file = TextFile.temporary();
    try {
      const stored = new StoredArticle({ ...plain, digest: textDigest(plain) }, plain.id, writeText(file, plain));
      const reads = vi.spyOn(file, 'read');
      expect(extractCandidates(stored, 0)).toEqual(extractCandidates(plain, 0));
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      file.close();
    }
  });
});
