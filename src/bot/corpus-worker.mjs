// Entry of the corpus worker thread: teach it TypeScript (as `tsx` does for the main thread), then run it.
import { register } from 'tsx/esm/api';

register();
await import('./corpus-worker.ts');
