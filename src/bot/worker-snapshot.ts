// Not the snapshot.ts barrel: that loads the whole core (build.ts), which this thread never runs.
import { SNAPSHOT_ERRORS, unavailable } from '../snapshot/errors.ts';
import type {
  CorpusQueries,
  Refresh,
  RefreshLimits,
  Snapshot,
  SnapshotChange,
  SnapshotFacts,
  SnapshotHooks,
  SnapshotOptions,
} from '../snapshot/types.ts';
import { WorkerClient } from '../workers/rpc.ts';
import type { CorpusWorker } from './corpus-worker.ts';

const CORPUS_WORKER = new URL('./corpus-worker.ts', import.meta.url);

/**
 * Build a snapshot in a worker thread and serve its queries from there. Building a corpus is
 * seconds of CPU (tens of seconds for a large one) that would otherwise block the gateway and
 * every interaction; in a worker, the bot keeps answering from the old snapshot meanwhile.
 */
export async function spawnSnapshot(dir: string, opts: SnapshotOptions = {}, hooks: SnapshotHooks = {}): Promise<Snapshot> {
  const crash: { onCrash: ((error: Error) => void) | null } = { onCrash: null };
  const worker = new WorkerClient<CorpusWorker>(CORPUS_WORKER, 'corpus worker', {
    onStop: (error) => crash.onCrash?.(error),
    stoppedError: unavailable,
    // A thread it runs that stopped (the timeline worker) arrives as such, not as an unknown error.
    errors: SNAPSHOT_ERRORS,
    ...(opts.youngGenerationMb !== undefined && { resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb } }),
  });
  let facts;
  try {
    facts = await stoppable(worker, hooks.signal, () => worker.api.build(dir, opts));
  } catch (error) {
    void worker.terminate();
    throw error;
  }
  return handle(dir, worker, crash, facts, hooks);
}

/** `call` to the worker, whose thread is stopped if `signal` aborts meanwhile (the call then rejects). */
async function stoppable<T>(worker: WorkerClient<CorpusWorker>, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  if (!signal) return call();
  signal.throwIfAborted();
  const stop = (): void => void worker.terminate();
  signal.addEventListener('abort', stop, { once: true });
  try {
    return await call();
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** The bot's handle on the worker's current snapshot; `derive` makes the worker serve the next one. */
function handle(
  dir: string,
  worker: WorkerClient<CorpusWorker>,
  crash: { onCrash: ((error: Error) => void) | null },
  facts: SnapshotFacts,
  hooks: SnapshotHooks,
): Snapshot {
  crash.onCrash = hooks.onCrash ?? null;
  let superseded = false;
  const queries: CorpusQueries = worker.api;
  return Object.freeze({
    dir,
    ...facts,
    queries,
    persist: () => worker.api.persist(),
    retire: (graceMs = 0) => {
      // The derived snapshot lives in the same worker: it stops the thread when its turn comes.
      if (superseded) return;
      crash.onCrash = null;
      void worker.retire(graceMs);
    },
    derive: async (change: SnapshotChange, next: SnapshotHooks) => {
      const derived = await stoppable(worker, next.signal, () => worker.api.change(change));
      superseded = true;
      return handle(dir, worker, crash, derived, next);
    },
    refresh: async (limits: RefreshLimits, next: SnapshotHooks): Promise<Refresh> => {
      const refreshed = await stoppable(worker, next.signal, () => worker.api.refresh(limits));
      if (refreshed.kind !== 'derived') return refreshed;
      superseded = true;
      return { kind: 'derived', snapshot: handle(dir, worker, crash, refreshed.facts, next) };
    },
  });
}
