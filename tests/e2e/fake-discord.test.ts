// Self-tests of the fake Discord with a raw discord.js Client: proves the fake speaks the protocol discord.js 14
// expects, so the bot's e2e tests fail only for the bot's own reasons.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  InteractionContextType,
  MessageFlags,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  type Interaction,
} from 'discord.js';
import { existsSync } from 'node:fs';
import { isEphemeral, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { openApiPath, openApiValidator } from './fake-discord/openapi.ts';

type Handler = (interaction: Interaction) => Promise<unknown>;

let fake: FakeDiscord;
let client: Client;
/** What the raw client does per command name / custom id; each test sets the ones it needs. */
const handlers = new Map<string, Handler>();

const silent = { allowedMentions: { parse: [] } } as const;

beforeAll(async () => {
  fake = await startFakeDiscord({ timeoutMs: 5000 });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl }, allowedMentions: { parse: [] } });
  client.on(Events.InteractionCreate, (interaction) => {
    const key =
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isMessageComponent()
          ? interaction.customId
          : '';
    void handlers.get(key)?.(interaction);
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login('fake-token');
  await ready;
  await client.application?.commands.set(
    [
      new SlashCommandBuilder()
        .setName('gema')
        .setDescription('Mengulang teks')
        .addStringOption((o) => o.setName('teks').setDescription('Teks').setRequired(true).setAutocomplete(true))
        .addBooleanOption((o) => o.setName('pribadi').setDescription('Hanya untukmu')),
    ],
    fake.guildId,
  );
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

afterEach(() => handlers.clear());

describe('login', () => {
  it('logs in with only GET /gateway/bot over REST, identifies with Guilds, and sees the guild', () => {
    expect(fake.requests[0]?.route).toBe('GET /gateway/bot');
    expect(fake.gatewayEvents).toContainEqual({ kind: 'identify', intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.guilds.cache.get(fake.guildId)?.channels.cache.has(fake.channelId)).toBe(true);
    expect(fake.unknownRoutes).toEqual([]);
  });

  it('stores guild commands with ids and types options from the definition', () => {
    const [gema] = fake.commands.guild;
    expect(gema).toMatchObject({ name: 'gema', guild_id: fake.guildId, id: expect.stringMatching(/^\d+$/) });
    const payload = fake.slash('gema', { teks: 'halo', pribadi: true });
    expect((payload.data as { options: unknown[] }).options).toEqual([
      { name: 'teks', type: 3, value: 'halo' },
      { name: 'pribadi', type: 5, value: true },
    ]);
    expect(() => fake.slash('gema', { tex: 'typo' })).toThrow(/no option "tex".*teks, pribadi/);
    fake.assertClean();
  });
});

describe('interactions', () => {
  it('delivers a slash command with member, channel and options, and records the reply', async () => {
    let seen: { user: string; channel: string | null; text: string | null; admin: boolean } | undefined;
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = {
        user: i.user.id,
        channel: i.channelId,
        text: i.options.getString('teks'),
        admin: i.memberPermissions?.has('ManageGuild') ?? false,
      };
      await i.reply({ content: `Gema: ${i.options.getString('teks')}`, ...silent });
    });
    const run = fake.send(fake.slash('gema', { teks: 'halo' }, { user: 'owner' }));
    const reply = await run.reply();
    expect(reply.content).toBe('Gema: halo');
    expect(isEphemeral(reply)).toBe(false);
    expect(seen).toEqual({ user: fake.users.owner.id, channel: fake.channelId, text: 'halo', admin: true });
    expect((await run.callback()).type).toBe(4);
    expect(run.requests().map((r) => `${r.status} ${r.route}`)).toEqual(['204 POST /interactions/:interactionId/:token/callback']);
    fake.assertClean();
  });

  it('gives a plain member no Manage Server', async () => {
    let admin: boolean | undefined;
    handlers.set('gema', async (i) => {
      admin = i.memberPermissions?.has('ManageGuild');
      if (i.isRepliable()) await i.reply({ content: 'ok', ...silent });
    });
    await fake.send(fake.slash('gema', { teks: 'x' }, { user: 'member' })).reply();
    expect(admin).toBe(false);
  });

  it('follows a defer with the edit of @original, then an ephemeral follow-up', async () => {
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'selesai', ...silent });
      await i.followUp({ content: 'rahasia', flags: MessageFlags.Ephemeral, ...silent });
    });
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    expect((await run.callback()).type).toBe(5);
    expect((await run.reply()).content).toBe('selesai');
    const followUp = await run.followUp(0);
    expect(followUp.content).toBe('rahasia');
    expect(isEphemeral(followUp)).toBe(true);
    expect(run.requests().map((r) => r.route)).toEqual([
      'POST /interactions/:interactionId/:token/callback',
      'PATCH /webhooks/:app/:token/messages/@original',
      'POST /webhooks/:app/:token',
    ]);
    fake.assertClean();
  });

  it('turns a follow-up sent while a public defer loads into that reply, still public, and records it', async () => {
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.followUp({ content: 'rahasia?', flags: MessageFlags.Ephemeral, ...silent });
    });
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    const reply = await run.reply();
    expect(reply.content).toBe('rahasia?');
    expect(isEphemeral(reply)).toBe(false);
    expect(run.followUps()).toEqual([]);
    expect(fake.violations.map((v) => v.problem)).toEqual([expect.stringMatching(/^follow-up while the deferred reply .* loads/)]);
    fake.violations.length = 0;
  });

  it('sends an ephemeral follow-up as a new message once the loading reply is deleted', async () => {
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.deleteReply();
      await i.followUp({ content: 'rahasia', flags: MessageFlags.Ephemeral, ...silent });
    });
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    const followUp = await run.followUp(0);
    expect(isEphemeral(followUp)).toBe(true);
    expect(fake.channelMessages(fake.channelId).some((m) => m.content === 'rahasia')).toBe(false);
    fake.assertClean();
  });

  it('answers with_response=true with an interaction callback response', async () => {
    const messageId = new Promise<string | undefined>((resolve) => {
      handlers.set('gema', async (i) => {
        if (!i.isChatInputCommand()) return;
        const response = await i.reply({ content: 'dengan respons', withResponse: true, ...silent });
        resolve(response.resource?.message?.id);
      });
    });
    const reply = await fake.send(fake.slash('gema', { teks: 'x' })).reply();
    expect(await messageId).toBe(reply.id);
  });

  it('answers autocomplete with the choices', async () => {
    handlers.set('gema', async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([
        { name: typed, value: typed },
        { name: `${typed}an`, value: `${typed}an` },
      ]);
    });
    const run = fake.send(fake.autocomplete('gema', { teks: 'makan' }, 'teks'));
    expect(await run.choices()).toEqual([
      { name: 'makan', value: 'makan' },
      { name: 'makanan', value: 'makanan' },
    ]);
    expect(run.requests()[0]?.query).toEqual({});
  });

  it('clicks a button and picks a select option on the message the bot sent', async () => {
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({
        content: 'halaman 1',
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId('lanjut').setLabel('Lanjut').setStyle(ButtonStyle.Primary),
          ),
          new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
            new StringSelectMenuBuilder().setCustomId('pilih').addOptions({ label: 'Satu', value: 'a1' }, { label: 'Dua', value: 'a2' }),
          ),
        ],
        ...silent,
      });
    });
    let clicker: string | undefined;
    handlers.set('lanjut', async (i) => {
      if (!i.isButton()) return;
      clicker = i.user.id;
      await i.update({ content: `halaman 2 (dari ${i.message.id})`, components: [], ...silent });
    });
    handlers.set('pilih', async (i) => {
      if (!i.isStringSelectMenu()) return;
      await i.reply({ content: `artikel ${i.values.join(',')}`, flags: MessageFlags.Ephemeral, ...silent });
    });
    const message = await fake.send(fake.slash('gema', { teks: 'x' })).reply();
    const picked = await fake.send(fake.select('pilih', ['a2'], { message, user: 'other' })).reply();
    expect(picked.content).toBe('artikel a2');
    expect(isEphemeral(picked)).toBe(true);
    expect(() => fake.select('pilih', ['zz'], { message })).toThrow(/offers no value/);
    const updated = await fake.send(fake.button('lanjut', { message, user: 'other' })).reply();
    expect(updated.id).toBe(message.id);
    expect(updated.content).toBe(`halaman 2 (dari ${message.id})`);
    expect(clicker).toBe(fake.users.other.id);
    expect(() => fake.button('tidak-ada', { message })).toThrow(/no component/);
    fake.assertClean();
  });

  it('accepts multipart bodies with payload_json and files', async () => {
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'lampiran', files: [new AttachmentBuilder(Buffer.from('isi berkas'), { name: 'artikel.txt' })], ...silent });
    });
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    const reply = await run.reply();
    expect(reply.content).toBe('lampiran');
    expect(run.requests()[0]?.files).toMatchObject([{ filename: 'artikel.txt', size: 10 }]);
    fake.assertClean();
  });

  it('creates a thread from a reply and posts in it, but refuses threads where the bot may not create them', async () => {
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'utas', ...silent });
      const reply = await i.fetchReply();
      const thread = await reply.startThread({ name: 'Linimasa' });
      await thread.send({ content: 'di dalam utas', ...silent });
    });
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    const inThread = await fake.waitForMessage((m) => m.content === 'di dalam utas');
    const reply = await run.reply();
    expect(inThread.channel_id).toBe(reply.id);
    expect(fake.createdThreads()).toMatchObject([{ id: reply.id, name: 'Linimasa', parent_id: fake.channelId }]);
    fake.assertClean();

    const refused = await fetch(`${fake.apiUrl}/v10/channels/${fake.noThreadsChannelId}/threads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', type: 11 }),
    });
    expect(refused.status).toBe(403);
    expect(fake.violations.pop()?.problem).toMatch(/lacks Create Public Threads/);
  });
});

describe('direct messages', () => {
  it('delivers a DM interaction with user instead of member', async () => {
    let seen: { inGuild: boolean; user: string; context: number | null } | undefined;
    handlers.set('gema', async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = { inGuild: i.inGuild(), user: i.user.id, context: i.context };
      await i.reply({ content: 'di DM', ...silent });
    });
    const reply = await fake.send(fake.slash('gema', { teks: 'x' }, { dm: true, user: 'other' })).reply();
    expect(seen).toEqual({ inGuild: false, user: fake.users.other.id, context: InteractionContextType.BotDM });
    expect(reply.guild_id).toBeUndefined();
    fake.assertClean();
  });
});

describe('protocol details', () => {
  it('answers a plain callback with 204 and no Content-Type, and with_response=true with JSON', async () => {
    const quiet = fake.send(fake.slash('gema', { teks: 'x' }));
    const plain = await fetch(`${fake.apiUrl}/v10/interactions/${quiet.id}/${quiet.token}/callback?with_response=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 5, data: { flags: 0 } }),
    });
    expect(plain.status).toBe(204);
    expect(plain.headers.get('content-type')).toBeNull();
    const second = fake.send(fake.slash('gema', { teks: 'y' }));
    const rich = await fetch(`${fake.apiUrl}/v10/interactions/${second.id}/${second.token}/callback?with_response=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'hai', allowed_mentions: { parse: [] } } }),
    });
    expect(rich.status).toBe(200);
    expect(await rich.json()).toMatchObject({
      interaction: { id: second.id, type: 2 },
      resource: { type: 4, message: { content: 'hai' } },
    });
    fake.assertClean();
  });

  it('records unknown routes with a 404 JSON body', async () => {
    const response = await fetch(`${fake.apiUrl}/v10/guilds/${fake.guildId}/bans`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(fake.unknownRoutes.map((r) => r.path)).toEqual([`/guilds/${fake.guildId}/bans`]);
    expect(() => fake.assertClean()).toThrow(/unknown route: GET \/guilds/);
    fake.unknownRoutes.length = 0;
  });

  it('records bodies over Discord limits or without allowed_mentions, and a double acknowledgement, without crashing', async () => {
    handlers.set('gema', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'x'.repeat(2001), allowedMentions: {} });
    });
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    await run.reply();
    const again = await fetch(`${fake.apiUrl}/v10/interactions/${run.id}/${run.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'lagi', allowed_mentions: { parse: [] } } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });
    const problems = fake.violations.map((v) => v.problem).join('\n');
    expect(problems).toMatch(/content: 2001 characters \(max 2000\)/);
    expect(problems).toMatch(/allowed_mentions: must be present with parse: \[\]/);
    expect(problems).toMatch(/acknowledged twice/);
    fake.violations.length = 0;
  });

  const hasSpec = existsSync(openApiPath);
  if (!hasSpec) console.warn(`fake-discord.test: ${openApiPath} is absent; the OpenAPI validation test is skipped.`);
  it.skipIf(!hasSpec)('validates bodies against the OpenAPI spec, reporting the errors of the matching union branch', async () => {
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    await fetch(`${fake.apiUrl}/v10/interactions/${run.id}/${run.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'ok', allowed_mentions: { parse: [] }, embeds: [{ color: 'merah' }] } }),
    });
    const problems = fake.violations.map((v) => v.problem);
    expect(problems).toEqual([
      expect.stringMatching(
        /^OpenAPI \(\/interactions\/\{interaction_id\}\/\{interaction_token\}\/callback\): \/data\/embeds\/0\/color must be (integer|null)/,
      ),
    ]);
    fake.violations.length = 0;
  });

  it('checks command definitions against Discord naming rules', async () => {
    const response = await fetch(`${fake.apiUrl}/v10/applications/${fake.applicationId}/commands`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'Cari', description: '', options: [{ type: 3, name: 'kueri panjang', description: 'q' }] }]),
    });
    expect(response.status).toBe(200);
    const problems = fake.violations.map((v) => v.problem).join('\n');
    expect(problems).toMatch(/name "Cari" must be lowercase/);
    expect(problems).toMatch(/description must be 1–100 characters \(has 0\)/);
    expect(problems).toMatch(/option "kueri panjang": name "kueri panjang" does not match/);
    fake.violations.length = 0;
    fake.commands.global = [];
  });

  it('fails a wait clearly when nothing happens', async () => {
    const run = fake.send(fake.slash('gema', { teks: 'tanpa penangan' }));
    await expect(run.reply(undefined, 200)).rejects.toThrow(
      /timed out after 200 ms waiting for the visible response of interaction \d+ \(\/gema\)/,
    );
  });
});

describe('heartbeats and the 3 s budget', () => {
  it('acknowledges heartbeats and records callbacks later than the deadline', async () => {
    const quick = await startFakeDiscord({ heartbeatIntervalMs: 100, callbackDeadlineMs: 50, timeoutMs: 5000 });
    const second = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: quick.apiUrl }, allowedMentions: { parse: [] } });
    try {
      second.on(Events.InteractionCreate, async (i) => {
        await new Promise((resolve) => setTimeout(resolve, 120));
        if (i.isRepliable()) await i.reply({ content: 'terlambat', ...silent });
      });
      const ready = new Promise((resolve) => second.once(Events.ClientReady, resolve));
      await second.login('fake-token');
      await ready;
      await quick.waitFor(
        () => (quick.gatewayEvents.filter((e) => e.kind === 'heartbeat').length >= 3 ? true : undefined),
        'three heartbeats',
      );
      expect(second.ws.ping).toBeGreaterThanOrEqual(0);
      const run = quick.send(quick.slash('gema', { teks: 'x' }));
      await run.reply();
      expect(quick.lateCallbacks).toEqual([{ interactionId: run.id, ms: expect.any(Number) }]);
      expect(quick.lateCallbacks[0]!.ms).toBeGreaterThanOrEqual(100);
      expect(() => quick.assertClean()).toThrow(/late callback: interaction \d+ answered after \d+ ms/);
    } finally {
      await second.destroy();
      await quick.close();
    }
  });
});

describe("the 3 s budget is the bot's own", () => {
  it.skipIf(!existsSync(openApiPath))(
    "does not count the time the fake spent on other requests (it runs on the bot's thread)",
    async () => {
      const quick = await startFakeDiscord({ callbackDeadlineMs: 100, timeoutMs: 5000 });
      const bot = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: quick.apiUrl }, allowedMentions: { parse: [] } });
      try {
        bot.on(Events.InteractionCreate, async (i) => {
          if (!i.isRepliable()) return;
          await bot.rest.post(Routes.channelMessages(quick.channelId), {
            body: { content: 'lebih dulu', allowed_mentions: { parse: [] } },
          });
          await i.reply({ content: 'tepat waktu', ...silent });
        });
        const ready = new Promise((resolve) => bot.once(Events.ClientReady, resolve));
        await bot.login('fake-token');
        await ready;
        // The fake is slow on the next request it checks (the message), as on its first compile of a schema.
        const validator = openApiValidator()!;
        const validate = validator.validate.bind(validator);
        const slow = vi.spyOn(validator, 'validate').mockImplementationOnce((...args) => {
          for (const until = performance.now() + 300; performance.now() < until;);
          return validate(...args);
        });
        const run = quick.send(quick.slash('gema', { teks: 'x' }));
        const callback = await run.callback();
        const message = quick.requests.find((r) => r.route === 'POST /channels/:channelId/messages')!;
        expect(slow).toHaveBeenCalled();
        expect(callback.at - message.at).toBeGreaterThanOrEqual(300); // the callback waited for the fake…
        expect(quick.lateCallbacks).toEqual([]); // …which is not the bot's delay
        quick.assertClean();
      } finally {
        vi.restoreAllMocks();
        await bot.destroy();
        await quick.close();
      }
    },
  );
});

describe('faults', () => {
  it('retries a 429 with Retry-After and a 500 on the callback', async () => {
    handlers.set('gema', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'tetap sampai', ...silent });
    });
    fake.failNext('POST /interactions/:id/:token/callback', { status: 429, retryAfter: 0.2 });
    fake.failNext('POST /interactions/:id/:token/callback', { status: 500 });
    const run = fake.send(fake.slash('gema', { teks: 'x' }));
    expect((await run.reply()).content).toBe('tetap sampai');
    const attempts = fake.requestsFor(run.token).map((r) => r.status);
    expect(attempts).toEqual([429, 500, 204]);
    fake.assertClean();
  });

  it('resumes after the gateway closes with 4000 and replays what was missed', async () => {
    handlers.set('gema', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'masih hidup', ...silent });
    });
    const reconnected = fake.dropGateway(4000);
    const sentWhileAway = fake.send(fake.slash('gema', { teks: 'x' }));
    await reconnected;
    expect(fake.gatewayEvents.at(-1)).toEqual({ kind: 'resume', resumed: true });
    expect((await sentWhileAway.reply()).content).toBe('masih hidup');
    expect((await fake.send(fake.slash('gema', { teks: 'y' })).reply()).content).toBe('masih hidup');
  });

  it('re-identifies after an abnormal close with an invalidated session', async () => {
    handlers.set('gema', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'sesi baru', ...silent });
    });
    const identifies = fake.gatewayEvents.filter((e) => e.kind === 'identify').length;
    await fake.dropGateway('terminate', { invalidateSession: true, timeoutMs: 20_000 });
    expect(fake.gatewayEvents.filter((e) => e.kind === 'identify').length).toBe(identifies + 1);
    expect((await fake.send(fake.slash('gema', { teks: 'x' })).reply()).content).toBe('sesi baru');
    fake.assertClean();
  }, 30_000);
});
