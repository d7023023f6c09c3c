// /korpus muat-ulang with the real bot when few articles changed: the reload is derived from the serving
// corpus (only the changed articles processed) and says so; `penuh: True` builds the whole index anew.
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type DiscordMessage, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  // Half the articles may change per derived reload: one changed seed of five is a small change.
  h = await startHarness({ bot: { snapshotParams: { maxRefreshShare: 0.5 } } });
});
afterAll(async () => {
  try {
    h.fake.assertClean();
  } finally {
    await h.close();
  }
});

const description = (message: DiscordMessage): string => String(message.embeds[0]?.description ?? '');
/** A full build beside the serving snapshot runs its stages one at a time: on a loaded machine it outlasts the default wait. */
const FULL_RELOAD_WAIT_MS = 60_000;
const reload = (options: Record<string, boolean> = {}) =>
  h.fake
    .send(h.fake.slash('korpus', options, { subcommand: 'muat-ulang', user: 'owner' }))
    .reply((m) => m.embeds.length > 0, FULL_RELOAD_WAIT_MS);

describe('a reload where one file changed', () => {
  it('processes only the added, then the changed article, and their text is searchable', async () => {
    const page = join(h.corpusDir, 'zamrud.md');
    await writeFile(
      page,
      '---\ntitle: Festival Zamrudwangi di Palembang\ndate: 2024-07-02\nsource: contoh.id\n---\n\nFestival Zamrudwangi digelar di Palembang.\n',
    );
    const first = h.bot.store.current;
    const added = description(await reload());
    expect(added).toMatch(/^Artikel: 5 → 6\nDitambah: 1 \(`zamrud`\)\nDihapus: 0\nDiubah: 0\n/);
    expect(added).toMatch(/Durasi: .+ \(hanya artikel yang berubah diproses\)/);
    expect(h.bot.store.current).not.toBe(first);

    await appendFile(page, '\nPanitia menyebut ribuan pengunjung datang melihat kain songket.\n');
    const changed = description(await reload());
    expect(changed).toMatch(/^Artikel: 6 → 6\nDitambah: 0\nDihapus: 0\nDiubah: 1 \(`zamrud`\)\n/);
    expect(changed).toMatch(/\(hanya artikel yang berubah diproses\)/);
    const search = await h.fake.send(h.fake.slash('cari', { kueri: 'songket zamrudwangi' })).reply();
    expect(search.embeds[0]?.title).toMatch(/^Hasil pencarian/);
  });

  it('builds the whole index anew when asked (penuh)', async () => {
    const text = description(await reload({ penuh: true }));
    expect(text).toMatch(/^Artikel: 6 → 6\nDitambah: 0\nDihapus: 0\nDiubah: 0\n/);
    expect(text).toMatch(/Durasi: .+ \(indeks dibangun ulang penuh\)/);
    expect(h.logs.some((line) => line.msg === 'corpus reload swapped' && line.full === true && line.how === 'full')).toBe(true);
  });
});
