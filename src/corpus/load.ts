import { createReadStream } from 'node:fs';
import { open, opendir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { articleOf, finishArticle, type ParsedArticle, type ParsedFields } from './article.ts';
import { isInboxBookkeeping } from './inbox.ts';
import { draftFromJsonLine, draftFromMarkdown, draftFromPage, type DraftResult } from './drafts.ts';
import type { Article, LoadIssue, LoadOptions, LoadProblem, LoadResult, LoadUnit } from './types.ts';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Files read at once: enough to keep the disk busy, few enough to bound memory and descriptors. */
export const CONCURRENCY = 16;
/** How many duplicate copies an article lists in its own warnings. */
const MAX_COPIES_NOTED = 5;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What one file gave: its articles (before ids are given) and its issues. */
export interface ParsedFile<P extends ParsedFields = ParsedArticle> {
  articles: P[];
  errors: LoadIssue[];
  warnings: LoadIssue[];
}

/** Text of a file or a .jsonl line ("unit"), or why it is unusable; `blank` when there is nothing but whitespace. */
function decode(bytes: Uint8Array, unit: LoadUnit): { text: string } | { problem: LoadProblem; blank?: true } {
  if (bytes.length === 0) return { problem: { kind: 'empty', whitespaceOnly: false }, blank: true };
  if (bytes.includes(0)) return { problem: { kind: 'binary', unit } };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: { kind: 'not-utf8', unit } };
  }
  return text.trim() === '' ? { problem: { kind: 'empty', whitespaceOnly: true }, blank: true } : { text };
}

const tooLarge = (unit: LoadUnit, bytes: number, limit: number): { problem: LoadProblem } => ({
  problem: { kind: 'too-large', unit, bytes, limit },
});

/**
 * A filesystem error on `file` as a load issue: the walk and the load go on without that entry. Only the
 * error's code is kept, never its message, which repeats the absolute path.
 */
export function fsIssue(file: string, error: unknown, entry: 'file' | 'folder'): LoadIssue {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'UNKNOWN';
  return { file, problem: { kind: 'unreadable', entry, code } };
}

/** Bytes per read: a news page fits in one. */
const READ_CHUNK = 64 * 1024;

/** Reads at most maxBytes + 1 bytes, with as few calls as it can (no stat: at 100k files each call adds up). */
async function readText(path: string, maxBytes: number): Promise<{ text: string } | { problem: LoadProblem }> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) {
        const { size } = await handle.stat();
        return tooLarge('file', size, maxBytes);
      }
      // A short read of a regular file is its end: no extra read just to see zero bytes.
      if (bytesRead < chunk.length) break;
    }
    return decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), 'file');
  } finally {
    await handle.close();
  }
}

/**
 * Lines of a file as bytes, streamed: a 60 MB corpus is never held whole, and a line is kept only up to
 * `maxBytes`: past that it is skipped to its end and only its size is reported, so one 200 MB line costs
 * a read, not 200 MB of memory.
 */
async function* cappedLines(path: string, maxBytes: number): AsyncGenerator<Buffer | { overBytes: number }> {
  let parts: Buffer[] = [];
  let length = 0;
  let over = false;
  const line = (): Buffer | { overBytes: number } =>
    over ? { overBytes: length } : parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let start = 0; ;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      length += end - start;
      if (!over && length > maxBytes) {
        over = true;
        parts = [];
      }
      // A copy when the line goes on into the next chunk, so the 1 MB chunk is not kept alive by it.
      if (!over && end > start) parts.push(nl === -1 ? Buffer.from(chunk.subarray(start, end)) : chunk.subarray(start, end));
      if (nl === -1) break;
      yield line();
      parts = [];
      length = 0;
      over = false;
      start = nl + 1;
    }
  }
  if (length > 0) yield line();
}

