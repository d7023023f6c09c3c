// Application commands as registered by the bot, global and in the fake's guild.
import type { Json, RegisteredCommand } from './interactions.ts';
import * as world from './world.ts';

export type CommandScope = 'global' | 'guild';

export class CommandRegistry {
  global: RegisteredCommand[] = [];
  guild: RegisteredCommand[] = [];

  /** The guild's command of that name, else the global one (as Discord resolves them for a guild member). */
  find(name: string): RegisteredCommand | undefined {
    return this.guild.find((c) => c.name === name) ?? this.global.find((c) => c.name === name);
  }

  /** Bulk overwrite: the scope's commands become `bodies`; commands keeping their name keep their id. */
  overwrite(scope: CommandScope, bodies: Json[]): RegisteredCommand[] {
    this[scope] = bodies.map((body) => this.registered(body, scope));
    return this[scope];
  }

  /** Create or replace one command by name. */
  upsert(scope: CommandScope, body: Json): { command: RegisteredCommand; created: boolean } {
    const command = this.registered(body, scope);
    const index = this[scope].findIndex((c) => c.id === command.id);
    if (index === -1) this[scope].push(command);
    else this[scope][index] = command;
    return { command, created: index === -1 };
  }

  private registered(body: Json, scope: CommandScope): RegisteredCommand {
    const name = String(body.name);
    return {
      ...body,
      id: this[scope].find((c) => c.name === name)?.id ?? world.nextSnowflake(),
      application_id: world.applicationId,
      version: world.nextSnowflake(),
      name,
      type: typeof body.type === 'number' ? body.type : 1,
      description: typeof body.description === 'string' ? body.description : '',
      default_member_permissions: body.default_member_permissions ?? null,
      nsfw: body.nsfw ?? false,
      ...(scope === 'guild' ? { guild_id: world.guildId } : {}),
    };
  }
}
