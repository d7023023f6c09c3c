// Answering within Discord's 3 s: one reply when the answer is ready in time, a defer then an edit (or a
// private follow-up) when it is not, and exactly one of the two when the answer comes as the timer fires.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RepliableInteraction } from 'discord.js';
import { DEFER_AFTER_MS, answerInTime, deferDelay, ephemeralAnswer, type Answer, type Deferral } from '../../src/bot/answer.ts';
import { runSafely } from '../../src/bot/errors.ts';
import { createLogger } from '../../src/bot/logger.ts';

const EPHEMERAL = 64;

interface Call {
  method: string;
  body?: { content?: string; flags?: number; embeds?: unknown[] };
}

/**
 * The part of a discord.js interaction that answering uses, with discord.js's bookkeeping: `deferred` and
 * `replied` are set once Discord has answered, `ephemeral` by reply and deferReply only, and answering twice throws.
 */
class FakeInteraction {
  deferred = false;
  replied = false;
  ephemeral: boolean | null = null;
  readonly calls: Call[] = [];
  readonly id = '1';
  readonly user = { id: '2' };
  readonly commandName = 'cari';
  readonly customId = 'cari:art:k:0:1';
  /** While set, Discord's answer to the next acknowledgement waits for it. */
  hold: Promise<void> | undefined;

  constructor(
    private readonly component = false,
    readonly createdTimestamp = Date.now(),
  ) {}

  isMessageComponent = () => this.component;
  isAutocomplete = () => false;
  isCommand = () => !this.component;
  isRepliable = () => true;

  async reply(body: Call['body']) {
    await this.acknowledge('reply', body);
    this.replied = true;
    this.ephemeral = ((body?.flags ?? 0) & EPHEMERAL) !== 0;
  }
  async deferReply(body: Call['body'] = {}) {
    await this.acknowledge('deferReply', body);
    this.deferred = true;
    this.ephemeral = ((body.flags ?? 0) & EPHEMERAL) !== 0;
  }
  async update(body: Call['body']) {
    await this.acknowledge('update', body);
    this.replied = true;
  }
  async deferUpdate() {
    await this.acknowledge('deferUpdate');
    this.deferred = true;
  }
  async editReply(body: Call['body']) {
    this.after('editReply', body);
    this.replied = true;
  }
  async deleteReply() {
    this.after('deleteReply');
  }
  async followUp(body: Call['body']) {
    this.after('followUp', body);
    this.replied = true;
  }

  private async acknowledge(method: string, body?: Call['body']) {
    if (this.deferred || this.replied) throw new Error(`${method}: already acknowledged`);
    this.calls.push({ method, ...(body && { body }) });
    await this.hold;
  }
  private after(method: string, body?: Call['body']) {
    if (!this.deferred && !this.replied) throw new Error(`${method}: not acknowledged yet`);
    this.calls.push({ method, ...(body && { body }) });
  }

  get methods(): string[] {
    return this.calls.map((c) => c.method);
  }
}

const asDiscord = (fake: FakeInteraction) => fake as unknown as RepliableInteraction;

function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const RESULTS: Answer = { kind: 'reply', visibility: 'public', message: { embeds: [{ title: 'Hasil' }] } };
const NOTHING = ephemeralAnswer('Tidak ada artikel yang cocok.');
const PUBLIC_DEFER: Deferral = { kind: 'reply', visibility: 'public' };

