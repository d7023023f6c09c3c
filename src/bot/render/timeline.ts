import type { APIEmbed } from 'discord.js';
import type { TimelineEvent, TimelineProblem, TimelineResult, TimelineSource } from '../../timeline/types.ts';
import { formatCount, formatDateId } from '../format.ts';
import { LIMITS, escapeMarkdown, packBlocks, truncate } from '../limits.ts';
import { BRAND_COLOR, packEmbeds } from '../messages.ts';
import { safeUrl } from './search.ts';

export interface TimelineHeading {
  topic?: string;
  dari?: string;
  sampai?: string;
}

/** Where a cited article can be read, when known. */
export type UrlLookup = (articleId: string) => string | null;

const NO_EVENTS = 'Tidak ada peristiwa bertanggal yang cocok. Coba topik yang lebih umum atau rentang tanggal yang lebih lebar.';

/** Why the timeline is empty, and what to try, in the bot's words (its options). */
export function timelineProblemText(problem: TimelineProblem): string {
  switch (problem.kind) {
    case 'bad-date':
      return `Tanggal "${problem.text}" tidak dikenali. Tulis misalnya 2024-06-19, 19 Juni 2024, Juni 2024, atau 2024.`;
    case 'reversed-range':
      return 'Tanggal awal (dari) jatuh setelah tanggal akhir (sampai). Tukar keduanya lalu coba lagi.';
    case 'common-words-topic':
      return `Topik "${problem.topic}" hanya berisi kata umum. Coba nama orang, tempat, atau peristiwa, misalnya "gempa" atau "revisi UU KPK".`;
    case 'no-words-topic':
      return 'Topik tidak berisi kata (hanya tanda baca, simbol, atau emoji). Coba nama orang, tempat, atau peristiwa, misalnya "gempa" atau "revisi UU KPK".';
    case 'only-exclusions-topic':
      return 'Topik hanya berisi pengecualian (-kata). Tambahkan kata yang dicari, misalnya "Korea Utara -Jepang".';
    case 'no-topic-match':
      return `Tidak ada peristiwa bertanggal tentang "${problem.topic}". Coba kata kunci lain atau yang lebih umum, periksa ejaannya, atau gunakan /cari untuk melihat artikel yang ada.`;
    case 'no-dated-events':
      return 'Belum ada peristiwa bertanggal di korpus. Muat artikel yang menyebut tanggal peristiwa, lalu coba lagi.';
    case 'none-in-range':
      return `Tidak ada peristiwa bertanggal${problem.topic ? ` tentang "${problem.topic}"` : ''} dalam rentang tanggal itu. Perluas rentang (dari/sampai) atau hapus batas tanggalnya.`;
  }
}

function sourceName(source: TimelineSource): string {
  return escapeMarkdown(source.publisher ?? truncate(source.title, 40));
}

function eventLine(event: TimelineEvent, urlOf: UrlLookup): string {
  const sources = event.sources.map((source) => {
    const url = safeUrl(source.url ?? urlOf(source.articleId));
    return url ? `[${sourceName(source)}](${url})` : sourceName(source);
  });
  return `• ${escapeMarkdown(event.summary.replace(/\s+/g, ' ').trim())} — ${sources.join(', ')}`;
}

/** Events grouped under their Indonesian date heading, in the order the timeline gives them. */
function dateBlocks(events: readonly TimelineEvent[], urlOf: UrlLookup): string[] {
  const blocks: string[] = [];
  let heading = '';
  let lines: string[] = [];
  for (const event of events) {
    const next = formatDateId(event.date, event.precision);
    if (next !== heading && lines.length > 0) {
      blocks.push(`**${heading}**\n${lines.join('\n')}`);
      lines = [];
    }
    heading = next;
    lines.push(eventLine(event, urlOf));
  }
  if (lines.length > 0) blocks.push(`**${heading}**\n${lines.join('\n')}`);
  return blocks;
}

function title(view: TimelineHeading): string {
  const range = [view.dari && `dari ${view.dari}`, view.sampai && `sampai ${view.sampai}`].filter(Boolean).join(' ');
  const text = `Timeline${view.topic ? `: ${view.topic}` : ''}${range ? ` (${range})` : ''}`;
  return truncate(escapeMarkdown(text.replace(/\s+/g, ' ')), LIMITS.embedTitle);
}

/**
 * The timeline as messages of embeds: the first message answers the deferred command, the rest
 * go out as follow-ups. Each embed, and each message, stays within Discord's limits however many events.
 */
export function renderTimeline(result: TimelineResult, view: TimelineHeading, urlOf: UrlLookup): APIEmbed[][] {
  if (result.events.length === 0) {
    return [
      [
        {
          title: title(view),
          description: truncate(result.problem ? timelineProblemText(result.problem) : NO_EVENTS, LIMITS.embedDescription),
          color: BRAND_COLOR,
        },
      ],
    ];
  }
  const chunks = packBlocks(dateBlocks(result.events, urlOf), LIMITS.embedDescription, '\n\n');
  const embeds: APIEmbed[] = chunks.map((description) => ({ description, color: BRAND_COLOR }));
  embeds[0]!.title = title(view);
  const more = result.total > result.events.length ? ' · pakai opsi jumlah untuk melihat lebih banyak' : '';
  embeds[embeds.length - 1]!.footer = {
    text: `${formatCount(result.events.length)} dari ${formatCount(result.total)} peristiwa${more}`,
  };
  return packEmbeds(embeds);
}
