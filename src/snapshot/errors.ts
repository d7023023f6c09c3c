import type { LoadIssue } from '../corpus/types.ts';
import type { StoreFailure } from './types.ts';

/** A reload (or add, remove) asked for while another runs. */
export class ReloadInProgressError extends Error {
  constructor(
    readonly startedAt: Date,
    readonly startedBy: string | undefined,
  ) {
    super('a corpus reload is already running');
    this.name = 'ReloadInProgressError';
  }
}

/**
 * A query asked of a snapshot that cannot answer: its worker died (recovery is rebuilding it), it
 * was retired by a reload, or the first snapshot is still loading (`loading`). Asking again shortly
 * gets an answer; the bot says so.
 */
export class CorpusUnavailableError extends Error {
  /** The first snapshot is still being built (the process just started), rather than rebuilt. */
  readonly loading: boolean;

  constructor(options?: ErrorOptions & { loading?: boolean }) {
    const cause = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(options?.loading ? 'the corpus is still loading' : `the corpus is unavailable${cause}`, options);
    this.name = 'CorpusUnavailableError';
    this.loading = options?.loading ?? false;
  }
}

/** The snapshot's error classes: a worker's client rebuilds them as such (WorkerClientOptions.errors), so they keep their meaning across threads. */
export const SNAPSHOT_ERRORS = [CorpusUnavailableError, ReloadInProgressError] as const;

/** Calls to a stopped worker: the corpus cannot answer until a snapshot serves again. */
export const unavailable = (why: Error): Error => new CorpusUnavailableError({ cause: why });

/**
 * What a build's error says, typed: a stopped thread (the calls of a stopped worker reject with
 * CorpusUnavailableError), else the error's own message, kept as a detail.
 */
export function failureOf(error: unknown): StoreFailure {
  if (error instanceof CorpusUnavailableError && error.cause instanceof Error)
    return { kind: 'worker-stopped', detail: error.cause.message };
  if (!(error instanceof Error)) return { kind: 'build-failed', detail: String(error) };
  const detail = error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  return { kind: 'build-failed', detail };
}

/**
 * The corpus folder (or file) `dir` itself could not be read, by the load's `errors`: it is missing, or
 * the system refused it (a permission, a file where a folder was, a disk error). Nothing was loaded:
 * no reload serves that, forced or not, since `paksa` confirms losing articles, not losing the folder.
 */
export function folderFailure(dir: string, errors: readonly LoadIssue[]): StoreFailure | null {
  for (const { file, problem } of errors) {
    if (problem.kind === 'missing') return { kind: 'corpus-missing' };
    // The folder's own listing failed ('.'), or the path given could not even be looked at.
    if (problem.kind === 'unreadable' && problem.entry === 'folder' && (file === '.' || file === dir))
      return { kind: 'corpus-unreadable', code: problem.code };
  }
  return null;
}
