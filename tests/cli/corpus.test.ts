import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole } from './console.ts';
import { parseArgs } from '../../src/cli/args.ts';
import { run } from '../../src/cli/corpus.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('kliping corpus', () => {
  it('prints one line per article: file, title, date with provenance, publisher, origin, author, warnings', async () => {
    const { out, err } = captureConsole();
    expect(await run(parseArgs(['--dir', SEEDS], {}))).toBe(0);
    expect(out).toHaveLength(5);
    expect(out[1]).toBe(
      '001_1742510e8f838e75.txt | AS, Jepang hingga Korsel Kecam Keras Kerja Sama Militer Rusia-Korut' +
        ' | 2024-06-25 10:01 WIB (baris penulis) | penerbit: IDXChannel | asal berita: - | penulis: Dian Kusumo Hapsari',
    );
    expect(out[0]).toMatch(
      /^000_d1a272b47dd2f61f\.txt \| AS Kecam .* \| 2024-06-20 \(disimpulkan\) \| penerbit: Orbit Indonesia \| asal berita: Antara \| penulis: - \| ⚠ tanggal di kepala halaman \(2022-12-09\) bertentangan/,
    );
    expect(out[2]).toContain('2023-09 (disimpulkan rentang 2023-07-01…2023-09-30)');
    expect(out[3]).toContain('[judul disimpulkan]');
    expect(err).toEqual([expect.stringMatching(/^5 artikel dimuat, 0 galat, 0 peringatan/)]);
  });

  it('--json prints {articles, errors, warnings}', async () => {
    const { out } = captureConsole();
    expect(await run(parseArgs(['--json', '--dir', SEEDS], {}))).toBe(0);
    const parsed = JSON.parse(out.join('\n')) as { articles: unknown[]; errors: unknown[]; warnings: unknown[] };
    expect(parsed.articles).toHaveLength(5);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('exits 1 with the reason when nothing can be loaded', async () => {
    const { err } = captureConsole();
    expect(await run(parseArgs(['--dir', '/tidak/ada/korpus'], {}))).toBe(1);
    expect(err[0]).toMatch(/^galat: \/tidak\/ada\/korpus: folder atau berkas korpus tidak ditemukan$/);
  });
});
