// The gateway half of the fake: plain-JSON frames over `ws`, one or more shards, resumable sessions.
// Dispatches sent while the bot is disconnected are kept and replayed on RESUME, as Discord does.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { applicationId, guildCreatePayload, guildId, users } from './world.ts';

interface Session {
  id: string;
  sequence: number;
  /** Dispatches with their sequence, kept for replay on RESUME; `onDelivered` fires once a live socket gets it. */
  sent: { s: number; frame: string; onDelivered?: (() => void) | undefined }[];
}

/** One shard's connection: its socket and session, as Discord keeps one of each per shard. */
interface Shard {
  socket: WebSocket | null;
  session: Session | null;
  /** True once the socket has identified or resumed, so dispatches may flow. */
  live: boolean;
  invalidateNextResume: boolean;
}

interface GatewayFrame {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export type GatewayEvent =
  | { kind: 'identify'; intents: number; shard: [number, number] }
  | { kind: 'resume'; resumed: boolean }
  | { kind: 'ready' }
  | { kind: 'heartbeat' }
  | { kind: 'closed'; code: number };

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** How many shards the bot must connect (GET /gateway/bot recommends as many). Default 1. */
  shardCount?: number;
  onEvent: (event: GatewayEvent) => void;
}

export class FakeGateway {
  readonly url: string;
  readonly shardCount: number;
  private readonly server: WebSocketServer;
  private readonly shards: Shard[];
  identifyCount = 0;

