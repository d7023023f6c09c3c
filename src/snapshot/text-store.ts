/**
 * The articles' body text (paragraphs and captions) kept in a file instead of the heap. Queries need
 * the text of a few articles only (the excerpts of the shown hits, phrase checks, one opened
 * article), so a snapshot keeps each article's metadata in memory and reads its text back by offset:
 * the heap holds titles, dates and the index, not 60 MB of paragraphs (the text is in the OS page
 * cache, shared and reclaimable, not in the bot's RSS).
 *
 * The file is a private temporary: unlinked as soon as it is open, so nothing is left behind even
 * when the process dies; `close` frees its space.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../corpus/types.ts';

type BodyText = Pick<Article, 'paragraphs' | 'captions'>;

/** Articles written per write call: a few MB at a time, not the whole corpus as one buffer. */
const WRITE_BATCH = 256;

export class TextStore {
  /** Byte offset of article `doc`'s text; `doc + 1`'s is where it ends. */
  readonly #offsets: Float64Array;
  #fd: number | null;

  private constructor(fd: number, offsets: Float64Array) {
    this.#fd = fd;
    this.#offsets = offsets;
  }

  /** Write the body text of `articles`, in order, to a fresh temporary file. */
  static write(articles: readonly Article[]): TextStore {
    const folder = mkdtempSync(join(tmpdir(), 'kliping-text-'));
    const path = join(folder, 'body.txt');
    const fd = openSync(path, 'w+', 0o600);
    try {
      unlinkSync(path);
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // a platform that cannot unlink an open file: the folder stays until the OS cleans tmp
    }
    const offsets = new Float64Array(articles.length + 1);
    let position = 0;
    let flushed = 0;
    for (let start = 0; start < articles.length; start += WRITE_BATCH) {
      const chunks: Buffer[] = [];
      for (let doc = start; doc < Math.min(start + WRITE_BATCH, articles.length); doc++) {
        const { paragraphs, captions } = articles[doc]!;
        const bytes = Buffer.from(JSON.stringify([paragraphs, captions]), 'utf8');
        chunks.push(bytes);
        offsets[doc] = position;
        position += bytes.length;
      }
      const batch = Buffer.concat(chunks);
      let written = 0;
      while (written < batch.length) written += writeSync(fd, batch, written, batch.length - written, flushed + written);
      flushed += batch.length;
    }
    offsets[articles.length] = position;
    return new TextStore(fd, offsets);
  }

  /** The body text of article `doc`. */
  read(doc: number): BodyText {
    if (this.#fd === null) throw new Error('text store closed');
    const start = this.#offsets[doc]!;
    const length = this.#offsets[doc + 1]! - start;
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.#fd, bytes, read, length - read, start + read);
      if (n === 0) throw new Error('text store truncated');
      read += n;
    }
    const [paragraphs, captions] = JSON.parse(bytes.toString('utf8')) as [string[], string[]];
    return { paragraphs, captions };
  }

  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }
}

/** An article whose body text is read from a TextStore when asked for; everything else is held. */
class StoredArticle implements Article {
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
  readonly warnings: string[];
  readonly #store: TextStore;
  readonly #doc: number;

  constructor(article: Article, store: TextStore, doc: number) {
    ({
      id: this.id,
      file: this.file,
      format: this.format,
      title: this.title,
      titleDerived: this.titleDerived,
      date: this.date,
      publisher: this.publisher,
      origin: this.origin,
      author: this.author,
      editor: this.editor,
      url: this.url,
      warnings: this.warnings,
    } = article);
    if (article.line !== undefined) this.line = article.line;
    this.#store = store;
    this.#doc = doc;
  }

  get paragraphs(): string[] {
    return this.#store.read(this.#doc).paragraphs;
  }

  get captions(): string[] {
    return this.#store.read(this.#doc).captions;
  }
}

/**
 * Replace each article of `articles`, in place, by one that reads its text from `store` (written
 * from these same articles): whoever holds the array (the search engine) now holds no paragraphs.
 */
export function moveTextToStore(articles: Article[], store: TextStore): void {
  for (let doc = 0; doc < articles.length; doc++) articles[doc] = new StoredArticle(articles[doc]!, store, doc);
}

/** A plain copy of an article, text included: what crosses to another thread (getters do not). */
export function plainArticle(article: Article): Article {
  const { id, file, line, format, title, titleDerived, date, publisher, origin, author, editor, url, captions, paragraphs, warnings } =
    article;
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
  };
}
