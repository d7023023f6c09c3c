import { describe, expect, it } from 'vitest';
import { writeEachCache } from '../../src/cache/write-each.ts';

describe('writeEachCache', () => {
  it('runs every write in order, even after one throws or rejects, then reports all failures together', async () => {
    const ran: string[] = [];
    const failure = await writeEachCache([
      () => {
        ran.push('corpus');
        throw new Error('EROFS: read-only file system');
      },
      async () => {
        await Promise.resolve();
        ran.push('index');
      },
      () => {
        ran.push('timeline');
        return Promise.reject(new Error('ENOSPC: no space left on device'));
      },
    ]).catch((error: unknown) => error);
    expect(ran).toEqual(['corpus', 'index', 'timeline']);
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).message).toBe('2 of 3 cache writes failed');
    expect((failure as AggregateError).errors.map((e: Error) => e.message)).toEqual([
      'EROFS: read-only file system',
      'ENOSPC: no space left on device',
    ]);
  });

  it('waits for an asynchronous write before the next', async () => {
    const ran: string[] = [];
    await writeEachCache([
      async () => {
        await new Promise((resolve) => setImmediate(resolve));
        ran.push('first');
      },
      () => void ran.push('second'),
    ]);
    expect(ran).toEqual(['first', 'second']);
  });
});
