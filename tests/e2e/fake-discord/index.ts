// A local Discord API for end-to-end tests: REST over node:http and the gateway over ws, on 127.0.0.1.
// It records every request, validates every body the bot sends (OpenAPI spec + Discord's limits), keeps the
// messages the bot creates, and lets tests await what the bot did with an interaction. README.md, "Tests and benchmarks", explains it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandRegistry } from './commands.ts';
import { FakeGateway, type GatewayEvent } from './gateway.ts';
import {
  autocompletePayload,
  buttonPayload,
  selectPayload,
  slashPayload,
  type CommandTarget,
  type ComponentTarget,
  type DiscordMessage,
  type FakeAttachment,
  type InteractionPayload,
  type Json,
  type OptionValue,
  type RegisteredCommand,
} from './interactions.ts';
import { isObject, MessageStore } from './messages.ts';
import { parseMultipart, type UploadedFile } from './multipart.ts';
import { openApiValidator } from './openapi.ts';
import { DiscordRoutes, matchPattern, notFound, type Context, type Reply, type Route } from './routes.ts';
import { InteractionRun, MessageFlag, type InteractionState, type RecordedRequest, type RunHost } from './run.ts';
import * as world from './world.ts';

export { InteractionRun, isEphemeral, MessageFlag, type RecordedRequest } from './run.ts';
export type { DiscordMessage, FakeAttachment, InteractionPayload, OptionValue } from './interactions.ts';

export interface FakeDiscordOptions {
  /** Gateway heartbeat interval sent in HELLO (default 41 250 ms, as Discord). */
  heartbeatIntervalMs?: number;
  /** Default timeout of every wait (default 10 s). */
  timeoutMs?: number;
  /**
   * Interaction callbacks later than this after the bot received the interaction go to `lateCallbacks` (default
   * 3000 ms). The time the fake itself spent handling requests meanwhile does not count: it runs on the bot's
   * thread, which Discord does not.
   */
  callbackDeadlineMs?: number;
  /**
   * Shards Discord asks for (GET /gateway/bot `shards`), default 1. The bot must identify every one; a guild's
   * events go to shard (guild_id >> 22) % shards, DMs to shard 0.
   */
  shards?: number;
}

export type Fault = ({ status: 429; retryAfter: number; global?: boolean } | { status: 500 | 502 | 503 }) & { times?: number };

export interface Violation {
  request: string;
  problem: string;
}

export class FakeDiscord implements RunHost {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly applicationId = world.applicationId;
  readonly botUserId = world.botUserId;
  readonly guildId = world.guildId;
  readonly channelId = world.channelId;
  readonly noThreadsChannelId = world.noThreadsChannelId;
  readonly users = world.users;

  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Bodies Discord would reject or that break the project's rules (e.g. missing `allowed_mentions`). */
  readonly violations: Violation[] = [];
  /** Requests to routes the fake does not know (Discord would 404 them too). */
  readonly unknownRoutes: RecordedRequest[] = [];
  /** Interaction callbacks that came after `callbackDeadlineMs`. */
  readonly lateCallbacks: { interactionId: string; ms: number }[] = [];
  readonly gatewayEvents: GatewayEvent[] = [];
  /** Registered commands: `global` and `guild` lists. */
  readonly commands = new CommandRegistry();

