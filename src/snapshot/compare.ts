// What a snapshot says about its articles (hashes, files, stats), and two snapshots compared: the
// reload report and the shrink guard.
import { createHash } from 'node:crypto';
import { articleDigest } from '../corpus/article.ts';
import type { Article, LoadIssue } from '../corpus/types.ts';
import type { CorpusStats, IdChanges, ReloadReport, ShrinkRefusal, SnapshotFacts } from './types.ts';

/** Hash what a reader sees of an article; its file position does not count as a change. */
export function articleHash(article: Article): string {
  const { title, date, publisher, origin, author, editor, url } = article;
  const content = JSON.stringify([title, date, publisher, origin, author, editor, url, articleDigest(article)]);
  return createHash('sha1').update(content).digest('base64url');
}

export function corpusStats(articles: readonly Article[]): CorpusStats {
  const counts = new Map<string, number>();
  let from: string | null = null;
  let to: string | null = null;
  for (const article of articles) {
    if (article.publisher) counts.set(article.publisher, (counts.get(article.publisher) ?? 0) + 1);
    const iso = article.date?.iso;
    if (iso === undefined) continue;
    if (from === null || iso < from) from = iso;
    if (to === null || iso > to) to = iso;
  }
  const publishers = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { articles: articles.length, publishers, dateRange: from && to ? { from, to } : null };
}

/** The plain facts of a loaded corpus, as a snapshot keeps them. */
export function factsOf(
  articles: readonly Article[],
  load: { errors: readonly LoadIssue[]; warnings: readonly LoadIssue[] },
): Omit<SnapshotFacts, 'loadedAt' | 'durationMs'> {
  const hashes = new Map<string, string>();
  const files = new Map<string, string>();
  for (const article of articles) {
    hashes.set(article.id, articleHash(article));
    files.set(article.id, article.file);
  }
  return { errors: load.errors, warnings: load.warnings, hashes, files, stats: corpusStats(articles) };
}

const SAMPLE_SIZE = 10;

function changes(): IdChanges {
  return { count: 0, sample: [] };
}

function note(set: IdChanges, id: string): void {
  set.count++;
  if (set.sample.length < SAMPLE_SIZE) set.sample.push(id);
}

/** Old and new snapshots compared by id and content hash. */
export function diffSnapshots(
  before: Pick<SnapshotFacts, 'hashes'>,
  after: Pick<SnapshotFacts, 'hashes'>,
): Pick<ReloadReport, 'added' | 'removed' | 'changed'> {
  const added = changes();
  const removed = changes();
  const changed = changes();
  for (const [id, hash] of after.hashes) {
    const old = before.hashes.get(id);
    if (old === undefined) note(added, id);
    else if (old !== hash) note(changed, id);
  }
  for (const id of before.hashes.keys()) if (!after.hashes.has(id)) note(removed, id);
  return { added, removed, changed };
}

/** The file error that cost an article of `file`: the file itself failed, or a folder above it. */
function errorOf(file: string, errors: readonly LoadIssue[]): LoadIssue | undefined {
  return errors.find((e) => e.file === file || file.startsWith(e.file.endsWith('/') ? e.file : `${e.file}/`));
}

/**
 * The shrink guard: a next snapshot that loses more than `maxShrink` of the current one's articles,
 * or any article to a file error, is far likelier a mistake (a file truncated mid-copy, an unmounted
 * disk, wrong permissions) than an intent. Null when the swap may go ahead.
 */
export function shrinkRefusal(
  before: Pick<SnapshotFacts, 'hashes' | 'files'>,
  next: Pick<SnapshotFacts, 'hashes' | 'errors'>,
  maxShrink: number,
): ShrinkRefusal | null {
  let lost = 0;
  let lostToErrors = 0;
  const files = new Set<LoadIssue>();
  for (const id of before.hashes.keys()) {
    if (next.hashes.has(id)) continue;
    lost++;
    const error = errorOf(before.files.get(id) ?? '', next.errors);
    if (error) {
      lostToErrors++;
      files.add(error);
    }
  }
  if (lostToErrors === 0 && lost <= maxShrink * before.hashes.size) return null;
  return { kind: 'shrink', lost, limit: maxShrink, lostToErrors, files: [...files] };
}
