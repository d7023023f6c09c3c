import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Snapshot, SnapshotParams, SnapshotStore } from '../snapshot.ts';
import type { BotCommand, CommandContext } from './command.ts';
import { COMMANDS } from './commands.ts';
import type { BotConfig } from './config.ts';
import { openCorpusStore } from './corpus-store.ts';
import { createCuration } from './curation.ts';
import { createLogger, type Logger } from './logger.ts';
import { NO_MENTIONS } from './messages.ts';
import { PageStore } from './page-store.ts';
import type { SearchSession } from './render/search.ts';
import { createRouter } from './router.ts';
import { loadProblemText } from '../wording/load-problem.ts';

export interface StartOptions {
  logger?: Logger;
  /** Serve these commands instead of the real ones (tests inject a failing one). */
  commands?: readonly BotCommand[];
  /** Serve this store (already built, or still loading: `openCorpusStore`) instead of opening `config.corpusDir`. */
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
 * Start the bot as production does: start loading the corpus, and meanwhile log in, wait for the
 * gateway's READY (and the guilds) and register the commands in `config.guildId` when one is set.
 * Until the corpus serves, /cari and /timeline answer that it is loading (CorpusUnavailableError);
 * a load that fails is retried with backoff until it serves (SnapshotStore), so only login and
 * registration can fail the start. Resolves once both are done; rejects (with the client closed)
 * when login or registration fails.
 */
export async function startBot(config: BotConfig, opts: StartOptions = {}): Promise<RunningBot> {
  const logger = opts.logger ?? createLogger(config.logLevel, [config.token]);
  const commands = opts.commands ?? COMMANDS;
  const store = opts.store ?? openCorpusStore(config, logger, opts.snapshotParams && { params: opts.snapshotParams });
  const loaded = store.loaded.then(() => logLoaded(logger, store.current));
  // Awaited below with the login; this keeps a load that fails first from being an unhandled rejection meanwhile.
  loaded.catch(() => {});

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
    // Waits for a cache write under way: the cache folder is whole once the bot has stopped.
    await store.close();
    logger.info('bot stopped');
  };
  const connect = async (): Promise<Client<true>> => {
    await client.login(config.token);
    const readyClient = await ready;
    if (config.guildId) {
      await readyClient.application.commands.set(
        commands.map((c) => c.definition),
        config.guildId,
      );
      logger.info({ guild: config.guildId, commands: commands.length }, 'guild commands registered');
    }
    return readyClient;
  };
  const connecting = connect();
  try {
    const [readyClient] = await Promise.all([connecting, loaded]);
    logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'bot ready');
    return { client: readyClient, store, logger, searches, stop };
  } catch (error) {
    // A store closed during the login (a stop asked while the corpus loads) fails this first: destroying
    // the client while it still logs in can leave discord.js waiting forever, so the login ends first.
    await connecting.catch(() => {});
    await stop();
    throw error;
  }
}

function logLoaded(logger: Logger, loaded: Snapshot): void {
  logger.info(
    { dir: loaded.dir, articles: loaded.stats.articles, fileErrors: loaded.errors.length, durationMs: Math.round(loaded.durationMs) },
    'corpus loaded',
  );
  for (const issue of loaded.errors)
    logger.warn({ file: issue.file, line: issue.line, reason: loadProblemText(issue.problem) }, 'file skipped');
}