  private readonly messages: MessageStore;
  /** Bytes of uploaded attachments, served at /attachments/<id>/<filename> like Discord's CDN. */
  private readonly uploads = new Map<string, Buffer>();
  /** `127.0.0.1:PORT` of the REST server, which also serves attachments (for FETCH_ALLOW_HOSTS). */
  readonly hostPort: string;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly faults: { method: string; pattern: string; fault: Fault; left: number }[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly routes: Route[];
  private readonly timeoutMs: number;
  private readonly callbackDeadlineMs: number;
  /**
   * Time spent handling requests (parsing, OpenAPI validation, its first compile of a schema), on the thread the
   * bot runs on in these tests: a request that arrived meanwhile waited for the fake, not for the bot.
   */
  private ownMs = 0;

  private constructor(
    private readonly http: Server,
    readonly gateway: FakeGateway,
    options: FakeDiscordOptions,
  ) {
    const { port } = http.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.hostPort = `127.0.0.1:${port}`;
    this.gatewayUrl = gateway.url;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.callbackDeadlineMs = options.callbackDeadlineMs ?? 3000;
    this.messages = new MessageStore(this.apiUrl);
    this.routes = new DiscordRoutes({
      gatewayUrl: this.gatewayUrl,
      shards: gateway.shardCount,
      interactions: this.interactions,
      messages: this.messages,
      commands: this.commands,
      callbackDeadlineMs: this.callbackDeadlineMs,
      lateCallbacks: this.lateCallbacks,
      ownMs: () => this.ownMs,
      violation: (request, problem) => this.violations.push({ request: `${request.method} ${request.path}`, problem }),
    }).routes;
    http.on('request', (req, res) => void this.serve(req, res));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    openApiValidator(); // load the spec (or announce its absence) before the first request
    const http = createServer();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => resolve());
    });
    // Assigned once the gateway exists; its event hook, made first, reads it later.
    // eslint-disable-next-line prefer-const
    let fake: FakeDiscord | undefined;
    const gateway = await FakeGateway.start({
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      shardCount: options.shards ?? 1,
      onEvent: (event) => {
        fake?.gatewayEvents.push(event);
        fake?.changed();
      },
    });
    fake = new FakeDiscord(http, gateway, options);
    return fake;
  }

  // ── Interactions ────────────────────────────────────────────────────────────────────────────

  /** A chat-input command. Option types come from the registered definition (unknown option names throw). */
  slash(name: string, options: Record<string, OptionValue> = {}, target: CommandTarget = {}): InteractionPayload {
    return slashPayload(this, name, options, target);
  }

  /** An autocomplete request while the user types `focused` (its value in `options` is the partial text). */
  autocomplete(name: string, options: Record<string, OptionValue>, focused: string, target: CommandTarget = {}): InteractionPayload {
    return autocompletePayload(this, name, options, focused, target);
  }

  /** A file as a user uploads it with a slash command: pass it as an attachment option's value. Its bytes are served by this server. */
  attachment(filename: string, bytes: string | Uint8Array, contentType?: string): FakeAttachment {
    const id = world.nextSnowflake();
    const data = Buffer.from(bytes);
    this.uploads.set(id, data);
    const url = `http://${this.hostPort}/attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: data.length, url, proxy_url: url, ...(contentType ? { content_type: contentType } : {}) };
  }

  /** A click on the button `customId` of `target.message` (throws if it is absent or disabled). */
  button(customId: string, target: ComponentTarget): InteractionPayload {
    return buttonPayload(customId, target);
  }

  /** A choice in the string select `customId` of `target.message`. */
  select(customId: string, values: string[], target: ComponentTarget): InteractionPayload {
    return selectPayload(customId, values, target);
  }

  /** Dispatches the interaction over the gateway, on its guild's shard; the returned run awaits what the bot does with it. */
  send(payload: InteractionPayload): InteractionRun {
    const state: InteractionState = { payload, deliveredAt: Date.now(), ownMsAtDelivery: this.ownMs, originalEdits: 0, followUpIds: [] };
    if (isObject(payload.message) && typeof payload.message.id === 'string') state.originalId = payload.message.id;
    this.interactions.set(payload.token, state);
    // The 3 s budget counts from delivery: an interaction sent while the bot reconnects waits for the resume.
    const shard = this.gateway.shardOf(typeof payload.guild_id === 'string' ? payload.guild_id : null);
    this.gateway.dispatch(
      'INTERACTION_CREATE',
      payload,
      () => {
        state.deliveredAt = Date.now();
        state.ownMsAtDelivery = this.ownMs;
      },
      shard,
    );
    return new InteractionRun(payload, this);
  }

  findCommand(name: string): RegisteredCommand | undefined {
    return this.commands.find(name);
  }

  // ── Waiting ─────────────────────────────────────────────────────────────────────────────────

  /** Resolves with the first defined value of `check`, re-evaluated on every request and gateway event. */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs = this.timeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = (): void => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          finish();
          reject(error);
          return;
        }
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}.\n${this.summary()}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(attempt);
      };
      this.listeners.add(attempt);
      attempt();
    });
  }

  /** The first request (already made or coming) matching `predicate`. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    what = 'a matching request',
    timeoutMs?: number,
  ): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(predicate), what, timeoutMs);
  }

  /** A message the bot created or edited (any channel, thread, reply or follow-up) matching `predicate`. */
  waitForMessage(
    predicate: (message: DiscordMessage) => boolean,
    what = 'a matching message',
    timeoutMs?: number,
  ): Promise<DiscordMessage> {
    return this.waitFor(
      () => {
        for (const message of this.messages.all()) if (predicate(message)) return structuredClone(message);
        return undefined;
      },
      what,
      timeoutMs,
    );
  }

  /** Messages in a channel or thread, oldest first (ephemeral interaction messages excluded). */
  channelMessages(channelId: string): DiscordMessage[] {
    return [...this.messages.all()]
      .filter((m) => m.channel_id === channelId && (m.flags & MessageFlag.Ephemeral) === 0)
      .map((m) => structuredClone(m));
  }

  /** Threads the bot created. */
  createdThreads(): Json[] {
    return this.messages.threadList().map((t) => structuredClone(t));
  }

  // ── Faults ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Answers the next `fault.times` (default 1) requests matching `'METHOD /path/:param/*'` with the fault:
   * 429 with `Retry-After` (seconds) and `{message, retry_after, global}`, or a bare 5xx.
   */
  failNext(methodAndPattern: string, fault: Fault): void {
    const [method, pattern] = methodAndPattern.split(' ');
    if (!method || !pattern?.startsWith('/')) throw new Error(`fake-discord: failNext wants 'METHOD /path', got "${methodAndPattern}"`);
    this.faults.push({ method: method.toUpperCase(), pattern, fault, left: fault.times ?? 1 });
  }

  /**
   * Closes the bot's gateway connection (a close code, 4000 by default, or 'terminate' for an abnormal 1006)
   * and resolves once the bot has a live session again (resumed, or re-identified if `invalidateSession`).
   */
  async dropGateway(how: number | 'terminate' = 4000, options: { invalidateSession?: boolean; timeoutMs?: number } = {}): Promise<void> {
    const seen = this.gatewayEvents.length;
    this.gateway.drop(how, options.invalidateSession ?? false);
    await this.waitFor(
      () => {
        const reconnected = this.gatewayEvents.slice(seen).some((e) => e.kind === 'ready' || (e.kind === 'resume' && e.resumed));
        return reconnected && this.gateway.connected ? true : undefined;
      },
      `the bot to reconnect after dropping the gateway (${how})`,
      options.timeoutMs ?? Math.max(this.timeoutMs, 15_000),
    );
  }

  // ── Assertions ──────────────────────────────────────────────────────────────────────────────

  /** Throws with every violation, unknown route and late callback recorded so far. */
  assertClean(): void {
    const problems = [
      ...this.violations.map((v) => `violation: ${v.request}: ${v.problem}`),
      ...this.unknownRoutes.map((r) => `unknown route: ${r.method} ${r.path}`),
      ...this.lateCallbacks.map((l) => `late callback: interaction ${l.interactionId} answered after ${l.ms} ms`),
    ];
    if (problems.length > 0) throw new Error(`fake-discord recorded ${problems.length} problem(s):\n${problems.join('\n')}`);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ── RunHost ─────────────────────────────────────────────────────────────────────────────────

  interaction(token: string): InteractionState {
    const state = this.interactions.get(token);
    if (!state) throw new Error(`fake-discord: no interaction with token ${token}`);
    return state;
  }

  message(id: string): DiscordMessage | undefined {
    return this.messages.get(id);
  }

  requestsFor(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.params.token === token);
  }

  // ── HTTP ────────────────────────────────────────────────────────────────────────────────────

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private summary(): string {
    const recent = this.requests.slice(-12).map((r) => `  ${r.method} ${r.path} → ${r.status}${r.injected ? ' (injected)' : ''}`);
    return [
      `Last requests (${this.requests.length} in all):`,
      ...(recent.length ? recent : ['  (none)']),
      `Violations: ${this.violations.length ? this.violations.map((v) => `${v.request}: ${v.problem}`).join('; ') : 'none'}`,
      `Gateway: ${this.gateway.connected ? 'connected' : 'not connected'}`,
    ].join('\n');
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const upload = /^\/attachments\/(\d+)\//.exec(req.url ?? '');
    if (upload) {
      const bytes = this.uploads.get(upload[1]!);
      res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' });
      return void res.end(bytes ?? '');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname
      .replace(/^\/api\/v10(?=\/)/, '')
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
    const request: RecordedRequest = {
      seq: this.requests.length + 1,
      at: Date.now(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      route: 'unknown',
      params: {},
      body: undefined,
      files: [],
      status: 0,
      injected: false,
    };
    let reply: Reply;
    const handling = performance.now();
    try {
      reply = this.handle(request, raw, req.headers['content-type'] ?? '');
    } catch (error) {
      this.violations.push({
        request: `${method} ${path}`,
        problem: `fake-discord failed on this request: ${(error as Error).stack ?? String(error)}`,
      });
      reply = { status: 500, body: { message: 'fake-discord internal error', code: 0 } };
    } finally {
      this.ownMs += performance.now() - handling;
    }
    request.status = reply.status;
    this.requests.push(request);
    if (reply.body === undefined) {
      res.writeHead(reply.status, reply.headers ?? {}); // a 204 must carry no Content-Type, or @discordjs/rest tries to parse it
      res.end();
    } else {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    }
    this.changed();
  }

  private handle(request: RecordedRequest, raw: Buffer, contentType: string): Reply {
    let files: UploadedFile[] = [];
    try {
      if (contentType.startsWith('multipart/form-data')) {
        const multipart = parseMultipart(raw, contentType);
        files = multipart.files;
        request.files = files.map(({ field, filename, contentType: type, size }) => ({ field, filename, contentType: type, size }));
        request.body = multipart.payloadJson === undefined ? undefined : JSON.parse(multipart.payloadJson);
      } else if (raw.length > 0) {
        request.body = contentType.startsWith('application/json') ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8');
      }
    } catch (error) {
      this.violations.push({ request: `${request.method} ${request.path}`, problem: `unreadable body: ${(error as Error).message}` });
      return { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
    }
    const route = this.routes.find((r) => r.method === request.method && matchPattern(r.pattern, request.path));
    if (!route) {
      this.unknownRoutes.push(request);
      return notFound('404: Not Found', 0);
    }
    request.route = `${route.method} ${route.pattern}`;
    request.params = matchPattern(route.pattern, request.path) ?? {};
    const fault = this.takeFault(request);
    if (fault) {
      request.injected = true;
      return fault;
    }
    const ctx: Context = { request, params: request.params, files };
    this.validate(route, ctx);
    return route.handle(ctx);
  }

  private takeFault(request: RecordedRequest): Reply | undefined {
    const entry = this.faults.find((f) => f.left > 0 && f.method === request.method && matchPattern(f.pattern, request.path));
    if (!entry) return undefined;
    entry.left -= 1;
    const { fault } = entry;
    if (fault.status !== 429) return { status: fault.status, body: { message: 'Internal Server Error', code: 0 } };
    const global = fault.global ?? false;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global },
      headers: {
        'retry-after': String(fault.retryAfter),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    };
  }

  private validate(route: Route, ctx: Context): void {
    const { request } = ctx;
    const where = `${request.method} ${request.path}`;
    if (route.spec !== undefined) {
      const errors = openApiValidator()?.validate(request.method, route.spec, request.body) ?? [];
      for (const error of errors) this.violations.push({ request: where, problem: `OpenAPI (${route.spec}): ${error}` });
    }
    for (const problem of route.rules?.(request.body) ?? []) this.violations.push({ request: where, problem });
  }
}

export function startFakeDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}
