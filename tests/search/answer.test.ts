import { describe, expect, it } from 'vitest';
import { ANSWER_BITS, answerClasses, spellsOut } from '../../src/search/answer.ts';
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

describe('an acronym written out', () => {
  it('finds capitalized words whose initials spell it, connectors and hyphenated halves included', () => {
    expect(spellsOut(['Menurut Lembaga Ilmu Pengetahuan Indonesia, danau rusak.'], 'lipi')).toBe(true);
    expect(spellsOut(['Ketua Badan Rehabilitasi dan Rekonstruksi (BRR) Aceh.'], 'brr')).toBe(true);
    expect(spellsOut(['Sidang Perserikatan Bangsa-Bangsa di New York.'], 'pbb')).toBe(true);
    expect(spellsOut(["Aturan dari Federation Internationale de l'Automobile."], 'fia')).toBe(true);
    // the initials must follow each other, each word capitalized
    expect(spellsOut(['Lembaga itu meneliti Ilmu Pengetahuan Indonesia.'], 'lipi')).toBe(false);
    expect(spellsOut(['lembaga ilmu pengetahuan indonesia'], 'lipi')).toBe(false);
    expect(spellsOut(['Peneliti LIPI meneliti danau.'], 'lipi')).toBe(false);
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
    // every question word's -kah form asks as the word does
    expect(asks('Dimanakah rumah Arafat')).toBe('place');
    expect(asks('Kapankah kuota tekstil berakhir')).toBe('date');
    expect(asks('Apa warna pasir pantai')).toBeUndefined();
    expect(asks('Mengapa harga naik')).toBeUndefined();
    expect(asks('harga beras naik')).toBeUndefined();
    expect(parseQuery('Apakah kepanjangan dari LIPI')).toMatchObject({ asks: 'expansion', acronym: 'lipi' });
    expect(parseQuery('singkatannya BKSDA')).toMatchObject({ asks: 'expansion', acronym: 'bksda' });
    // no acronym typed: nothing to spell out
    expect(asks('Apa kepanjangan dari lipi')).toBeUndefined();
    // a question word in quotes asks nothing
    expect(asks('"Siapa Takut" film')).toBeUndefined();
  });

  it('takes "nama" beside a question word as part of the question: it ranks, but does not coordinate', () => {
    const words = (query: string) => parseQuery(query).words.map((w) => w.norm);
    const common = (query: string) => parseQuery(query).commonWords.map((w) => w.norm);
    expect(words('Apa nama ibu kota Myanmar')).toEqual(['ibu', 'kota', 'myanmar']);
    expect(common('Apa nama ibu kota Myanmar')).toContain('nama');
    expect(words('Siapakah nama juru bicara Kremlin')).toEqual(['juru', 'bicara', 'kremlin']);
    // elsewhere it is a word of the topic
    expect(words('nama jalan baru')).toContain('nama');
    expect(words('Siapa yang mengganti nama jalan')).toContain('nama');
  });
});
