// `npm start`: the bot as it runs in production.
import dotenv from 'dotenv';
import { ConfigError, configReport, loadConfig, type BotConfig } from './config.ts';
import type { RunningBot } from './app.ts';
import { openCorpusStore } from './corpus-store.ts';
import { createLogger } from './logger.ts';

function readConfig(): BotConfig | null {
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(configReport(error));
    return null;
  }
}

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return 1;
  const logger = createLogger(config.logLevel, [config.token]);
  // Handlers are wrapped; this catches what escapes elsewhere (a library's stray promise), so one failure never stops the bot.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  // The corpus worker boots and builds while this thread loads discord.js and the commands (app.ts).
  const store = openCorpusStore(config, logger);
  let bot: RunningBot | null = null;
  const starting = import('./app.ts').then(async ({ startBot }) => (bot = await startBot(config, { logger, store })));

  // Listened for from the start: a stop asked while the corpus keeps failing to load (retried), or while the
  // bot logs in, stops it cleanly too (the build's threads stopped, no retry after it) and exits 0.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const stopAll = async (): Promise<void> => {
      // Closing the store ends a start still waiting for its corpus (startBot then stops itself).
      if (!bot) await store.close();
      await (await starting.catch(() => null))?.stop();
    };
    stopAll().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  try {
    await starting;
  } catch (error) {
    if (stopping) return 0; // the start ended because a stop was asked: shutdown exits once it is done
    const code = (error as { code?: string }).code;
    const hint = code === 'TokenInvalid' ? ' DISCORD_TOKEN was refused by Discord: reset it in the Developer Portal and update .env.' : '';
    logger.fatal({ err: error }, `bot could not start.${hint}`);
    return 1;
  }
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