async function loadJsonl(path: string, file: string, maxBytes: number): Promise<ParsedFile> {
  const result: ParsedFile = { articles: [], errors: [], warnings: [] };
  let line = 0;
  for await (const bytes of cappedLines(path, maxBytes)) {
    line++;
    const decoded = 'overBytes' in bytes ? tooLarge('line', bytes.overBytes, maxBytes) : decode(bytes, 'line');
    if ('problem' in decoded) {
      if (!('blank' in decoded)) result.errors.push({ file, line, problem: decoded.problem });
      continue;
    }
    collect(result, file, draftFromJsonLine(file, line, decoded.text));
  }
  if (result.articles.length === 0 && result.errors.length === 0)
    result.errors.push({ file, problem: { kind: 'empty', whitespaceOnly: false } });
  return result;
}

function collect(result: ParsedFile, file: string, draft: DraftResult): void {
  const parsed = 'problem' in draft ? draft : finishArticle(draft);
  if ('problem' in parsed) result.errors.push({ file, ...(draft.line !== undefined ? { line: draft.line } : {}), problem: parsed.problem });
  else result.articles.push(parsed);
}

/** Reads and parses one file (relative to `root`); never throws: what went wrong is in its errors. */
export async function parseFile(root: string, file: string, maxBytes: number): Promise<ParsedFile> {
  const path = join(root, file);
  const ext = extname(file).toLowerCase();
  const result: ParsedFile = { articles: [], errors: [], warnings: [] };
  try {
    if (ext === '.jsonl') return await loadJsonl(path, file, maxBytes);
    if (ext !== '.txt' && ext !== '.md') {
      result.warnings.push({ file, problem: { kind: 'unsupported', ext } });
      return result;
    }
    const read = await readText(path, maxBytes);
    if ('problem' in read) result.errors.push({ file, problem: read.problem });
    else collect(result, file, ext === '.md' ? draftFromMarkdown(file, read.text) : draftFromPage(file, read.text));
  } catch (error) {
    result.errors.push(fsIssue(file, error, 'file'));
  }
  return result;
}

/**
 * Relative paths (forward slashes) of every file under root, sorted; hidden entries and the inbox's
 * bookkeeping (trash, journal) are skipped. A folder
 * the filesystem refuses (no permission, path too long, gone mid-walk…) is reported in `errors` and the walk
 * goes on; what was listed of it before the error is kept.
 */
async function listFiles(root: string, errors: LoadIssue[], warnings: LoadIssue[]): Promise<string[]> {
  const files: string[] = [];
  const pending = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    try {
      for await (const entry of await opendir(join(root, dir))) {
        if (entry.name.startsWith('.')) continue;
        const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (isInboxBookkeeping(rel)) continue;
        if (entry.isDirectory()) pending.push(rel);
        else if (entry.isFile()) files.push(rel);
        else if (entry.isSymbolicLink()) {
          const target = await stat(join(root, rel)).catch(() => null);
          if (target?.isFile()) files.push(rel);
          else warnings.push({ file: rel, problem: { kind: 'symlink-skipped' } });
        }
      }
    } catch (error) {
      errors.push(fsIssue(dir === '' ? '.' : dir, error, 'folder'));
    }
  }
  return files.sort();
}

/** Runs `task` over items with at most `limit` in flight; results keep the items' order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Id from the path: "sub/000_abc.txt" → "sub/000_abc"; .jsonl lines without an id add ":line". */
function pathId(parsed: ParsedFields): string {
  const stem = parsed.file.slice(0, parsed.file.length - extname(parsed.file).length);
  return parsed.line !== undefined ? `${stem}:${parsed.line}` : stem;
}

function byLocation(a: LoadIssue, b: LoadIssue): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

/** File and line (for a .jsonl line) of an article. */
function place(article: { file: string; line?: number }): { file: string; line?: number } {
  return article.line !== undefined ? { file: article.file, line: article.line } : { file: article.file };
}

/**
 * Turns parsed files into articles in file order: stable unique ids, and one article per distinct
 * normalized text (later copies are reported and noted on the article kept). `toArticle` makes the
 * Article of a parsed one under its id, with a warnings list of its own.
 */
