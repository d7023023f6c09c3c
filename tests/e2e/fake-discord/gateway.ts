// The gateway half of the fake: plain-JSON frames over `ws`, one shard, resumable sessions.
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

interface GatewayFrame {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

export type GatewayEvent =
  | { kind: 'identify'; intents: number }
  | { kind: 'resume'; resumed: boolean }
  | { kind: 'ready' }
  | { kind: 'heartbeat' }
  | { kind: 'closed'; code: number };

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  onEvent: (event: GatewayEvent) => void;
}

export class FakeGateway {
  readonly url: string;
  private readonly server: WebSocketServer;
  private socket: WebSocket | null = null;
  private session: Session | null = null;
  /** True once a socket has identified or resumed, so dispatches may flow. */
  private live = false;
  private invalidateNextResume = false;
  identifyCount = 0;

  private constructor(
    server: WebSocketServer,
    private readonly options: GatewayOptions,
  ) {
    this.server = server;
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

  get connected(): boolean {
    return this.live;
  }

  /** Sends an op 0 dispatch; kept for replay if the bot is between connections (then `onDelivered` waits). */
  dispatch(event: string, data: unknown, onDelivered?: () => void): void {
    const session = this.session;
    if (!session) throw new Error(`fake gateway: cannot dispatch ${event} before the bot has identified`);
    session.sequence += 1;
    const entry = { s: session.sequence, frame: JSON.stringify({ op: 0, s: session.sequence, t: event, d: data }), onDelivered };
    session.sent.push(entry);
    if (session.sent.length > 1000) session.sent.shift();
    if (this.live && this.socket) this.deliver(this.socket, entry);
  }

  private deliver(socket: WebSocket, entry: Session['sent'][number]): void {
    socket.send(entry.frame);
    entry.onDelivered?.();
    entry.onDelivered = undefined;
  }

  /** Closes the bot's connection: a close code (4000 is resumable) or 'terminate' for an abnormal 1006. */
  drop(how: number | 'terminate', invalidateSession: boolean): void {
    const socket = this.socket;
    if (!socket) throw new Error('fake gateway: no connection to drop');
    this.invalidateNextResume = invalidateSession;
    this.live = false;
    if (how === 'terminate') socket.terminate();
    else socket.close(how, 'fake-discord: dropped by test');
  }

  async close(): Promise<void> {
    this.live = false;
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    // A new connection replaces the old one (the client only holds one per shard).
    if (this.socket && this.socket !== socket) this.socket.terminate();
    this.socket = socket;
    this.live = false;
    socket.on('message', (raw) => this.receive(socket, raw.toString()));
    socket.on('close', (code) => {
      if (this.socket === socket) {
        this.live = false;
        this.socket = null;
      }
      this.options.onEvent({ kind: 'closed', code });
    });
    socket.on('error', () => undefined);
    this.send(socket, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-discord'] } });
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
        this.identify(socket, frame.d as { intents?: number });
        return;
      case 6:
        this.resume(socket, frame.d as { session_id?: string; seq?: number });
        return;
      default:
        return; // presence/voice updates and the like: ignored
    }
  }

  private identify(socket: WebSocket, data: { intents?: number }): void {
    this.identifyCount += 1;
    this.options.onEvent({ kind: 'identify', intents: data.intents ?? 0 });
    this.session = { id: randomUUID().replaceAll('-', ''), sequence: 0, sent: [] };
    this.live = true;
    this.dispatch('READY', {
      v: 10,
      user: { ...users.bot, flags: 0, verified: true, mfa_enabled: false },
      application: { id: applicationId, flags: 0 },
      guilds: [{ id: guildId, unavailable: true }],
      session_id: this.session.id,
      session_type: 'normal',
      resume_gateway_url: this.url,
      shard: [0, 1],
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ['fake-discord'],
    });
    this.dispatch('GUILD_CREATE', guildCreatePayload(new Date(Date.now() - 86_400_000).toISOString()));
    this.options.onEvent({ kind: 'ready' });
  }

  private resume(socket: WebSocket, data: { session_id?: string; seq?: number }): void {
    const session = this.session;
    const canResume = !this.invalidateNextResume && session !== null && data.session_id === session.id;
    this.invalidateNextResume = false;
    if (!canResume || !session) {
      this.options.onEvent({ kind: 'resume', resumed: false });
      this.send(socket, { op: 9, d: false });
      return;
    }
    this.live = true;
    const after = data.seq ?? 0;
    for (const entry of session.sent) if (entry.s > after) this.deliver(socket, entry);
    this.dispatch('RESUMED', { _trace: ['fake-discord'] });
    this.options.onEvent({ kind: 'resume', resumed: true });
  }

  private send(socket: WebSocket, frame: GatewayFrame): void {
    socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  }
}
