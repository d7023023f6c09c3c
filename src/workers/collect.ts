/**
 * A full garbage collection, for a thread that has just built what it keeps: a snapshot build
 * leaves hundreds of MB of garbage (the parsed corpus, read cache files) that V8 would otherwise
 * hold, and keep as resident memory, until allocation pressure made it collect.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function collectGarbage(): void {
  gc();
  gc();
}
