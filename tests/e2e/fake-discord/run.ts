// The handle a test gets back from `fake.send(payload)`: it awaits what the bot did with one interaction.
import type { DiscordMessage, InteractionPayload, Json } from './interactions.ts';

export const MessageFlag = { Ephemeral: 64, Loading: 128 } as const;

export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** The matched route, e.g. `POST /interactions/:interactionId/:token/callback`, or `unknown`. */
  route: string;
  params: Record<string, string>;
  body: unknown;
  files: { field: string; filename: string; contentType: string; size: number }[];
  status: number;
  /** Answered by `failNext` instead of the fake's handler. */
  injected: boolean;
}

export interface InteractionCallback {
  type: number;
  data: Json | undefined;
  at: number;
}

/** What the fake knows about one dispatched interaction. */
export interface InteractionState {
  payload: InteractionPayload;
  /** When the bot got it over the gateway (later than `send` if it was reconnecting). */
  deliveredAt: number;
  /** The fake's own handling time so far at delivery (see FakeDiscordOptions.callbackDeadlineMs). */
  ownMsAtDelivery: number;
  callback?: InteractionCallback;
  /** Id of the message `@original` refers to, once there is one. */
  originalId?: string;
  /** PATCHes of `@original` so far (a deferred reply becomes visible with the first). */
  originalEdits: number;
  followUpIds: string[];
}

/** What the run needs from the server: state lookups and event waits. */
export interface RunHost {
  interaction(token: string): InteractionState;
  message(id: string): DiscordMessage | undefined;
  requestsFor(token: string): RecordedRequest[];
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
}

export function isEphemeral(message: DiscordMessage): boolean {
  return (message.flags & MessageFlag.Ephemeral) !== 0;
}

export class InteractionRun {
  readonly id: string;
  readonly token: string;

  constructor(
    readonly payload: InteractionPayload,
    private readonly host: RunHost,
  ) {
    this.id = payload.id;
    this.token = payload.token;
  }

  private get state(): InteractionState {
    return this.host.interaction(this.token);
  }

  private describe(): string {
    const data = this.payload.data as Json;
    const what = typeof data.name === 'string' ? `/${data.name}` : String(data.custom_id ?? '');
    return `interaction ${this.id} (${what})`;
  }

  /** Every request the bot made for this interaction (callback, webhook edits, follow-ups), faults excluded. */
  requests(): RecordedRequest[] {
    return this.host.requestsFor(this.token).filter((r) => !r.injected);
  }

  /** The interaction callback (reply 4, defer 5, deferred update 6, update 7, autocomplete 8, modal 9). */
  callback(timeoutMs?: number): Promise<InteractionCallback> {
    return this.host.waitFor(() => this.state.callback, `the callback of ${this.describe()}`, timeoutMs);
  }

  /**
   * The visible response: the reply (4) or updated message (7), or for a defer (5/6) the original message after
   * the bot's first edit; when the bot deleted a deferred reply to answer in a follow-up instead (a private
   * answer after a public defer), that follow-up. With `until`, waits until the message satisfies it (e.g. a later edit).
   */
  reply(until?: (message: DiscordMessage) => boolean, timeoutMs?: number): Promise<DiscordMessage> {
    return this.host.waitFor(
      () => {
        const { callback, originalId, originalEdits, followUpIds } = this.state;
        if (!callback || originalId === undefined) return undefined;
        const replacedDefer = callback.type === 5 && !this.host.message(originalId);
        const message = this.host.message(replacedDefer ? (followUpIds[0] ?? '') : originalId);
        if (!replacedDefer && (callback.type === 5 || callback.type === 6) && originalEdits === 0) return undefined;
        if (!message || (message.flags & MessageFlag.Loading) !== 0) return undefined;
        return !until || until(message) ? structuredClone(message) : undefined;
      },
      `the visible response of ${this.describe()}${until ? ' matching the predicate' : ''}`,
      timeoutMs,
    );
  }

  /** The n-th follow-up message (0-based), in its current state. */
  followUp(index = 0, timeoutMs?: number): Promise<DiscordMessage> {
    return this.host.waitFor(
      () => {
        const id = this.state.followUpIds[index];
        const message = id === undefined ? undefined : this.host.message(id);
        return message ? structuredClone(message) : undefined;
      },
      `follow-up #${index} of ${this.describe()}`,
      timeoutMs,
    );
  }

  /** Follow-ups sent so far. */
  followUps(): DiscordMessage[] {
    return this.state.followUpIds.flatMap((id) => {
      const message = this.host.message(id);
      return message ? [structuredClone(message)] : [];
    });
  }

  /** The autocomplete choices the bot answered with. */
  async choices(timeoutMs?: number): Promise<{ name: string; value: string | number }[]> {
    const callback = await this.callback(timeoutMs);
    if (callback.type !== 8) throw new Error(`${this.describe()}: expected an autocomplete callback (8), got ${callback.type}`);
    return (callback.data?.choices ?? []) as { name: string; value: string | number }[];
  }

  /** Resolves once the bot has made no request for this interaction for `quietMs` (to assert nothing more happens). */
  async settled(quietMs = 300): Promise<RecordedRequest[]> {
    let count = -1;
    while (count !== this.requests().length) {
      count = this.requests().length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
    return this.requests();
  }
}
