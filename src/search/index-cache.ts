/**
 * The persisted index: one binary file per corpus content hash in the cache folder. A file is used only
 * when its magic, format version, corpus hash, payload checksum and internal structure all check out;
 * anything else is treated as absent, and the caller rebuilds and overwrites it.
 */
import { corpusTextHash } from '../cache/corpus-hash.ts';
import { cacheFilePath, check, readCacheFile, sourcesFingerprint, writeCacheFile, type CacheKind } from '../cache/cache-file.ts';
import type { Article } from '../corpus/types.ts';
import { SENTENCE_BREAK, type IndexData, type TermSpace } from './inverted-index.ts';
import { TermTable } from './term-table.ts';

/** Bump whenever the file layout changes: old files then no longer match. */
export const INDEX_FORMAT_VERSION = 2;

/**
 * The sources that decide which terms and weights an index holds. Their content is part of the hash,
 * so an upgraded analyzer or stemmer never serves an index built by the old one.
 */
const INDEX_SOURCES = ['analyzer.ts', 'stemmer.ts', 'inverted-index.ts', 'data/kata-dasar.txt'];
const INDEX_CODE_FINGERPRINT = sourcesFingerprint(new URL('./', import.meta.url), INDEX_SOURCES);
const INDEX_FILE: CacheKind = {
  name: 'index',
  prefix: 'search-index-',
  extension: '.bin',
  magic: Buffer.from('KLIPIDX\0', 'latin1'),
  version: INDEX_FORMAT_VERSION,
};

/** A hash of everything the index is built from, in order. */
export function corpusHash(articles: readonly Article[]): string {
  return corpusTextHash(`kliping-search-${INDEX_FORMAT_VERSION}-${INDEX_CODE_FINGERPRINT}`, articles);
}

export function cacheFile(dir: string, hash: string): string {
  return cacheFilePath(dir, INDEX_FILE, hash);
}

type Section = Uint32Array | Uint16Array | Uint8Array;
interface SectionInfo {
  name: string;
  kind: 'u32' | 'u16' | 'u8';
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
const kindOf = (s: Section): SectionInfo['kind'] => (s instanceof Uint32Array ? 'u32' : s instanceof Uint16Array ? 'u16' : 'u8');

function sectionsOf(index: IndexData): [string, Section][] {
  const space = (prefix: string, s: TermSpace): [string, Section][] => [
    [`${prefix}.terms`, encodeTerms(s.terms)],
    [`${prefix}.offsets`, s.offsets],
    [`${prefix}.docs`, s.docs],
    [`${prefix}.counts`, s.counts],
  ];
  return [
    ...space('surface', index.surface),
    ...space('stems', index.stems),
    ['surfaceStem', index.surfaceStem],
    ['titleLength', index.titleLength],
    ['bodyLength', index.bodyLength],
    ['bodyTerms', index.bodyTerms],
    ['bodyStart', index.bodyStart],
  ];
}

export function writeCachedIndex(dir: string, hash: string, index: IndexData): void {
  const parts: Buffer[] = [];
  const sections: SectionInfo[] = [];
  let offset = 0;
  for (const [name, data] of sectionsOf(index)) {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const padding = (8 - (bytes.length % 8)) % 8;
    sections.push({ name, kind: kindOf(data), offset, bytes: bytes.length });
    parts.push(bytes, Buffer.alloc(padding));
    offset += bytes.length + padding;
  }
  const header: Pick<Header, 'docCount' | 'sections'> = { docCount: index.docCount, sections };
  writeCacheFile(dir, INDEX_FILE, hash, header, parts);
}

/** The cached index for this corpus hash, or null when absent, stale or damaged (with the reason). */
export function readCachedIndex(dir: string, hash: string, docCount: number): { index: IndexData | null; reason?: string } {
  const { value, reason } = readCacheFile<Header, IndexData>(
    dir,
    INDEX_FILE,
    hash,
    (header) => check(header.docCount === docCount, 'document count differs'),
    (payload, header) => decode(payload, header, docCount),
  );
  return reason === undefined ? { index: value } : { index: value, reason };
}

// Tight loops over sections of millions of values, one check each after: a warm start reads them all.
function nonDecreasing(values: Uint32Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1]! > values[i]!) return false;
  return true;
}

