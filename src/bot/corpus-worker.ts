// The corpus worker: builds one snapshot and answers its queries, off the thread that talks to Discord.
// Its methods are `corpusWorker`'s and the snapshot's queries (CorpusQueries), forwarded as they are.
import { buildSnapshot, type CorpusQueries, type Snapshot, type SnapshotFacts, type SnapshotOptions } from '../snapshot.ts';
import { collectGarbage } from '../workers/collect.ts';
import { serve } from '../workers/rpc.ts';

let snapshot: Snapshot | null = null;

function current(): Snapshot {
  if (!snapshot) throw new Error('corpus not built yet');
  return snapshot;
}

const corpusWorker = {
  /** Build the snapshot; answers what the bot keeps of it (its plain facts). */
  async build(dir: string, opts: SnapshotOptions): Promise<SnapshotFacts> {
    snapshot = await buildSnapshot(dir, opts, {
      // A snapshot without its timeline is broken: crash this worker too, so the bot rebuilds the corpus.
      onCrash: (error) =>
        process.nextTick(() => {
          throw error;
        }),
    });
    collectGarbage();
    const { errors, warnings, hashes, files, stats, loadedAt, durationMs } = snapshot;
    return { errors, warnings, hashes, files, stats, loadedAt, durationMs };
  },
  /** Write the caches; the encoded files are garbage once written, collected at once (see collectGarbage). */
  async persist(): Promise<void> {
    await current().persist();
    collectGarbage();
  },
};

export type CorpusWorker = typeof corpusWorker & CorpusQueries;

serve(corpusWorker, () => current().queries);
