/**
 * The persisted index: one binary file per corpus content hash in the cache folder. A file is used only
 * when its magic, format version, corpus hash, payload checksum and internal structure all check out;
 * anything else is treated as absent, and the caller rebuilds and overwrites it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../corpus/types.ts';
import type { IndexData, TermSpace } from './inverted-index.ts';

/** Bump whenever the file layout changes: old files then no longer match. */
export const INDEX_FORMAT_VERSION = 1;

/**
 * The sources that decide which terms and weights an index holds. Their content is part of the hash,
 * so an upgraded analyzer or stemmer never serves an index built by the old one.
 */
const INDEX_SOURCES = ['analyzer.ts', 'stemmer.ts', 'inverted-index.ts', 'data/kata-dasar.txt'];
const INDEX_CODE_FINGERPRINT = (() => {
  const hash = createHash('sha256');
  for (const source of INDEX_SOURCES) hash.update(readFileSync(new URL(source, import.meta.url)));
  return hash.digest('hex');
})();
const MAGIC = Buffer.from('KLIPIDX\0', 'latin1');
const FILE_PREFIX = 'search-index-';

/** A hash of everything the index is built from, in order. */
export function corpusHash(articles: readonly Article[]): string {
  const hash = createHash('sha256');
  hash.update(`kliping-search-${INDEX_FORMAT_VERSION}-${INDEX_CODE_FINGERPRINT}\0`);
  for (const a of articles) {
    hash.update(`${a.id}\0${a.title}\0${a.paragraphs.length}\0${a.captions.length}\0`);
    for (const p of a.paragraphs) hash.update(p).update('\0');
    for (const c of a.captions) hash.update(c).update('\0');
  }
  return hash.digest('hex');
}

export function cacheFile(dir: string, hash: string): string {
  return join(dir, `${FILE_PREFIX}${hash.slice(0, 32)}.bin`);
}

type Section = Uint32Array | Float32Array | Uint8Array;
interface SectionInfo {
  name: string;
  kind: 'u32' | 'f32' | 'u8';
  offset: number;
  bytes: number;
}
interface Header {
  version: number;
  hash: string;
  docCount: number;
  checksum: string;
  sections: SectionInfo[];
}

const encodeTerms = (terms: string[]) => new Uint8Array(Buffer.from(terms.join('\n'), 'utf8'));
const kindOf = (s: Section): SectionInfo['kind'] => (s instanceof Uint32Array ? 'u32' : s instanceof Float32Array ? 'f32' : 'u8');

function sectionsOf(index: IndexData): [string, Section][] {
  const space = (prefix: string, s: TermSpace): [string, Section][] => [
    [`${prefix}.terms`, encodeTerms(s.terms)],
    [`${prefix}.offsets`, s.offsets],
    [`${prefix}.docs`, s.docs],
    [`${prefix}.impacts`, s.impacts],
  ];
  return [...space('surface', index.surface), ...space('stems', index.stems), ['surfaceStem', index.surfaceStem]];
}

export function writeCachedIndex(dir: string, hash: string, index: IndexData): void {
  mkdirSync(dir, { recursive: true });
  const parts: Buffer[] = [];
  const infos: SectionInfo[] = [];
  let offset = 0;
  for (const [name, data] of sectionsOf(index)) {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const padding = (8 - (bytes.length % 8)) % 8;
    infos.push({ name, kind: kindOf(data), offset, bytes: bytes.length });
    parts.push(bytes, Buffer.alloc(padding));
    offset += bytes.length + padding;
  }
  const payload = Buffer.concat(parts);
  const header: Header = {
    version: INDEX_FORMAT_VERSION,
    hash,
    docCount: index.docCount,
    checksum: createHash('sha256').update(payload).digest('hex'),
    sections: infos,
  };
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc((8 - ((headerBytes.length + 12) % 8)) % 8, 0x20)]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);

  const target = cacheFile(dir, hash);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([MAGIC, length, headerBytes, payload]));
  renameSync(temporary, target);
  // older indexes of this folder are stale by construction
  for (const name of readdirSync(dir)) {
    if (name.startsWith(FILE_PREFIX) && join(dir, name) !== target && name.endsWith('.bin')) rmSync(join(dir, name), { force: true });
  }
}

