// The folder walk under filesystem faults: each refused entry is reported with its path and the system's
// code, and the rest of the corpus loads. Tests run as root, where permissions do not stop reads, so EACCES
// and a file vanishing mid-walk are injected at the fs seam; a path too long and a symlink loop are real.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';

/** Paths whose opendir/open fail, with the error code to fail with. */
const refused = new Map<string, string>();

function refuse(path: string, code: string): void {
  refused.set(path, code);
}

function failIfRefused(path: unknown): void {
  const code = refused.get(String(path));
  if (code) throw Object.assign(new Error(`${code}: injected, '${String(path)}'`), { code });
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    opendir: (async (path, options) => {
      failIfRefused(path);
      return real.opendir(path, options);
    }) as typeof real.opendir,
    open: (async (path, ...rest: [string]) => {
      failIfRefused(path);
      return real.open(path, ...rest);
    }) as typeof real.open,
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kliping-faults-'));
});
afterEach(() => {
  refused.clear();
  // rm(1) walks with openat, so it removes trees whose full paths are too long for path-based calls.
  execFileSync('rm', ['-rf', dir]);
});

const page = (title: string): string =>
  `${title}\n\nRabu, 19 Juni 2024 08:00 WIB\n\nJakarta, Kompas.com - ${title} terjadi pada Rabu pagi dan warga diminta waspada.`;

async function put(name: string, content: string): Promise<void> {
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), content);
}

describe('loadCorpus: filesystem errors are per entry', () => {
  it('an unreadable subfolder (EACCES) is reported with its path and skipped; the rest loads', async () => {
    await put('a/satu.txt', page('Banjir Bekasi'));
    await put('terkunci/dua.txt', page('Gempa Cianjur'));
    await put('z/tiga.txt', page('Kebakaran Pasar'));
    refuse(join(dir, 'terkunci'), 'EACCES');
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => a.file)).toEqual(['a/satu.txt', 'z/tiga.txt']);
    expect(result.errors).toEqual([{ file: 'terkunci', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } }]);
  });

  it('an unreadable corpus root is an error naming it, not a crash', async () => {
    refuse(dir, 'EACCES');
    const result = await loadCorpus(dir);
    expect(result.articles).toEqual([]);
    expect(result.errors).toEqual([{ file: '.', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } }]);
  });

  it('a file that vanishes between the walk and the read is reported, without the absolute path', async () => {
    await put('ada.txt', page('Banjir Bekasi'));
    await put('hilang.txt', page('Gempa Cianjur'));
    refuse(join(dir, 'hilang.txt'), 'ENOENT');
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => a.file)).toEqual(['ada.txt']);
    expect(result.errors).toEqual([{ file: 'hilang.txt', problem: { kind: 'unreadable', entry: 'file', code: 'ENOENT' } }]);
    expect(JSON.stringify(result.errors)).not.toContain(dir);
  });

  it('a folder whose full path is too long for the system (real ENAMETOOLONG) is reported and skipped', async () => {
    await put('dekat.txt', page('Banjir Bekasi'));
    // 20 levels of 250-character names: each name is legal, the full path (> 5,000 bytes) is not.
    const name = 'n'.repeat(250);
    execFileSync('bash', ['-c', `cd "$1" && for i in $(seq 20); do mkdir "$2" && cd "$2"; done && echo x > jauh.txt`, '_', dir, name]);
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => a.file)).toEqual(['dekat.txt']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ problem: { kind: 'unreadable', entry: 'folder', code: 'ENAMETOOLONG' } });
    expect(result.errors[0]!.file.startsWith(`${name}/${name}/`)).toBe(true);
  });

  it('a symlink loop (real ELOOP) is a warning, not a crash', async () => {
    await put('ada.txt', page('Banjir Bekasi'));
    await symlink('putar-b.txt', join(dir, 'putar-a.txt'));
    await symlink('putar-a.txt', join(dir, 'putar-b.txt'));
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => a.file)).toEqual(['ada.txt']);
    expect(result.warnings.map((w) => [w.file, w.problem.kind])).toEqual([
      ['putar-a.txt', 'symlink-skipped'],
      ['putar-b.txt', 'symlink-skipped'],
    ]);
  });
});
