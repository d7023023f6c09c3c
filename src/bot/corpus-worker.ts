// The corpus worker: builds one snapshot and answers its queries, off the thread that talks to Discord.
// Its methods are `corpusWorker`'s and the snapshot's queries (CorpusQueries), forwarded as they are.
import {
  buildSnapshot,
  type CorpusQueries,
  type Refresh,
  type RefreshLimits,
  type Snapshot,
  type SnapshotChange,
  type SnapshotFacts,
  type SnapshotHooks,
  type SnapshotOptions,
} from '../snapshot.ts';
import { collectGarbage } from '../workers/collect.ts';
import { serve } from '../workers/rpc.ts';

let snapshot: Snapshot | null = null;

function current(): Snapshot {
  if (!snapshot) throw new Error('corpus not built yet');
  return snapshot;
}

// A snapshot without its timeline is broken: crash this worker too, so the bot rebuilds the corpus.
const hooks: SnapshotHooks = {
  onCrash: (error) =>
    process.nextTick(() => {
      throw error;
    }),
};

/** What the bot keeps of a snapshot: its plain facts. */
function factsOf({ errors, warnings, hashes, files, stats, loadedAt, durationMs }: Snapshot): SnapshotFacts {
  return { errors, warnings, hashes, files, stats, loadedAt, durationMs };
}

/** Snapshot.refresh's answer as it crosses to the bot: a derived snapshot's facts, the snapshot stays here. */
export type WorkerRefresh = Exclude<Refresh, { kind: 'derived' }> | { kind: 'derived'; facts: SnapshotFacts };

const corpusWorker = {
  /**
   * Build the snapshot. Its garbage is collected once this answer is out: the collection (a few
   * hundred ms) then overlaps the bot's swapping the snapshot in, instead of delaying it.
   */
  async build(dir: string, opts: SnapshotOptions): Promise<SnapshotFacts> {
    snapshot = await buildSnapshot(dir, opts, hooks);
    setImmediate(collectGarbage);
    return factsOf(snapshot);
  },
  /** Serve the next snapshot, derived from this one; a query already here was answered by this one. */
  async change(change: SnapshotChange): Promise<SnapshotFacts> {
    snapshot = await current().derive(change, hooks);
    return factsOf(snapshot);
  },
  /**
   * A reload derived from this snapshot when few articles changed (Snapshot.refresh). The folder's
   * articles loaded to compare are garbage afterwards, whatever the answer: collected at once, so a
   * full build that follows starts from this thread's steady size.
   */
  async refresh(limits: RefreshLimits): Promise<WorkerRefresh> {
    const refreshed = await current().refresh(limits, hooks);
    if (refreshed.kind === 'derived') snapshot = refreshed.snapshot;
    collectGarbage();
    return refreshed.kind === 'derived' ? { kind: 'derived', facts: factsOf(refreshed.snapshot) } : refreshed;
  },
  /** Write the caches; the encoded files are garbage once written, collected at once (see collectGarbage). */
  async persist(): Promise<boolean> {
    try {
      return await current().persist();
    } finally {
      // Compacted: the snapshot before this one is gone by now, so the copy made while compacting costs no peak.
      collectGarbage({ compact: true });
    }
  },
};

export type CorpusWorker = typeof corpusWorker & CorpusQueries;

serve(corpusWorker, () => current().queries);
