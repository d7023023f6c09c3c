import { describe, expect, it } from 'vitest';
import { WorkerClient } from '../../src/workers/rpc.ts';
import type { HeapWorker } from './fixtures/heap-worker.ts';

const HEAP_WORKER = new URL('./fixtures/heap-worker.ts', import.meta.url);

/** MB committed beyond use after a fragmenting allocation and a collection, in a fresh thread. */
async function spare(how: 'collectGarbage' | 'plain'): Promise<number> {
  const worker = new WorkerClient<HeapWorker>(HEAP_WORKER, 'heap worker');
  try {
    const mb = await worker.api.spareAfterCollecting(how);
    expect(await worker.api.keptCount()).toBe(200_000);
    return mb;
  } finally {
    await worker.terminate();
  }
}

describe('collectGarbage', () => {
  it('with compact: a heap left fragmented keeps far less committed and unused than after V8’s plain full collection', async () => {
    const plain = await spare('plain');
    const compacted = await spare('collectGarbage');
    // Measured: about 74 MB spare after a plain collection, 32 MB after collectGarbage.
    expect(plain).toBeGreaterThan(40);
    expect(compacted).toBeLessThan(plain * 0.7);
  });
});
