import { createHash } from 'node:crypto';
import { articleDigest } from '../corpus/article.ts';
import type { Article } from '../corpus/types.ts';

/**
 * A hash of a corpus's content, in order, under `key` (what was built from it: format version and code
 * fingerprint). The text counts through each article's digest (computed once when it was parsed), so a
 * warm start hashes no text. `extra` adds the other fields a cache depends on, per article.
 */
export function corpusTextHash(key: string, articles: readonly Article[], extra: (article: Article) => string = () => ''): string {
  const hash = createHash('sha256');
  hash.update(`${key}\0`);
  for (const a of articles) hash.update(`${a.id}\0${a.title}\0${extra(a)}${articleDigest(a)}\0`);
  return hash.digest('hex');
}