  private constructor(
    server: WebSocketServer,
    private readonly options: GatewayOptions,
  ) {
    this.server = server;
    this.shardCount = options.shardCount ?? 1;
    this.shards = Array.from({ length: this.shardCount }, () => ({
      socket: null,
      session: null,
      live: false,
      invalidateNextResume: false,
    }));
    const { port } = server.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}`;
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(options: GatewayOptions): Promise<FakeGateway> {
    const server = await new Promise<WebSocketServer>((resolve, reject) => {
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      wss.once('listening', () => resolve(wss));
      wss.once('error', reject);
    });
    return new FakeGateway(server, options);
  }

  /** The shard that carries a guild's events, by Discord's formula; DMs go to shard 0. */
  shardOf(guild: string | null | undefined): number {
    return guild ? Number((BigInt(guild) >> 22n) % BigInt(this.shardCount)) : 0;
  }

  /** True when every shard has a live session. */
  get connected(): boolean {
    return this.shards.every((shard) => shard.live);
  }

  /** Sends an op 0 dispatch on a shard; kept for replay if that shard is between connections (then `onDelivered` waits). */
  dispatch(event: string, data: unknown, onDelivered?: () => void, shardId = 0): void {
    const shard = this.shards[shardId]!;
    const session = shard.session;
    if (!session) throw new Error(`fake gateway: cannot dispatch ${event} before shard ${shardId} has identified`);
    session.sequence += 1;
    const entry = { s: session.sequence, frame: JSON.stringify({ op: 0, s: session.sequence, t: event, d: data }), onDelivered };
    session.sent.push(entry);
    if (session.sent.length > 1000) session.sent.shift();
    if (shard.live && shard.socket) this.deliver(shard.socket, entry);
  }

  private deliver(socket: WebSocket, entry: Session['sent'][number]): void {
    socket.send(entry.frame);
    entry.onDelivered?.();
    entry.onDelivered = undefined;
  }

  /** Closes a shard's connection: a close code (4000 is resumable) or 'terminate' for an abnormal 1006. */
  drop(how: number | 'terminate', invalidateSession: boolean, shardId = 0): void {
    const shard = this.shards[shardId]!;
    const socket = shard.socket;
    if (!socket) throw new Error(`fake gateway: shard ${shardId} has no connection to drop`);
    shard.invalidateNextResume = invalidateSession;
    shard.live = false;
    if (how === 'terminate') socket.terminate();
    else socket.close(how, 'fake-discord: dropped by test');
  }

  async close(): Promise<void> {
    for (const shard of this.shards) shard.live = false;
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    socket.on('message', (raw) => this.receive(socket, raw.toString()));
    socket.on('close', (code) => {
      const shard = this.shards.find((s) => s.socket === socket);
      if (shard) {
        shard.live = false;
        shard.socket = null;
      }
      this.options.onEvent({ kind: 'closed', code });
    });
    socket.on('error', () => undefined);
    this.send(socket, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-discord'] } });
  }

  /** The socket becomes the shard's connection; one it replaces is closed (a client holds one per shard). */
  private attach(socket: WebSocket, shard: Shard): void {
    if (shard.socket && shard.socket !== socket) shard.socket.terminate();
    shard.socket = socket;
  }

  private receive(socket: WebSocket, raw: string): void {
    let frame: GatewayFrame;
    try {
      frame = JSON.parse(raw) as GatewayFrame;
    } catch {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (frame.op) {
      case 1:
        this.send(socket, { op: 11 });
        this.options.onEvent({ kind: 'heartbeat' });
        return;
      case 2:
        this.identify(socket, frame.d as { intents?: number; shard?: [number, number] });
        return;
      case 6:
        this.resume(socket, frame.d as { session_id?: string; seq?: number });
        return;
      default:
        return; // presence/voice updates and the like: ignored
    }
  }

  private identify(socket: WebSocket, data: { intents?: number; shard?: [number, number] }): void {
    const [shardId, count] = data.shard ?? [0, 1];
    // As Discord: too few shards for the bot's guilds is 4011, a shard that does not fit the count 4010.
    if (count < this.shardCount) return void socket.close(4011, 'Sharding required.');
    if (count !== this.shardCount || shardId < 0 || shardId >= count) return void socket.close(4010, 'Invalid shard.');
    const shard = this.shards[shardId]!;
    this.identifyCount += 1;
    this.options.onEvent({ kind: 'identify', intents: data.intents ?? 0, shard: [shardId, count] });
    this.attach(socket, shard);
    shard.session = { id: randomUUID().replaceAll('-', ''), sequence: 0, sent: [] };
    shard.live = true;
    const hasGuild = this.shardOf(guildId) === shardId;
    this.dispatch(
      'READY',
      {
        v: 10,
        user: { ...users.bot, flags: 0, verified: true, mfa_enabled: false },
        application: { id: applicationId, flags: 0 },
        guilds: hasGuild ? [{ id: guildId, unavailable: true }] : [],
        session_id: shard.session.id,
        session_type: 'normal',
        resume_gateway_url: this.url,
        shard: [shardId, count],
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        user_settings: {},
        _trace: ['fake-discord'],
      },
      undefined,
      shardId,
    );
    if (hasGuild) this.dispatch('GUILD_CREATE', guildCreatePayload(new Date(Date.now() - 86_400_000).toISOString()), undefined, shardId);
    this.options.onEvent({ kind: 'ready' });
  }

  private resume(socket: WebSocket, data: { session_id?: string; seq?: number }): void {
    const shard = this.shards.find((s) => s.session !== null && s.session.id === data.session_id);
    const session = shard?.session;
    const canResume = shard !== undefined && !shard.invalidateNextResume && session !== null && session !== undefined;
    for (const s of this.shards) if (s.socket === socket || s === shard) s.invalidateNextResume = false;
    if (!canResume) {
      this.options.onEvent({ kind: 'resume', resumed: false });
      this.send(socket, { op: 9, d: false });
      return;
    }
    const shardId = this.shards.indexOf(shard);
    this.attach(socket, shard);
    shard.live = true;
    const after = data.seq ?? 0;
    for (const entry of session.sent) if (entry.s > after) this.deliver(socket, entry);
    this.dispatch('RESUMED', { _trace: ['fake-discord'] }, undefined, shardId);
    this.options.onEvent({ kind: 'resume', resumed: true });
  }

  private send(socket: WebSocket, frame: GatewayFrame): void {
    socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  }
}
