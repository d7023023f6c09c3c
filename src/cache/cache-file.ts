/**
 * The container every on-disk cache uses (the search index, the timeline): a magic tag, a JSON header
 * and a payload guarded by its SHA-256, one file per content hash, written atomically. A file is used
 * only when it checks out; anything else is treated as absent, and the caller rebuilds and overwrites it.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A hash of source files (relative to `base`): part of a cache key, so upgraded code never serves what the old code built. */
export function sourcesFingerprint(base: URL, sources: readonly string[]): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(readFileSync(new URL(source, base)));
  return hash.digest('hex');
}

/** One kind of cache file: its name prefix, extension, magic tag (8 bytes) and format version. */
export interface CacheKind {
  /** Named in reasons: "not an index file". */
  name: string;
  prefix: string;
  extension: string;
  magic: Buffer;
  /** Bumped whenever the file layout changes: old files then no longer match. */
  version: number;
}

/** What every header holds, besides the fields of its kind. */
interface CommonHeader {
  version: unknown;
  hash: unknown;
  checksum?: unknown;
}

export function cacheFilePath(dir: string, kind: CacheKind, hash: string): string {
  return join(dir, `${kind.prefix}${hash.slice(0, 32)}${kind.extension}`);
}

/** Thrown for any inconsistency in a cache file; readers turn it into "absent". */
export class CorruptCache extends Error {}

export function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new CorruptCache(what);
}

/**
 * Write header (with version, corpus hash and the payload's checksum added) and payload to a temporary file, then rename: readers never see half a file.
 * A payload given in parts is written part after part, never joined: a large cache (the index's 60 MB) is not copied to be written.
 */
export function writeCacheFile(
  dir: string,
  kind: CacheKind,
  hash: string,
  header: object,
  payload: Uint8Array | readonly Uint8Array[],
): void {
  mkdirSync(dir, { recursive: true });
  const parts = payload instanceof Uint8Array ? [payload] : payload;
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  const checksum = digest.digest('hex');
  let headerBytes = Buffer.from(JSON.stringify({ version: kind.version, hash, ...header, checksum }), 'utf8');
  // padded so the payload starts 8-byte aligned
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc((8 - ((headerBytes.length + 12) % 8)) % 8, 0x20)]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);

  const target = cacheFilePath(dir, kind, hash);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const bytes of [kind.magic, length, headerBytes, ...parts])
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, target);
  // older files of this kind in this folder are stale by construction
  for (const name of readdirSync(dir)) {
    if (name.startsWith(kind.prefix) && name.endsWith(kind.extension) && join(dir, name) !== target)
      rmSync(join(dir, name), { force: true });
  }
}

/**
 * The cache file for this hash, checked: version, hash and `validateHeader` (counts) first, then the
 * payload's checksum. `decode` checks the payload's structure, throwing through `check`. Null, with
 * the reason, when the file is absent, stale or damaged.
 */
export function readCacheFile<Header, T>(
  dir: string,
  kind: CacheKind,
  hash: string,
  validateHeader: (header: Header) => void,
  decode: (payload: Buffer, header: Header) => T,
): { value: T | null; reason?: string } {
  let file: Buffer;
  try {
    file = readFileSync(cacheFilePath(dir, kind, hash));
  } catch {
    return { value: null, reason: `no cached ${kind.name}` };
  }
  try {
    check(file.length >= 12 && file.subarray(0, 8).equals(kind.magic), `not ${/^[aeiou]/.test(kind.name) ? 'an' : 'a'} ${kind.name} file`);
    const headerLength = file.readUInt32LE(8);
    check(12 + headerLength <= file.length, 'truncated header');
    const header = JSON.parse(file.subarray(12, 12 + headerLength).toString('utf8')) as Header & CommonHeader;
    check(typeof header === 'object' && header !== null, 'header is not an object');
    check(header.version === kind.version, `format ${header.version}, expected ${kind.version}`);
    check(header.hash === hash, 'built from another corpus');
    validateHeader(header);
    const payload = file.subarray(12 + headerLength);
    check(createHash('sha256').update(payload).digest('hex') === header.checksum, 'checksum mismatch');
    return { value: decode(payload, header) };
  } catch (error) {
    if (error instanceof CorruptCache || error instanceof SyntaxError || error instanceof RangeError) {
      return { value: null, reason: `cached ${kind.name} ignored: ${error.message}` };
    }
    throw error;
  }
}
