import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/timeline/sentences.ts';

const texts = (paragraph: string): string[] => splitSentences(paragraph).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at end marks followed by a capital, with offsets into the paragraph', () => {
    const paragraph = 'Cho dan Blinken mendiskusikan tanggapan. Mereka juga sepakat memantau situasi!  Apa artinya?';
    const spans = splitSentences(paragraph);
    expect(spans.map((s) => s.text)).toEqual([
      'Cho dan Blinken mendiskusikan tanggapan.',
      'Mereka juga sepakat memantau situasi!',
      'Apa artinya?',
    ]);
    for (const span of spans) expect(paragraph.slice(span.start, span.end)).toBe(span.text);
  });

  it('keeps initials, titles, abbreviations and numbers inside the sentence', () => {
    expect(texts('Presiden ke-3 RI B. J. Habibie dirawat oleh Dr. Terawan di Jl. Abdul Rahman Saleh. Biayanya Rp 1.500.000.')).toEqual([
      'Presiden ke-3 RI B. J. Habibie dirawat oleh Dr. Terawan di Jl. Abdul Rahman Saleh.',
      'Biayanya Rp 1.500.000.',
    ]);
    expect(texts('Jenazah B.J. Habibie tiba pukul 14.30 WIB. Upacara dimulai.')).toHaveLength(2);
  });

  it('does not split a quotation from the verb of saying that follows it', () => {
    expect(texts('"Ini sangat memprihatinkan," kata Miller. "Kami akan bekerja sama." Itu katanya.')).toEqual([
      '"Ini sangat memprihatinkan," kata Miller.',
      '"Kami akan bekerja sama."',
      'Itu katanya.',
    ]);
    expect(texts('“Kami menolak revisi ini.” ujar Ketua KPK Agus Rahardjo.')).toHaveLength(1);
  });
});

describe('splitSentences on scraped text', () => {
  it('splits where a dropped link left "., " between two sentences', () => {
    expect(texts('Sudah stabil," ucap dia., Diketahui, BJ Habibie dirawat sejak 1 September 2019.')).toEqual([
      'Sudah stabil," ucap dia.',
      'Diketahui, BJ Habibie dirawat sejak 1 September 2019.',
    ]);
  });
});
