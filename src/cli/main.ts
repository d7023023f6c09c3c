import 'dotenv/config';
import { main } from './dispatch.ts';

// A reader that stops early (`kliping corpus | head -1`) is no error: the rest of the output is dropped
// and the command ends as it would (its caches written), instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await main(process.argv.slice(2));
