import { describe, expect, it } from 'vitest';
import { ANSWER_BITS, answerClasses } from '../../src/search/answer.ts';
import { parseQuery } from '../../src/search/query.ts';

const is = (stem: string, kind: keyof typeof ANSWER_BITS) => (answerClasses(stem) & ANSWER_BITS[kind]) !== 0;

describe('answer classes of a stem', () => {
  it('numbers: digits and number words', () => {
    for (const stem of ['29', '3,5', 'puluh', 'ratus', 'juta', 'dua']) expect(is(stem, 'number'), stem).toBe(true);
    expect(is('naskah', 'number')).toBe(false);
  });

  it('dates: years, month and weekday names, not any number', () => {
    for (const stem of ['2005', '1962', 'oktober', 'selasa']) expect(is(stem, 'date'), stem).toBe(true);
    for (const stem of ['29', '3000', 'drama']) expect(is(stem, 'date'), stem).toBe(false);
  });

  it('names and places: a stem that is no Indonesian root word', () => {
    for (const stem of ['manhal', 'pasaribu', 'pyongyang', 'peskov']) expect(is(stem, 'name'), stem).toBe(true);
    for (const stem of ['tulis', 'presiden', 'oktober', '2005', 'x']) expect(is(stem, 'name'), stem).toBe(false);
    expect(ANSWER_BITS.place).toBe(ANSWER_BITS.name);
  });
});

describe('what a question asks for', () => {
  it('reads the question word and the words typed next to it', () => {
    const asks = (query: string) => parseQuery(query).asks;
    expect(asks('Siapa juru bicara Kremlin')).toBe('name');
    expect(asks('Siapakah direktur bursa')).toBe('name');
    expect(asks('Apa nama mata uang Thailand')).toBe('name');
    expect(asks('Berapa jumlah naskah drama')).toBe('number');
    expect(asks('Pada tahun berapakah SEA Games diadakan')).toBe('date');
    expect(asks('Kapan kuota tekstil berakhir')).toBe('date');
    expect(asks('Di negara manakah kota Anaheim')).toBe('place');
    expect(asks('Dimana rumah Arafat')).toBe('place');
    expect(asks('Apa warna pasir pantai')).toBeUndefined();
    expect(asks('Mengapa harga naik')).toBeUndefined();
    expect(asks('harga beras naik')).toBeUndefined();
    // a question word in quotes asks nothing
    expect(asks('"Siapa Takut" film')).toBeUndefined();
  });
});
