// The CLI on a pipe whose reader stops early (`kliping corpus | head -1`): no EPIPE stack trace, the command ends as it would.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let cache: string;
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'kliping-cli-pipe-'));
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe('kliping on a closed pipe', () => {
  it('ends with its own exit code and no EPIPE crash', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/main.ts'), 'corpus', '--dir', join(PACKAGE_ROOT, 'seeds')],
      {
        cwd: PACKAGE_ROOT,
        env: { ...process.env, KLIPING_CACHE_DIR: cache, CORPUS_DIR: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // the reader goes away before the first line, as `head -1` does after its line
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/EPIPE/);
    expect(code).toBe(0);
  });
});
