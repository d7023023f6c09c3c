// Builders for INTERACTION_CREATE payloads shaped like Discord's, with the fields discord.js 14 needs:
// data.type, entitlements, authorizing_integration_owners, member (guild) or user (DM), a channel object,
// data.message on component clicks, and every id a string.
import { randomBytes } from 'node:crypto';
import { PermissionsBitField } from 'discord.js';
import {
  applicationId,
  channelId as defaultChannelId,
  guildId,
  memberOf,
  nextSnowflake,
  permissionsIn,
  textChannel,
  users,
  type FakeUser,
  type UserName,
} from './world.ts';

/** An uploaded file as an attachment option carries it (`fake.attachment(...)` makes one and serves its bytes). */
export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
}

export type OptionValue = string | number | boolean | FakeAttachment;

function isAttachment(value: OptionValue): value is FakeAttachment {
  return typeof value === 'object' && value !== null && 'filename' in value;
}
export type Json = Record<string, unknown>;

export interface InteractionPayload extends Json {
  id: string;
  token: string;
  type: number;
  channel: Json & { id: string };
}

/** Who acts and where. `user` defaults to `member`; `channel` to the main text channel. */
export interface Actor {
  user?: UserName | FakeUser;
  channel?: string;
  /** Send it from a DM instead of the guild (no member, no guild_id). */
  dm?: boolean;
  locale?: string;
  /** Another server than the fake's guild (the user's own, say); its member list is not the fake's. */
  guild?: string;
  /** Which installation authorizes it: the server's (default in a guild) or the user's own (user-installed app). */
  install?: 'guild' | 'user';
  /** The user owns the server it is sent from: every permission, Manage Server included. */
  serverOwner?: boolean;
}

export interface CommandTarget extends Actor {
  subcommand?: string;
  group?: string;
}

/** A command as the fake stores it after registration. */
export interface RegisteredCommand extends Json {
  id: string;
  name: string;
  type: number;
  options?: Json[];
}

export interface BuilderContext {
  findCommand(name: string): RegisteredCommand | undefined;
}

/** A message as Discord returns it; `flags & 64` marks it ephemeral. */
export interface DiscordMessage extends Json {
  id: string;
  channel_id: string;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
}

export const InteractionType = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

function resolveUser(user: UserName | FakeUser | undefined): FakeUser {
  if (user === undefined) return users.member;
  return typeof user === 'string' ? users[user] : user;
}

