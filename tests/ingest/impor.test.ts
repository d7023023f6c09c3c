// `kliping impor`: the same reading as /korpus tambah, offline: preview, --simpan into masuk/, duplicates, refusals.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import { run } from '../../src/cli/impor.ts';
import { captureConsole } from '../cli/console.ts';
import { SEED_FILES, startNewsSite, type NewsSite } from './news-site.ts';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
let dir: string;
let site: NewsSite;
let out: string[];
let err: string[];

beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(() => site.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kliping-impor-cli-'));
  await cp(join(seeds, SEED_FILES.polos), join(dir, SEED_FILES.polos));
  ({ out, err } = captureConsole());
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const impor = (...argv: string[]) => run(parseArgs([...argv, '--dir', dir], {}));

describe('kliping impor', () => {
  it('previews a file under the name it would get, and writes nothing', async () => {
    expect(await impor(join(seeds, SEED_FILES.og))).toBe(0);
    expect(out[0]).toMatch(/^masuk\/2024-06-15-as-ketakutan-vladimir-putin-.*-[0-9a-f]{8}\.txt \| AS Ketakutan .* \| penerbit: Kompas TV/);
    expect(err.at(-1)).toMatch(/^Pratinjau saja\. Tambahkan --simpan/);
    expect(await readdir(dir)).toEqual([SEED_FILES.polos]);
  });

  it('--simpan saves a web page as .md in masuk/ and journals it; the same page again is a duplicate', async () => {
    vi.stubEnv('FETCH_ALLOW_HOSTS', site.hostPort);
    expect(await impor(`${site.origin}/jsonld`, '--simpan')).toBe(0);
    const saved = (await readdir(join(dir, 'masuk'))).sort();
    expect(saved).toEqual([expect.stringMatching(/^2024-06-25-as-jepang-.*\.md$/), 'jurnal.jsonl']);
    expect(await impor(`${site.origin}/jsonld`, '--simpan')).toBe(1);
    expect(out.join('\n')).toMatch(/sudah ada: AS, Jepang/);
    vi.unstubAllEnvs();
  });

  it('reports an article already in the corpus by its text', async () => {
    expect(await impor(join(seeds, SEED_FILES.polos))).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^sudah ada: AS Kecam .* \(sebagai 000_d1a272b47dd2f61f\)$/)]);
  });

  it("a path that is missing or a folder is told in Indonesian, not with the system's English message", async () => {
    expect(await impor(join(dir, 'tidak-ada.txt'))).toBe(1);
    expect(await impor(seeds)).toBe(1);
    expect(err).toEqual([
      `impor: ${join(dir, 'tidak-ada.txt')}: berkas tidak ditemukan`,
      `impor: ${seeds}: ini folder, bukan berkas; berikan satu berkas atau url`,
    ]);
  });

  it('refuses a private address with the reason', async () => {
    expect(await impor('http://169.254.169.254/latest/meta-data/')).toBe(1);
    expect(err[0]).toMatch(/^impor: Alamat `169\.254\.169\.254` menuju jaringan lokal/);
  });
});
