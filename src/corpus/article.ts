import { createHash } from 'node:crypto';
import type { Article, LoadProblem } from './types.ts';
import { bodyTextHash, truncateWords } from './text.ts';

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

/** An article as its file gives it, before the corpus gives it its id: what the parse cache keeps. */
export type ParsedArticle = Omit<Article, 'id' | 'digest'> & {
  statedId?: string;
  /** `bodyTextHash` of the paragraphs: articles with equal keys are one text (the loader keeps the first). */
  textKey: string;
  digest: string;
};

/** A parsed article's fields besides its text: what the loader's assembly reads. */
export type ParsedFields = Omit<ParsedArticle, 'paragraphs' | 'captions'>;

/** Body text: what the digest covers and a text file holds. */
export type BodyText = Pick<Article, 'paragraphs' | 'captions'>;

/** A fingerprint of an article's paragraphs and captions, hashed piece by piece (no second copy of the text). */
export function textDigest({ paragraphs, captions }: BodyText): string {
  const hash = createHash('sha1').update(`${paragraphs.length}\0${captions.length}\0`);
  for (const p of paragraphs) hash.update(p).update('\0');
  for (const c of captions) hash.update(c).update('\0');
  return hash.digest('base64url');
}

/** The article's digest: the one the loader computed, else from its text. */
export function articleDigest(article: Article): string {
  return article.digest ?? textDigest(article);
}

/** The parsed article, or the problem that stops it being one. */
export function finishArticle(draft: ArticleDraft): ParsedArticle | { problem: LoadProblem } {
  const paragraphs = draft.paragraphs.filter((p) => p.trim() !== '');
  const lead = paragraphs[0];
  if (lead === undefined) return { problem: { kind: 'no-body' } };
  const warnings = [...draft.warnings];
  let title = draft.title?.trim() ?? '';
  const titleDerived = title === '';
  if (titleDerived) {
    title = titleFromLead(lead);
    warnings.push({ kind: 'title-derived' });
  }
  const { title: _title, ...fields } = draft;
  const text = { paragraphs, captions: draft.captions };
  return { title, titleDerived, ...fields, paragraphs, warnings, textKey: bodyTextHash(paragraphs), digest: textDigest(text) };
}

/** The Article of a parsed one under its id, with a warnings list of its own (the loader appends to it). */
export function articleOf(parsed: ParsedArticle, id: string): Article {
  const { statedId: _statedId, textKey: _textKey, warnings, ...fields } = parsed;
  return { id, ...fields, warnings: [...warnings] };
}
