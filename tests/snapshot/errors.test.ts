// Errors typed as store failures, also when they come from another thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CorpusUnavailableError, SNAPSHOT_ERRORS, failureOf, folderFailure, unavailable } from '../../src/snapshot/errors.ts';
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

describe('folderFailure', () => {
  it('tells the corpus folder that is missing or cannot be reached from a corpus with broken parts', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'kliping-folder-failure-'));
    try {
      writeFileSync(join(scratch, 'a.txt'), 'Judul\n\nIsi berita yang cukup panjang untuk dimuat.');
      writeFileSync(join(scratch, 'kosong.txt'), '');
      const failureAt = async (dir: string) => folderFailure(dir, (await loadCorpus(dir)).errors);
      expect(await failureAt(join(scratch, 'tidak-ada'))).toEqual({ kind: 'corpus-missing' });
      // A path through a file: the system refuses it (ENOTDIR) before any listing.
      expect(await failureAt(join(scratch, 'a.txt', 'korpus'))).toEqual({ kind: 'corpus-unreadable', code: 'ENOTDIR' });
      expect(await failureAt(scratch)).toBeNull(); // one broken file is the file's problem, not the folder's
      // The folder's own listing refused (as a permission would, which root here does not meet).
      expect(folderFailure(scratch, [{ file: '.', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } }])).toEqual({
        kind: 'corpus-unreadable',
        code: 'EACCES',
      });
      expect(folderFailure(scratch, [{ file: 'arsip', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } }])).toBeNull();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
