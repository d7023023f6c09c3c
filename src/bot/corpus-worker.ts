// The corpus worker: builds one snapshot and answers its queries, off the thread that talks to Discord.
import { buildSnapshot, type CorpusQueries, type Snapshot, type SnapshotOptions } from '../snapshot.ts';
import { serve } from '../workers/rpc.ts';

let snapshot: Snapshot | null = null;

function queries(): CorpusQueries {
  if (!snapshot) throw new Error('corpus not built yet');
  return snapshot.queries;
}

serve({
  /** Build the snapshot; answers what the bot keeps of it (everything but the queries). */
  async build(dir: string, opts: SnapshotOptions) {
    snapshot = await buildSnapshot(dir, opts, {
      // A snapshot without its timeline is broken: crash this worker too, so the bot reloads the corpus.
      onCrash: (error) =>
        process.nextTick(() => {
          throw error;
        }),
    });
    const { errors, warnings, hashes, stats, loadedAt, durationMs } = snapshot;
    return { errors, warnings, hashes, stats, loadedAt, durationMs };
  },
  search: (...args: Parameters<CorpusQueries['search']>) => queries().search(...args),
  suggest: (...args: Parameters<CorpusQueries['suggest']>) => queries().suggest(...args),
  publishers: (...args: Parameters<CorpusQueries['publishers']>) => queries().publishers(...args),
  article: (...args: Parameters<CorpusQueries['article']>) => queries().article(...args),
  timeline: (...args: Parameters<CorpusQueries['timeline']>) => queries().timeline(...args),
  duplicateOf: (...args: Parameters<CorpusQueries['duplicateOf']>) => queries().duplicateOf(...args),
  titles: (...args: Parameters<CorpusQueries['titles']>) => queries().titles(...args),
});
