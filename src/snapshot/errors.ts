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
 * A query asked of a snapshot that cannot answer: its worker died (recovery is rebuilding it) or it
 * was retired by a reload. Asking again shortly gets an answer; the bot says so.
 */
export class CorpusUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    const cause = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`the corpus is unavailable${cause}`, options);
    this.name = 'CorpusUnavailableError';
  }
}
