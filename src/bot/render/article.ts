import type { APIEmbed } from 'discord.js';
import type { Article } from '../../corpus/types.ts';
import { LIMITS, escapeMarkdown, packBlocks, truncate } from '../limits.ts';
import { BRAND_COLOR, clampPage, pagerRow, type MessageRow } from '../messages.ts';
import { SEARCH_IDS, hitSourceLine, safeUrl } from './search.ts';

/** Body characters per page: under the description limit, leaving room for the byline. */
const BODY_PAGE = 3500;

/** The article's body split into pages that each fit one embed, nothing dropped. */
export function articlePages(article: Article): string[] {
  const paragraphs = article.paragraphs.map((p) => escapeMarkdown(p.trim())).filter((p) => p !== '');
  const pages = packBlocks(paragraphs, BODY_PAGE, '\n\n');
  return pages.length > 0 ? pages : ['_(Artikel ini tidak memiliki isi teks.)_'];
}

function byline(article: Article): string {
  const people = [
    article.author && `Penulis: ${escapeMarkdown(article.author)}`,
    article.editor && `Editor: ${escapeMarkdown(article.editor)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return truncate([hitSourceLine(article), people].filter(Boolean).join('\n'), 400);
}

/**
 * One page of a full article, for an ephemeral reply: title (linked when a url is known),
 * byline on the first page, and Prev/Next buttons when the article spans several pages.
 */
export function renderArticlePage(
  article: Article,
  key: string,
  hitIndex: number,
  page: number,
): { embeds: APIEmbed[]; components: MessageRow[] } {
  const pages = articlePages(article);
  const current = clampPage(page, pages.length);
  const body = pages[current]!;
  const url = safeUrl(article.url);
  const embed: APIEmbed = {
    title: truncate(escapeMarkdown(article.title.replace(/\s+/g, ' ').trim()), LIMITS.embedTitle),
    description: truncate(current === 0 ? `${byline(article)}\n\n${body}` : body, LIMITS.embedDescription),
    color: BRAND_COLOR,
    footer: { text: truncate(`Bagian ${current + 1}/${pages.length} · ${article.file}`, LIMITS.embedFooter) },
  };
  if (url) embed.url = url;
  const components = pages.length > 1 ? [pagerRow((p) => SEARCH_IDS.articlePage(key, hitIndex, p), current, pages.length)] : [];
  return { embeds: [embed], components };
}
