/**
 * One paced sender for every push: at most `rate` messages in any one-second window overall and one a second per
 * chat. A 429 pauses everything for its retry_after and retries; a 403 (blocked, deactivated) stops that chat;
 * other failures are retried with backoff, then reported as failed. Time comes from a clock, so tests run on a
 * fake one.
 */

/** How far past one second the rate window reaches (see slot()). */
export const WINDOW_SLACK_MS = 50;
/** How late a send may be and still keep the even schedule (later ones restart it). */
const CATCH_UP_MS = 100;

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
  // Monotonic, sub-millisecond: the one-second window is measured on the same clock that paces it.
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface Job {
  chatId: string;
  /** A later part of the message before it in the same chat: it goes next in that chat, ahead of other chats. */
  continues?: boolean;
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
  /**
   * Wait for a message's report (its durable record) before the next dispatch. With inFlight 1 this makes a crash
   * repeat at most the one message in flight.
   */
  awaitReports?: boolean;
  /** Called with the clock time of every dispatch (benchmarks check the pace with it). */
  onDispatch?: (t: number) => void;
  /**
   * Share of `rate` the even spacing aims at (default 0.97): the window is a hard cap at `rate`, and the spacing
   * leaves room for network jitter, which would otherwise bunch arrivals past the messenger's limit.
   */
  headroom?: number;
}

export interface Summary {
  sent: number;
  blocked: number;
  failed: number;
}

interface Item<J> {
  job: J;
  attempts: number;
  rateRetries: number;
}

/** A min-heap of chats by the time their next message may go. */
class ChatHeap {
  private readonly items: { at: number; chat: string }[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): { at: number; chat: string } | undefined {
    return this.items[0];
  }

  push(at: number, chat: string): void {
    const a = this.items;
    a.push({ at, chat });
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.at <= a[i]!.at) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  pop(): { at: number; chat: string } | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

export class PacedSender {
  private readonly rate: number;
  private readonly perChatMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly inFlight: number;
  private readonly clock: Clock;
  private readonly onDispatch: ((t: number) => void) | undefined;
  private readonly awaitReports: boolean;
  private readonly interval: number;
  /** Dispatch times within the last second, oldest first (a ring would do; shift is cheap at this size). */
  private readonly window: number[] = [];
  private readonly lastToChat = new Map<string, number>();
  private pausedUntil = Number.NEGATIVE_INFINITY;
  /** The ideal time of the last slot, for even spacing. */
  private lastSlot = Number.NEGATIVE_INFINITY;

  constructor(opts: SenderOptions) {
    if (!(opts.rate > 0)) throw new Error('rate must be positive');
    this.rate = opts.rate;
    this.perChatMs = opts.perChatMs ?? 1000;
    this.maxAttempts = opts.maxAttempts ?? 4;
    this.backoffMs = opts.backoffMs ?? 1000;
    this.inFlight = opts.inFlight ?? 32;
    this.clock = opts.clock ?? realClock;
    this.onDispatch = opts.onDispatch;
    this.awaitReports = opts.awaitReports ?? false;
    this.interval = 1000 / (this.rate * (opts.headroom ?? 0.97));
  }

