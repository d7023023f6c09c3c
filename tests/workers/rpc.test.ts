import { describe, expect, it } from 'vitest';
import { WorkerClient } from '../../src/workers/rpc.ts';

const TEST_WORKER = new URL('./fixtures/test-worker.ts', import.meta.url);

describe('WorkerClient', () => {
  it('runs a TypeScript module in a thread and matches each answer to its call', async () => {
    const client = new WorkerClient(TEST_WORKER, 'test worker');
    try {
      const slow = client.call('later', ['slow', 50]);
      const fast = client.call('echo', [{ a: [1, 2], m: new Map([['k', 'v']]) }]);
      expect(await fast).toEqual({ a: [1, 2], m: new Map([['k', 'v']]) });
      expect(await slow).toBe('slow');
    } finally {
      await client.terminate();
    }
  });

  it('rejects with the error thrown in the worker, and keeps serving', async () => {
    const client = new WorkerClient(TEST_WORKER, 'test worker');
    try {
      await expect(client.call('fail', ['korpus rusak'])).rejects.toThrow('korpus rusak');
      await expect(client.call('nope', [])).rejects.toThrow('unknown method nope');
      expect(await client.call('echo', [7])).toBe(7);
    } finally {
      await client.terminate();
    }
  });

  it('reports a worker that dies, to pending and later calls and to onStop', async () => {
    const stops: Error[] = [];
    const client = new WorkerClient(TEST_WORKER, 'test worker', (error) => stops.push(error));
    const pending = expect(client.call('hang', [])).rejects.toThrow('exit code 3');
    await expect(client.call('exit', [3])).rejects.toThrow('test worker stopped (exit code 3)');
    await pending;
    await expect(client.call('echo', [1])).rejects.toThrow('exit code 3');
    expect(stops.map((e) => e.message)).toEqual(['test worker stopped (exit code 3)']);
  });

  it('terminate rejects the calls under way without reporting a crash', async () => {
    const stops: Error[] = [];
    const client = new WorkerClient(TEST_WORKER, 'test worker', (error) => stops.push(error));
    const pending = expect(client.call('hang', [])).rejects.toThrow('test worker stopped');
    await client.terminate();
    await pending;
    await expect(client.call('echo', [1])).rejects.toThrow('test worker stopped');
    expect(stops).toEqual([]);
  });
});
