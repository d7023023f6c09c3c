import { describe, expect, it } from 'vitest';
import { findDates, parseDateInput } from '../../src/dates/find.ts';
import type { ResolvedDate } from '../../src/dates/types.ts';

const TODAY = { today: new Date('2026-11-22T12:00:00Z') };
const day = (iso: string): ResolvedDate => ({ iso, precision: 'day' });

/** The mentions as "text → iso precision resolution", compact enough to read in a failure. */
function read(text: string, reference?: ResolvedDate | null): string[] {
  return findDates(text, reference, TODAY).map(
    (m) => `${m.text} → ${m.date.iso} ${m.date.precision} ${m.resolution}${m.time ? ` @${m.time}` : ''}`,
  );
}

describe('findDates: explicit dates', () => {
  it.each([
    ['Pyongyang, pada Rabu, 19 Juni 2024.', 'Rabu, 19 Juni 2024 → 2024-06-19 day explicit'],
    ['roket Rusia hari Rabu, (13/9/2023). (Sumber', 'Rabu, (13/9/2023) → 2023-09-13 day explicit'],
    ['Dian Kusumo Hapsari 25/06/2024 10:01 WIB', '25/06/2024 10:01 WIB → 2024-06-25 day explicit @10:01 WIB'],
    ['Kompas.tv - 15 Juni 2024, 12:30 WIB\nslug', '15 Juni 2024, 12:30 WIB → 2024-06-15 day explicit @12:30 WIB'],
    ['Pembicaraan pada Senin (24/06/2024) tersebut', 'Senin (24/06/2024) → 2024-06-24 day explicit'],
    ['Dikutip dari The Guardian, Jumat (14/6/2024), Wakil', 'Jumat (14/6/2024) → 2024-06-14 day explicit'],
    ['Rusia, 13 September 2023. Sputnik', '13 September 2023 → 2023-09-13 day explicit'],
    ['DECEMBER 9, 2022\nInternasional', 'DECEMBER 9, 2022 → 2022-12-09 day explicit'],
    ['on Wednesday, June 19, 2024 in', 'Wednesday, June 19, 2024 → 2024-06-19 day explicit'],
    ['dirilis 2019-03-21T15:02:00+07:00', '2019-03-21T15:02:00+07:00 → 2019-03-21 day explicit @15:02 WIB'],
    ['pada Juni 2024 lalu', 'Juni 2024 → 2024-06 month explicit'],
    ['sejak tahun 2019', 'tahun 2019 → 2019 year explicit'],
    ['berlaku sejak 2010.', '2010 → 2010 year explicit'],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  it('reads month names and abbreviations in both languages', () => {
    const text =
      '5 Agt 2023, 3 Okt 2021, 1 Des 2020, 4 Sept 2019, 7 Mei 2018, 8 Agu 2017, 9 Agustus 2016, ' +
      '2 Feb 2015, 6 Mar 2014, 10 Nop 2013, 11 Sep. 2012, 12 Aug 2011, 13 Oct 2010, 14 May 2009, 1 Januari 2000';
    expect(findDates(text).map((m) => m.date.iso)).toEqual([
      '2023-08-05',
      '2021-10-03',
      '2020-12-01',
      '2019-09-04',
      '2018-05-07',
      '2017-08-08',
      '2016-08-09',
      '2015-02-02',
      '2014-03-06',
      '2013-11-10',
      '2012-09-11',
      '2011-08-12',
      '2010-10-13',
      '2009-05-14',
      '2000-01-01',
    ]);
  });

  it('keeps a trailing "kemarin"/"lalu" with the date it qualifies', () => {
    expect(read('pada Senin (25/3/2019) kemarin.', day('2019-03-27'))).toEqual(['Senin (25/3/2019) kemarin → 2019-03-25 day explicit']);
    expect(read('pada Minggu lalu (8/9/2019), Se', day('2019-09-10'))).toEqual(['Minggu lalu (8/9/2019) → 2019-09-08 day explicit']);
  });

  it('rejects impossible days, keeping only what is certain', () => {
    expect(read('pada 31 Februari 2024 dan (30/2/2023)')).toEqual(['Februari 2024 → 2024-02 month explicit']);
  });
});

describe('findDates: numbers that are not dates', () => {
  it.each([
    'skor akhir 3/4 untuk tim tamu',
    'versi 1.2.3 dan 2.10.4',
    'dalam 24 tahun terakhir',
    'hubungi 0812-3456-7890 atau 021-5551234',
    'sebanyak 2 Juta jemaah, 34.000 petugas',
    'di 2 desa dan 3 Desa, serta 3 mei-mei',
    'rasio 12/10/5 dan pecahan 1/2',
    'https://example.com/2019/03/21/berita',
    'Pasal 12 ayat 3, halaman 2019',
    'revisi UU Nomor 30 Tahun 2002 tentang KPK',
    'sesuai PP No. 43 Tahun 2018 dan Perpres No 7a tahun 2019',
    // a year range is a span, neither of its years a date: "periode 2006-2011" is not 2006
    'menjabat dua periode 2006-2011 dan 2011 hingga 2016',
    'masa bakti 2014–2019 atau 2014 s.d. 2019',
    'menjabat pada 2014 sampai dengan 2019, tahun 2015 sampai dengan 2020, tahun ajaran 2019/2020',
    // a duration: "hampir 21 tahun ini" is these 21 years, not this year
    'selama hampir 21 tahun ini dan beberapa bulan ini',
  ])('%s', (text) => {
    expect(read(text, day('2024-06-21'))).toEqual([]);
  });

  it('reads a time with seconds whole: "pukul 06.32.27 WIB" leaves no ".27 WIB" behind', () => {
    expect(read('Rabu (11/9/2019) pukul 06.32.27 WIB wilayah Talaud diguncang gempa.')).toEqual([
      'Rabu (11/9/2019) pukul 06.32.27 WIB → 2019-09-11 day explicit @06:32 WIB',
    ]);
  });

  it('still reads "tahun ini" without a count before it', () => {
    expect(read('Pada tahun ini ia menang.', day('2019-09-11'))).toEqual(['tahun ini → 2019 year relative']);
  });

  it('still reads the year of "tahun 2002" when no statute number precedes it', () => {
    expect(read('KPK berdiri pada tahun 2002, bukan nomor 30.')).toEqual(['tahun 2002 → 2002 year explicit']);
  });
});

describe('findDates: a missing year', () => {
  it('takes the year from the weekday when there is no reference (21 June was a Friday in 2024)', () => {
    expect(read('pada Jumat (21/6) menyebut; Kamis (20/6), sehari setelah Rabu (19/6).')).toEqual([
      'Jumat (21/6) → 2024-06-21 day weekday',
      'Kamis (20/6) → 2024-06-20 day weekday',
      'Rabu (19/6) → 2024-06-19 day weekday',
    ]);
  });

  it('takes the weekday year nearest the reference, at or before it', () => {
    // 20 March was a Wednesday in 2019 and 2024; the reference picks 2019.
    expect(read('Rabu (20/3) lalu', day('2019-03-22'))).toEqual(['Rabu (20/3) lalu → 2019-03-20 day weekday']);
    expect(read('Rabu (20/3) lalu', day('2024-03-22'))).toEqual(['Rabu (20/3) lalu → 2024-03-20 day weekday']);
  });

  it('allows a near-future weekday date ("Senin (1/7)" in a late-June article)', () => {
    expect(read('akan digelar Senin (1/7).', day('2024-06-25'))).toEqual(['Senin (1/7) → 2024-07-01 day weekday']);
  });

  it('falls back to the reference when the weekday is a typo', () => {
    // 21 June 2024 is a Friday, not a Thursday; the article date is a better guide than a distant year.
    expect(read('pada Kamis (21/6)', day('2024-06-25'))).toEqual(['Kamis (21/6) → 2024-06-21 day reference']);
  });

  it('takes the year from the reference, the previous year for a later month-day', () => {
    expect(read('rudal yang mendarat di Kharkiv pada 2 Januari', day('2024-06-15'))).toEqual(['2 Januari → 2024-01-02 day reference']);
    expect(read('pada 20 Desember', day('2024-06-15'))).toEqual(['20 Desember → 2023-12-20 day reference']);
    expect(read('akan digelar 20 Juli', day('2024-06-15'))).toEqual(['20 Juli → 2024-07-20 day reference']);
    // A day a few weeks ahead is upcoming, not last year's.
    expect(read('ia baru kembali tanggal 9 September', day('2019-09-04'))).toEqual(['9 September → 2019-09-09 day reference']);
    expect(read('ia kembali tanggal 9 November', day('2019-09-04'))).toEqual(['9 November → 2018-11-09 day reference']);
  });

  it('leaves a yearless date without weekday unresolved when there is no reference', () => {
    expect(findDates('pada 2 Januari berasal')).toEqual([]);
  });
});

describe('findDates: relative expressions', () => {
  const ref = day('2024-06-25'); // a Tuesday

  it.each([
    ['kemarin', 'kemarin → 2024-06-24 day relative'],
    ['kemarin lusa', 'kemarin lusa → 2024-06-23 day relative'],
    ['hari ini', 'hari ini → 2024-06-25 day relative'],
    ['3 hari lalu', '3 hari lalu → 2024-06-22 day relative'],
    ['bulan lalu', 'bulan lalu → 2024-05 month relative'],
    ['tahun lalu', 'tahun lalu → 2023 year relative'],
    ['2 tahun yang lalu', '2 tahun yang lalu → 2022 year relative'],
    ['di Pyongyang Rabu lalu.', 'Rabu lalu → 2024-06-19 day relative'],
    ['Pada hari Senin, ia', 'Senin → 2024-06-24 day relative'],
    ['pada Selasa', 'Selasa → 2024-06-25 day relative'],
    ['Jumat mendatang', 'Jumat mendatang → 2024-06-28 day relative'],
    ['sejak Sabtu pekan lalu', 'Sabtu pekan lalu → 2024-06-22 day relative'],
    ['Senin minggu depan', 'Senin minggu depan → 2024-07-01 day relative'],
  ])('%s', (text, expected) => {
    expect(read(text, ref)).toEqual([expected]);
  });

  it('"pekan lalu" is the previous Monday–Sunday, shown at month precision', () => {
    const [m] = findDates('kesepakatan Putin dan Kim pekan lalu untuk', ref);
    expect(m).toMatchObject({
      text: 'pekan lalu',
      date: { iso: '2024-06', precision: 'month' },
      resolution: 'relative',
      range: { from: '2024-06-17', to: '2024-06-23' },
    });
  });

  it('"minggu lalu" is last week, "pada Minggu" is Sunday', () => {
    expect(read('minggu lalu dan pada Minggu (23/6) dan hari Minggu', ref).map((s) => s.split(' → ')[1])).toEqual([
      '2024-06 month relative',
      '2024-06-23 day weekday',
      '2024-06-23 day relative',
    ]);
  });

  it('months: "pada bulan Juli", "September lalu", "Juli tahun lalu"', () => {
    expect(read('Shoigu ke Pyongyang pada bulan Juli yang', day('2023-09-12'))).toEqual(['bulan Juli → 2023-07 month reference']);
    expect(read('Kim ke Rusia pada September lalu.', day('2024-06-15'))).toEqual(['September lalu → 2023-09 month reference']);
    expect(read('pada September lalu.', day('2024-09-20'))).toEqual(['September lalu → 2023-09 month reference']);
    expect(read('sejak Juli tahun lalu', ref)).toEqual(['Juli tahun lalu → 2023-07 month reference']);
    expect(read('bulan Agustus', ref)).toEqual(['bulan Agustus → 2023-08 month reference']);
  });

  it('needs a reference: nothing relative is resolved without one', () => {
    expect(findDates('kemarin, pekan lalu, pada bulan Juli, September lalu, 2 Januari dan Rabu lalu')).toEqual([]);
  });

  it('needs a day reference for day offsets, a month reference for month offsets', () => {
    expect(read('kemarin dan bulan lalu dan tahun lalu', { iso: '2024-06', precision: 'month' })).toEqual([
      'bulan lalu → 2024-05 month relative',
      'tahun lalu → 2023 year relative',
    ]);
  });
});

describe('findDates: offsets and speed-safe shapes', () => {
  it('reports offsets into the scanned text', () => {
    const text = 'Perjanjian ditandatangani pada Rabu, 19 Juni 2024.';
    const [m] = findDates(text);
    expect(text.slice(m!.start, m!.end)).toBe('Rabu, 19 Juni 2024');
  });

  it('scans long repetitive input without blowing up', () => {
    const text = `${'Rabu, '.repeat(20_000)}${'1 1 1 '.repeat(20_000)}${'(1/'.repeat(20_000)} 19 Juni 2024`;
    expect(findDates(text).map((m) => m.date.iso)).toEqual(['2024-06-19']);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2024-06-19', { iso: '2024-06-19', precision: 'day' }],
    ['19 Juni 2024', { iso: '2024-06-19', precision: 'day' }],
    ['19/6/2024', { iso: '2024-06-19', precision: 'day' }],
    ['Juni 2024', { iso: '2024-06', precision: 'month' }],
    ['juni 2024', { iso: '2024-06', precision: 'month' }],
    ['Agt 2023', { iso: '2023-08', precision: 'month' }],
    ['2024-06', { iso: '2024-06', precision: 'month' }],
    [' 2024 ', { iso: '2024', precision: 'year' }],
    ['2024-6-9', { iso: '2024-06-09', precision: 'day' }],
  ])('%s', (input, expected) => {
    expect(parseDateInput(input)).toEqual(expected);
  });

  it.each(['', 'kemarin', 'foo 2024', '2024-13', '2024-02-30', '19 Juni', 'Juni', '19 Juni 2024 dan 20 Juni 2024'])(
    'rejects %j',
    (input) => {
      expect(parseDateInput(input)).toBeNull();
    },
  );
});
