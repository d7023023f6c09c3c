import { appendFile, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { INBOX_DIR, JOURNAL_FILE, TRASH_DIR, isInboxArticle } from '../corpus/inbox.ts';
import type { Article } from '../corpus/types.ts';
import { bodyTextHash } from '../corpus/text.ts';
import type { DuplicateProbe } from '../corpus/catalog.ts';
import { inboxFileName, type Candidate } from './candidate.ts';

/** The corpus folder, or null when the corpus is a single file (nothing can be added beside it). */
export async function corpusFolder(corpusDir: string): Promise<string | null> {
  const info = await stat(corpusDir).catch(() => null);
  return info?.isDirectory() ? corpusDir : null;
}

export interface DuplicateCheck {
  fresh: Article[];
  duplicates: { article: Article; existingId: string }[];
}

/** Splits a candidate's articles into new ones and those already in the corpus (same url or same text). */
export async function checkDuplicates(
  candidate: Candidate,
  duplicateOf: (probe: DuplicateProbe) => Promise<string | null>,
): Promise<DuplicateCheck> {
  const check: DuplicateCheck = { fresh: [], duplicates: [] };
  for (const article of candidate.articles) {
    const existingId = await duplicateOf({ url: article.url, textHash: bodyTextHash(article.paragraphs) });
    if (existingId === null) check.fresh.push(article);
    else check.duplicates.push({ article, existingId });
  }
  return check;
}

/** A .jsonl keeps only the lines of its new articles; other formats hold one article. */
function textOf(candidate: Candidate, fresh: readonly Article[]): string {
  if (candidate.ext !== '.jsonl') return candidate.text;
  const keep = new Set(fresh.map((a) => a.line));
  return `${candidate.text
    .split('\n')
    .filter((_, i) => keep.has(i + 1))
    .join('\n')}\n`;
}

export type SaveOutcome = { status: 'saved'; file: string } | { status: 'exists'; file: string };

/**
 * Writes the candidate's new articles into `masuk/` under the bot's own name (never the user's).
 * The name holds a hash of the content, so the same file saved twice is found, not overwritten.
 */
export async function saveCandidate(folder: string, candidate: Candidate, fresh: readonly Article[]): Promise<SaveOutcome> {
  const text = textOf(candidate, fresh);
  const file = `${INBOX_DIR}/${inboxFileName(candidate, text)}`;
  await mkdir(join(folder, INBOX_DIR), { recursive: true });
  try {
    await writeFile(join(folder, file), text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { status: 'exists', file };
    throw error;
  }
  return { status: 'saved', file };
}

/**
 * Moves an inbox article's file into `masuk/.sampah/` (restorable by moving it back); returns
 * its new path. Files outside the inbox are read-only from Discord: the caller checks first.
 */
export async function moveToTrash(folder: string, file: string): Promise<string> {
  if (!isInboxArticle(file)) throw new Error(`not an inbox article: ${file}`);
  await mkdir(join(folder, TRASH_DIR), { recursive: true });
  const name = basename(file);
  let target = `${TRASH_DIR}/${name}`;
  if (await stat(join(folder, target)).catch(() => null)) {
    const ext = extname(name);
    target = `${TRASH_DIR}/${name.slice(0, name.length - ext.length)}-${Date.now()}${ext}`;
  }
  await rename(join(folder, file), join(folder, target));
  return target;
}

export interface JournalEntry {
  /** ISO time. */
  at: string;
  /** Discord user id, or "cli". */
  by: string;
  action: 'tambah' | 'hapus' | 'muat-ulang';
  /** What was asked: url, attachment name, article id, file. */
  what: Record<string, unknown>;
  /** What came of it: saved file, counts, refusal. */
  result: Record<string, unknown>;
}

/** One line per change in `masuk/jurnal.jsonl`; appended, never rewritten. */
export async function appendJournal(folder: string, entry: JournalEntry): Promise<void> {
  await mkdir(join(folder, INBOX_DIR), { recursive: true });
  await appendFile(join(folder, JOURNAL_FILE), `${JSON.stringify(entry)}\n`);
}
