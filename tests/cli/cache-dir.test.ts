// The CLI's index cache lives in one place: $KLIPING_CACHE_DIR, else .cache/search in the package, never the working folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliCacheDir } from '../../src/cli/cache-dir.ts';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(PACKAGE_ROOT, 'bin/kliping.js');

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kliping-cli-cache-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('cliCacheDir', () => {
  it('defaults to .cache/search in the package, whatever the working folder', () => {
    expect(cliCacheDir({})).toBe(join(PACKAGE_ROOT, '.cache', 'search'));
    expect(cliCacheDir({ KLIPING_CACHE_DIR: '  ' })).toBe(join(PACKAGE_ROOT, '.cache', 'search'));
  });

  it('takes KLIPING_CACHE_DIR, made absolute', () => {
    expect(cliCacheDir({ KLIPING_CACHE_DIR: '/var/cache/kliping' })).toBe('/var/cache/kliping');
    expect(cliCacheDir({ KLIPING_CACHE_DIR: 'relatif' })).toBe(join(process.cwd(), 'relatif'));
  });

  it('`kliping cari` run from another folder writes its index to KLIPING_CACHE_DIR and nothing in that folder', () => {
    const cwd = join(scratch, 'di-sini');
    const cache = join(scratch, 'cache');
    mkdirSync(cwd);
    const result = spawnSync(process.execPath, [BIN, 'cari', 'putin', '--dir', join(PACKAGE_ROOT, 'seeds')], {
      cwd,
      env: { ...process.env, KLIPING_CACHE_DIR: cache, CORPUS_DIR: '' },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('search-index-'))).toBe(true);
  });
});