/** Thrown for any inconsistency; caught by readCachedIndex. */
class CorruptIndex extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new CorruptIndex(what);
}

/** The cached index for this corpus hash, or null when absent, stale or damaged (with the reason). */
export function readCachedIndex(dir: string, hash: string, docCount: number): { index: IndexData | null; reason?: string } {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile(dir, hash));
  } catch {
    return { index: null, reason: 'no cached index' };
  }
  try {
    return { index: decode(file, hash, docCount) };
  } catch (error) {
    if (error instanceof CorruptIndex || error instanceof SyntaxError || error instanceof RangeError) {
      return { index: null, reason: `cached index ignored: ${error.message}` };
    }
    throw error;
  }
}

function decode(file: Buffer, hash: string, docCount: number): IndexData {
  check(file.length >= 12 && file.subarray(0, 8).equals(MAGIC), 'not an index file');
  const headerLength = file.readUInt32LE(8);
  check(12 + headerLength <= file.length, 'truncated header');
  const header = JSON.parse(file.subarray(12, 12 + headerLength).toString('utf8')) as Header;
  check(header.version === INDEX_FORMAT_VERSION, `format ${header.version}, expected ${INDEX_FORMAT_VERSION}`);
  check(header.hash === hash, 'built from another corpus');
  check(header.docCount === docCount, 'document count differs');
  const payload = file.subarray(12 + headerLength);
  check(createHash('sha256').update(payload).digest('hex') === header.checksum, 'checksum mismatch');

  const sections = new Map<string, SectionInfo>(header.sections.map((s) => [s.name, s]));
  const raw = (name: string): Uint8Array => {
    const info = sections.get(name);
    check(info !== undefined && info.offset >= 0 && info.offset + info.bytes <= payload.length, `section ${name} missing`);
    return new Uint8Array(payload.subarray(info.offset, info.offset + info.bytes)); // copy: aligned and owned
  };
  const u32 = (name: string) => {
    const bytes = raw(name);
    check(bytes.byteLength % 4 === 0, `section ${name} misaligned`);
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  };
  const f32 = (name: string) => {
    const bytes = raw(name);
    check(bytes.byteLength % 4 === 0, `section ${name} misaligned`);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  };
  const space = (prefix: string): TermSpace => {
    const termText = Buffer.from(raw(`${prefix}.terms`)).toString('utf8');
    const terms = termText === '' ? [] : termText.split('\n');
    const offsets = u32(`${prefix}.offsets`);
    const docs = u32(`${prefix}.docs`);
    const impacts = f32(`${prefix}.impacts`);
    check(offsets.length === terms.length + 1 && offsets[0] === 0, `${prefix}: offsets do not fit the terms`);
    for (let t = 0; t < terms.length; t++) check(offsets[t]! <= offsets[t + 1]!, `${prefix}: offsets out of order`);
    check(offsets[terms.length] === docs.length && docs.length === impacts.length, `${prefix}: postings do not fit`);
    for (const doc of docs) check(doc < docCount, `${prefix}: posting beyond the corpus`);
    for (let t = 1; t < terms.length; t++) check(terms[t - 1]! < terms[t]!, `${prefix}: terms out of order`);
    const ids = new Map<string, number>();
    terms.forEach((term, id) => ids.set(term, id));
    return { terms, ids, offsets, docs, impacts };
  };
  const surface = space('surface');
  const stems = space('stems');
  const surfaceStem = u32('surfaceStem');
  check(surfaceStem.length === surface.terms.length, 'surface-to-stem map does not fit');
  for (const id of surfaceStem) check(id < stems.terms.length, 'surface-to-stem map out of range');
  return { docCount, surface, stems, surfaceStem };
}
