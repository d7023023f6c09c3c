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

/** What the search engine's `matchArticles` would give, standing in for it: articles whose title or body contain a word of the topic. */
export function topicMatches(articles: readonly Article[], topic: string, limit = 100): { id: string; score: number }[] {
  const words = topic.toLowerCase().split(/\s+/).filter(Boolean);
  return articles
    .filter((a) => words.some((w) => `${a.title} ${a.paragraphs.join(' ')}`.toLowerCase().includes(w)))
    .slice(0, limit)
    .map((a, i) => ({ id: a.id, score: 1 / (i + 1) }));
}
