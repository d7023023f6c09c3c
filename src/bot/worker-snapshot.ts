import { RETIRE_AFTER_MS, type CorpusQueries, type Snapshot, type SnapshotOptions } from '../snapshot.ts';
import { WorkerClient } from '../workers/rpc.ts';

type SnapshotMeta = Pick<Snapshot, 'errors' | 'warnings' | 'hashes' | 'stats' | 'loadedAt' | 'durationMs'>;

const CORPUS_WORKER = new URL('./corpus-worker.ts', import.meta.url);

export interface WorkerSnapshotOptions extends SnapshotOptions {
  /** Told when the worker dies unexpectedly (a crash, or out of memory) while serving. */
  onCrash?: (error: Error) => void;
}

/**
 * Build a snapshot in a worker thread and serve its queries from there. Building a corpus is
 * seconds of CPU (tens of seconds for a large one) that would otherwise block the gateway and
 * every interaction; in a worker, the bot keeps answering from the old snapshot meanwhile.
 */
export async function spawnSnapshot(dir: string, opts: WorkerSnapshotOptions = {}): Promise<Snapshot> {
  const buildOpts: SnapshotOptions = opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir };
  let serving = false;
  const worker = new WorkerClient(CORPUS_WORKER, 'corpus worker', (error) => {
    if (serving) opts.onCrash?.(error);
  });
  let meta: SnapshotMeta;
  try {
    meta = await worker.call<SnapshotMeta>('build', [dir, buildOpts]);
  } catch (error) {
    void worker.terminate();
    throw error;
  }
  serving = true;
  const forward = <M extends keyof CorpusQueries>(method: M) => ((...args: unknown[]) => worker.call(method, args)) as CorpusQueries[M];
  return Object.freeze({
    dir,
    ...meta,
    queries: {
      search: forward('search'),
      suggest: forward('suggest'),
      publishers: forward('publishers'),
      article: forward('article'),
      timeline: forward('timeline'),
      duplicateOf: forward('duplicateOf'),
      titles: forward('titles'),
    },
    retire: (afterMs = RETIRE_AFTER_MS) => {
      serving = false;
      setTimeout(() => void worker.terminate(), afterMs).unref();
    },
  });
}
