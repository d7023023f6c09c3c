import type { Article } from '../../src/corpus/types.ts';

/** A synthetic article: only what a test states differs from an empty one. */
export function article(fields: Partial<Article> & Pick<Article, 'id' | 'title'>): Article {
  return {
    file: `${fields.id}.txt`,
    format: 'txt',
    titleDerived: false,
    date: null,
    publisher: null,
    origin: null,
    author: null,
    editor: null,
    url: null,
    captions: [],
    paragraphs: [],
    warnings: [],
    ...fields,
  };
}

export const day = (iso: string) => ({ iso, precision: 'day' as const, provenance: 'metadata' as const });
export const month = (iso: string) => ({ iso, precision: 'month' as const, provenance: 'metadata' as const });
