import type { Article } from './types.ts';
import { truncateWords } from './text.ts';

/** An article as a format reader produces it: the loader gives it its id, and a title if it has none. */
export type ArticleDraft = Omit<Article, 'id' | 'title' | 'titleDerived'> & {
  /** The id the source states (.jsonl `id`, front-matter `id`), if any. */
  statedId?: string;
  title: string | null;
};

const TITLE_MAX = 120;

/** A title from the lead: its first sentence, cut at a word boundary. */
export function titleFromLead(lead: string): string {
  const sentence = /^.+?[.!?](?=\s+["“]?\p{Lu}|$)/u.exec(lead)?.[0] ?? lead;
  return truncateWords(sentence.replace(/[.!]$/, ''), TITLE_MAX);
}

/** The Article record, or the reason it cannot be one. */
export function finishArticle(draft: ArticleDraft, id: string): Article | { reason: string } {
  const paragraphs = draft.paragraphs.filter((p) => p.trim() !== '');
  const lead = paragraphs[0];
  if (lead === undefined) return { reason: 'tidak ada teks isi' };
  const warnings = [...draft.warnings];
  let title = draft.title?.trim() ?? '';
  const titleDerived = title === '';
  if (titleDerived) {
    title = titleFromLead(lead);
    warnings.push('judul tidak ada; diambil dari kalimat pertama');
  }
  const { statedId: _statedId, title: _title, ...fields } = draft;
  return { id, title, titleDerived, ...fields, paragraphs, warnings };
}

/** An article without its text (body, captions, credits, notes): what a thread that needs its metadata only is sent. */
export function withoutText(article: Article): Article {
  const { id, file, format, title, titleDerived, date, publisher, origin, url } = article;
  return {
    id,
    file,
    format,
    title,
    titleDerived,
    date,
    publisher,
    origin,
    author: null,
    editor: null,
    url,
    captions: [],
    paragraphs: [],
    warnings: [],
  };
}
