import type { ArticleDraft } from '../corpus/article.ts';
import { WARNING_SEPARATOR } from '../corpus/drafts.ts';
import type { PublicationDate } from '../corpus/types.ts';
import { articleWarningText } from '../wording/article-warning.ts';

/** Offsets for the zone names the date reader writes after a time ("10:01 WIB"). */
const ZONE_OFFSETS: Readonly<Record<string, string>> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00', UTC: 'Z' };

/** A publication date as a front-matter value the loader reads back to the same day and time. */
export function frontMatterDate(date: PublicationDate): string {
  const m = date.time === undefined ? null : /^(\d{2}:\d{2})(?:\s+(\S+))?$/.exec(date.time);
  if (date.precision !== 'day' || !m) return date.iso;
  const zone = m[2] === undefined ? '' : (ZONE_OFFSETS[m[2]] ?? (/^[+-]\d{2}:\d{2}$/.test(m[2]) ? m[2] : ''));
  return `${date.iso}T${m[1]}:00${zone}`;
}

function line(key: string, value: string | null | undefined): string[] {
  return value === null || value === undefined || value.trim() === ''
    ? []
    : [`${key}: ${JSON.stringify(value.replace(/\s+/g, ' ').trim())}`];
}

/**
 * The .md file the bot saves for a web page: front matter with everything the page told (so a later
 * load needs no network), captions as image alt texts, then the cleaned paragraphs.
 */
export function articleMarkdown(draft: ArticleDraft): string {
  const front = [
    ...line('title', draft.title),
    ...(draft.date ? line('date', frontMatterDate(draft.date)) : []),
    ...(draft.date && draft.date.provenance !== 'metadata' ? line('date_provenance', draft.date.provenance) : []),
    ...line('publisher', draft.publisher),
    ...line('origin', draft.origin),
    ...line('author', draft.author),
    ...line('editor', draft.editor),
    ...line('url', draft.url),
    ...line('peringatan', draft.warnings.map(articleWarningText).join(WARNING_SEPARATOR)),
  ];
  const captions = draft.captions.map((c) => `![${c.replace(/[[\]]/g, '')}]()`);
  return `---\n${front.join('\n')}\n---\n\n${[...captions, ...draft.paragraphs].join('\n\n')}\n`;
}
