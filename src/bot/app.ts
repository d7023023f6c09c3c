import { Client, Events, GatewayIntentBits } from 'discord.js';
import { SnapshotStore, type SnapshotParams, type StoreEvent } from '../snapshot.ts';
import type { BotCommand, CommandContext } from './command.ts';
import { COMMANDS } from './commands.ts';
import type { BotConfig } from './config.ts';
import { createCuration } from './curation.ts';
import { createLogger, type Logger } from './logger.ts';
import { NO_MENTIONS } from './messages.ts';
import { PageStore } from './page-store.ts';
import type { SearchSession } from './render/search.ts';
import { createRouter } from './router.ts';
import { spawnSnapshot } from './worker-snapshot.ts';
import { loadProblemText } from '../wording/load-problem.ts';

export interface StartOptions {
  logger?: Logger;
  /** Serve these commands instead of the real ones (tests inject a failing one). */
  commands?: readonly BotCommand[];
  /** Serve an already built corpus instead of loading `config.corpusDir`. */
  store?: SnapshotStore;
  /** How long `/cari` results stay pageable. Default 15 minutes. */
  pageTtlMs?: number;
  /** The snapshot store's tuning (shrink guard, recovery backoff); defaults in src/snapshot/params.ts. */
  snapshotParams?: Partial<SnapshotParams>;
}

export interface RunningBot {
  client: Client<true>;
  store: SnapshotStore;
  logger: Logger;
  searches: PageStore<SearchSession>;
  /** Log out and close the gateway; idempotent. */
  stop(): Promise<void>;
}

/**
 * Start the bot as production does: load the corpus, log in, wait for the gateway's READY
 * (and the guilds), then register the commands in `config.guildId` when one is set.
 * Resolves once the bot can answer; rejects (with the client closed) when login fails.
 */
export async function startBot(config: BotConfig, opts: StartOptions = {}): Promise<RunningBot> {
  const logger = opts.logger ?? createLogger(config.logLevel, [config.token]);
  const commands = opts.commands ?? COMMANDS;
  const store =
    opts.store ??
    (await SnapshotStore.create(config.corpusDir, {
      ...(config.indexCacheDir && { cacheDir: config.indexCacheDir }),
      // Each snapshot lives in a worker thread, so a reload never stalls the gateway (see worker-snapshot.ts).
      build: spawnSnapshot,
      ...(opts.snapshotParams && { params: opts.snapshotParams }),
      onEvent: (event) => logStoreEvent(logger, event),
    }));
  const loaded = store.current;
  logger.info(
    { dir: loaded.dir, articles: loaded.stats.articles, fileErrors: loaded.errors.length, durationMs: Math.round(loaded.durationMs) },
    'corpus loaded',
  );
  for (const issue of loaded.errors)
    logger.warn({ file: issue.file, line: issue.line, reason: loadProblemText(issue.problem) }, 'file skipped');

  const client = new Client({
    // Slash commands need no privileged intent; Guilds gives the channel and permission data they use.
    intents: [GatewayIntentBits.Guilds],
    // As many shards as Discord recommends (GET /gateway/bot): past 2,500 servers it refuses an unsharded connection.
    shards: 'auto',
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl && { rest: { api: config.apiUrl } }),
  });
  const searches = new PageStore<SearchSession>(opts.pageTtlMs === undefined ? {} : { ttlMs: opts.pageTtlMs });
  const ctx: CommandContext = { store, config, logger, searches, curation: createCuration(config.fetchAllowHosts) };
  const route = createRouter(commands, ctx);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    store.close();
    logger.info('bot stopped');
  };
  try {
    await client.login(config.token);
    const readyClient = await ready;
    if (config.guildId) {
      await readyClient.application.commands.set(
        commands.map((c) => c.definition),
        config.guildId,
      );
      logger.info({ guild: config.guildId, commands: commands.length }, 'guild commands registered');
    }
    logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'bot ready');
    return { client: readyClient, store, logger, searches, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What the store did on its own (crash recovery, cache writes), each at the level it deserves. */
function logStoreEvent(logger: Logger, event: StoreEvent): void {
  switch (event.kind) {
    case 'crashed':
      return logger.error({ err: event.error }, 'corpus worker died; rebuilding the corpus');
    case 'recovery-failed': {
      const { outcome } = event;
      const why = outcome.status === 'failed' ? { error: outcome.error } : outcome.status === 'refused' ? { refusal: outcome.refusal } : {};
      return logger.warn(
        { attempt: event.attempt, status: outcome.status, ...why, retryInMs: event.retryInMs },
        'corpus still unavailable after a worker crash; retrying',
      );
    }
    case 'recovered':
      return logger.info(
        { attempt: event.attempt, articles: event.articles, durationMs: Math.round(event.durationMs) },
        'corpus serving again after a worker crash',
      );
    case 'cache-write-failed':
      return logger.warn({ err: event.error }, 'could not write the index and timeline cache; the next start rebuilds them');
    case 'refresh-failed':
      return logger.warn({ err: event.error }, 'could not derive the reload from the serving corpus; building it anew');
  }
}
