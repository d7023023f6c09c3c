import { MessageFlags, type APIEmbed, type RepliableInteraction } from 'discord.js';
import { LIMITS, truncate } from './limits.ts';
import { NO_MENTIONS, type MessageRow } from './messages.ts';

/**
 * How long after an interaction's creation a handler may wait for its answer before it defers.
 * Discord invalidates an interaction whose first response has not come within 3 s; counted from its
 * creation (its id's timestamp, Discord's clock), the gateway's delivery is inside the budget, and the
 * second left is for the defer's own trip to Discord and an event loop busy with other interactions.
 */
export const DEFER_AFTER_MS = 2_000;

export type Visibility = 'public' | 'ephemeral';

/** A message as handlers render it (mentions are always off). */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: MessageRow[];
}

/** A handler's answer: a new message (`reply`), or the new look of the message its button or menu is on (`update`). */
export type Answer = { kind: 'reply'; visibility: Visibility; message: MessageBody } | { kind: 'update'; message: MessageBody };

/**
 * How a late answer is acknowledged: a loading reply of the visibility the answer will most likely have
 * (it cannot change later), or, for a button or menu, a silent deferred update.
 */
export type Deferral = { kind: 'reply'; visibility: Visibility } | { kind: 'update' };

/** A short text only the user sees, as an answer. */
export function ephemeralAnswer(content: string): Answer {
  return { kind: 'reply', visibility: 'ephemeral', message: { content: truncate(content, LIMITS.content) } };
}

/** Milliseconds left before deferring, from Discord's creation time; never more than the budget, so a clock behind Discord's cannot stretch it. */
export function deferDelay(createdTimestamp: number, now = Date.now()): number {
  return Math.min(Math.max(createdTimestamp + DEFER_AFTER_MS - now, 0), DEFER_AFTER_MS);
}

const withFlags = (message: MessageBody, visibility: Visibility) => ({
  ...message,
  allowedMentions: NO_MENTIONS,
  ...(visibility === 'ephemeral' && { flags: MessageFlags.Ephemeral as const }),
});

/** Where an interaction stands with Discord, as discord.js records it. */
export type Acknowledgement = 'none' | { loading: Visibility } | 'deferred-update' | 'answered';

export function acknowledgement(interaction: RepliableInteraction): Acknowledgement {
  if (interaction.replied) return 'answered';
  if (!interaction.deferred) return 'none';
  // discord.js sets `ephemeral` on deferReply, never on deferUpdate, which shows no loading message.
  if (interaction.ephemeral === null) return 'deferred-update';
  return { loading: interaction.ephemeral ? 'ephemeral' : 'public' };
}

/**
 * Send `message` as a new message of the interaction, with the visibility asked for, whatever was
 * sent before: a reply when nothing was; the deferred reply itself when it is still loading with that
 * visibility; else a follow-up. A loading reply of the other visibility is deleted first: its visibility
 * cannot change, and Discord turns a follow-up sent while a deferred reply loads into that reply,
 * ignoring the follow-up's ephemeral flag ("Create Followup Message" in Discord's interaction docs).
 */
export async function sendReply(interaction: RepliableInteraction, message: MessageBody, visibility: Visibility): Promise<void> {
  const state = acknowledgement(interaction);
  if (state === 'none') return void (await interaction.reply(withFlags(message, visibility)));
  if (typeof state === 'object') {
    if (state.loading === visibility) return void (await interaction.editReply({ ...message, allowedMentions: NO_MENTIONS }));
    await interaction.deleteReply();
  }
  await interaction.followUp(withFlags(message, visibility));
}

/** The value of `work` if it settles within `ms`, else null: the race settles once, so exactly one of the two. */
async function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<{ value: T } | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, ms, null);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Answer an interaction with `answer` within Discord's 3 s: when it is ready within DEFER_AFTER_MS of the
 * interaction's creation, as one reply or update, as if it had been sent directly; otherwise the interaction
 * is deferred as `deferral` says, and the answer edits the deferred reply or message once it comes (or
 * follows up, where its visibility or kind differs: see `sendReply`).
 */
export async function answerInTime(interaction: RepliableInteraction, deferral: Deferral, answer: Promise<Answer>): Promise<void> {
  const ready = await beforeDeadline(answer, deferDelay(interaction.createdTimestamp));
  if (ready) {
    const { value } = ready;
    if (value.kind === 'reply') return sendReply(interaction, value.message, value.visibility);
    return void (await updatable(interaction).update({ ...value.message, allowedMentions: NO_MENTIONS }));
  }
  if (deferral.kind === 'update') await updatable(interaction).deferUpdate();
  else await interaction.deferReply(deferral.visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
  const late = await answer;
  if (late.kind === 'reply') return sendReply(interaction, late.message, late.visibility);
  // Only a deferred update leaves the component's message as the one editReply edits.
  if (deferral.kind !== 'update') throw new Error('an update answer needs a deferred update');
  await interaction.editReply({ ...late.message, allowedMentions: NO_MENTIONS });
}

function updatable(interaction: RepliableInteraction) {
  if (!interaction.isMessageComponent()) throw new Error('only a button or menu interaction can be answered by an update');
  return interaction;
}
