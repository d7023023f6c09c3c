// Errors typed as store failures, also when they come from another thread.
import { describe, expect, it } from 'vitest';
import { CorpusUnavailableError, SNAPSHOT_ERRORS, failureOf, unavailable } from '../../src/snapshot/errors.ts';
import { WorkerClient } from '../../src/workers/rpc.ts';
import type { RelayWorker } from '../workers/fixtures/relay-worker.ts';

const RELAY_WORKER = new URL('../workers/fixtures/relay-worker.ts', import.meta.url);

describe('failureOf', () => {
  it('types a stopped thread as worker-stopped, with the stop as its detail, and anything else as build-failed', () => {
    expect(failureOf(unavailable(new Error('corpus worker stopped (exit code 1)')))).toEqual({
      kind: 'worker-stopped',
      detail: 'corpus worker stopped (exit code 1)',
    });
    expect(failureOf(new Error('EIO', { cause: new Error('disk') }))).toEqual({ kind: 'build-failed', detail: 'EIO: disk' });
    expect(failureOf('odd')).toEqual({ kind: 'build-failed', detail: 'odd' });
  });

  it('types a thread that stopped two threads away (the timeline worker inside the corpus worker) as worker-stopped', async () => {
    const corpusWorker = new WorkerClient<RelayWorker>(RELAY_WORKER, 'corpus worker', { errors: SNAPSHOT_ERRORS });
    try {
      const error = await corpusWorker.api.innerThreadDies(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorpusUnavailableError);
      expect(failureOf(error)).toEqual({ kind: 'worker-stopped', detail: 'timeline worker stopped (exit code 1)' });
    } finally {
      await corpusWorker.terminate();
    }
  });
});
