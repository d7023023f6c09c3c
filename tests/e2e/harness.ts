/**
 * End-to-end harness: the fake Discord (./fake-discord) plus THE REAL BOT, started as production starts it
 * (`loadConfig(env)` → `startBot(config)`), logged in to the fake over REST and gateway.
 *
 * Usage:
 *   let h: Harness;
 *   beforeAll(async () => { h = await startHarness(); });          // temp copy of seeds/, guild commands registered
 *   afterAll(() => h?.close());
 *   afterEach(() => h.fake.assertClean());                          // no invalid body, unknown route or late callback
 *
 *   const run = h.fake.send(h.fake.slash('cari', { kueri: 'putin' }, { user: 'member' }));
 *   const reply = await run.reply();                                 // reply, or the first edit after a defer
 *   await run.reply((m) => m.embeds.length > 0);                     // ...or wait for a later edit
 *   const next = await h.fake.send(h.fake.button(customId, { message: reply, user: 'other' })).reply();
 *   await run.followUp(0); await run.choices(); await run.callback(); // follow-ups, autocomplete, raw callback
 *   isEphemeral(reply);  h.fake.channelMessages(id);  h.fake.createdThreads();  h.fake.waitForMessage(pred);
 *   h.fake.failNext('POST /interactions/:id/:token/callback', { status: 429, retryAfter: 0.3 });
 *   await h.fake.dropGateway(4000);                                  // resolves once the bot is back
 *   h.logs                                                           // the bot's log lines, parsed (level info+)
 *
 *   const h = await startHarness({ gateReloads: true });             // deterministic "while a reload runs":
 *   h.reloadGate.hold(); send /korpus muat-ulang; await h.reloadGate.reached(); ...act...; h.reloadGate.release();
 *
 * Users: 'owner' (Manage Server), 'member', 'other' (plain), 'trusted' (in ADMIN_USER_IDS, no Manage Server).
 * Every wait fails after the fake's timeout (10 s) with the last requests in the message: no fixed sleeps needed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBot, type RunningBot, type StartOptions } from '../../src/bot/app.ts';
import { loadConfig } from '../../src/bot/config.ts';
import { openCorpusStore } from '../../src/bot/corpus-store.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { spawnSnapshot } from '../../src/bot/worker-snapshot.ts';
import { SnapshotStore, type SnapshotBuilder } from '../../src/snapshot.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord/index.ts';

export {
  isEphemeral,
  MessageFlag,
  type DiscordMessage,
  type FakeDiscord,
  type InteractionRun,
  type OptionValue,
} from './fake-discord/index.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const FAKE_TOKEN = 'fake-bot-token.for-e2e-tests.only';

export interface HarnessOptions {
  /** Serve this folder or .jsonl as is. Default: a fresh temp copy of seeds/ (tests may add files to it). */
  corpusDir?: string;
  /** Environment overrides, merged over the harness's (DISCORD_TOKEN, DISCORD_API_URL, CORPUS_DIR, ...). */
  env?: NodeJS.ProcessEnv;
  fake?: FakeDiscordOptions;
  /** Passed to `startBot` (e.g. `commands` to inject a failing one, `pageTtlMs`). The logger is the harness's. */
  bot?: Omit<StartOptions, 'logger'>;
  /** Build the bot's SnapshotStore with `reloadGate.build`, so tests can hold a reload mid-way. */
  gateReloads?: boolean;
  /**
   * Hold the bot's first corpus load at `reloadGate` until `release()`: startHarness returns once the bot
   * is logged in with its commands registered and the load waits at the gate; `h.started` resolves once
   * the corpus serves (and `h.bot` is there).
   */
  holdFirstLoad?: boolean;
  /**
   * Return once the bot is logged in with its commands registered, while its corpus may still be loading,
   * or failing to load and retrying (a missing `corpusDir`); `h.started` resolves once the corpus serves.
   */
  returnWhileLoading?: boolean;
}

/**
 * Holds a corpus rebuild before it starts, so a test can act while a reload is running, without timing luck.
 * The rebuild itself is production's (`spawnSnapshot`, a worker thread); only startBot's crash hook is not wired.
 */
export class ReloadGate {
  private armed = false;
  private arrived: (() => void) | null = null;
  private arrival: Promise<void> = Promise.resolve();
  private opening: (() => void) | null = null;

