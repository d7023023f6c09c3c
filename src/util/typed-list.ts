/** The typed arrays a TypedList can hold. */
export type NumberArray = Int32Array | Uint32Array | Uint8Array;

/**
 * Numbers appended one by one into a typed array, doubled as it fills: a build's columns grow without
 * a JS array's boxed slack. `data` holds the values up to `length` (read it in place while building).
 */
export class TypedList<T extends NumberArray> {
  data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    capacity = 1024,
  ) {
    this.data = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.max(1, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values, in an array of their own exact length. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }

  /** Let go of the values (once copied where they stay): a large build's are tens of MB. */
  release(): void {
    this.data = this.make(0);
    this.length = 0;
  }
}
