import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const cwd = mkdtempSync(join(tmpdir(), 'kliping-main-')); // no .env here
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('npm start without a token', () => {
  it('says what is missing and how to set up, points at the offline CLI, prints no stack, exits 1', () => {
    const result = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/bot/main.ts')], {
      cwd,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH, CORPUS_DIR: join(repo, 'seeds') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('kliping cannot start: the configuration is incomplete.');
    expect(result.stderr).toContain('DISCORD_TOKEN is not set');
    expect(result.stderr).toContain('.env.example');
    expect(result.stderr).toContain('npm run cli -- cari');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
