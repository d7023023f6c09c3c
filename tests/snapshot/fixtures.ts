import type { Article } from '../../src/corpus/types.ts';

/** A hand-made article: enough for stats, hashes and the store's comparisons. */
export function article(id: string, title = `Judul ${id}`, publisher: string | null = 'Bisnis.com', iso = '2024-06-19'): Article {
  return {
    id,
    file: `${id}.txt`,
    format: 'txt',
    title,
    titleDerived: false,
    date: { iso, precision: 'day', provenance: 'byline' },
    publisher,
    origin: null,
    author: null,
    editor: null,
    url: null,
    captions: [],
    paragraphs: [`Isi ${title}`],
    warnings: [],
  };
}
