import { describe, expect, it } from 'vitest';
import { TypedList } from '../../src/util/typed-list.ts';

describe('TypedList', () => {
  it('keeps every value pushed, in order, past its first capacity', () => {
    const list = new TypedList((n) => new Int32Array(n), 2);
    for (let i = 0; i < 9; i++) list.push(i - 4);
    expect(list.length).toBe(9);
    expect(Array.from(list.toArray())).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    expect(list.toArray()).toBeInstanceOf(Int32Array);
    expect(Array.from(list.data.subarray(0, list.length))).toEqual(Array.from(list.toArray()));
  });

  it('gives an array of its own: later pushes do not change it', () => {
    const list = new TypedList((n) => new Uint8Array(n), 4);
    list.push(1);
    const copy = list.toArray();
    list.push(2);
    expect(Array.from(copy)).toEqual([1]);
  });

  it('starts again empty once released, and still grows', () => {
    const list = new TypedList((n) => new Uint32Array(n), 4);
    list.push(7);
    list.release();
    expect(list.length).toBe(0);
    expect(list.data.length).toBe(0);
    list.push(3);
    list.push(5);
    expect(Array.from(list.toArray())).toEqual([3, 5]);
  });
});
