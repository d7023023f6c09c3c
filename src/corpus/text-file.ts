/**
 * Articles' body text (paragraphs and captions) kept in a file instead of the heap. Queries need the
 * text of a few articles only (the excerpts of the shown hits, phrase checks, one opened article), so
 * a snapshot keeps each article's metadata in memory and reads its text back by offset: the heap
 * holds titles, dates and the index, not 60 MB of paragraphs (the text is in the OS page cache,
 * shared and reclaimable, not in the bot's RSS).
 *
 * A text file is either the parse cache's own (corpus-cache.ts), opened read-only, or a private
 * temporary one for text parsed now, unlinked as soon as it is open so nothing is left behind even
 * when the process dies. An open file keeps its content when a newer cache is renamed over its name:
 * the descriptor holds the old inode.
 */
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textDigest, type BodyText } from './article.ts';
import type { Article } from './types.ts';

export class TextFile {
  #fd: number | null;
  #size: number;

  private constructor(fd: number, size: number) {
    this.#fd = fd;
    this.#size = size;
  }

  /** A fresh private temporary file, already unlinked. */
  static temporary(): TextFile {
    const folder = mkdtempSync(join(tmpdir(), 'kliping-text-'));
    const path = join(folder, 'body.txt');
    const fd = openSync(path, 'w+', 0o600);
    try {
      unlinkSync(path);
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // a platform that cannot unlink an open file: the folder stays until the OS cleans tmp
    }
    return new TextFile(fd, 0);
  }

  /**
   * A file another thread of this process holds open (threads share descriptors), read here and
   * never closed here: the owner keeps it open while this side reads (see `lendArticle`).
   */
  static borrowed(fd: number): TextFile {
    return new TextFile(fd, fstatSync(fd).size);
  }

  /** The descriptor, for a thread of this process that borrows the file (see `lendArticle`). */
  get descriptor(): number {
    return this.#descriptor();
  }

  /** An existing file, read-only (throws the filesystem's error). */
  static open(path: string): TextFile {
    const fd = openSync(path, 'r');
    return new TextFile(fd, fstatSync(fd).size);
  }

  get size(): number {
    return this.#size;
  }

  #descriptor(): number {
    if (this.#fd === null) throw new Error('text file closed');
    return this.#fd;
  }

  /** Append `bytes`; returns where they start. */
  append(bytes: Uint8Array): number {
    const fd = this.#descriptor();
    const start = this.#size;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, start + written);
    this.#size += bytes.length;
    return start;
  }

  /** `length` bytes from `start`. */
  read(start: number, length: number): Buffer {
    const fd = this.#descriptor();
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, start + read);
      if (n === 0) throw new Error('text file truncated');
      read += n;
    }
    return bytes;
  }

  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }
}

/** Where an article's text is: `length` bytes at `start` of `file`. */
export interface TextRef {
  file: TextFile;
  start: number;
  length: number;
}

/** An article's text as a text file holds it. */
export function encodeText({ paragraphs, captions }: BodyText): Buffer {
  return Buffer.from(JSON.stringify([paragraphs, captions]), 'utf8');
}

/** Append an article's text to `file`. */
export function writeText(file: TextFile, text: BodyText): TextRef {
  const bytes = encodeText(text);
  return { file, start: file.append(bytes), length: bytes.length };
}

/** The text at `ref`, checked against the digest it was written with: a damaged file throws, it never shows wrong text. */
export function readText(ref: TextRef, digest: string): BodyText {
  const parsed: unknown = JSON.parse(ref.file.read(ref.start, ref.length).toString('utf8'));
  const [paragraphs, captions] = Array.isArray(parsed) ? (parsed as [string[], string[]]) : [];
  const text = { paragraphs: paragraphs ?? [], captions: captions ?? [] };
  if (textDigest(text) !== digest) throw new Error('text file damaged: an article text does not match its digest');
  return text;
}

/** An article whose body text is read from a text file when asked for; everything else is held. */
export class StoredArticle implements Article {
  readonly id: string;
  readonly file: string;
  readonly line?: number;
  readonly format: Article['format'];
  readonly title: string;
  readonly titleDerived: boolean;
  readonly date: Article['date'];
  readonly publisher: string | null;
  readonly origin: string | null;
  readonly author: string | null;
  readonly editor: string | null;
  readonly url: string | null;
  readonly warnings: Article['warnings'];
  readonly digest: string;
  readonly #text: TextRef;

  /** `article`'s fields without its text, which is at `text`, under `id`; its warnings are its own copy. */
  constructor(article: Omit<Article, 'id' | 'paragraphs' | 'captions' | 'digest'> & { digest: string }, id: string, text: TextRef) {
    // Field by field, not by destructuring: a warm start makes thirty thousand of these.
    this.id = id;
    this.file = article.file;
    if (article.line !== undefined) this.line = article.line;
    this.format = article.format;
    this.title = article.title;
    this.titleDerived = article.titleDerived;
    this.date = article.date;
    this.publisher = article.publisher;
    this.origin = article.origin;
    this.author = article.author;
    this.editor = article.editor;
    this.url = article.url;
    this.warnings = [...article.warnings];
    this.digest = article.digest;
    this.#text = text;
  }

  get paragraphs(): string[] {
    return this.text().paragraphs;
  }

  get captions(): string[] {
    return this.text().captions;
  }

  /** Paragraphs and captions in one read. */
  text(): BodyText {
    return readText(this.#text, this.digest);
  }

  /** Where its text is, for `lendArticle`. */
  get textRef(): TextRef {
    return this.#text;
  }
}

/**
 * An article as it crosses to another thread of this process: a stored one as its fields and where
 * its text is in a file this thread holds open (not the text: a corpus's would be copied twice on
 * the way and held whole on arrival), any other whole.
 */
export type LentArticle = Article | { fields: Article; fd: number; start: number; length: number };

/** `article` to send to another thread (see LentArticle); the text file must stay open until that thread is done with it. */
export function lendArticle(article: Article): LentArticle {
  if (!(article instanceof StoredArticle)) return article;
  const { file, start, length } = article.textRef;
  // A class instance crosses as its own fields: the text's getters and reference stay here.
  return { fields: article, fd: file.descriptor, start, length };
}

/** A lent article, reading its text from the lender's file on each use; `files` shares one TextFile per descriptor. */
export function borrowArticle(lent: LentArticle, files: Map<number, TextFile>): Article {
  if (!('fd' in lent)) return lent;
  let file = files.get(lent.fd);
  if (!file) files.set(lent.fd, (file = TextFile.borrowed(lent.fd)));
  const { fields } = lent;
  return new StoredArticle(fields as Article & { digest: string }, fields.id, { file, start: lent.start, length: lent.length });
}

/** An article's paragraphs and captions, read once from its text file when it is stored there. */
export function bodyTextOf(article: Article): BodyText {
  return article instanceof StoredArticle ? article.text() : article;
}

/** A plain copy of an article, text included: what crosses to another thread (getters do not). */
export function plainArticle(article: Article): Article {
  const { id, file, line, format, title, titleDerived, date, publisher, origin, author, editor, url, warnings, digest } = article;
  const { paragraphs, captions } = bodyTextOf(article);
  return {
    id,
    file,
    ...(line !== undefined && { line }),
    format,
    title,
    titleDerived,
    date,
    publisher,
    origin,
    author,
    editor,
    url,
    captions,
    paragraphs,
    warnings,
    ...(digest !== undefined && { digest }),
  };
}