/** Every value below `limit`, or at least `from` when given (markers above the range). */
function allBelow(values: Uint32Array, limit: number, from = Infinity): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! >= limit && values[i]! < from) return false;
  return true;
}

function decode(payload: Buffer, header: Header, docCount: number): IndexData {
  const sections = new Map<string, SectionInfo>(header.sections.map((s) => [s.name, s]));
  const bounds = (name: string): SectionInfo => {
    const info = sections.get(name);
    check(info !== undefined && info.offset >= 0 && info.offset + info.bytes <= payload.length, `section ${name} missing`);
    return info;
  };
  // Views on the file's bytes where aligned (the writer pads each section to 8 bytes, and readFileSync's
  // buffer starts aligned), else a copy: the index then holds the file's memory, not a second copy of it.
  const view = <T>(name: string, width: number, make: (buffer: ArrayBufferLike, offset: number, length: number) => T): T => {
    const { offset, bytes } = bounds(name);
    check(bytes % width === 0, `section ${name} misaligned`);
    const at = payload.byteOffset + offset;
    if (at % width === 0) return make(payload.buffer, at, bytes / width);
    return make(new Uint8Array(payload.subarray(offset, offset + bytes)).buffer, 0, bytes / width);
  };
  const u32 = (name: string) => view(name, 4, (buffer, offset, length) => new Uint32Array(buffer, offset, length));
  const u16 = (name: string) => view(name, 2, (buffer, offset, length) => new Uint16Array(buffer, offset, length));
  const space = (prefix: string): TermSpace => {
    const { offset, bytes } = bounds(`${prefix}.terms`);
    const termText = payload.toString('utf8', offset, offset + bytes);
    const terms = termText === '' ? [] : termText.split('\n');
    const offsets = u32(`${prefix}.offsets`);
    const docs = u32(`${prefix}.docs`);
    const counts = u16(`${prefix}.counts`);
    check(offsets.length === terms.length + 1 && offsets[0] === 0, `${prefix}: offsets do not fit the terms`);
    check(nonDecreasing(offsets), `${prefix}: offsets out of order`);
    check(offsets[terms.length] === docs.length && docs.length === counts.length, `${prefix}: postings do not fit`);
    check(allBelow(docs, docCount), `${prefix}: posting beyond the corpus`);
    check(
      terms.every((term, t) => t === 0 || terms[t - 1]! < term),
      `${prefix}: terms out of order`,
    );
    return { terms, ids: new TermTable(terms), offsets, docs, counts };
  };
  const surface = space('surface');
  const stems = space('stems');
  const surfaceStem = u32('surfaceStem');
  check(surfaceStem.length === surface.terms.length, 'surface-to-stem map does not fit');
  check(allBelow(surfaceStem, stems.terms.length), 'surface-to-stem map out of range');
  const titleLength = u16('titleLength');
  const bodyLength = u32('bodyLength');
  const bodyTerms = u32('bodyTerms');
  const bodyStart = u32('bodyStart');
  check(titleLength.length === docCount && bodyLength.length === docCount, 'field lengths do not fit the corpus');
  check(bodyStart.length === docCount + 1 && bodyStart[0] === 0 && bodyStart[docCount] === bodyTerms.length, 'body terms do not fit');
  check(nonDecreasing(bodyStart), 'body terms out of order');
  check(allBelow(bodyTerms, stems.terms.length, SENTENCE_BREAK), 'body term out of range');
  return { docCount, surface, stems, surfaceStem, titleLength, bodyLength, bodyTerms, bodyStart };
}
