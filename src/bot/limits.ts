/**
 * Discord's message limits as code, and the text helpers that respect them.
 * Every renderer goes through these, so no message can be rejected for size.
 * Lengths are counted in UTF-16 units, which is never less than Discord's count.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  /** Sum of every embed's title, description, fields, footer and author in one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
  selectValue: 100,
  selectPlaceholder: 150,
} as const;

export const ELLIPSIS = '…';

/** Never cut a surrogate pair in half: back off one unit when `at` falls inside one. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * Cut `text` to at most `max` units at a word boundary, ending with "…".
 * Falls back to a hard cut only when the last word boundary would throw away more than half.
 * A `**bold**` span opened before the cut is closed, so an excerpt never bleeds bold into what follows.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length - 2; // 2 spare for a closing "**"
  let cut = safeCut(text, room);
  const space = text.lastIndexOf(' ', cut);
  const newline = text.lastIndexOf('\n', cut);
  const boundary = Math.max(space, newline);
  if (boundary > room / 2) cut = boundary;
  let head = text.slice(0, cut).replace(/[\s\\]+$/u, '');
  if (countUnescapedBold(head) % 2 === 1) head += '**';
  return head + ELLIPSIS;
}

function countUnescapedBold(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '*' && text[i + 1] === '*') {
      count++;
      i++;
    }
  }
  return count;
}

/**
 * Split `text` into pieces of at most `max` units without losing anything,
 * preferring paragraph, then line, then word boundaries.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, safeCut(rest, max));
    let cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'));
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = window.length;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/**
 * Pack blocks (lines, paragraphs) into chunks of at most `max` units, joined by `separator`.
 * A block longer than `max` is split at word boundaries, never dropped.
 */
export function packBlocks(blocks: readonly string[], max: number, separator = '\n'): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const block of blocks) {
    for (const piece of block.length > max ? splitText(block, max) : [block]) {
      const joined = current === '' ? piece : current + separator + piece;
      if (joined.length <= max) {
        current = joined;
        continue;
      }
      if (current !== '') chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * Escape Discord markdown in text that comes from articles, so a title like
 * "*Breaking* __news__" or "# Headline" shows as written and "[x](y)" cannot disguise a link.
 * Discord hides a backslash before any ASCII punctuation, so escaping is invisible.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\*_~`|[\]<]/g, '\\$&')
      .replace(/^(\s*)([#>-])/gm, '$1\\$2')
      // "\1" would show its backslash (Discord only hides it before punctuation): escape the dot instead.
      .replace(/^(\s*\d+)\./gm, '$1\\.')
  );
}

/** A one-line label (choice name, select label): whitespace collapsed, then cut. */
export function label(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

/** Total embed characters Discord counts against the 6,000 per message. */
export function embedLength(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: readonly { name: string; value: string }[];
}): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}
