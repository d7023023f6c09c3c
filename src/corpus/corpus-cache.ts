/**
 * The parse cache: what each file of a corpus gave when it was last parsed (its articles without
 * their text, and its issues), keyed on the file's identity (size, modification and change times,
 * inode), beside a text file holding those articles' text. Opening a corpus stats each file, reuses
 * the entries of unchanged ones and parses only the others, so a warm start reads no corpus file;
 * the text stays in the cache's text file, read by offset when a query needs it.
 *
 * Two files in the cache folder: `corpus-<key>.bin` (the container of cache-file.ts: magic, version,
 * key, checksum; a JSON row per file) and `corpus-<key>.txt` (a magic tag, a random token the index
 * names, then the texts). The key covers the corpus folder (its real path: the same folder reached
 * through a symbolic link is the same corpus), the size cap and the parsing code. A
 * damaged, stale or mismatched pair is ignored with the reason, and everything is parsed again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  cacheFilePath,
  check,
  CorruptCache,
  readCacheFile,
  sourcesFingerprint,
  writeCacheFile,
  type CacheKind,
} from '../cache/cache-file.ts';
import type { ParsedFields } from './article.ts';
import { assembleCorpus, CONCURRENCY, DEFAULT_MAX_FILE_BYTES, listCorpus, mapPool, parseFile, type ParsedFile } from './load.ts';
import { StoredArticle, TextFile, writeText, type TextRef } from './text-file.ts';
import type { Article, LoadIssue, LoadOptions, LoadResult } from './types.ts';

/** Bump whenever the layout of either file changes: old caches then no longer match. */
export const CORPUS_CACHE_VERSION = 1;

/** Every source that shapes what a file parses to (src/corpus, src/dates): upgraded code never serves the old parse. */
const SOURCE_ROOT = new URL('../', import.meta.url);
const CODE_FINGERPRINT = sourcesFingerprint(
  SOURCE_ROOT,
  ['corpus', 'dates'].flatMap((folder) =>
    readdirSync(new URL(`${folder}/`, SOURCE_ROOT))
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => `${folder}/${name}`),
  ),
);

const INDEX_FILE: CacheKind = {
  name: 'parse cache',
  prefix: 'corpus-',
  extension: '.bin',
  magic: Buffer.from('KLIPCRP\0', 'latin1'),
  version: CORPUS_CACHE_VERSION,
};
const TEXT_EXTENSION = '.txt';
const TEXT_MAGIC = Buffer.from('KLIPTXT\0', 'latin1');
const TOKEN_BYTES = 16;
const TEXT_HEADER_BYTES = TEXT_MAGIC.length + TOKEN_BYTES;
/** Bytes written at once when a cache text file is copied together. */
const WRITE_BATCH_BYTES = 4 << 20;
/**
 * A file modified this shortly before it was read may have changed again within its timestamp's
 * granularity, unseen by its identity: its entry is kept but never reused (git's "racy" entries).
 */
const RACY_MS = 2000;

/** A parsed article as the cache keeps it: no text, only where it is. */
type CachedArticle = ParsedFields & { text: TextRef };

/** One file's entry: its identity when parsed, and what it gave. */
interface FileRecord {
  file: string;
  /** `size:mtime:ctime:inode` (nanoseconds); null when it could not be stated. */
  identity: string | null;
  /** False when the entry must be parsed again next time: a racy timestamp or a filesystem error (maybe passing). */
  reusable: boolean;
  parsed: ParsedFile<CachedArticle>;
}

/**
 * A row of the index per file: file, identity, reusable, articles, errors, warnings. An article is an
 * array, not an object (JSON parses faster without the keys): its fields (absent ones null), then
 * where its text starts and how long it is.
 */
