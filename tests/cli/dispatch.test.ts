import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole } from './console.ts';
import { main } from '../../src/cli/dispatch.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('kliping (the command dispatch)', () => {
  it('--help prints the usage on stdout, so `kliping --help | less` shows it', async () => {
    const { out, err } = captureConsole();
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage:$/m);
    expect(err).toEqual([]);
  });

  it('a command asked for --help prints the usage instead of running', async () => {
    const { out } = captureConsole();
    // run, `timeline --help` would print the seeds' timeline (and `cari --help` an empty-query error)
    expect(await main(['timeline', '--help', '--dir', '/tidak/ada/korpus'])).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage:$/m);
  });

  it('an option the command does not take is a usage error, not silently ignored', async () => {
    const { out, err } = captureConsole();
    // a mistyped filter would otherwise show unfiltered results as if filtered
    expect(await main(['cari', 'putin', '--sumbr', 'Kompas TV', '--dir', '/tidak/ada/korpus'])).toBe(2);
    expect(await main(['timeline', 'putin', '--sumber', 'Kompas TV', '--dir', '/tidak/ada/korpus'])).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^kliping cari: --sumbr: opsi tidak dikenal/);
    expect(err[1]).toMatch(/^kliping timeline: --sumber: opsi tidak dikenal/);
  });

  it('a bad option value is told in Indonesian, as the date and query problems are', async () => {
    const { err } = captureConsole();
    expect(await main(['cari', 'putin', '--limit', '0', '--dir', '/tidak/ada/korpus'])).toBe(2);
    expect(await main(['timeline', 'putin', '--dari', '--dir', '/tidak/ada/korpus'])).toBe(2);
    expect(err[0]).toMatch(/^kliping cari: --limit harus bilangan bulat ≥ 1, bukan "0"\n/);
    expect(err[1]).toMatch(/^kliping timeline: --dari perlu diisi\n/);
  });

  it('an unknown command is named', async () => {
    const { err } = captureConsole();
    expect(await main(['cri', 'putin'])).toBe(2);
    expect(err[0]).toMatch(/^kliping: perintah "cri" tidak dikenal/);
  });
});
