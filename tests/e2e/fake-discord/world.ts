// The fixed world the fake Discord serves: one guild with two text channels, the bot and four users.
// Ids are fixed strings so tests and logs stay readable; runtime ids (messages, interactions) come from `nextSnowflake`.
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh, time-ordered snowflake, as Discord makes them (discord.js derives timestamps from ids). */
export function nextSnowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string;
  discriminator: '0';
  avatar: null;
  bot?: boolean;
}

function user(id: string, username: string, globalName: string, bot = false): FakeUser {
  return { id, username, global_name: globalName, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export const applicationId = '1180000000000000001';
export const botUserId = applicationId; // Discord gives a bot user the application's id.
export const guildId = '1180000000000000100';
/** Text channel where the bot may create threads. */
export const channelId = '1180000000000000200';
/** Text channel where a permission overwrite denies the bot thread creation. */
export const noThreadsChannelId = '1180000000000000201';
const adminRoleId = '1180000000000000300';
const botRoleId = '1180000000000000301';

export const users = {
  bot: user(botUserId, 'kliping', 'Kliping', true),
  /** Guild owner: every permission, Manage Server included. */
  owner: user('1180000000000000011', 'pemilik', 'Pemilik Server'),
  /** Plain member without Manage Server. */
  member: user('1180000000000000012', 'anggota', 'Anggota'),
  /** Another plain member (for "someone else clicks my button"). */
  other: user('1180000000000000013', 'tamu', 'Tamu'),
  /** No Manage Server, but listed in ADMIN_USER_IDS by the harness. */
  trusted: user('1180000000000000014', 'kurator', 'Kurator'),
} as const;
export type UserName = keyof typeof users;

const everyonePermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.AddReactions;
const botPermissions = everyonePermissions | PermissionFlagsBits.ManageThreads;
const threadDenied = PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.CreatePrivateThreads;

/** Effective permissions string of a user (or the bot) in a channel, as Discord puts in `member.permissions`/`app_permissions`. */
export function permissionsIn(who: FakeUser, inChannelId: string): string {
  if (who.id === users.owner.id) return PermissionsBitField.All.toString();
  let bits = who.id === botUserId ? botPermissions : everyonePermissions;
  if (inChannelId === noThreadsChannelId) bits &= ~threadDenied;
  return bits.toString();
}

export function memberOf(who: FakeUser, joinedAt: string): Record<string, unknown> {
  return {
    user: who,
    nick: null,
    avatar: null,
    roles: who.id === botUserId ? [botRoleId] : who.id === users.owner.id ? [adminRoleId] : [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

function role(id: string, name: string, permissions: bigint, position: number): Record<string, unknown> {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function textChannel(id: string): { id: string; type: number; [key: string]: unknown } {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name: id === channelId ? 'berita' : 'pengumuman',
    position: id === channelId ? 0 : 1,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    permission_overwrites: id === noThreadsChannelId ? [{ id: botRoleId, type: 0, allow: '0', deny: threadDenied.toString() }] : [],
  };
}

/** The GUILD_CREATE payload: discord.js waits for it (15 s) before emitting ClientReady. */
export function guildCreatePayload(joinedAt: string): Record<string, unknown> {
  const members = Object.values(users).map((u) => memberOf(u, joinedAt));
  return {
    id: guildId,
    name: 'Ruang Redaksi',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: users.owner.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    roles: [
      role(guildId, '@everyone', everyonePermissions, 0),
      role(adminRoleId, 'Admin', PermissionFlagsBits.ManageGuild | everyonePermissions, 2),
      role(botRoleId, 'Kliping', botPermissions, 1),
    ],
    emojis: [],
    stickers: [],
    features: [],
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'id',
    max_members: 500_000,
    max_video_channel_users: 25,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: members.length,
    members,
    channels: [textChannel(channelId), textChannel(noThreadsChannelId)],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
