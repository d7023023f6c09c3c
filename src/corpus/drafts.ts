import type { ArticleDraft } from './article.ts';
import { contentOfLine } from './boilerplate.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { readMarkdown } from './markdown.ts';
import { readPage, readPlainBody } from './page.ts';
import { decidePageDate, metadataDate } from './pubdate.ts';
import { canonicalOrigin, canonicalPublisher, publisherForDomain } from './publishers.ts';
import { normalizeText, splitParagraphs } from './text.ts';
import type { ArticleWarning, DateProvenance, LoadProblem, PublicationDate } from './types.ts';

/** Provenances a front-matter `date_provenance` may restore (a date written there is otherwise 'metadata'). */
const STATED_PROVENANCES: readonly DateProvenance[] = ['byline', 'header', 'dateline', 'inferred'];
/** Between warnings in a front-matter `peringatan` value. */
export const WARNING_SEPARATOR = ' ⚠ ';

/** Format readers: text in, an ArticleDraft (or the problem that leaves none) out. */

export type DraftResult = ArticleDraft | { problem: LoadProblem; line?: number };

/** A raw scraped page (.txt). */
export function draftFromPage(file: string, text: string): ArticleDraft {
  const page = readPage(text);
  const { date, warnings } = decidePageDate(page.stated, page.paragraphs, page.captions);
  return {
    file,
    format: 'txt',
    title: page.title,
    date,
    publisher: page.publisher,
    origin: page.origin,
    author: page.author,
    editor: page.editor,
    url: null,
    captions: page.captions,
    paragraphs: page.paragraphs,
    warnings,
  };
}

function field(record: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = record[name];
    // Metadata gets the body's hygiene too: a zero-width space in a title must not split its words.
    const text = typeof value === 'string' ? normalizeText(value).trim() : '';
    if (text !== '') return text;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/**
 * The date from metadata; when absent or unreadable, inferred from the body like a page's.
 * (A stated metadata date is trusted as is: checking it against the body would cost a full
 * date scan of every bulk article.)
 */
function metadataOrInferred(
  raw: string | null,
  paragraphs: readonly string[],
  captions: readonly string[],
): { date: PublicationDate | null; warnings: ArticleWarning[] } {
  const date = raw === null ? null : metadataDate(raw);
  if (date) return { date, warnings: [] };
  const inferred = decidePageDate([], paragraphs, captions);
  return raw === null ? inferred : { ...inferred, warnings: [{ kind: 'unrecognized-date', raw }, ...inferred.warnings] };
}

/** Fields shared by front matter and .jsonl records; credits found in the body fill what the fields leave empty. */
function fromMetadata(
  record: Record<string, unknown>,
  rawParagraphs: readonly string[],
  imageCaptions: readonly string[],
): Omit<ArticleDraft, 'file' | 'format' | 'line'> {
  const body = readPlainBody(rawParagraphs);
  const captions = [...imageCaptions, ...body.captions];
  const source = field(record, 'source', 'publisher');
  // "source: https://www.kompas.com/…" is the page's address as well as its publisher.
  const url = field(record, 'url', 'link') ?? (source !== null && /^https?:\/\//i.test(source) ? source : null);
  const origin = field(record, 'origin', 'sumber');
  const id = field(record, 'id');
  const { date, warnings } = metadataOrInferred(field(record, 'date', 'tanggal', 'published'), body.paragraphs, captions);
  // Files the bot writes from a web page keep where the page's date came from, and what a reader should know.
  const provenance = field(record, 'date_provenance');
  if (date && provenance !== null && (STATED_PROVENANCES as readonly string[]).includes(provenance))
    date.provenance = provenance as DateProvenance;
  const noted = field(record, 'peringatan');
  if (noted !== null) warnings.push(...noted.split(WARNING_SEPARATOR).map((text): ArticleWarning => ({ kind: 'noted', text })));
  return {
    ...(id !== null ? { statedId: id } : {}),
    title: field(record, 'title', 'judul'),
    date,
    publisher: source !== null ? canonicalPublisher(source) : url !== null ? publisherForDomain(url) : body.publisher,
    origin: origin !== null ? canonicalOrigin(origin) : body.origin,
    author: field(record, 'author', 'penulis') ?? body.author,
    editor: field(record, 'editor') ?? body.editor,
    url,
    captions,
    paragraphs: body.paragraphs,
    warnings,
  };
}

/** A curated article (.md) with front matter. */
export function draftFromMarkdown(file: string, text: string): DraftResult {
  const fm = parseFrontMatter(normalizeText(text));
  if (!fm.ok) {
    const { ok: _ok, line, ...fault } = fm;
    return { problem: { kind: 'bad-front-matter', ...fault }, line };
  }
  const body = readMarkdown(fm.body);
  const draft: ArticleDraft = { file, format: 'md', ...fromMetadata(fm.data, body.paragraphs, body.captions) };
  if (draft.title === null && body.heading !== null) draft.title = body.heading;
  return draft;
}

/** One line of a bulk corpus (.jsonl): `id, title, date, source, url, body`. */
export function draftFromJsonLine(file: string, line: number, text: string): DraftResult {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return { problem: { kind: 'bad-json', detail: (error as Error).message }, line };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { problem: { kind: 'not-json-object' }, line };
  }
  const fields = record as Record<string, unknown>;
  if (typeof fields.body !== 'string') return { problem: { kind: 'no-body-field' }, line };
  const paragraphs = splitParagraphs(normalizeText(fields.body)).flatMap((p) => contentOfLine(p) ?? []);
  return { file, line, format: 'jsonl', ...fromMetadata(fields, paragraphs, []) };
}
