import { isInboxArticle } from './inbox.ts';
import { bodyTextHash, wordsOf } from './text.ts';
import type { Article } from './types.ts';

/** Query parameters that only track a click; two urls differing in them are the same page. */
const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|ref|src|amp|_ga)$/i;

/**
 * A url reduced to what names the page: no scheme, no "www."/"m.", no fragment, no tracking
 * parameters, no trailing slash. Null when it is not an http(s) url.
 */
export function normalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  const params = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/(?:amp\/?)?$/, '') || '';
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/** What a new article is checked against: its url and the hash of its body text. */
export interface DuplicateProbe {
  url: string | null;
  textHash: string;
}

/** An article as an editor picks it from a list. */
export interface ArticleEntry {
  id: string;
  title: string;
  file: string;
  date: string | null;
  publisher: string | null;
}

/**
 * Lookups over a loaded corpus that the index does not answer: is this article already here
 * (by url or by text), and which articles have these words in their title.
 */
export class ArticleCatalog {
  readonly #byUrl = new Map<string, string>();
  readonly #byText = new Map<string, string>();

  constructor(private readonly articles: readonly Article[]) {
    for (const article of articles) {
      const url = article.url === null ? null : normalizeUrl(article.url);
      if (url !== null && !this.#byUrl.has(url)) this.#byUrl.set(url, article.id);
      const hash = bodyTextHash(article.paragraphs);
      if (!this.#byText.has(hash)) this.#byText.set(hash, article.id);
    }
  }

  /** Id of an article with the same normalized url or the same body text, or null. */
  duplicateOf(probe: DuplicateProbe): string | null {
    const url = probe.url === null ? null : normalizeUrl(probe.url);
    return (url !== null ? this.#byUrl.get(url) : undefined) ?? this.#byText.get(probe.textHash) ?? null;
  }

  /**
   * Articles whose title holds every typed word (as a word prefix): those added through the inbox
   * first, newest first.
   */
  titles(typed: string, limit = 25): ArticleEntry[] {
    const wanted = wordsOf(typed);
    const found: Article[] = [];
    for (const article of this.articles) {
      const words = wordsOf(article.title);
      if (wanted.every((w) => words.some((t) => t.startsWith(w)))) found.push(article);
    }
    const inboxFirst = (a: Article): number => (isInboxArticle(a.file) ? 0 : 1);
    return found
      .sort((a, b) => inboxFirst(a) - inboxFirst(b) || (b.date?.iso ?? '').localeCompare(a.date?.iso ?? ''))
      .slice(0, limit)
      .map((a) => ({ id: a.id, title: a.title, file: a.file, date: a.date?.iso ?? null, publisher: a.publisher }));
  }
}
