import { describe, expect, it } from 'vitest';
import { PageStore } from '../../src/bot/page-store.ts';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

describe('PageStore', () => {
  it('returns the value and its owner under a short key', () => {
    const store = new PageStore<string>();
    const key = store.put('111', 'hasil');
    expect(key).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(store.get(key)).toEqual({ status: 'ok', value: 'hasil', ownerId: '111' });
  });

  it('expires entries after the ttl, and each use extends it', () => {
    const c = clock();
    const store = new PageStore<string>({ ttlMs: 1000, now: c.now });
    const key = store.put('111', 'hasil');
    c.advance(900);
    expect(store.get(key).status).toBe('ok');
    c.advance(900);
    expect(store.get(key).status).toBe('ok');
    c.advance(1000);
    expect(store.get(key)).toEqual({ status: 'expired' });
    expect(store.size).toBe(0);
  });

  it('reports unknown keys as expired', () => {
    expect(new PageStore().get('tidak-ada')).toEqual({ status: 'expired' });
  });

  it('sweeps expired entries when new ones arrive, and caps its size', () => {
    const c = clock();
    const store = new PageStore<number>({ ttlMs: 1000, maxEntries: 3, now: c.now });
    store.put('1', 1);
    store.put('1', 2);
    c.advance(2000);
    store.put('1', 3);
    expect(store.size).toBe(1);
    const keys = [4, 5, 6, 7].map((n) => store.put('1', n));
    expect(store.size).toBe(3);
    expect(store.get(keys[0]!).status).toBe('expired');
    expect(store.get(keys[3]!).status).toBe('ok');
  });
});
