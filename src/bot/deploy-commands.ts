// `npm run deploy-commands`: register the slash commands with Discord, globally or in DISCORD_GUILD_ID.
import dotenv from 'dotenv';
import { REST, Routes, type RESTGetCurrentApplicationResult } from 'discord.js';
import { ConfigError, configReport, loadConfig } from './config.ts';
import { COMMANDS } from './commands.ts';

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(configReport(error));
    return 1;
  }
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  const body = COMMANDS.map((command) => command.definition);
  if (config.guildId) {
    await rest.put(Routes.applicationGuildCommands(application.id, config.guildId), { body });
    console.log(
      `Registered ${body.length} commands in server ${config.guildId} (available immediately): ${body.map((c) => `/${c.name}`).join(', ')}`,
    );
  } else {
    await rest.put(Routes.applicationCommands(application.id), { body });
    console.log(
      `Registered ${body.length} global commands (Discord may take up to an hour to show changes): ${body.map((c) => `/${c.name}`).join(', ')}`,
    );
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const status = (error as { status?: number }).status;
  const hint =
    status === 401
      ? 'Discord refused DISCORD_TOKEN: reset it in the Developer Portal and update .env.'
      : String((error as Error).message ?? error);
  console.error(`kliping: registering commands failed. ${hint}`);
  process.exitCode = 1;
}
