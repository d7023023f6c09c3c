// The REST routes the fake serves, with Discord's status codes and error bodies for misuse.
import { PermissionFlagsBits } from 'discord.js';
import type { CommandRegistry, CommandScope } from './commands.ts';
import type { DiscordMessage } from './interactions.ts';
import { isObject, type MessageStore } from './messages.ts';
import type { UploadedFile } from './multipart.ts';
import { choiceProblems, commandListProblems, commandProblems, messageProblems, threadNameProblems } from './rules.ts';
import { MessageFlag, type InteractionState, type RecordedRequest } from './run.ts';
import * as world from './world.ts';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Context {
  request: RecordedRequest;
  params: Record<string, string>;
  files: UploadedFile[];
}

export interface Route {
  method: string;
  pattern: string;
  /** The operation's path in Discord's OpenAPI spec, when the body should be validated against it. */
  spec?: string;
  /** Discord's own rules for this body. */
  rules?: (body: unknown) => string[];
  handle: (ctx: Context) => Reply;
}

export interface RouteDeps {
  gatewayUrl: string;
  /** Shards GET /gateway/bot recommends. */
  shards: number;
  interactions: ReadonlyMap<string, InteractionState>;
  messages: MessageStore;
  commands: CommandRegistry;
  callbackDeadlineMs: number;
  lateCallbacks: { interactionId: string; ms: number }[];
  /** The fake's own handling time so far: not the bot's to answer for. */
  ownMs: () => number;
  violation(request: RecordedRequest, problem: string): void;
}

export const notFound = (message: string, code: number): Reply => ({ status: 404, body: { message, code } });

