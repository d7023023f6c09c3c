import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import { captureConsole, scratchFolder } from './console.ts';
import { run } from '../../src/cli/cari.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

const cache = scratchFolder('kliping-cli-cari-');
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('kliping cari', () => {
  it('marks a publication date inferred from the body, as `kliping corpus` and the bot do', async () => {
    vi.stubEnv('KLIPING_CACHE_DIR', cache());
    const { out } = captureConsole();
    expect(await run(parseArgs(['pengiriman senjata', '--dir', SEEDS], {}))).toBe(0);
    const printed = out.join('\n');
    // seed 000: its header says 2022-12-09, the body 20 June 2024; seed 004 states its date in the byline
    expect(printed).toContain('   2024-06-20 (disimpulkan) · Orbit Indonesia, dari Antara');
    expect(printed).toContain('   2024-06-15 · Kompas TV, dari The Guardian');
  });

  it('takes --sumber as the outlet or the credited origin, and names the sources close to an unknown one', async () => {
    vi.stubEnv('KLIPING_CACHE_DIR', cache());
    const { out } = captureConsole();
    expect(await run(parseArgs(['putin', '--sumber', 'antara', '--dir', SEEDS], {}))).toBe(0);
    expect(out.join('\n')).toContain('Orbit Indonesia, dari Antara');
    expect(out.join('\n')).toMatch(/^1 dari 1 hasil/m);
    out.length = 0;
    expect(await run(parseArgs(['putin', '--sumber', 'guardian', '--dir', SEEDS], {}))).toBe(1);
    expect(out.join('\n')).toBe(
      '--sumber: "guardian" tidak ada di korpus, sebagai penerbit maupun asal berita. Mungkin: The Guardian. Daftar: kliping corpus (kolom penerbit dan asal berita).',
    );
  });
});
