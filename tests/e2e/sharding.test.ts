// Sharding: the bot connects as many shards as Discord recommends, and answers on each of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEphemeral, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ fake: { shards: 2 } });
});
afterAll(() => h?.close());

describe('two shards', () => {
  it('identifies both shards the local Discord asks for', () => {
    const identified = h.fake.gatewayEvents.flatMap((e) => (e.kind === 'identify' ? [e.shard] : []));
    expect(identified).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(identified).toHaveLength(2);
    expect(h.bot.client.ws.shards.size).toBe(2);
  });

  it('answers an interaction on each shard: the guild on its shard, a DM on shard 0', async () => {
    // The routing the fake applies, checked so that the two interactions below do reach different shards.
    expect(h.fake.gateway.shardOf(h.fake.guildId)).toBe(1);
    expect(h.fake.gateway.shardOf(null)).toBe(0);
    const inGuild = await h.fake.send(h.fake.slash('bantuan', {})).reply();
    const inDm = await h.fake.send(h.fake.slash('bantuan', {}, { dm: true })).reply();
    for (const reply of [inGuild, inDm]) {
      expect(isEphemeral(reply)).toBe(true);
      expect((reply.embeds[0] as { title: string }).title).toBe('Kliping: cara pakai');
    }
    h.fake.assertClean();
  });
});
