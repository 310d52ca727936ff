/**
 * One paced sender for every push: at most `rate` messages in any one-second window overall and one a second per
 * chat. A 429 pauses everything for its retry_after and retries; a 403 (blocked, deactivated) stops that chat;
 * other failures are retried with backoff, then reported as failed. Time comes from a clock, so tests run on a
 * fake one.
 */

export class SendError extends Error {
  constructor(
    readonly kind: 'rate' | 'blocked' | 'other',
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface Job {
  chatId: string;
}

export type Outcome = { status: 'sent'; attempts: number } | { status: 'blocked' | 'failed'; attempts: number; error: string };

export interface SenderOptions {
  /** Messages per second overall. */
  rate: number;
  /** Minimum gap between two messages to one chat. */
  perChatMs?: number;
  /** Attempts for failures other than 429 and 403. */
  maxAttempts?: number;
  backoffMs?: number;
  /** Most sends awaiting an answer at once. */
  inFlight?: number;
  clock?: Clock;
}

export interface Summary {
  sent: number;
  blocked: number;
  failed: number;
}

export class PacedSender {
  private readonly rate: number;
  private readonly perChatMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly inFlight: number;
  private readonly clock: Clock;
  /** Dispatch times within the last second, oldest first. */
  private readonly window: number[] = [];
  private readonly lastToChat = new Map<string, number>();
  private pausedUntil = 0;

  constructor(opts: SenderOptions) {
    if (!(opts.rate > 0)) throw new Error('rate must be positive');
    this.rate = opts.rate;
    this.perChatMs = opts.perChatMs ?? 1000;
    this.maxAttempts = opts.maxAttempts ?? 4;
    this.backoffMs = opts.backoffMs ?? 1000;
    this.inFlight = opts.inFlight ?? 32;
    this.clock = opts.clock ?? realClock;
  }

  /**
   * Send every job (in order per chat) and report each outcome once. Jobs of a chat that blocked the bot are
   * reported blocked without being sent.
   */
  async run<J extends Job>(jobs: readonly J[], send: (job: J) => Promise<void>, report: (job: J, outcome: Outcome) => Promise<void> | void): Promise<Summary> {
    const summary: Summary = { sent: 0, blocked: 0, failed: 0 };
    const queue: { job: J; attempts: number; rateRetries: number; readyAt: number }[] = jobs.map((job) => ({ job, attempts: 0, rateRetries: 0, readyAt: 0 }));
    const blocked = new Set<string>();
    const busyChats = new Set<string>();
    const pending = new Set<Promise<void>>();

    const finish = async (job: J, outcome: Outcome) => {
      if (outcome.status === 'sent') summary.sent++;
      else if (outcome.status === 'blocked') summary.blocked++;
      else summary.failed++;
      await report(job, outcome);
    };

    while (queue.length > 0 || pending.size > 0) {
      const now = this.clock.now();
      // The first job whose chat is free, ready, and past its per-chat gap (keeps each chat's order).
      const seen = new Set<string>();
      let pick = -1;
      let earliest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < queue.length; i++) {
        const q = queue[i]!;
        const chat = q.job.chatId;
        if (seen.has(chat)) continue;
        seen.add(chat);
        if (busyChats.has(chat)) continue;
        const ready = Math.max(q.readyAt, (this.lastToChat.get(chat) ?? Number.NEGATIVE_INFINITY) + this.perChatMs);
        if (ready <= now) {
          pick = i;
          break;
        }
        earliest = Math.min(earliest, ready);
      }
      if (pick < 0 || pending.size >= this.inFlight) {
        if (pending.size > 0) await Promise.race(pending);
        else await this.clock.sleep(Math.max(1, earliest - now));
        continue;
      }
      const [item] = queue.splice(pick, 1);
      const chat = item!.job.chatId;
      if (blocked.has(chat)) {
        await finish(item!.job, { status: 'blocked', attempts: 0, error: 'chat blocked the bot' });
        continue;
      }
      await this.slot();
      this.lastToChat.set(chat, this.clock.now());
      busyChats.add(chat);
      item!.attempts++;
      const p: Promise<void> = send(item!.job)
        .then(() => finish(item!.job, { status: 'sent', attempts: item!.attempts }))
        .catch(async (e: unknown) => {
          const err = e instanceof SendError ? e : new SendError('other', e instanceof Error ? e.message : String(e));
          if (err.kind === 'rate' && item!.rateRetries < 10) {
            item!.attempts--;
            item!.rateRetries++;
            this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + Math.max(err.retryAfterMs, 1000));
            queue.unshift(item!);
          } else if (err.kind === 'blocked') {
            blocked.add(chat);
            await finish(item!.job, { status: 'blocked', attempts: item!.attempts, error: err.message });
          } else if (item!.attempts < this.maxAttempts) {
            item!.readyAt = this.clock.now() + this.backoffMs * 2 ** (item!.attempts - 1);
            queue.unshift(item!);
          } else {
            await finish(item!.job, { status: 'failed', attempts: item!.attempts, error: err.message });
          }
        })
        .finally(() => {
          busyChats.delete(chat);
          pending.delete(p);
        });
      pending.add(p);
    }
    return summary;
  }

  /** Wait for a place in the one-second window (and for any 429 pause) and take it. */
  private async slot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      while (this.window.length > 0 && now - this.window[0]! >= 1000) this.window.shift();
      if (this.window.length < this.rate) {
        this.window.push(now);
        return;
      }
      await this.clock.sleep(1000 - (now - this.window[0]!));
    }
  }
}
