// The messages and threads the bot created, shaped as Discord returns them.
import type { DiscordMessage, Json } from './interactions.ts';
import type { UploadedFile } from './multipart.ts';
import { MessageFlag, type InteractionState } from './run.ts';
import * as world from './world.ts';

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class MessageStore {
  private readonly messages = new Map<string, DiscordMessage>();
  private readonly threads = new Map<string, Json>();

  constructor(private readonly attachmentBase: string) {}

  get(id: string): DiscordMessage | undefined {
    return this.messages.get(id);
  }

  all(): IterableIterator<DiscordMessage> {
    return this.messages.values();
  }

  delete(id: string): void {
    this.messages.delete(id);
  }

  /** A guild text channel or a thread the bot created. */
  channel(id: string | undefined): Json | undefined {
    if (id === world.channelId || id === world.noThreadsChannelId) return world.textChannel(id);
    return id === undefined ? undefined : this.threads.get(id);
  }

  threadList(): Json[] {
    return [...this.threads.values()];
  }

  /** A new message from a create body; `interaction` makes it an interaction response or follow-up. */
  create(body: Json, channelId: string, flags: number, files: UploadedFile[], interaction?: InteractionState): DiscordMessage {
    const payload = interaction?.payload;
    const who = payload ? ((payload.member as Json | undefined)?.user ?? payload.user) : undefined;
    const message: DiscordMessage = {
      id: world.nextSnowflake(),
      type: payload?.type === 2 && interaction?.originalId === undefined ? 20 : 0,
      channel_id: channelId,
      ...(this.channel(channelId) ? { guild_id: world.guildId } : {}),
      author: world.users.bot,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags,
      ...(payload
        ? {
            webhook_id: world.applicationId,
            application_id: world.applicationId,
            interaction_metadata: {
              id: payload.id,
              type: payload.type,
              user: who,
              authorizing_integration_owners: payload.authorizing_integration_owners,
            },
          }
        : {}),
    };
    this.apply(message, body, files);
    this.messages.set(message.id, message);
    return message;
  }

  /** Applies an edit body; the first edit of a deferred reply clears its loading state. */
  edit(message: DiscordMessage, body: Json, files: UploadedFile[]): void {
    this.apply(message, body, files);
    message.flags &= ~MessageFlag.Loading;
    message.edited_timestamp = new Date().toISOString();
  }

  /** A public thread in `parentId`, started from `fromMessage` (and then sharing its id) or standalone. */
  createThread(parentId: string, body: Json, fromMessage: DiscordMessage | undefined): Json {
    const now = new Date().toISOString();
    const id = fromMessage?.id ?? world.nextSnowflake();
    const thread: Json = {
      id,
      type: fromMessage ? 11 : Number(body.type ?? 11),
      guild_id: world.guildId,
      parent_id: parentId,
      owner_id: world.botUserId,
      name: body.name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      applied_tags: [],
      thread_metadata: {
        archived: false,
        auto_archive_duration: body.auto_archive_duration ?? 4320,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
      },
      member: { id, user_id: world.botUserId, join_timestamp: now, flags: 0 },
    };
    this.threads.set(id, thread);
    if (fromMessage) fromMessage.thread = thread;
    return thread;
  }

  private apply(message: DiscordMessage, body: Json, files: UploadedFile[]): void {
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body)
      message.embeds = (Array.isArray(body.embeds) ? body.embeds.filter(isObject) : []).map((e) => ({ type: 'rich', ...e }));
    if ('components' in body) message.components = Array.isArray(body.components) ? body.components.filter(isObject) : [];
    if (files.length > 0 || 'attachments' in body) {
      message.attachments = files.map((f) => ({
        id: world.nextSnowflake(),
        filename: f.filename,
        size: f.size,
        content_type: f.contentType,
        url: `${this.attachmentBase}/attachments/${f.filename}`,
        proxy_url: `${this.attachmentBase}/attachments/${f.filename}`,
      }));
    }
  }
}
