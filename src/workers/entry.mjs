// Entry of every worker thread: teach it TypeScript (as `tsx` does for the main thread), then run
// the module named in workerData. Through tsx's require hook, which compiles in this thread: its ESM
// hooks would start a second thread (a whole V8 isolate, ~25 MB) beside every worker.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
require(fileURLToPath(workerData.module));