function assemble<P extends ParsedFields>(results: readonly ParsedFile<P>[], toArticle: (parsed: P, id: string) => Article): LoadResult {
  const out: LoadResult = { articles: [], errors: [], warnings: [] };
  const byText = new Map<string, Article>();
  const copies = new Map<Article, number>();
  const ids = new Set<string>();
  for (const result of results) {
    out.errors.push(...result.errors);
    out.warnings.push(...result.warnings);
    for (const parsed of result.articles) {
      const at = parsed.line !== undefined ? { line: parsed.line } : {};
      let id = parsed.statedId ?? pathId(parsed);
      if (ids.has(id)) {
        const base = id;
        for (let n = 2; ids.has(id); n++) id = `${base}~${n}`;
        out.warnings.push({ file: parsed.file, ...at, problem: { kind: 'id-renamed', id: base, renamedTo: id } });
      }
      const kept = byText.get(parsed.textKey);
      if (kept) {
        out.warnings.push({ file: parsed.file, ...at, problem: { kind: 'duplicate', of: place(kept) } });
        const noted = copies.get(kept) ?? 0;
        if (noted < MAX_COPIES_NOTED) kept.warnings.push({ kind: 'copy-elsewhere', ...place(parsed), publisher: parsed.publisher });
        copies.set(kept, noted + 1);
        continue;
      }
      const article = toArticle(parsed, id);
      ids.add(id);
      byText.set(parsed.textKey, article);
      out.articles.push(article);
    }
  }
  return out;
}

/** The files of a corpus (a folder, or one file), or the issue that stops the load. */
export interface CorpusFiles {
  /** Absolute folder the files are relative to. */
  root: string;
  files: string[];
  errors: LoadIssue[];
  warnings: LoadIssue[];
}

/** Finds a corpus's files: the folder walk (its issues reported, not thrown), or the one file given. */
export async function listCorpus(path: string): Promise<CorpusFiles | { missing: LoadIssue }> {
  const target = resolve(path);
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const issue: LoadIssue = missing ? { file: path, problem: { kind: 'missing' } } : { ...fsIssue(path, error, 'folder'), file: path };
    return { missing: issue };
  }
  const errors: LoadIssue[] = [];
  const warnings: LoadIssue[] = [];
  if (!info.isDirectory()) return { root: dirname(target), files: [basename(target)], errors, warnings };
  return { root: target, files: await listFiles(target, errors, warnings), errors, warnings };
}

/**
 * The corpus made of parsed files (in file order) and the walk's issues. Issues read in file order:
 * those found while walking, reading and assembling interleave by file and line.
 */
export function assembleCorpus<P extends ParsedFields>(
  results: readonly ParsedFile<P>[],
  walk: Pick<CorpusFiles, 'errors' | 'warnings'>,
  toArticle: (parsed: P, id: string) => Article,
): LoadResult {
  const loaded = assemble(results, toArticle);
  loaded.errors.push(...walk.errors);
  loaded.warnings.push(...walk.warnings);
  loaded.errors.sort(byLocation);
  loaded.warnings.sort(byLocation);
  return loaded;
}

/**
 * Loads a corpus: a folder (recursively) or a single .txt/.md/.jsonl file. Never throws for bad
 * input: unreadable files and lines are in `errors`, skipped files and merged duplicates in `warnings`.
 * (openCorpus in corpus-cache.ts does the same through a parse cache, text kept in a file.)
 */
export async function loadCorpus(path: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const listed = await listCorpus(path);
  if ('missing' in listed) return { articles: [], errors: [listed.missing], warnings: [] };
  const results = await mapPool(listed.files, CONCURRENCY, (file) => parseFile(listed.root, file, maxBytes));
  return assembleCorpus(results, listed, articleOf);
}

/**
 * Loads only `files` (relative to the corpus folder `dir`), with the same ids and issues a full load
 * gives them: an incremental change to a snapshot (SnapshotStore.add).
 */
export async function loadCorpusFiles(dir: string, files: readonly string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const results = await mapPool(files, CONCURRENCY, (file) => parseFile(resolve(dir), file, maxBytes));
  return assembleCorpus(results, { errors: [], warnings: [] }, articleOf);
}
