import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEachCache } from '../cache/write-each.ts';
import { openCorpus, type OpenedCorpus } from '../corpus/corpus-cache.ts';

/** The package's own folder (this file is in src/cli/): the cache stays put whatever folder the CLI runs from. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the CLI keeps its caches (parse cache, search index, timeline): `$KLIPING_CACHE_DIR` (relative
 * to the working folder), else `.cache/search` in the package.
 */
export function cliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.KLIPING_CACHE_DIR?.trim();
  return chosen ? resolve(chosen) : join(PACKAGE_ROOT, '.cache', 'search');
}

/**
 * The corpus at `dir` through the parse cache in `cacheDir` (an unchanged corpus is not parsed again),
 * with a line on stderr when files or lines were skipped.
 */
export async function openCliCorpus(dir: string, cacheDir: string): Promise<OpenedCorpus> {
  const corpus = await openCorpus(dir, { cacheDir });
  if (corpus.errors.length > 0) console.error(`${corpus.errors.length} berkas/baris dilewati (lihat: kliping corpus).`);
  return corpus;
}

/** Run each cache write; each that fails (a read-only folder, a full disk) is reported and the command still succeeds. */
export async function writeCliCaches(cacheDir: string, ...writes: Array<() => unknown>): Promise<void> {
  try {
    await writeEachCache(writes);
  } catch (error) {
    for (const failure of (error as AggregateError).errors)
      console.error(`Cache tidak dapat ditulis di ${cacheDir}: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
}