/** Params of `path` under `pattern` (`:name` captures a segment, `*` skips one), or null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== '*' && w !== g) return null;
  }
  return params;
}

function callbackRules(body: unknown): string[] {
  if (!isObject(body)) return ['callback: body is not an object'];
  const data = body.data;
  switch (body.type) {
    case 4:
      return messageProblems(data, 'create');
    case 7:
      return messageProblems(data, 'edit');
    case 8:
      return choiceProblems(isObject(data) ? data.choices : undefined);
    default:
      return [];
  }
}

const createRules = (body: unknown): string[] => messageProblems(body, 'create');
const editRules = (body: unknown): string[] => messageProblems(body, 'edit');
const bodyOf = (ctx: Context) => (isObject(ctx.request.body) ? ctx.request.body : {});

export class DiscordRoutes {
  readonly routes: Route[];

  constructor(private readonly deps: RouteDeps) {
    const app = world.applicationId;
    this.routes = [
      {
        method: 'GET',
        pattern: '/gateway/bot',
        handle: () => ({
          status: 200,
          body: {
            url: deps.gatewayUrl,
            shards: deps.shards,
            // One identify bucket per shard, so shards connect at once rather than 5 s apart.
            session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: deps.shards },
          },
        }),
      },
      { method: 'GET', pattern: '/gateway', handle: () => ({ status: 200, body: { url: deps.gatewayUrl } }) },
      {
        method: 'GET',
        pattern: '/users/@me',
        handle: () => ({ status: 200, body: { ...world.users.bot, flags: 0, verified: true, mfa_enabled: false } }),
      },
      {
        method: 'GET',
        pattern: '/applications/@me',
        handle: () => ({
          status: 200,
          body: {
            id: app,
            name: 'Kliping',
            description: '',
            icon: null,
            bot_public: true,
            bot_require_code_grant: false,
            flags: 0,
            owner: world.users.owner,
            bot: world.users.bot,
            verify_key: '0'.repeat(64),
            team: null,
          },
        }),
      },
      // Commands
      { method: 'GET', pattern: '/applications/:app/commands', handle: (ctx) => this.listCommands(ctx, 'global') },
      { method: 'GET', pattern: '/applications/:app/guilds/:guild/commands', handle: (ctx) => this.listCommands(ctx, 'guild') },
      {
        method: 'PUT',
        pattern: '/applications/:app/commands',
        spec: '/applications/{application_id}/commands',
        rules: commandListProblems,
        handle: (ctx) => this.overwriteCommands(ctx, 'global'),
      },
      {
        method: 'PUT',
        pattern: '/applications/:app/guilds/:guild/commands',
        spec: '/applications/{application_id}/guilds/{guild_id}/commands',
        rules: commandListProblems,
        handle: (ctx) => this.overwriteCommands(ctx, 'guild'),
      },
      {
        method: 'POST',
        pattern: '/applications/:app/commands',
        spec: '/applications/{application_id}/commands',
        rules: commandProblems,
        handle: (ctx) => this.upsertCommand(ctx, 'global'),
      },
      {
        method: 'POST',
        pattern: '/applications/:app/guilds/:guild/commands',
        spec: '/applications/{application_id}/guilds/{guild_id}/commands',
        rules: commandProblems,
        handle: (ctx) => this.upsertCommand(ctx, 'guild'),
      },
      // Interactions
      {
        method: 'POST',
        pattern: '/interactions/:interactionId/:token/callback',
        spec: '/interactions/{interaction_id}/{interaction_token}/callback',
        rules: callbackRules,
        handle: (ctx) => this.interactionCallback(ctx),
      },
      { method: 'GET', pattern: '/webhooks/:app/:token/messages/@original', handle: (ctx) => this.webhookMessage(ctx, 'GET') },
      {
        method: 'PATCH',
        pattern: '/webhooks/:app/:token/messages/@original',
        spec: '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
        rules: editRules,
        handle: (ctx) => this.webhookMessage(ctx, 'PATCH'),
      },
      { method: 'DELETE', pattern: '/webhooks/:app/:token/messages/@original', handle: (ctx) => this.webhookMessage(ctx, 'DELETE') },
      { method: 'GET', pattern: '/webhooks/:app/:token/messages/:messageId', handle: (ctx) => this.webhookMessage(ctx, 'GET') },
      {
        method: 'PATCH',
        pattern: '/webhooks/:app/:token/messages/:messageId',
        spec: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
        rules: editRules,
        handle: (ctx) => this.webhookMessage(ctx, 'PATCH'),
      },
      { method: 'DELETE', pattern: '/webhooks/:app/:token/messages/:messageId', handle: (ctx) => this.webhookMessage(ctx, 'DELETE') },
      {
        method: 'POST',
        pattern: '/webhooks/:app/:token',
        spec: '/webhooks/{webhook_id}/{webhook_token}',
        rules: createRules,
        handle: (ctx) => this.followUp(ctx),
      },
      // Channels
      { method: 'GET', pattern: '/channels/:channelId', handle: (ctx) => this.getChannel(ctx) },
      { method: 'GET', pattern: '/channels/:channelId/messages/:messageId', handle: (ctx) => this.getChannelMessage(ctx) },
      {
        method: 'POST',
        pattern: '/channels/:channelId/messages',
        spec: '/channels/{channel_id}/messages',
        rules: createRules,
        handle: (ctx) => this.createChannelMessage(ctx),
      },
      {
        method: 'POST',
        pattern: '/channels/:channelId/threads',
        spec: '/channels/{channel_id}/threads',
        rules: threadNameProblems,
        handle: (ctx) => this.createThread(ctx),
      },
      {
        method: 'POST',
        pattern: '/channels/:channelId/messages/:messageId/threads',
        spec: '/channels/{channel_id}/messages/{message_id}/threads',
        rules: threadNameProblems,
        handle: (ctx) => this.createThread(ctx),
      },
    ];
  }

  private listCommands(ctx: Context, scope: CommandScope): Reply {
    if (ctx.params.app !== world.applicationId) return notFound('Unknown Application', 10002);
    if (scope === 'guild' && ctx.params.guild !== world.guildId) return notFound('Unknown Guild', 10004);
    return { status: 200, body: this.deps.commands[scope] };
  }

  private overwriteCommands(ctx: Context, scope: CommandScope): Reply {
    const denied = this.listCommands(ctx, scope);
    if (denied.status !== 200) return denied;
    const bodies = Array.isArray(ctx.request.body) ? ctx.request.body.filter(isObject) : [];
    return { status: 200, body: this.deps.commands.overwrite(scope, bodies) };
  }

  private upsertCommand(ctx: Context, scope: CommandScope): Reply {
    const denied = this.listCommands(ctx, scope);
    if (denied.status !== 200) return denied;
    const { command, created } = this.deps.commands.upsert(scope, bodyOf(ctx));
    return { status: created ? 201 : 200, body: command };
  }

  private interactionCallback(ctx: Context): Reply {
    const { deps } = this;
    const state = deps.interactions.get(ctx.params.token ?? '');
    if (!state || state.payload.id !== ctx.params.interactionId) {
      deps.violation(ctx.request, 'callback for an interaction the fake never dispatched');
      return notFound('Unknown interaction', 10062);
    }
    if (state.callback) {
      deps.violation(ctx.request, `interaction ${state.payload.id} acknowledged twice (first with type ${state.callback.type})`);
      return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    }
    const body = bodyOf(ctx);
    const type = Number(body.type);
    const data = isObject(body.data) ? body.data : undefined;
    // The bot's time: from delivery to this request, less what the fake spent on other requests meanwhile.
    const ms = Math.round(ctx.request.at - state.deliveredAt - (deps.ownMs() - state.ownMsAtDelivery));
    if (ms > deps.callbackDeadlineMs) deps.lateCallbacks.push({ interactionId: state.payload.id, ms });
    state.callback = { type, data, at: ctx.request.at };
    let message: DiscordMessage | undefined;
    if (type === 4 || type === 5) {
      const flags = Number(data?.flags ?? 0) | (type === 5 ? MessageFlag.Loading : 0);
      message = deps.messages.create(type === 5 ? {} : (data ?? {}), state.payload.channel.id, flags, ctx.files, state);
      state.originalId = message.id;
    } else if (type === 6 || type === 7) {
      message = state.originalId === undefined ? undefined : deps.messages.get(state.originalId);
      if (!message) deps.violation(ctx.request, `callback type ${type} (update) for an interaction without a message`);
      else if (type === 7) deps.messages.edit(message, data ?? {}, ctx.files);
    }
    if (ctx.request.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: state.payload.id,
          type: state.payload.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: type === 5,
                response_message_ephemeral: (message.flags & MessageFlag.Ephemeral) !== 0,
              }
            : {}),
        },
        ...(message && type !== 6 ? { resource: { type, message } } : {}),
      },
    };
  }

  /** The interaction behind a webhook route, or the 404 Discord gives when the webhook is unusable. */
  private webhookState(ctx: Context): InteractionState | Reply {
    const state = this.deps.interactions.get(ctx.params.token ?? '');
    if (ctx.params.app !== world.applicationId || !state) {
      this.deps.violation(ctx.request, 'webhook request with an unknown application id or interaction token');
      return notFound('Unknown Webhook', 10015);
    }
    if (!state.callback) {
      this.deps.violation(ctx.request, `webhook request before interaction ${state.payload.id} was acknowledged`);
      return notFound('Unknown Webhook', 10015);
    }
    return state;
  }

  private webhookMessage(ctx: Context, method: 'GET' | 'PATCH' | 'DELETE'): Reply {
    const state = this.webhookState(ctx);
    if (!('payload' in state)) return state;
    const { messages } = this.deps;
    const id = ctx.params.messageId ?? state.originalId;
    const message = id === undefined ? undefined : messages.get(id);
    const owned = id !== undefined && (id === state.originalId || state.followUpIds.includes(id));
    if (!message || !owned) {
      this.deps.violation(ctx.request, `no message ${id ?? '@original'} for interaction ${state.payload.id}`);
      return notFound('Unknown Message', 10008);
    }
    if (method === 'DELETE') {
      messages.delete(message.id);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      messages.edit(message, bodyOf(ctx), ctx.files);
      if (message.id === state.originalId) state.originalEdits += 1;
    }
    return { status: 200, body: message };
  }

  private followUp(ctx: Context): Reply {
    const state = this.webhookState(ctx);
    if (!('payload' in state)) return state;
    const body = bodyOf(ctx);
    const loading = state.originalId === undefined ? undefined : this.deps.messages.get(state.originalId);
    if (state.callback?.type === 5 && loading && (loading.flags & MessageFlag.Loading) !== 0) {
      // Discord's deprecated compatibility rule: this edits the loading reply, keeping its visibility, whatever the flags say.
      this.deps.violation(
        ctx.request,
        `follow-up while the deferred reply of interaction ${state.payload.id} loads: edit @original instead`,
      );
      this.deps.messages.edit(loading, body, ctx.files);
      state.originalEdits += 1;
      return { status: 200, body: loading };
    }
    const channelId = ctx.request.query.thread_id ?? state.payload.channel.id;
    const message = this.deps.messages.create(body, channelId, Number(body.flags ?? 0), ctx.files, state);
    state.followUpIds.push(message.id);
    return { status: 200, body: message };
  }

  private getChannel(ctx: Context): Reply {
    const channel = this.deps.messages.channel(ctx.params.channelId);
    return channel ? { status: 200, body: channel } : notFound('Unknown Channel', 10003);
  }

  private getChannelMessage(ctx: Context): Reply {
    const message = this.deps.messages.get(ctx.params.messageId ?? '');
    if (!message || message.channel_id !== ctx.params.channelId) return notFound('Unknown Message', 10008);
    return { status: 200, body: message };
  }

  private createChannelMessage(ctx: Context): Reply {
    const channelId = ctx.params.channelId ?? '';
    if (!this.deps.messages.channel(channelId)) {
      this.deps.violation(ctx.request, `message to unknown channel ${channelId}`);
      return notFound('Unknown Channel', 10003);
    }
    const body = bodyOf(ctx);
    return { status: 200, body: this.deps.messages.create(body, channelId, Number(body.flags ?? 0), ctx.files) };
  }

  private createThread(ctx: Context): Reply {
    const { messages } = this.deps;
    const parentId = ctx.params.channelId ?? '';
    const parent = messages.channel(parentId);
    if (!parent || parent.type !== 0) {
      this.deps.violation(ctx.request, `thread in unknown or non-text channel ${parentId}`);
      return notFound('Unknown Channel', 10003);
    }
    if ((BigInt(world.permissionsIn(world.users.bot, parentId)) & PermissionFlagsBits.CreatePublicThreads) === 0n) {
      this.deps.violation(ctx.request, `thread created in channel ${parentId}, where the bot lacks Create Public Threads`);
      return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
    }
    const fromMessage = ctx.params.messageId === undefined ? undefined : messages.get(ctx.params.messageId);
    if (
      ctx.params.messageId !== undefined &&
      (!fromMessage || fromMessage.channel_id !== parentId || (fromMessage.flags & MessageFlag.Ephemeral) !== 0)
    ) {
      this.deps.violation(
        ctx.request,
        `thread from message ${ctx.params.messageId}, which is not a visible message of channel ${parentId}`,
      );
      return notFound('Unknown Message', 10008);
    }
    return { status: 201, body: messages.createThread(parentId, bodyOf(ctx), fromMessage) };
  }
}
