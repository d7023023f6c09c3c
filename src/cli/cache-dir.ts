import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder (this file is in src/cli/): the cache stays put whatever folder the CLI runs from. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the CLI keeps its search index: `$KLIPING_CACHE_DIR` (relative to the working folder), else `.cache/search` in the package. */
export function cliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.KLIPING_CACHE_DIR?.trim();
  return chosen ? resolve(chosen) : join(PACKAGE_ROOT, '.cache', 'search');
}
