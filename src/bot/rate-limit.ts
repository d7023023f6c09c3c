/** At most `limit` uses per key in any window of `windowMs` (a sliding window of use times). */
export class RateLimiter {
  readonly #uses = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a use and says yes, or says how long until the next use is allowed. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.now();
    const recent = (this.#uses.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.#uses.set(key, recent);
      return { ok: false, retryAfterMs: recent[0]! + this.windowMs - now };
    }
    recent.push(now);
    this.#uses.set(key, recent);
    return { ok: true };
  }
}
