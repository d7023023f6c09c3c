import { unavailable, type CorpusQueries, type Snapshot, type SnapshotHooks, type SnapshotOptions } from '../snapshot.ts';
import { WorkerClient } from '../workers/rpc.ts';
import type { CorpusWorker } from './corpus-worker.ts';

const CORPUS_WORKER = new URL('./corpus-worker.ts', import.meta.url);

/**
 * Build a snapshot in a worker thread and serve its queries from there. Building a corpus is
 * seconds of CPU (tens of seconds for a large one) that would otherwise block the gateway and
 * every interaction; in a worker, the bot keeps answering from the old snapshot meanwhile.
 */
export async function spawnSnapshot(dir: string, opts: SnapshotOptions = {}, hooks: SnapshotHooks = {}): Promise<Snapshot> {
  let serving = false;
  const worker = new WorkerClient<CorpusWorker>(CORPUS_WORKER, 'corpus worker', {
    onStop: (error) => {
      if (serving) hooks.onCrash?.(error);
    },
    stoppedError: unavailable,
    ...(opts.youngGenerationMb !== undefined && { resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb } }),
  });
  let facts;
  try {
    facts = await worker.api.build(dir, opts);
  } catch (error) {
    void worker.terminate();
    throw error;
  }
  serving = true;
  const queries: CorpusQueries = worker.api;
  return Object.freeze({
    dir,
    ...facts,
    queries,
    persist: () => worker.api.persist(),
    retire: (graceMs = 0) => {
      serving = false;
      worker.retire(graceMs);
    },
  });
}
