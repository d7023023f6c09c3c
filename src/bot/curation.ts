import type { Article } from '../corpus/types.ts';
import type { Candidate } from '../ingest/candidate.ts';
import type { DuplicateCheck } from '../ingest/inbox-files.ts';
import { INGEST_PARAMS, type IngestParams } from '../ingest/params.ts';
import { PageStore } from './page-store.ts';
import { RateLimiter } from './rate-limit.ts';

/** A preview waiting for its Simpan / Batal. */
export interface PendingAddition {
  candidate: Candidate;
  /** Articles not in the corpus when the preview was made (checked again at Simpan). */
  fresh: Article[];
  duplicates: DuplicateCheck['duplicates'];
  /** What was asked, for the journal: `{ url }` or `{ berkas }`. */
  what: Record<string, unknown>;
}

/** The bot's state for adding and removing articles from Discord. */
export interface Curation {
  /** Previews by the short key in their buttons; they expire `previewTtlMs` after the preview, used or not. */
  pending: PageStore<PendingAddition>;
  /** Additions per admin per minute. */
  limiter: RateLimiter;
  allowHosts: ReadonlySet<string>;
  params: IngestParams;
}

export function createCuration(allowHosts: readonly string[], overrides: Partial<IngestParams> = {}): Curation {
  const params = { ...INGEST_PARAMS, ...overrides };
  return {
    // Candidates hold up to a few MB each: a small cap bounds memory (the rate limit keeps it from filling anyway).
    pending: new PageStore<PendingAddition>({ ttlMs: params.previewTtlMs, sliding: false, maxEntries: 200 }),
    limiter: new RateLimiter(params.additionsPerMinute, 60_000),
    allowHosts: new Set(allowHosts),
    params,
  };
}