function base(type: number, actor: Actor, data: Json): InteractionPayload {
  const who = resolveUser(actor.user);
  const inChannel = actor.channel ?? defaultChannelId;
  const locale = actor.locale ?? 'id';
  const common = {
    id: nextSnowflake(),
    application_id: applicationId,
    type,
    token: `fake-token-${randomBytes(24).toString('base64url')}`,
    version: 1,
    data,
    locale,
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (actor.dm) {
    const dmChannel = { id: `9${who.id.slice(1)}`, type: 1, last_message_id: null, flags: 0, recipients: [who] };
    return {
      ...common,
      channel_id: dmChannel.id,
      channel: dmChannel,
      user: who,
      context: 1,
      authorizing_integration_owners: { '1': who.id },
      app_permissions: permissionsIn(users.bot, dmChannel.id),
    };
  }
  const inGuild = actor.guild ?? guildId;
  const permissions = actor.serverOwner ? PermissionsBitField.All.toString() : permissionsIn(who, inChannel);
  const member = { ...memberOf(who, new Date(Date.now() - 86_400_000).toISOString()), permissions };
  return {
    ...common,
    guild_id: inGuild,
    guild: { id: inGuild, locale: 'id', features: [] },
    guild_locale: 'id',
    channel_id: inChannel,
    channel: { ...textChannel(inChannel), guild_id: inGuild, permissions: permissionsIn(users.bot, inChannel) },
    member,
    context: 0,
    // A user-installed app is authorized by the user, not the server: Discord then leaves out the guild's key.
    authorizing_integration_owners: actor.install === 'user' ? { '1': who.id } : { '0': inGuild },
    app_permissions: permissionsIn(users.bot, inChannel),
  };
}

function inferType(value: OptionValue): number {
  if (isAttachment(value)) return 11;
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/** The option list of the invoked (sub)command, from the registered definition when there is one. */
function declaredOptions(command: RegisteredCommand | undefined, target: CommandTarget): Json[] | undefined {
  if (!command) return undefined;
  let options = command.options ?? [];
  for (const level of [target.group, target.subcommand]) {
    if (level === undefined) continue;
    const found = options.find((o) => o.name === level && (o.type === 1 || o.type === 2));
    if (!found) throw new Error(`fake-discord: /${command.name} has no subcommand (group) "${level}"`);
    options = (found.options as Json[] | undefined) ?? [];
  }
  return options;
}

function commandData(
  ctx: BuilderContext,
  name: string,
  values: Record<string, OptionValue>,
  target: CommandTarget,
  focused?: string,
): Json {
  const command = ctx.findCommand(name);
  const declared = declaredOptions(command, target);
  // Attachment options carry the attachment's id; the attachment itself goes in data.resolved, as Discord sends it.
  const attachments: Record<string, FakeAttachment> = {};
  let options: Json[] = Object.entries(values).map(([optionName, value]) => {
    let type = inferType(value);
    if (declared) {
      const definition = declared.find((o) => o.name === optionName);
      if (!definition) {
        const known = declared.map((o) => String(o.name)).join(', ') || '(none)';
        throw new Error(`fake-discord: /${name} has no option "${optionName}" (options: ${known})`);
      }
      type = definition.type as number;
    }
    if (isAttachment(value)) {
      attachments[value.id] = value;
      return { name: optionName, type, value: value.id };
    }
    return { name: optionName, type, value, ...(optionName === focused ? { focused: true } : {}) };
  });
  if (target.subcommand !== undefined) options = [{ name: target.subcommand, type: 1, options }];
  if (target.group !== undefined) options = [{ name: target.group, type: 2, options }];
  return {
    id: command?.id ?? nextSnowflake(),
    name,
    type: 1,
    options,
    ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
  };
}

export function slashPayload(
  ctx: BuilderContext,
  name: string,
  values: Record<string, OptionValue>,
  target: CommandTarget = {},
): InteractionPayload {
  return base(InteractionType.Command, target, commandData(ctx, name, values, target));
}

/** `focused` names the option being typed; its value is the partial text. */
export function autocompletePayload(
  ctx: BuilderContext,
  name: string,
  values: Record<string, OptionValue>,
  focused: string,
  target: CommandTarget = {},
): InteractionPayload {
  if (!(focused in values)) throw new Error(`fake-discord: focused option "${focused}" must be among the given values`);
  return base(InteractionType.Autocomplete, target, commandData(ctx, name, values, target, focused));
}

export interface ComponentTarget extends Actor {
  /** The message carrying the component, as the fake returned it (e.g. from `run.reply()`). */
  message: DiscordMessage;
}

function findComponent(message: DiscordMessage, customId: string): Json | undefined {
  for (const row of message.components) {
    for (const component of (row.components as Json[] | undefined) ?? []) if (component.custom_id === customId) return component;
  }
  return undefined;
}

function componentPayload(customId: string, componentType: number, extra: Json, target: ComponentTarget): InteractionPayload {
  const component = findComponent(target.message, customId);
  if (!component) throw new Error(`fake-discord: message ${target.message.id} has no component with custom_id "${customId}"`);
  if (component.type !== componentType)
    throw new Error(`fake-discord: component "${customId}" has type ${String(component.type)}, not ${componentType}`);
  if (component.disabled === true)
    throw new Error(`fake-discord: component "${customId}" is disabled; Discord would not let a user click it`);
  return base(
    InteractionType.Component,
    { ...target, channel: target.channel ?? target.message.channel_id },
    {
      custom_id: customId,
      component_type: componentType,
      ...extra,
    },
  );
}

export function buttonPayload(customId: string, target: ComponentTarget): InteractionPayload {
  return { ...componentPayload(customId, 2, {}, target), message: target.message };
}

export function selectPayload(customId: string, values: string[], target: ComponentTarget): InteractionPayload {
  const payload = componentPayload(customId, 3, { values }, target);
  const offered = ((findComponent(target.message, customId)?.options as Json[] | undefined) ?? []).map((o) => o.value);
  const unknown = values.filter((v) => !offered.includes(v));
  if (unknown.length > 0)
    throw new Error(`fake-discord: select "${customId}" offers no value ${JSON.stringify(unknown)} (offers ${JSON.stringify(offered)})`);
  return { ...payload, message: target.message };
}
