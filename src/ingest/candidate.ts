import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleDraft } from '../corpus/article.ts';
import { draftFromPage } from '../corpus/drafts.ts';
import { INBOX_DIR } from '../corpus/inbox.ts';
import { loadCorpus } from '../corpus/load.ts';
import { metadataDate } from '../corpus/pubdate.ts';
import { canonicalPublisher, publisherForDomain } from '../corpus/publishers.ts';
import type { Article, LoadIssue, LoadProblem } from '../corpus/types.ts';
import { articleMarkdown } from './article-file.ts';
import type { HtmlReading } from './html.ts';
import type { PageMetadata } from './metadata.ts';

/** What can be added: the corpus formats, and web pages (saved as .md). */
export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.jsonl', '.html', '.htm'] as const;
export type SavedExtension = '.txt' | '.md' | '.jsonl';

/** Why a file or page gives nothing to add (fetch problems aside). */
export type ReadProblem =
  { kind: 'extension'; ext: string } | { kind: 'binary' } | { kind: 'not-utf8' } | { kind: 'no-article-text'; problems: LoadProblem[] };

export type CandidateSource = { kind: 'url'; url: string } | { kind: 'file'; name: string };

/** A file ready to be saved into the inbox, and what the loader will read from it. */
export interface Candidate {
  ext: SavedExtension;
  /** The file's text, as it will be written. */
  text: string;
  /** The articles exactly as the loader reads the saved file. */
  articles: Article[];
  /** Parts the loader skipped (a .jsonl's broken lines). */
  errors: LoadIssue[];
  source: CandidateSource;
  /** For web pages: which markup gave the metadata (empty: read as a scraped page). */
  metadata?: PageMetadata['sources'];
}

export type CandidateOutcome = { ok: true; candidate: Candidate } | { ok: false; problem: ReadProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The extension of a user's file name, lowercased; the name itself is never used as a path. */
export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,10})$/i.exec(name.trim());
  return m ? `.${m[1]!.toLowerCase()}` : '';
}

/**
 * The articles a file will yield, read by the corpus loader itself (one reading path for
 * everything): the text goes to a private temporary folder, never into the corpus.
 */
async function loadText(ext: SavedExtension, text: string): Promise<{ articles: Article[]; errors: LoadIssue[] }> {
  const scratch = await mkdtemp(join(tmpdir(), 'kliping-impor-'));
  try {
    await mkdir(join(scratch, INBOX_DIR));
    await writeFile(join(scratch, INBOX_DIR, `berkas${ext}`), text);
    const { articles, errors } = await loadCorpus(scratch);
    return { articles, errors };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function finish(
  ext: SavedExtension,
  text: string,
  source: CandidateSource,
  metadata?: PageMetadata['sources'],
): Promise<CandidateOutcome> {
  const { articles, errors } = await loadText(ext, text);
  if (articles.length === 0) return { ok: false, problem: { kind: 'no-article-text', problems: errors.map((e) => e.problem) } };
  return { ok: true, candidate: { ext, text, articles, errors, source, ...(metadata && { metadata }) } };
}

/**
 * A web page's article: its text cleaned exactly as a scraped .txt page's (boilerplate, "Baca
 * Juga", credits, captions, dates), then what the page's metadata states, which a reader trusts
 * over what the text suggests: title, publication date, publisher, author, canonical url.
 */
export function pageDraft(reading: HtmlReading | { pageText: string; metadata: null }, url: string | null): ArticleDraft {
  const page = draftFromPage('halaman.md', reading.pageText);
  const meta = reading.metadata;
  const stated = meta?.published ? metadataDate(meta.published) : null;
  const publisher = meta?.publisher ? canonicalPublisher(meta.publisher) : null;
  return {
    ...page,
    format: 'md',
    title: meta?.title ?? page.title,
    // The page's own date warnings are about the date it inferred; a stated date replaces it.
    date: stated ?? page.date,
    warnings: stated ? [] : page.warnings,
    publisher: publisher ?? page.publisher ?? (url === null ? null : publisherForDomain(url)),
    author: meta?.author ?? page.author,
    url: meta?.canonicalUrl ?? url,
  };
}

/** Decodes a page in the charset its server or its <meta> names (UTF-8 when none). */
function decodePage(bytes: Uint8Array, charset: string | null): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const named = charset ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(named, { fatal: named === 'utf-8' }).decode(bytes);
  } catch {
    return null;
  }
}

/** A fetched web page (text/html or text/plain) → a .md candidate. */
export async function candidateFromPage(
  page: { bytes: Uint8Array; contentType: string; charset: string | null; url: string | null },
  source: CandidateSource,
): Promise<CandidateOutcome> {
  if (page.bytes.includes(0)) return { ok: false, problem: { kind: 'binary' } };
  const text = decodePage(page.bytes, page.charset);
  if (text === null) return { ok: false, problem: { kind: 'not-utf8' } };
  // html.ts (linkedom, Readability) is loaded when a page is first read: the bot's start never needs it.
  const reading =
    page.contentType === 'text/plain'
      ? { pageText: text, metadata: null }
      : (await import('./html.ts')).readHtml(text, page.url ?? undefined);
  if (reading === null) return { ok: false, problem: { kind: 'no-article-text', problems: [] } };
  return finish('.md', articleMarkdown(pageDraft(reading, page.url)), source, reading.metadata?.sources ?? []);
}

/** A file (attachment or local) → a candidate; `name` only gives the extension. */
export async function candidateFromFile(name: string, bytes: Uint8Array): Promise<CandidateOutcome> {
  const ext = extensionOf(name);
  const source: CandidateSource = { kind: 'file', name };
  if (ext === '.html' || ext === '.htm') return candidateFromPage({ bytes, contentType: 'text/html', charset: null, url: null }, source);
  if (ext !== '.txt' && ext !== '.md' && ext !== '.jsonl') return { ok: false, problem: { kind: 'extension', ext } };
  if (bytes.includes(0)) return { ok: false, problem: { kind: 'binary' } };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: { kind: 'not-utf8' } };
  }
  return finish(ext, text, source);
}

/** ASCII words of a title, for a file name: "Putin & Kim Bertemu di Pyongyang" → "putin-kim-bertemu-di-pyongyang". */
export function slugify(text: string, max = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  let slug = '';
  for (const word of words ?? []) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > max) break;
    slug = next;
  }
  return slug || 'artikel';
}

/** The bot's own name for a candidate's file: publication date, slug of the first title, short content hash. */
export function inboxFileName(candidate: Candidate, text = candidate.text): string {
  const first = candidate.articles[0]!;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${first.date?.iso ?? 'tanpa-tanggal'}-${slugify(first.title)}-${hash}${candidate.ext}`;
}
