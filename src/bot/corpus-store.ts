// The bot's snapshot store: the corpus built and served in worker threads, the store's own events logged.
// Apart from app.ts so that `npm start` can open it before discord.js loads (src/bot/main.ts).
// Not the snapshot.ts barrel, which loads the whole core: `npm start` opens this store first, and the
// sooner the corpus worker is spawned, the sooner the corpus serves.
import { SnapshotStore, type StoreEvent } from '../snapshot/store.ts';
import type { SnapshotParams } from '../snapshot/params.ts';
import type { BotConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { spawnSnapshot } from './worker-snapshot.ts';

/** Start building the corpus of `config.corpusDir` and return its store at once (SnapshotStore.open). */
export function openCorpusStore(config: BotConfig, logger: Logger, params?: Partial<SnapshotParams>): SnapshotStore {
  return SnapshotStore.open(config.corpusDir, {
    ...(config.indexCacheDir && { cacheDir: config.indexCacheDir }),
    // Each snapshot lives in a worker thread, so a reload never stalls the gateway (see worker-snapshot.ts).
    build: spawnSnapshot,
    ...(params && { params }),
    onEvent: (event) => logStoreEvent(logger, event),
  });
}

/** What the store did on its own (crash recovery, cache writes), each at the level it deserves. */
function logStoreEvent(logger: Logger, event: StoreEvent): void {
  switch (event.kind) {
    case 'crashed':
      return logger.error({ err: event.error }, 'corpus worker died; rebuilding the corpus');
    case 'recovery-failed': {
      const { outcome } = event;
      const why = outcome.status === 'failed' ? { error: outcome.error } : outcome.status === 'refused' ? { refusal: outcome.refusal } : {};
      return logger.warn(
        { attempt: event.attempt, status: outcome.status, ...why, retryInMs: event.retryInMs },
        'corpus still unavailable after a worker crash; retrying',
      );
    }
    case 'recovered':
      return logger.info(
        { attempt: event.attempt, articles: event.articles, durationMs: Math.round(event.durationMs) },
        'corpus serving again after a worker crash',
      );
    case 'cache-written':
      return logger.info({ durationMs: Math.round(event.durationMs) }, 'index and timeline cache written');
    case 'cache-write-failed':
      return logger.warn({ err: event.error }, 'could not write the index and timeline cache; the next start rebuilds them');
    case 'refresh-failed':
      return logger.warn({ err: event.error }, 'could not derive the reload from the serving corpus; building it anew');
  }
}
