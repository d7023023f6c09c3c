import { ComponentType, type APIEmbed } from 'discord.js';
import { renderRanges } from '../../search/excerpt.ts';
import type { SearchHit, SearchProblem, SourceName } from '../../search/types.ts';
import { sourceText } from '../../wording/source.ts';
import { formatCount, formatPublicationDate } from '../format.ts';
import { LIMITS, escapeMarkdown, label, truncate } from '../limits.ts';
import { BRAND_COLOR, clampPage, pagerRow, type MessageRow } from '../messages.ts';

export const HITS_PER_PAGE = 5;

/** A search's results as kept server-side for paging and the article menu. */
export interface SearchSession {
  query: string;
  /** Filters as the user typed them, for the header line. */
  filters: { sumber?: string; dari?: string; sampai?: string };
  hits: SearchHit[];
  total: number;
  tookMs: number;
  /** The engine's spelling suggestion when the query had few hits. */
  didYouMean?: string;
}

/** custom_id layouts; `key` is a PageStore key (10 characters), so all stay far under 100. */
export const SEARCH_IDS = {
  page: (key: string, page: number) => `cari:hal:${key}:${page}`,
  open: (key: string) => `cari:buka:${key}`,
  articlePage: (key: string, hit: number, page: number) => `cari:art:${key}:${hit}:${page}`,
};

export function pageCount(session: SearchSession): number {
  return Math.max(1, Math.ceil(session.hits.length / HITS_PER_PAGE));
}

/**
 * Each hit gets a fixed share of the description, so a full page (header + 5 hits) always
 * fits in 4,096 characters; a long title or url gives way before the excerpt does.
 */
const HEADER_MAX = 400;
const HIT_BUDGET = Math.floor((LIMITS.embedDescription - HEADER_MAX - 2 * HITS_PER_PAGE) / HITS_PER_PAGE);
const HIT_TITLE_MAX = 180;
const SOURCE_LINE_MAX = 140;

/** A link target Discord will not cut short: ")" and spaces would end a markdown link early. */
export function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** "Kompas TV, dari Antara · 20 Juni 2024": the outlet, the origin its text credits, and the date. */
export function hitSourceLine(hit: Pick<SearchHit, 'publisher' | 'origin' | 'date'>): string {
  return truncate(`${escapeMarkdown(sourceText(hit))} · ${formatPublicationDate(hit.date)}`, SOURCE_LINE_MAX);
}

/** An autocomplete label for the `sumber` option: the name and what it is to the corpus's articles. */
export function sourceChoiceLabel(source: SourceName): string {
  const roles = [
    source.published > 0 && `penerbit ${formatCount(source.published)} artikel`,
    source.credited > 0 && `asal berita ${formatCount(source.credited)} artikel`,
  ].filter(Boolean);
  return `${source.name} — ${roles.join(', ')}`;
}

/** The engine's plain excerpt for Discord: the article's markdown escaped, the matched words in bold. */
export function excerptMarkdown(hit: Pick<SearchHit, 'excerpt' | 'highlights'>): string {
  const markdown = renderRanges(hit.excerpt, hit.highlights, escapeMarkdown, (word) => `**${escapeMarkdown(word)}**`);
  // the bot sends no mentions; the zero-width space keeps "@everyone" from even looking like one
  return markdown.replace(/@(everyone|here)\b/gi, '@\u200b$1');
}

function hitBlock(hit: SearchHit, rank: number): string {
  const title = truncate(escapeMarkdown(hit.title.replace(/\s+/g, ' ').trim()), HIT_TITLE_MAX);
  const url = safeUrl(hit.url);
  const linked = url !== null && title.length + url.length + 12 <= HIT_BUDGET / 2;
  const heading = linked ? `**${rank}. [${title}](${url})**` : `**${rank}. ${title}**`;
  const source = hitSourceLine(hit);
  const excerpt = truncate(excerptMarkdown(hit), HIT_BUDGET - heading.length - source.length - 2);
  return `${heading}\n${source}\n${excerpt}`;
}