/** Starts answering `fake`; `settled` resolves once answerInTime has returned. */
function start(fake: FakeInteraction, deferral: Deferral) {
  const answer = later<Answer>();
  let done = false;
  const settled = answerInTime(asDiscord(fake), deferral, answer.promise).finally(() => (done = true));
  return { answer, settled, done: () => done };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('deferDelay', () => {
  it('counts the budget from the interaction’s creation, never below 0 or above the budget', () => {
    expect(deferDelay(10_000, 10_000)).toBe(DEFER_AFTER_MS);
    expect(deferDelay(10_000, 10_500)).toBe(DEFER_AFTER_MS - 500);
    expect(deferDelay(10_000, 10_000 + DEFER_AFTER_MS + 400)).toBe(0);
    // A clock behind Discord's (creation "in the future") cannot stretch the wait.
    expect(deferDelay(10_700, 10_000)).toBe(DEFER_AFTER_MS);
  });
});

describe('answerInTime, answer ready within the budget', () => {
  it('replies once, exactly as a direct reply, and never defers', async () => {
    const fake = new FakeInteraction();
    const run = start(fake, PUBLIC_DEFER);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS - 1);
    run.answer.resolve(RESULTS);
    await run.settled;
    await vi.advanceTimersByTimeAsync(10 * DEFER_AFTER_MS);
    expect(fake.calls).toEqual([{ method: 'reply', body: { embeds: [{ title: 'Hasil' }], allowedMentions: { parse: [] } } }]);
  });

  it('replies privately with the ephemeral flag', async () => {
    const fake = new FakeInteraction();
    const run = start(fake, PUBLIC_DEFER);
    run.answer.resolve(NOTHING);
    await run.settled;
    expect(fake.calls).toEqual([
      { method: 'reply', body: { content: 'Tidak ada artikel yang cocok.', allowedMentions: { parse: [] }, flags: EPHEMERAL } },
    ]);
  });

  it('updates a component’s message once', async () => {
    const fake = new FakeInteraction(true);
    const run = start(fake, { kind: 'update' });
    run.answer.resolve({ kind: 'update', message: { content: 'bagian 2' } });
    await run.settled;
    expect(fake.calls).toEqual([{ method: 'update', body: { content: 'bagian 2', allowedMentions: { parse: [] } } }]);
  });

  it('defers sooner when the interaction was created a while ago (delivery and queueing count)', async () => {
    const fake = new FakeInteraction(false, Date.now() - 1_500);
    start(fake, PUBLIC_DEFER);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS - 1_500 - 1);
    expect(fake.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.methods).toEqual(['deferReply']);
  });
});

describe('answerInTime, answer late', () => {
  it('defers publicly at the budget, then edits the deferred reply with the results', async () => {
    const fake = new FakeInteraction();
    const run = start(fake, PUBLIC_DEFER);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    expect(fake.calls).toEqual([{ method: 'deferReply', body: {} }]);
    run.answer.resolve(RESULTS);
    await run.settled;
    expect(fake.calls).toEqual([
      { method: 'deferReply', body: {} },
      { method: 'editReply', body: { embeds: [{ title: 'Hasil' }], allowedMentions: { parse: [] } } },
    ]);
  });

  it('replaces a public deferred reply by a private follow-up when the answer is private', async () => {
    const fake = new FakeInteraction();
    const run = start(fake, PUBLIC_DEFER);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    run.answer.resolve(NOTHING);
    await run.settled;
    expect(fake.methods).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(fake.calls[2]!.body).toMatchObject({ content: 'Tidak ada artikel yang cocok.', flags: EPHEMERAL });
  });

  it('edits a private deferred reply with a private answer', async () => {
    const fake = new FakeInteraction();
    const run = start(fake, { kind: 'reply', visibility: 'ephemeral' });
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    run.answer.resolve(NOTHING);
    await run.settled;
    expect(fake.calls).toEqual([
      { method: 'deferReply', body: { flags: EPHEMERAL } },
      { method: 'editReply', body: { content: 'Tidak ada artikel yang cocok.', allowedMentions: { parse: [] } } },
    ]);
  });

  it('defers a component’s update, then edits its message; a private answer follows up instead', async () => {
    const paged = new FakeInteraction(true);
    const run = start(paged, { kind: 'update' });
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    run.answer.resolve({ kind: 'update', message: { content: 'bagian 2' } });
    await run.settled;
    expect(paged.calls).toEqual([
      { method: 'deferUpdate' },
      { method: 'editReply', body: { content: 'bagian 2', allowedMentions: { parse: [] } } },
    ]);

    const gone = new FakeInteraction(true);
    const goneRun = start(gone, { kind: 'update' });
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    goneRun.answer.resolve(ephemeralAnswer('Artikel ini tidak ada lagi.'));
    await goneRun.settled;
    expect(gone.methods).toEqual(['deferUpdate', 'followUp']);
    expect(gone.calls[1]!.body).toMatchObject({ flags: EPHEMERAL });
  });

  it('waits for Discord to acknowledge the defer before editing, when the answer comes meanwhile', async () => {
    const fake = new FakeInteraction();
    const ack = later<void>();
    fake.hold = ack.promise;
    const run = start(fake, PUBLIC_DEFER);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    run.answer.resolve(RESULTS);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.methods).toEqual(['deferReply']);
    ack.resolve();
    await run.settled;
    expect(fake.methods).toEqual(['deferReply', 'editReply']);
  });

  it('rejects with the handler’s error, before any call when early, after the defer when late', async () => {
    const early = new FakeInteraction();
    const earlyRun = start(early, PUBLIC_DEFER);
    earlyRun.answer.reject(new Error('rusak'));
    await expect(earlyRun.settled).rejects.toThrow('rusak');
    expect(early.calls).toEqual([]);

    const late = new FakeInteraction();
    const lateRun = start(late, PUBLIC_DEFER);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    lateRun.answer.reject(new Error('rusak'));
    await expect(lateRun.settled).rejects.toThrow('rusak');
    expect(late.methods).toEqual(['deferReply']);
  });
});

