// The bot's snapshot store: the corpus built and served in worker threads, the store's own events logged.
// Apart from app.ts so that `npm start` can open it before discord.js loads (src/bot/main.ts).
// Not the snapshot.ts barrel, which loads the whole core: `npm start` opens this store first, and the
// sooner the corpus worker is spawned, the sooner the corpus serves.
import { SnapshotStore, type StoreEvent } from '../snapshot/store.ts';
import type { SnapshotParams } from '../snapshot/params.ts';
import type { ReloadOutcome, SnapshotBuilder, StoreFailure } from '../snapshot/types.ts';
import type { BotConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { spawnSnapshot } from './worker-snapshot.ts';

/** What tests change of the bot's store: its tuning, and how a snapshot is built (to hold one). */
export interface CorpusStoreOverrides {
  params?: Partial<SnapshotParams>;
  build?: SnapshotBuilder;
}

/** Start building the corpus of `config.corpusDir` and return its store at once (SnapshotStore.open). */
export function openCorpusStore(config: BotConfig, logger: Logger, overrides: CorpusStoreOverrides = {}): SnapshotStore {
  return SnapshotStore.open(config.corpusDir, {
    ...(config.indexCacheDir && { cacheDir: config.indexCacheDir }),
    // Each snapshot lives in a worker thread, so a reload never stalls the gateway (see worker-snapshot.ts).
    build: overrides.build ?? spawnSnapshot,
    ...(overrides.params && { params: overrides.params }),
    onEvent: (event) => logStoreEvent(logger, config.corpusDir, event),
  });
}

/** A failure as the log and the journal keep it: the errors of an empty corpus counted (the status lists them). */
export function failureForLog(failure: StoreFailure): Record<string, unknown> {
  return failure.kind === 'corpus-empty' ? { kind: failure.kind, errors: failure.errors.length } : failure;
}

/** Why an attempt did not serve, for the log. */
function whyNot(outcome: ReloadOutcome): Record<string, unknown> {
  if (outcome.status === 'failed') return { failure: failureForLog(outcome.failure) };
  return outcome.status === 'refused' ? { refusal: outcome.refusal } : {};
}

/** What the store did on its own (first load, crash recovery, cache writes), each at the level it deserves. */
function logStoreEvent(logger: Logger, dir: string, event: StoreEvent): void {
  switch (event.kind) {
    case 'crashed':
      return logger.error({ err: event.error }, 'corpus worker died; rebuilding the corpus');
    case 'load-failed':
      // The first failure is an error (the bot serves nothing); the retries that follow, warnings.
      return logger[event.attempt === 1 ? 'error' : 'warn'](
        { dir, attempt: event.attempt, status: event.outcome.status, ...whyNot(event.outcome), retryInMs: event.retryInMs },
        'corpus could not be loaded; retrying',
      );
    case 'recovery-failed':
      return logger.warn(
        { attempt: event.attempt, status: event.outcome.status, ...whyNot(event.outcome), retryInMs: event.retryInMs },
        'corpus still unavailable after a worker crash; retrying',
      );
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
