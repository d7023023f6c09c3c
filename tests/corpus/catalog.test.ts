import { describe, expect, it } from 'vitest';
import { ArticleCatalog, normalizeUrl } from '../../src/corpus/catalog.ts';
import { bodyTextHash } from '../../src/corpus/text.ts';
import type { Article } from '../../src/corpus/types.ts';
import { article as fixture } from '../search/fixtures.ts';

describe('normalizeUrl', () => {
  it('drops scheme, www, fragment, tracking parameters and a trailing slash', () => {
    expect(normalizeUrl('https://www.Kompas.com/read/2024/06/19/abc/?utm_source=x&id=2#top')).toBe('kompas.com/read/2024/06/19/abc?id=2');
    expect(normalizeUrl('http://kompas.com/read/2024/06/19/abc')).toBe('kompas.com/read/2024/06/19/abc');
  });
  it('is null for what is not an http(s) url', () => {
    expect(normalizeUrl('ftp://x.org/a')).toBeNull();
    expect(normalizeUrl('bukan url')).toBeNull();
  });
});

const article = (id: string, fields: Partial<Article>): Article =>
  fixture({ title: `Judul ${id}`, paragraphs: [`Isi artikel ${id}.`], ...fields, id });

describe('ArticleCatalog', () => {
  const articles = [
    article('seeds/a', { url: 'https://www.bisnis.com/read/putin-kim', paragraphs: ['Putin bertemu Kim di Pyongyang.'] }),
    article('masuk/2024-06-20-banjir-ab12cd', { file: 'masuk/2024-06-20-banjir-ab12cd.md', title: 'Banjir Rendam Bekasi' }),
    article('seeds/b', { title: 'Banjir Bandang di Sumbar', date: { iso: '2024-05-12', precision: 'day', provenance: 'byline' } }),
  ];
  const catalog = new ArticleCatalog(articles);

  it('finds a duplicate by normalized url or by body text, and nothing for a new article', () => {
    expect(catalog.duplicateOf({ url: 'http://bisnis.com/read/putin-kim/?utm_medium=wa', textHash: 'x' })).toBe('seeds/a');
    expect(catalog.duplicateOf({ url: null, textHash: bodyTextHash(['PUTIN bertemu Kim di Pyongyang.']) })).toBe('seeds/a');
    expect(catalog.duplicateOf({ url: 'https://bisnis.com/lain', textHash: bodyTextHash(['Berita lain.']) })).toBeNull();
  });

  it('lists titles holding every typed word prefix, inbox articles first', () => {
    expect(catalog.titles('banj').map((e) => e.id)).toEqual(['masuk/2024-06-20-banjir-ab12cd', 'seeds/b']);
    expect(catalog.titles('banjir sumb').map((e) => e.id)).toEqual(['seeds/b']);
    expect(catalog.titles('', 2)).toHaveLength(2);
  });
});
