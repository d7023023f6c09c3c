import { createHash } from 'node:crypto';
import type { Article } from '../corpus/types.ts';

/**
 * A hash of a corpus's text, in order, under `key` (what was built from it: format version and code
 * fingerprint). `extra` adds the other fields a cache depends on, per article.
 */
export function corpusTextHash(key: string, articles: readonly Article[], extra: (article: Article) => string = () => ''): string {
  const hash = createHash('sha256');
  hash.update(`${key}\0`);
  for (const a of articles) {
    hash.update(`${a.id}\0${a.title}\0${extra(a)}${a.paragraphs.length}\0${a.captions.length}\0`);
    for (const p of a.paragraphs) hash.update(p).update('\0');
    for (const c of a.captions) hash.update(c).update('\0');
  }
  return hash.digest('hex');
}
