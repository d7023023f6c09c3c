import { describe, expect, it } from 'vitest';
import { handOver, WorkerClient, workerPreloads } from '../../src/workers/rpc.ts';
import type { TestWorker } from './fixtures/test-worker.ts';
import { TypedError } from './fixtures/typed-error.ts';

const TEST_WORKER = new URL('./fixtures/test-worker.ts', import.meta.url);

describe('WorkerClient', () => {
  it('runs a TypeScript module in a thread and matches each answer to its call', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker');
    try {
      const slow = client.api.later('slow', 50);
      const fast = client.api.echo({ a: [1, 2], m: new Map([['k', 'v']]) });
      expect(await fast).toEqual({ a: [1, 2], m: new Map([['k', 'v']]) });
      expect(await slow).toBe('slow');
    } finally {
      await client.terminate();
    }
  });

  it('rejects with the error thrown in the worker, and keeps serving', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker');
    try {
      await expect(client.api.fail('korpus rusak')).rejects.toThrow('korpus rusak');
      await expect((client.api as unknown as Record<string, () => Promise<unknown>>).nope!()).rejects.toThrow('unknown method nope');
      expect(await client.api.echo(7)).toBe(7);
    } finally {
      await client.terminate();
    }
  });

  it('rebuilds an error of a class it was given as that class, with its fields and cause', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker', { errors: [TypedError] });
    try {
      const error = await client.api.failTyped('E7').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypedError);
      expect(error).toMatchObject({ name: 'TypedError', message: 'typed failure E7', code: 'E7', at: new Date('2024-06-19T00:00:00Z') });
      expect((error as Error).cause).toMatchObject({ name: 'RangeError', message: 'the cause' });
      expect((error as Error).stack).toContain('failTyped'); // the thrower's stack, not the receiver's
    } finally {
      await client.terminate();
    }
  });

  it('passes any other error on as an Error that keeps its name and fields', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker');
    try {
      const error = await client.api.failTyped('E8').catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(TypedError);
      expect(error).toMatchObject({ name: 'TypedError', message: 'typed failure E8', code: 'E8' });
    } finally {
      await client.terminate();
    }
  });

  it('reports a worker that dies, to pending and later calls and to onStop', async () => {
    const stops: Error[] = [];
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker', { onStop: (error) => stops.push(error) });
    const pending = expect(client.api.hang()).rejects.toThrow('exit code 3');
    await expect(client.api.exit(3)).rejects.toThrow('test worker stopped (exit code 3)');
    await pending;
    await expect(client.api.echo(1)).rejects.toThrow('exit code 3');
    expect(stops.map((e) => e.message)).toEqual(['test worker stopped (exit code 3)']);
  });

  it('terminate rejects the calls under way without reporting a crash', async () => {
    const stops: Error[] = [];
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker', { onStop: (error) => stops.push(error) });
    const pending = expect(client.api.hang()).rejects.toThrow('test worker stopped');
    await client.terminate();
    await pending;
    await expect(client.api.echo(1)).rejects.toThrow('test worker stopped');
    expect(stops).toEqual([]);
  });

  it('moves handed-over buffers instead of copying them, both ways', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker');
    try {
      const sent = new Uint8Array([1, 2, 3]);
      const { bytes } = await client.api.handBack(handOver({ bytes: sent }, [sent.buffer]));
      expect([...bytes]).toEqual([2, 3, 4]);
      // Detached where they were handed over: nothing of them is left on the sending side.
      expect(sent.byteLength).toBe(0);
      expect(await client.api.answeredLength()).toBe(0);
      const copied = new Uint8Array([5]);
      await client.api.handBack({ bytes: copied });
      expect(copied.byteLength).toBe(1);
    } finally {
      await client.terminate();
    }
  });

  it('forwards a method it does not define to the delegate the worker serves', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker');
    try {
      expect(await client.api.shout('halo')).toBe('HALO');
    } finally {
      await client.terminate();
    }
  });

  it('rejects calls to a stopped worker with the error stoppedError makes', async () => {
    class Unavailable extends Error {}
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker', { stoppedError: (why) => new Unavailable(why.message) });
    const pending = expect(client.api.hang()).rejects.toBeInstanceOf(Unavailable);
    await expect(client.api.exit(3)).rejects.toBeInstanceOf(Unavailable);
    await pending;
    await expect(client.api.echo(1)).rejects.toThrow('exit code 3');
  });

  it('retire answers the calls under way, then stops the thread', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker');
    const slow = client.api.later('answered', 100);
    void client.retire(0);
    expect(await slow).toBe('answered');
    await client.whenIdle();
    await expect
      .poll(() =>
        client.api.echo(1).then(
          () => 'serving',
          (error: Error) => error.message,
        ),
      )
      .toBe('test worker stopped');
  });

  it('starts the thread with the parent’s preloads except tsx’s (the thread compiles TypeScript itself)', async () => {
    const client = new WorkerClient<TestWorker>(TEST_WORKER, 'test worker');
    try {
      // Compiled in the thread, with no preload at all from this test process.
      expect(await client.api.execArgv()).toEqual(workerPreloads(process.execArgv));
    } finally {
      await client.terminate();
    }
  });
});

describe('workerPreloads', () => {
  it('keeps the preloads but tsx’s, in either spelling, and drops V8 and other flags', () => {
    const parent = [
      '--max-semi-space-size=4',
      '--import',
      'tsx',
      '--import=/opt/apm/register.mjs',
      '--require',
      '/app/node_modules/tsx/dist/preflight.cjs',
      '--import',
      'file:///app/node_modules/tsx/dist/loader.mjs',
      '-r',
      'dotenv/config',
      '--expose-gc',
    ];
    expect(workerPreloads(parent)).toEqual(['--import=/opt/apm/register.mjs', '--require=dotenv/config']);
    expect(workerPreloads(['--import=tsx/esm', '--stack-size=2000'])).toEqual([]);
  });
});
