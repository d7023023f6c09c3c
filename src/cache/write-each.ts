/**
 * Runs each cache write in turn, even after one failed: one bad write (a read-only folder, a full disk)
 * must not cost the next start the other caches. Rejects, once all have run, with an AggregateError of
 * every failure. The bot's snapshot and the CLI both write their caches through it.
 */
export async function writeEachCache(writes: ReadonlyArray<() => unknown>): Promise<void> {
  const failed: unknown[] = [];
  for (const write of writes)
    await Promise.resolve()
      .then(write)
      .catch((error: unknown) => failed.push(error));
  if (failed.length > 0) throw new AggregateError(failed, `${failed.length} of ${writes.length} cache writes failed`);
}
