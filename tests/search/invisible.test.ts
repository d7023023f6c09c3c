// Zero-width characters, soft hyphens and byte order marks inside a word: removed before analysis, in the
// query and in the index alike, so "pu\u200btin" is Putin and never "PU".
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, tokenize } from '../../src/search/analyzer.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { article } from './fixtures.ts';

const INVISIBLES = ['\u200b', '\u00ad', '\ufeff', '\u200c', '\u200d', '\u2060', '\u200e'];

let engine: SearchEngine;
beforeAll(async () => {
  engine = await SearchEngine.build([
    article({ id: 'putin', title: 'Putin tiba di Pyongyang', paragraphs: ['Presiden Rusia tiba di Pyongyang untuk kunjungan dua hari.'] }),
    article({
      id: 'pu',
      title: 'Kementerian PU perbaiki jalan tol',
      paragraphs: ['Kementerian PU memperbaiki jalan tol yang rusak akibat banjir.'],
    }),
    // Index side: text that reached the engine without the corpus's hygiene (a curated article, say).
    article({
      id: 'kim',
      title: 'Pertemuan di Pyongyang',
      paragraphs: ['Kim\u200b Jong\u00adun menyambut tamunya dengan upa\u200bcara meriah.'],
    }),
  ]);
});

describe('invisible characters inside words', () => {
  it.each(INVISIBLES)('analyze reads "pu%stin" as one word, putin', (invisible) => {
    expect(analyze(`pu${invisible}tin`)).toEqual(['putin']);
  });

  it('a word of invisible characters only is no word; offsets still point into the text as given', () => {
    expect(analyze('\ufeff \u200b\u200b')).toEqual([]);
    const [token] = tokenize('\ufeffPu\u00adtin');
    expect(token).toMatchObject({ norm: 'putin', start: 0, end: 7 });
  });

  it.each(INVISIBLES)('the query "pu%stin" finds Putin, not "PU"', (invisible) => {
    const result = engine.search(`pu${invisible}tin`);
    expect(result.problem).toBeUndefined();
    expect(result.hits.map((h) => h.articleId)).toEqual(['putin']);
  });

  it('a query behind a byte order mark is read as typed', () => {
    expect(engine.search('\ufeffpyongyang putin').hits[0]!.articleId).toBe('putin');
  });

  it('index side: an article whose text holds invisible characters is found by the plain words', () => {
    expect(engine.search('upacara').hits.map((h) => h.articleId)).toEqual(['kim']);
    expect(engine.search('jongun').hits.map((h) => h.articleId)).toEqual(['kim']);
  });
});
