import type { Article } from '../../src/corpus/types.ts';

/** A hand-made article: only what the timeline reads needs to be given. */
export function article(fields: {
  id: string;
  publisher: string | null;
  date: string | null;
  paragraphs: string[];
  title?: string;
  captions?: string[];
}): Article {
  return {
    id: fields.id,
    file: `${fields.id}.txt`,
    format: 'txt',
    title: fields.title ?? `Artikel ${fields.id}`,
    titleDerived: false,
    date: fields.date === null ? null : { iso: fields.date, precision: 'day', provenance: 'byline' },
    publisher: fields.publisher,
    origin: null,
    author: null,
    editor: null,
    url: null,
    captions: fields.captions ?? [],
    paragraphs: fields.paragraphs,
    warnings: [],
  };
}

/** A topic matcher standing in for the search engine: articles whose title or body contain the word. */
export function wordMatcher(articles: readonly Article[]): {
  matchArticles(query: string, limit?: number): { id: string; score: number }[];
} {
  return {
    matchArticles(query: string, limit = 100) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return articles
        .filter((a) => words.some((w) => `${a.title} ${a.paragraphs.join(' ')}`.toLowerCase().includes(w)))
        .slice(0, limit)
        .map((a, i) => ({ id: a.id, score: 1 / (i + 1) }));
    },
  };
}
