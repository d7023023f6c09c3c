// A corpus folder with an entry the filesystem refuses (a real path too long for it) no longer stops the bot:
// it starts, serves the rest, and names the refused folder to corpus admins.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedsOf } from './commands-fixtures.ts';
import { startHarness, type Harness } from './harness.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
let scratch: string;
let h: Harness;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kliping-e2e-faults-'));
  const corpusDir = join(scratch, 'korpus');
  await cp(seedsDir, corpusDir, { recursive: true });
  // 20 nested 250-character names: each is legal, the full path (> 5,000 bytes) is not.
  execFileSync('bash', [
    '-c',
    'cd "$1" && for i in $(seq 20); do mkdir "$2" && cd "$2"; done && echo x > jauh.txt',
    '_',
    corpusDir,
    'n'.repeat(250),
  ]);
  h = await startHarness({ corpusDir });
});
afterAll(async () => {
  await h?.close();
  if (scratch) execFileSync('rm', ['-rf', scratch]); // rm(1) removes trees too deep for path-based calls
});

describe('a folder the filesystem refuses', () => {
  it('the bot starts and serves the rest of the corpus', async () => {
    expect(h.bot.store.current.stats.articles).toBe(5);
    const search = await h.fake.send(h.fake.slash('cari', { kueri: 'Putin' })).reply();
    expect(embedsOf(search)[0]!.title).toMatch(/^Hasil pencarian/);
  });

  it('/korpus status names it, with the reason, to an admin', async () => {
    const reply = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'status', user: 'owner' })).reply();
    const broken = embedsOf(reply)[0]!.fields!.find((f) => f.name === 'Berkas bermasalah')!.value;
    expect(broken).toMatch(
      /^\*\*1 berkas dilewati:\*\*\n• `nnn.*` — folder tidak dapat dibaca: jalurnya terlalu panjang .*\(ENAMETOOLONG\)$/,
    );
    h.fake.assertClean();
  });
});
