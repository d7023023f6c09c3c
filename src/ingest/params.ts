/** Limits of reading pages and attachments for the corpus; one place, documented, with defaults. */
export interface IngestParams {
  /** Largest page or attachment read, in bytes (counted as it streams in, after decompression). */
  maxBytes: number;
  /** Whole fetch, redirects and body included. */
  timeoutMs: number;
  /** Redirects followed, each checked like the first request. */
  maxRedirects: number;
  /** How long a preview's Simpan / Batal buttons work. */
  previewTtlMs: number;
  /** Additions (previews asked for) per admin per minute. */
  additionsPerMinute: number;
  /** Sent with every request, so site owners can see who reads their page. */
  userAgent: string;
}

export const INGEST_PARAMS: Readonly<IngestParams> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
  previewTtlMs: 15 * 60_000,
  additionsPerMinute: 10,
  userAgent: 'KlipingBot/0.1 (bot Discord kliping berita; +https://github.com/kliping/kliping)',
});
