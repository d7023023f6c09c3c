/** The snapshot store's tuning, with defaults (`DEFAULT_SNAPSHOT_PARAMS`). */
export interface SnapshotParams {
  /**
   * A reload losing more than this share of the served articles is refused unless forced
   * (`/korpus muat-ulang paksa:True`): a truncated file or a half-copied folder looks like that.
   */
  maxShrink: number;
  /**
   * Until a snapshot serves (the first load, or a rebuild after a worker crash), the store builds at
   * once, then retries after this delay…
   */
  recoveryFirstDelayMs: number;
  /** …growing by this factor per failed attempt… */
  recoveryBackoff: number;
  /** …up to this: a corpus folder back after an outage is served again within about this long plus a build. */
  recoveryMaxDelayMs: number;
  /**
   * A replaced snapshot is freed once its queries under way have finished and this long has passed
   * without one: a handler asking twice (publisher check, then search) keeps it for the second ask.
   */
  retireGraceMs: number;
  /**
   * Young generation of each snapshot thread's heap (V8 `maxYoungGenerationSizeMb`). V8's default
   * (tens of MB per thread) stays resident; a snapshot's data is old-generation, so a small nursery
   * costs its builds nothing measurable and saves ~40 MB of RSS per thread.
   */
  workerYoungGenerationMb: number;
  /**
   * A reload whose articles differ from the serving snapshot's by at most this share of the last full
   * build's (added, changed and removed, counting earlier derived reloads) is derived from it: only
   * those articles are indexed and extracted, in the serving snapshot's threads, with no second copy
   * of the corpus in memory. Beyond it, the next snapshot is built from scratch: each derivation adds
   * an index segment and tombstones, which a full build compacts. 0: every reload builds anew.
   */
  maxRefreshShare: number;
}

export const DEFAULT_SNAPSHOT_PARAMS: Readonly<SnapshotParams> = Object.freeze({
  maxShrink: 0.1,
  recoveryFirstDelayMs: 1000,
  recoveryBackoff: 2,
  recoveryMaxDelayMs: 15_000,
  retireGraceMs: 2000,
  workerYoungGenerationMb: 8,
  maxRefreshShare: 0.1,
});