/** Filters in force and a spelling suggestion, above the hits. */
function headerLine(session: SearchSession): string {
  const { sumber, dari, sampai } = session.filters;
  const parts = [
    sumber && `sumber: ${escapeMarkdown(sumber)}`,
    dari && `dari: ${escapeMarkdown(dari)}`,
    sampai && `sampai: ${escapeMarkdown(sampai)}`,
  ].filter(Boolean);
  const lines = [
    parts.length > 0 ? `Filter: ${parts.join(' · ')}` : '',
    session.didYouMean ? `Mungkin maksud Anda: **${escapeMarkdown(session.didYouMean)}**?` : '',
  ].filter((line) => line !== '');
  return truncate(lines.join('\n'), HEADER_MAX);
}

/** One page of results: the embed, Prev/Next buttons (when there is more than a page) and the article menu. */
export function renderSearchPage(session: SearchSession, key: string, page: number): { embeds: APIEmbed[]; components: MessageRow[] } {
  const pages = pageCount(session);
  const current = clampPage(page, pages);
  const first = current * HITS_PER_PAGE;
  const hits = session.hits.slice(first, first + HITS_PER_PAGE);
  const blocks = hits.map((hit, i) => hitBlock(hit, first + i + 1));
  const header = headerLine(session);
  const description = truncate([header, ...blocks].filter((b) => b !== '').join('\n\n'), LIMITS.embedDescription);
  const shown = session.total > session.hits.length ? ` (${session.hits.length} teratas ditampilkan)` : '';
  const embed: APIEmbed = {
    title: truncate(`Hasil pencarian: “${escapeMarkdown(session.query.replace(/\s+/g, ' '))}”`, LIMITS.embedTitle),
    description,
    color: BRAND_COLOR,
    footer: { text: `Halaman ${current + 1}/${pages} · ${formatCount(session.total)} hasil${shown} · ${Math.round(session.tookMs)} ms` },
  };
  const components: MessageRow[] = [];
  if (pages > 1) components.push(pagerRow((p) => SEARCH_IDS.page(key, p), current, pages));
  if (hits.length > 0) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: SEARCH_IDS.open(key),
          placeholder: 'Buka satu artikel selengkapnya…',
          options: hits.map((hit, i) => ({
            label: label(`${first + i + 1}. ${hit.title}`, LIMITS.selectLabel),
            description: label(`${sourceText(hit)} · ${formatPublicationDate(hit.date)}`, LIMITS.selectDescription),
            value: String(first + i),
          })),
        },
      ],
    });
  }
  return { embeds: [embed], components };
}

/** Why a query could not run, in Indonesian for a Discord user (the options are `kueri`, `sumber`, `dari`, `sampai`). */
export function searchProblemText(problem: SearchProblem): string {
  switch (problem.kind) {
    case 'empty-query':
      return 'kueri kosong';
    case 'query-too-long':
      return `kueri terlalu panjang (${problem.chars} karakter; paling banyak ${problem.maxChars})`;
    case 'no-words':
      return 'kueri tidak berisi kata yang bisa dicari (hanya tanda baca, simbol, atau emoji)';
    case 'only-common-words':
      return 'kueri hanya berisi kata umum atau kata tanya (seperti "yang", "dan", "siapa"); tambahkan kata yang lebih khas';
    case 'only-exclusions':
      return 'kueri hanya berisi pengecualian (-kata); tambahkan kata yang dicari';
    case 'unknown-source':
      return `sumber "${escapeMarkdown(problem.source)}" tidak ada di korpus, sebagai penerbit maupun asal berita${problem.suggestions.length > 0 ? ` (mungkin: ${problem.suggestions.map(escapeMarkdown).join(', ')})` : ''}`;
    case 'bad-date':
      return `tanggal \`${problem.bound === 'from' ? 'dari' : 'sampai'}\` tidak dikenali: "${escapeMarkdown(problem.value)}"`;
    case 'reversed-dates':
      return `rentang tanggal terbalik: \`dari\` (${escapeMarkdown(problem.from)}) jatuh setelah \`sampai\` (${escapeMarkdown(problem.to)})`;
  }
}
