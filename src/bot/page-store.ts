import { randomBytes } from 'node:crypto';

interface Entry<T> {
  value: T;
  ownerId: string;
  expiresAt: number;
}

export interface PageStoreOptions {
  /** How long a result can be paged after its last use. */
  ttlMs?: number;
  /** False: an entry expires `ttlMs` after it was put, however often it is read (a preview's buttons). Default true. */
  sliding?: boolean;
  /** Oldest entries are dropped beyond this, so a busy bot's memory stays bounded. */
  maxEntries?: number;
  now?: () => number;
}

export type PageLookup<T> = { status: 'ok'; value: T; ownerId: string } | { status: 'expired' };

/**
 * Server-side state behind buttons and menus: the custom_id carries only a short key,
 * never the query or results, so it stays far under 100 characters and cannot be forged
 * into another user's result.
 */
export class PageStore<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #sliding: boolean;

  constructor(opts: PageStoreOptions = {}) {
    this.#sliding = opts.sliding ?? true;
    this.#ttlMs = opts.ttlMs ?? 15 * 60_000;
    this.#maxEntries = opts.maxEntries ?? 5_000;
    this.#now = opts.now ?? Date.now;
  }

  /** Store `value` for `ownerId`; returns its key (10 url-safe characters). */
  put(ownerId: string, value: T): string {
    this.#sweep();
    const key = randomBytes(8).toString('base64url').slice(0, 10);
    this.#entries.set(key, { value, ownerId, expiresAt: this.#now() + this.#ttlMs });
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return key;
  }

  /** Look up a key; a hit extends its life (when sliding), since someone is still reading. */
  get(key: string): PageLookup<T> {
    const entry = this.#entries.get(key);
    const now = this.#now();
    if (!entry || entry.expiresAt <= now) {
      this.#entries.delete(key);
      return { status: 'expired' };
    }
    if (!this.#sliding) return { status: 'ok', value: entry.value, ownerId: entry.ownerId };
    entry.expiresAt = now + this.#ttlMs;
    // Re-insert so Map order stays oldest-use first for the size cap.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return { status: 'ok', value: entry.value, ownerId: entry.ownerId };
  }

  /** Forget a key: its buttons stop working at once. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Drop expired entries from the old end; Map order is last-use order, so this stops at the first live one. */
  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break;
      this.#entries.delete(key);
    }
  }
}