describe('answerInTime, the answer arriving as the timer fires', () => {
  it.each([
    ['the answer first', true],
    ['the timer first', false],
  ])('sends exactly one acknowledgement and the answer once (%s)', async (_, answerFirst) => {
    const fake = new FakeInteraction();
    const run = start(fake, PUBLIC_DEFER);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS - 1);
    // Both in the same turn of the event loop, before either's continuation has run.
    if (answerFirst) run.answer.resolve(RESULTS);
    vi.advanceTimersByTime(1);
    if (!answerFirst) run.answer.resolve(RESULTS);
    await run.settled;
    await vi.advanceTimersByTimeAsync(10 * DEFER_AFTER_MS);
    const acknowledgements = fake.methods.filter((m) => m === 'reply' || m === 'deferReply');
    expect(acknowledgements).toHaveLength(1);
    expect(fake.methods).toEqual(acknowledgements[0] === 'reply' ? ['reply'] : ['deferReply', 'editReply']);
    expect(fake.calls.filter((c) => c.body?.embeds)).toHaveLength(1);
  });
});

describe('runSafely after a defer', () => {
  const logger = createLogger('silent', []);
  const failing = (fake: FakeInteraction, ack: (f: FakeInteraction) => Promise<void>) =>
    runSafely(fake as never, logger, async () => {
      await ack(fake);
      throw new Error('rusak');
    });

  it('replaces a public deferred reply by a private error follow-up', async () => {
    const fake = new FakeInteraction();
    await failing(fake, (f) => f.deferReply());
    expect(fake.methods).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(fake.calls[2]!.body).toMatchObject({ content: expect.stringMatching(/kode \*\*[A-Z2-9]{6}\*\*/), flags: EPHEMERAL });
  });

  it('edits a private deferred reply into the error', async () => {
    const fake = new FakeInteraction();
    await failing(fake, (f) => f.deferReply({ flags: EPHEMERAL }));
    expect(fake.methods).toEqual(['deferReply', 'editReply']);
  });

  it('turns the message of a deferred update into the error, clearing its embeds and buttons', async () => {
    const fake = new FakeInteraction(true);
    await failing(fake, (f) => f.deferUpdate());
    expect(fake.methods).toEqual(['deferUpdate', 'editReply']);
    expect(fake.calls[1]!.body).toMatchObject({ embeds: [], components: [] });
  });

  it('follows up privately once answered', async () => {
    const fake = new FakeInteraction();
    await failing(fake, (f) => f.reply({ content: 'hasil' }));
    expect(fake.methods).toEqual(['reply', 'followUp']);
    expect(fake.calls[1]!.body).toMatchObject({ flags: EPHEMERAL });
  });
});
