import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFilePath, readCacheFile, writeCacheFile, type CacheKind } from '../../src/cache/cache-file.ts';

const KIND: CacheKind = { name: 'test', prefix: 'test-', extension: '.bin', magic: Buffer.from('KLIPTST\0', 'latin1'), version: 1 };
const HASH = 'a'.repeat(64);
const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kliping-cache-file-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const read = (dir: string) =>
  readCacheFile<{ count: number }, { count: number; payload: string }>(
    dir,
    KIND,
    HASH,
    () => {},
    (payload, header) => ({ count: header.count, payload: payload.toString('latin1') }),
  );

describe('writeCacheFile', () => {
  it('writes a payload given in parts as the parts joined: read back whole, checksum and all', () => {
    const dir = folder();
    const parts = [Buffer.from('abc'), new Uint8Array(0), new Uint8Array([0x64, 0x65]), Buffer.alloc(70_000, 0x66)];
    writeCacheFile(dir, KIND, HASH, { count: 3 }, parts);
    expect(read(dir)).toEqual({ value: { count: 3, payload: `abcde${'f'.repeat(70_000)}` } });
    expect(readdirSync(dir)).toEqual([`test-${HASH.slice(0, 32)}.bin`]);
  });

  it('writes the same file for the same payload in one piece or in parts', () => {
    const whole = folder();
    const inParts = folder();
    writeCacheFile(whole, KIND, HASH, { count: 1 }, Buffer.from('kliping'));
    writeCacheFile(inParts, KIND, HASH, { count: 1 }, [Buffer.from('klip'), Buffer.from('ing')]);
    expect(readFileSync(cacheFilePath(inParts, KIND, HASH))).toEqual(readFileSync(cacheFilePath(whole, KIND, HASH)));
    expect(read(whole).value?.payload).toBe('kliping');
  });
});
