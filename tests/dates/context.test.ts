import { describe, expect, it } from 'vitest';
import { isFutureContext, spanEnds } from '../../src/dates/context.ts';
import { findDates } from '../../src/dates/find.ts';

const reference = { iso: '2019-09-28', precision: 'day' } as const;

/** Each date of the text, and whether it is the end of a span. */
function read(text: string): Array<[string, boolean]> {
  const mentions = findDates(text, reference);
  const ends = spanEnds(text, mentions);
  return mentions.map((m) => [text.slice(m.start, m.end), ends.has(m)]);
}

describe('ends of a span', () => {
  it('reads a state until now, two dates joined as a span, and a bare first day as spans', () => {
    expect(read('Tunggakan peserta mandiri sejak 2014 hingga kini mencapai Rp 10 triliun.')).toEqual([['2014', true]]);
    expect(read('Sejak Agustus 2019 sampai sekarang harga naik.')).toEqual([['Agustus 2019', true]]);
    expect(read('Sejak Jumat (27/9) malam hingga Sabtu (28/9) dini hari ada 10 gempa di Ambon.')).toEqual([
      ['Jumat (27/9)', true],
      ['Sabtu (28/9)', true],
    ]);
    expect(read('Pameran berlangsung dari 10 hingga 12 September 2019 di JCC.')).toEqual([['12 September 2019', true]]);
    expect(read('Pameran berlangsung 10-12 September 2019 di JCC.')).toEqual([['12 September 2019', true]]);
    expect(read('Pameran berlangsung 10 sampai dengan 12 September 2019 di JCC.')).toEqual([['12 September 2019', true]]);
    expect(read('BPJS Kesehatan terus mencatatkan defisit sejak terbentuk pada 2014.')).toEqual([['2014', true]]);
  });

  it('leaves two dates of two clauses, and a score before a date, as dates', () => {
    expect(read('Gempa terjadi pada Kamis (26/9) pukul 08.46 WIT, dan susulan hingga Jumat (27/9) terasa.')).toEqual([
      ['Kamis (26/9) pukul 08.46 WIT', false],
      ['Jumat (27/9)', false],
    ]);
    expect(read('Skor 2-1 pada 12 September 2019 membuat tim lolos.')).toEqual([['12 September 2019', false]]);
    expect(read('Sejak Sabtu (14/9/2019) warga menemukan ikan mati di pantai.')).toEqual([['Sabtu (14/9/2019)', false]]);
    expect(read('Sejak lama warga mengeluh, dan pada 2014 jalan itu diperbaiki pemerintah.')).toEqual([['2014', false]]);
    expect(read('Habibie dirawat di RSPAD sejak awal bulan Juli 2019 karena kelelahan.')).toEqual([['Juli 2019', false]]);
  });
});

describe('future context', () => {
  it('reads a plan before or after the date', () => {
    expect(isFutureContext('Iuran akan naik pada 1 Januari 2020.', 20, 34)).toBe(true);
    expect(isFutureContext('Rapat digelar 20 Juli mendatang.', 14, 21)).toBe(true);
    expect(isFutureContext('Rapat digelar 20 Juli lalu.', 14, 21)).toBe(false);
  });
});