  readonly build: SnapshotBuilder = async (dir, opts) => {
    if (this.armed) {
      this.armed = false;
      await new Promise<void>((open) => {
        this.opening = open;
        this.arrived?.();
      });
    }
    return spawnSnapshot(dir, opts);
  };

  /** The next rebuild waits at the gate until `release()`. */
  hold(): void {
    this.armed = true;
    this.arrival = new Promise<void>((resolve) => (this.arrived = resolve));
  }

  /** Resolves once the held rebuild is waiting at the gate (the reload is then in progress). */
  reached(): Promise<void> {
    return this.arrival;
  }

  /** A rebuild is waiting at the gate now. */
  get holding(): boolean {
    return this.opening !== null;
  }

  release(): void {
    if (!this.opening) throw new Error('harness: no reload is waiting at the gate');
    this.opening();
    this.opening = null;
  }
}

export interface Harness {
  fake: FakeDiscord;
  /** Throws until `started` resolves (only with `holdFirstLoad` or `returnWhileLoading` can that be after startHarness returns). */
  bot: RunningBot;
  /** Resolves once `startBot` does: the bot is logged in and its corpus serves. */
  started: Promise<RunningBot>;
  /** The corpus folder the bot serves. */
  corpusDir: string;
  /** The bot's log lines (level info and up), parsed. */
  logs: Record<string, unknown>[];
  /** Holds rebuilds only with `gateReloads: true`; inert otherwise. */
  reloadGate: ReloadGate;
  /** Stops the bot, then the fake, and removes the temp folders. */
  close(): Promise<void>;
}

async function loadedStore(store: SnapshotStore): Promise<SnapshotStore> {
  await store.loaded;
  return store;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const scratch = await mkdtemp(join(tmpdir(), 'kliping-e2e-'));
  const fake = await startFakeDiscord(options.fake);
  const cleanup = async (): Promise<void> => {
    await fake.close();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    let corpusDir = options.corpusDir;
    if (corpusDir === undefined) {
      corpusDir = join(scratch, 'corpus');
      await cp(seedsDir, corpusDir, { recursive: true });
    }
    const config = loadConfig({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
      CORPUS_DIR: corpusDir,
      INDEX_CACHE_DIR: join(scratch, 'index-cache'),
      ADMIN_USER_IDS: fake.users.trusted.id,
      LOG_LEVEL: 'silent',
      ...options.env,
      // The fake serves uploaded attachments as Discord's CDN would; tests add their own hosts (a local news site).
      FETCH_ALLOW_HOSTS: [fake.hostPort, options.env?.FETCH_ALLOW_HOSTS].filter(Boolean).join(','),
    });
    const logs: Record<string, unknown>[] = [];
    // Logs go to memory, not the console, so tests can assert on them (e.g. the error reference id).
    const logger = createLogger('info', [config.token], {
      write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>),
    });
    const reloadGate = new ReloadGate();
    if (options.holdFirstLoad) reloadGate.hold();
    // The bot's own store (its events logged), built through the gate: every reload builds, so the gate holds each one.
    const gated = () =>
      openCorpusStore(config, logger, { build: reloadGate.build, params: { ...options.bot?.snapshotParams, maxRefreshShare: 0 } });
    const store = options.holdFirstLoad
      ? gated()
      : options.gateReloads
        ? await loadedStore(gated())
        : options.returnWhileLoading
          ? openCorpusStore(config, logger, options.bot?.snapshotParams && { params: options.bot.snapshotParams })
          : options.bot?.store;
    let bot: RunningBot | undefined;
    const started = startBot(config, { ...options.bot, ...(store && { store }), logger }).then((running) => (bot = running));
    if (options.holdFirstLoad || options.returnWhileLoading) {
      started.catch(() => {}); // a failed start is seen by whoever awaits `h.started` (or by close)
      if (options.holdFirstLoad) await reloadGate.reached();
      await fake.waitFor(() => fake.commands.guild.length > 0 || undefined, 'the guild commands, registered while the corpus loads');
    } else {
      await started;
      if (fake.commands.guild.length === 0) throw new Error('harness: the bot started but registered no guild commands');
    }
    return {
      fake,
      get bot(): RunningBot {
        if (!bot) throw new Error('harness: the bot is still loading its corpus (await h.started)');
        return bot;
      },
      started,
      corpusDir,
      logs,
      reloadGate,
      close: async () => {
        if (reloadGate.holding) reloadGate.release();
        // A corpus that never served: closing its store ends the start, which stops the bot.
        if (!bot) await store?.close();
        await (await started.catch(() => null))?.stop();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
