import 'dotenv/config';
import { main } from './dispatch.ts';

process.exitCode = await main(process.argv.slice(2));