type FileRow = [string, string | null, boolean, ArticleRow[], LoadIssue[], LoadIssue[]];
type ArticleRow = [
  title: string,
  titleDerived: boolean,
  line: number | null,
  format: ParsedFields['format'],
  statedId: string | null,
  date: ParsedFields['date'],
  publisher: string | null,
  origin: string | null,
  author: string | null,
  editor: string | null,
  url: string | null,
  warnings: Article['warnings'],
  textKey: string,
  digest: string,
  start: number,
  length: number,
];
const ARTICLE_ROW_LENGTH = 16;

function articleRow(a: ParsedFields, start: number, length: number): ArticleRow {
  const { title, titleDerived, line, format, statedId, date, publisher, origin, author, editor, url, warnings, textKey, digest } = a;
  return [
    title,
    titleDerived,
    line ?? null,
    format,
    statedId ?? null,
    date,
    publisher,
    origin,
    author,
    editor,
    url,
    warnings,
    textKey,
    digest,
    start,
    length,
  ];
}

/** The article of a row whose text is in `text`, or null when the row is out of shape (checked by the caller). */
function articleOfRow(row: ArticleRow, file: string, text: TextFile, textBytes: number): CachedArticle | null {
  if (!Array.isArray(row) || row.length !== ARTICLE_ROW_LENGTH) return null;
  const [
    title,
    titleDerived,
    line,
    format,
    statedId,
    date,
    publisher,
    origin,
    author,
    editor,
    url,
    warnings,
    textKey,
    digest,
    start,
    length,
  ] = row;
  const shaped =
    typeof title === 'string' &&
    typeof format === 'string' &&
    typeof textKey === 'string' &&
    typeof digest === 'string' &&
    Array.isArray(warnings) &&
    warnings.every((w) => typeof (w as { kind?: unknown } | null)?.kind === 'string') &&
    isCount(start) &&
    isCount(length) &&
    start >= TEXT_HEADER_BYTES &&
    start + length <= textBytes;
  if (!shaped) return null;
  // One literal, always the same shape: thirty thousand of these are made on a warm start.
  const article: CachedArticle = {
    file,
    title,
    titleDerived,
    format,
    date,
    publisher,
    origin,
    author,
    editor,
    url,
    warnings,
    textKey,
    digest,
    text: { file: text, start, length },
  };
  if (line !== null) article.line = line;
  if (statedId !== null) article.statedId = statedId;
  return article;
}

interface Header {
  version: number;
  hash: string;
  textToken: string;
  textBytes: number;
  fileCount: number;
  checksum: string;
}

/** The cache key of a corpus folder: its path, the size cap and the code that parses it. */
function cacheKey(root: string, maxBytes: number): string {
  return createHash('sha256').update(`kliping-corpus-${CORPUS_CACHE_VERSION}-${CODE_FINGERPRINT}\0${root}\0${maxBytes}`).digest('hex');
}

const textPath = (dir: string, key: string): string => cacheFilePath(dir, INDEX_FILE, key).replace(/\.bin$/, TEXT_EXTENSION);

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isIssue = (issue: unknown, file: string): boolean =>
  typeof issue === 'object' &&
  issue !== null &&
  (issue as LoadIssue).file === file &&
  typeof (issue as LoadIssue).problem === 'object' &&
  typeof (issue as LoadIssue).problem?.kind === 'string';

/** The index's rows as records whose texts are in `text`; throws CorruptCache on anything out of shape. */
function decodeRows(payload: Buffer, header: Header, text: TextFile): Map<string, FileRecord> {
  const rows = JSON.parse(payload.toString('utf8')) as unknown;
  check(Array.isArray(rows) && rows.length === header.fileCount, 'file count differs');
  const records = new Map<string, FileRecord>();
  for (const row of rows as unknown[]) {
    check(Array.isArray(row) && row.length === 6, 'file entry is not a row');
    const [file, identity, reusable, articles, errors, warnings] = row as FileRow;
    check(typeof file === 'string' && !records.has(file), 'file name missing or repeated');
    check((identity === null || typeof identity === 'string') && typeof reusable === 'boolean', `${file}: identity malformed`);
    check(Array.isArray(errors) && errors.every((e) => isIssue(e, file)), `${file}: errors malformed`);
    check(Array.isArray(warnings) && warnings.every((w) => isIssue(w, file)), `${file}: warnings malformed`);
    check(Array.isArray(articles), `${file}: articles malformed`);
    const cached: CachedArticle[] = [];
    for (const row of articles) {
      const article = articleOfRow(row, file, text, header.textBytes);
      check(article !== null, `${file}: article malformed or its text beyond the text file`);
      cached.push(article);
    }
    records.set(file, { file, identity, reusable, parsed: { articles: cached, errors, warnings } });
  }
  return records;
}