  /**
   * Send every job (in order per chat) and report each outcome once; resolves when every report has finished.
   * Jobs of a chat that blocked the bot are reported blocked without being sent.
   */
  async run<J extends Job>(jobs: readonly J[], send: (job: J) => Promise<void>, report: (job: J, outcome: Outcome) => Promise<void> | void): Promise<Summary> {
    const summary: Summary = { sent: 0, blocked: 0, failed: 0 };
    const byChat = new Map<string, Item<J>[]>();
    for (const job of jobs) {
      let q = byChat.get(job.chatId);
      if (!q) byChat.set(job.chatId, (q = []));
      q.push({ job, attempts: 0, rateRetries: 0 });
    }
    const heap = new ChatHeap();
    /** Chats whose next message continues one already begun: served first when ready, so parts stay together. */
    const cont = new ChatHeap();
    for (const chat of byChat.keys()) heap.push((this.lastToChat.get(chat) ?? Number.NEGATIVE_INFINITY) + this.perChatMs, chat);
    const blocked = new Set<string>();
    const sending = new Set<Promise<void>>();
    const reports: Promise<void>[] = [];

    const finish = (job: J, outcome: Outcome): Promise<void> => {
      if (outcome.status === 'sent') summary.sent++;
      else if (outcome.status === 'blocked') summary.blocked++;
      else summary.failed++;
      const p = Promise.resolve(report(job, outcome));
      reports.push(p);
      return this.awaitReports ? p.catch(() => undefined) : Promise.resolve();
    };
    /** After a chat's message is settled: queue its next one, not before the per-chat gap. */
    const next = (chat: string, at?: number) => {
      const queue = byChat.get(chat);
      if (!queue || queue.length === 0) return;
      // A later part of a message follows at once (Telegram allows a short burst in one chat); a new message waits
      // the per-chat gap.
      const continues = queue[0]!.job.continues === true;
      (continues ? cont : heap).push(at ?? (this.lastToChat.get(chat) ?? this.clock.now()) + (continues ? 0 : this.perChatMs), chat);
    };
    /** The chat to serve next: a ready continuation first, else whichever is due first. */
    const choose = (now: number): { from: ChatHeap; top: { at: number; chat: string } } | undefined => {
      const c = cont.peek();
      const m = heap.peek();
      if (c && (c.at <= now || !m || c.at <= m.at)) return { from: cont, top: c };
      return m ? { from: heap, top: m } : undefined;
    };

    while (heap.size > 0 || cont.size > 0 || sending.size > 0) {
      const now = this.clock.now();
      const chosen = choose(now);
      const top = chosen?.top;
      if (!top || top.at > now || sending.size >= this.inFlight) {
        if (sending.size > 0 && (!top || sending.size >= this.inFlight || top.at > now)) {
          // Wake for whichever comes first: a send settling, or the next chat becoming ready.
          await Promise.race(top && sending.size < this.inFlight ? [...sending, this.clock.sleep(top.at - now)] : sending);
        } else if (top) await this.clock.sleep(Math.max(0, top.at - now));
        continue;
      }
      chosen!.from.pop();
      const chat = top.chat;
      const queue = byChat.get(chat)!;
      const item = queue.shift()!;
      if (blocked.has(chat)) {
        finish(item.job, { status: 'blocked', attempts: 0, error: 'chat blocked the bot' });
        next(chat, now);
        continue;
      }
      const at = await this.slot();
      this.lastToChat.set(chat, at);
      this.onDispatch?.(at);
      item.attempts++;
      const p: Promise<void> = send(item.job)
        .then(
          async () => {
            await finish(item.job, { status: 'sent', attempts: item.attempts });
            next(chat);
          },
          async (e: unknown) => {
            const err = e instanceof SendError ? e : new SendError('other', e instanceof Error ? e.message : String(e));
            if (err.kind === 'rate' && item.rateRetries < 10) {
              item.attempts--;
              item.rateRetries++;
              this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + Math.max(err.retryAfterMs, 1000));
              queue.unshift(item);
              next(chat, this.pausedUntil);
            } else if (err.kind === 'blocked') {
              blocked.add(chat);
              await finish(item.job, { status: 'blocked', attempts: item.attempts, error: err.message });
              next(chat, this.clock.now());
            } else if (item.attempts < this.maxAttempts) {
              queue.unshift(item);
              next(chat, this.clock.now() + this.backoffMs * 2 ** (item.attempts - 1));
            } else {
              await finish(item.job, { status: 'failed', attempts: item.attempts, error: err.message });
              next(chat);
            }
          },
        )
        .finally(() => sending.delete(p));
      sending.add(p);
    }
    await Promise.all(reports);
    return summary;
  }

  /** Wait for a place in the one-second window (and for any 429 pause), take it, and return its time. */
  private async slot(): Promise<number> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      // The window is a little over a second: a message delayed on its way by up to WINDOW_SLACK_MS still
      // cannot make the messenger count more than `rate` in any one second.
      while (this.window.length > 0 && now - this.window[0]! >= 1000 + WINDOW_SLACK_MS) this.window.shift();
      // Evenly spaced as well as within the window: a burst of a whole second's messages would reach the
      // messenger bunched up by connection set-up and jitter.
      const interval = this.interval;
      const spaced = this.lastSlot + interval;
      if (this.window.length < this.rate && now >= spaced) {
        this.window.push(now);
        // Late by a little (a busy event loop, a timer firing late): keep the ideal schedule so the average rate
        // holds; the window above still caps any second. Late by more: start afresh rather than catch up in a burst.
        this.lastSlot = now - spaced < Math.max(interval, CATCH_UP_MS) ? spaced : now;
        return now;
      }
      await this.clock.sleep(
        Math.max(now < spaced ? spaced - now : 0, this.window.length >= this.rate ? 1000 + WINDOW_SLACK_MS - (now - this.window[0]!) : 0, 0.1),
      );
    }
  }
}
