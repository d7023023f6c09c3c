import { PermissionFlagsBits, PermissionsBitField, type BaseInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isCorpusAdmin } from '../../src/bot/access.ts';

const HOME = '1180000000000000100';
const ELSEWHERE = '1180000000000000999';
const TRUSTED = '1180000000000000014';
const config = { adminUserIds: [TRUSTED], adminGuildIds: [HOME] };

/** Just what the rule reads of an interaction. */
function interaction(o: { user?: string; guild?: string | null; installedBy?: string | null; manageServer?: boolean }): BaseInteraction {
  const guildId = o.guild === undefined ? HOME : o.guild;
  return {
    user: { id: o.user ?? '1180000000000000012' },
    guildId,
    inGuild: () => guildId !== null,
    authorizingIntegrationOwners: { guildId: o.installedBy === undefined ? guildId : o.installedBy },
    memberPermissions: guildId === null ? null : new PermissionsBitField(o.manageServer ? PermissionFlagsBits.ManageGuild : 0n),
  } as unknown as BaseInteraction;
}

describe('isCorpusAdmin', () => {
  it('admits Manage Server holders of a home server, through its installation', () => {
    expect(isCorpusAdmin(interaction({ manageServer: true }), config)).toBe(true);
    expect(isCorpusAdmin(interaction({ manageServer: false }), config)).toBe(false);
  });

  it('refuses Manage Server elsewhere, or through a user installation', () => {
    expect(isCorpusAdmin(interaction({ manageServer: true, guild: ELSEWHERE }), config)).toBe(false);
    expect(isCorpusAdmin(interaction({ manageServer: true, installedBy: null }), config)).toBe(false);
    expect(isCorpusAdmin(interaction({ manageServer: true, guild: ELSEWHERE, installedBy: null }), config)).toBe(false);
  });

  it('admits ADMIN_USER_IDS in any server, and nobody in a DM', () => {
    expect(isCorpusAdmin(interaction({ user: TRUSTED, guild: ELSEWHERE, installedBy: null }), config)).toBe(true);
    expect(isCorpusAdmin(interaction({ user: TRUSTED, guild: null }), config)).toBe(false);
  });

  it('has no home server without ADMIN_GUILD_IDS or DISCORD_GUILD_ID', () => {
    expect(isCorpusAdmin(interaction({ manageServer: true }), { adminUserIds: [], adminGuildIds: [] })).toBe(false);
  });
});