/** The text file the index names, checked by size and token; throws CorruptCache when it is not that one. */
function openText(dir: string, key: string, header: Header): TextFile {
  let text: TextFile;
  try {
    text = TextFile.open(textPath(dir, key));
  } catch (error) {
    throw new CorruptCache(`text file unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    check(text.size === header.textBytes, 'text file size differs');
    const head = text.read(0, TEXT_HEADER_BYTES);
    check(head.subarray(0, TEXT_MAGIC.length).equals(TEXT_MAGIC), 'not a text file of the cache');
    check(head.subarray(TEXT_MAGIC.length).toString('hex') === header.textToken, 'text file from another write');
    return text;
  } catch (error) {
    text.close();
    throw error;
  }
}

/** The cached entries for `key`, their text file open; or why there are none. */
function readCorpusCache(dir: string, key: string): { records: Map<string, FileRecord>; text: TextFile } | { note: string } {
  let text: TextFile | null = null;
  const { value, reason } = readCacheFile<Header, Map<string, FileRecord>>(
    dir,
    INDEX_FILE,
    key,
    (header) => check(isCount(header.textBytes) && isCount(header.fileCount) && typeof header.textToken === 'string', 'header malformed'),
    (payload, header) => {
      text = openText(dir, key, header);
      return decodeRows(payload, header, text);
    },
  );
  const opened = text as TextFile | null;
  if (value === null || opened === null) {
    opened?.close();
    return { note: reason ?? 'no cached parse cache' };
  }
  return { records: value, text: opened };
}

/** Write the records' entries and their texts (copied from wherever they are now): text file first, then the index naming it. */
function writeCorpusCache(dir: string, key: string, records: readonly FileRecord[]): void {
  mkdirSync(dir, { recursive: true });
  const target = textPath(dir, key);
  const temporary = `${target}.${process.pid}.tmp`;
  const token = randomBytes(TOKEN_BYTES);
  const fd = openSync(temporary, 'w', 0o644);
  let rows: FileRow[];
  let position = 0;
  try {
    let batch: Buffer[] = [Buffer.concat([TEXT_MAGIC, token])];
    let batchBytes = TEXT_HEADER_BYTES;
    const flush = (): void => {
      const bytes = Buffer.concat(batch, batchBytes);
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
      position += bytes.length;
      batch = [];
      batchBytes = 0;
    };
    rows = records.map((record): FileRow => {
      const articles = record.parsed.articles.map((article) => {
        const bytes = article.text.file.read(article.text.start, article.text.length);
        const start = position + batchBytes;
        batch.push(bytes);
        batchBytes += bytes.length;
        if (batchBytes >= WRITE_BATCH_BYTES) flush();
        return articleRow(article, start, bytes.length);
      });
      return [record.file, record.identity, record.reusable, articles, record.parsed.errors, record.parsed.warnings];
    });
    flush();
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, target);
  const header = { textToken: token.toString('hex'), textBytes: position, fileCount: rows.length };
  writeCacheFile(dir, INDEX_FILE, key, header, Buffer.from(JSON.stringify(rows), 'utf8'));
  for (const name of readdirSync(dir)) {
    if (name.startsWith(INDEX_FILE.prefix) && name.endsWith(TEXT_EXTENSION) && join(dir, name) !== target)
      rmSync(join(dir, name), { force: true });
  }
}

/** A file's identity, and its modification time in ms; null when it cannot be stated (the parse then reports why). */
async function identityOf(path: string): Promise<{ identity: string; mtimeMs: number } | null> {
  try {
    const s = await stat(path, { bigint: true });
    return { identity: `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`, mtimeMs: Number(s.mtimeNs / 1_000_000n) };
  } catch {
    return null;
  }
}

/** A corpus opened through the parse cache: its articles read their text from text files. */
export interface OpenedCorpus extends LoadResult {
  /** Files whose entries came from the cache, files parsed now, and why the cache was not used when it was not. */
  readonly cache: { reused: number; parsed: number; note?: string };
  /**
   * Write the parse cache of this load to the cache folder, unless it already holds it; once (then the
   * entries are let go). Call it only once what was built from the load is kept: a refused or failed
   * build leaves the cache as it was.
   */
  persist(): void;
  /** Close the text files the articles read from. */
  close(): void;
}

export interface OpenOptions extends LoadOptions {
  /** The parse cache's folder; without it every file is parsed and nothing is written. */
  cacheDir?: string;
}

/**
 * What `loadCorpus` gives (the same articles, ids and issues), through the parse cache in `cacheDir`:
 * unchanged files are not read, changed, new and removed ones are. Text parsed now goes to a private
 * temporary file; every article reads its text from a file, none holds it.
 */
export async function openCorpus(path: string, opts: OpenOptions = {}): Promise<OpenedCorpus> {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const listed = await listCorpus(path);
  if ('missing' in listed) {
    return { articles: [], errors: [listed.missing], warnings: [], cache: { reused: 0, parsed: 0 }, persist: () => {}, close: () => {} };
  }
  const { root, files } = listed;
  const startedAt = Date.now();
  const key = cacheKey(await realpath(root).catch(() => root), maxBytes);
  const cached = opts.cacheDir === undefined ? { note: 'no cache folder' } : readCorpusCache(opts.cacheDir, key);
  const old = 'records' in cached ? cached.records : null;
  let temporary: TextFile | null = null;
  let reused = 0;
  const records = await mapPool(files, CONCURRENCY, async (file): Promise<FileRecord> => {
    const identity = await identityOf(join(root, file));
    const entry = old?.get(file);
    if (identity !== null && entry?.reusable === true && entry.identity === identity.identity) {
      reused++;
      return entry;
    }
    const parsed = await parseFile(root, file, maxBytes);
    const text = (temporary ??= TextFile.temporary());
    const articles = parsed.articles.map(({ paragraphs, captions, ...fields }) => ({
      ...fields,
      text: writeText(text, { paragraphs, captions }),
    }));
    const reusable =
      identity !== null && identity.mtimeMs < startedAt - RACY_MS && !parsed.errors.some((e) => e.problem.kind === 'unreadable');
    return { file, identity: identity?.identity ?? null, reusable, parsed: { ...parsed, articles } };
  });
  const loaded = assembleCorpus(
    records.map((record) => record.parsed),
    listed,
    (parsed, id) => new StoredArticle(parsed, id, parsed.text),
  );
  const texts = [temporary as TextFile | null, reused > 0 && 'text' in cached ? cached.text : null];
  if (reused === 0 && 'text' in cached) cached.text.close();
  const unchanged = old !== null && reused === files.length && old.size === files.length;
  let pending: FileRecord[] | null = opts.cacheDir === undefined || unchanged ? null : records;
  return {
    ...loaded,
    cache: { reused, parsed: files.length - reused, ...('note' in cached && { note: cached.note }) },
    persist: () => {
      if (pending === null || opts.cacheDir === undefined) return;
      writeCorpusCache(opts.cacheDir, key, pending);
      pending = null;
    },
    close: () => {
      for (const text of texts) text?.close();
    },
  };
}
