/**
 * One paced sender for every push: at most `rate` messages in any one-second window overall and one a second per
 * chat, with several messages in flight at once (up to `inFlight`, by default a second's worth) so that the pace is
 * the rate's, not one message per round trip to the messenger. A message is in flight from the moment it leaves
 * until its report (the caller's durable record of it) is done, and a chat has one message in flight at a time: a
 * crash repeats at most `inFlight` messages, never two to one chat. The window counts what the messenger may have
 * received: a message whose round trip took longer than the usual one counts from when it may have arrived, so a
 * message held up on its way cannot bunch with those after it. A 429 pauses everything for its retry_after and
 * retries; a 403 (blocked, deactivated) stops that chat; other failures are retried with backoff, then reported as
 * failed. A report that fails stops the run: nothing more leaves, the messages in flight settle, and the run
 * rejects with that error. Time comes from a clock, so tests run on a fake one.
 */

/** How far past one second the rate window reaches (see Pace.slot()). */
export const WINDOW_SLACK_MS = 50;
/** How late a send may be and still keep the even schedule (later ones restart it). */
const CATCH_UP_MS = 100;
/** 429s one message may meet before it is treated as any other failure. */
const MAX_RATE_RETRIES = 10;
/** The shortest pause a 429 causes, whatever its retry_after. */
const MIN_RATE_PAUSE_MS = 1000;
/** Round trips remembered: the shortest of them is the usual one, against which a late message is told. */
const ROUND_TRIPS_KEPT = 32;
/** How soon a window full of messages not yet answered is looked at again. */
const RECHECK_MS = 10;

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
  /**
   * Most messages in flight at once: sent, or being sent, and not yet reported — so also the most a crash can
   * repeat. Default: the rate (rounded up), which holds the pace up to a round trip of about a second.
   */
  inFlight?: number;
  clock?: Clock;
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

/** What a run needs of the sender's settings. */
interface Settings {
  perChatMs: number;
  maxAttempts: number;
  backoffMs: number;
  inFlight: number;
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

/** A message in the rate window: when it left, and once answered, how long its round trip took. */
interface Sent {
  at: number;
  roundTrip?: number;
}

/**
 * The pace every run of one sender shares: the one-second window, the even spacing, a 429's pause, and when each
 * chat was last sent to.
 */
class Pace {
  /** Messages that may still count in the messenger's last second. */
  private window: Sent[] = [];
  /** The last ROUND_TRIPS_KEPT round trips (a ring): the shortest is the usual one. */
  private readonly roundTrips: number[] = [];
  private answers = 0;
  private readonly lastToChat = new Map<string, number>();
  private pausedUntil = Number.NEGATIVE_INFINITY;
  /** The ideal time of the last slot, for even spacing. */
  private lastSlot = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly rate: number,
    /** Milliseconds between two evenly spaced slots. */
    private readonly interval: number,
    private readonly clock: Clock,
    private readonly onDispatch: ((t: number) => void) | undefined,
  ) {}

  /** When a chat may have its next message: `gap` after its last one (at once for a chat not yet sent to). */
  readyAt(chat: string, gap: number): number {
    return (this.lastToChat.get(chat) ?? Number.NEGATIVE_INFINITY) + gap;
  }

  /** Wait for a place in the window, take it for a message to `chat`; `answered` is to be called with it. */
  async take(chat: string): Promise<Sent> {
    const sent: Sent = { at: await this.slot() };
    this.window.push(sent);
    this.lastToChat.set(chat, sent.at);
    this.onDispatch?.(sent.at);
    return sent;
  }

  /** The messenger answered (whatever it said): the message's round trip is known. */
  answered(sent: Sent): void {
    sent.roundTrip = this.clock.now() - sent.at;
    this.roundTrips[this.answers++ % ROUND_TRIPS_KEPT] = sent.roundTrip;
  }

  /** A place taken for a message that did not leave after all. */
  withdraw(sent: Sent): void {
    this.window = this.window.filter((x) => x !== sent);
  }

  /** A 429: nothing leaves, in any run, until `retryAfterMs` (at least a second) from now; returns that time. */
  pause(retryAfterMs: number): number {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + Math.max(retryAfterMs, MIN_RATE_PAUSE_MS));
    return this.pausedUntil;
  }

  /**
   * When the messenger may have counted a message, on the sender's clock: when it left, plus however much longer
   * than the usual round trip its own took (so far, if not yet answered). A message held up on its way — a cold
   * connection, a stalled event loop — arrives that much later, together with the ones that left after it.
   */
  private counted(s: Sent, now: number, usual: number): number {
    return s.at + Math.max(0, (s.roundTrip ?? now - s.at) - usual);
  }

  /** Wait for a place in the one-second window (and for any 429 pause), and return its time. */
  private async slot(): Promise<number> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      // The window is a little over a second: a message delayed on its way by up to WINDOW_SLACK_MS more than
      // the others still cannot make the messenger count more than `rate` in any one second; one delayed by more
      // shows it in its round trip, and counts from when it arrived.
      const usual = this.roundTrips.length > 0 ? Math.min(...this.roundTrips) : Number.POSITIVE_INFINITY;
      const expiry = (x: Sent) => this.counted(x, now, usual) + 1000 + WINDOW_SLACK_MS;
      this.window = this.window.filter((x) => expiry(x) > now);
      // Evenly spaced as well as within the window: a burst of a whole second's messages would reach the
      // messenger bunched up by connection set-up and jitter.
      const interval = this.interval;
      const spaced = this.lastSlot + interval;
      if (this.window.length < this.rate && now >= spaced) {
        // Late by a little (a busy event loop, a timer firing late): keep the ideal schedule so the average rate
        // holds; the window above still caps any second. Late by more: start afresh rather than catch up in a burst.
        this.lastSlot = now - spaced < Math.max(interval, CATCH_UP_MS) ? spaced : now;
        return now;
      }
      // A full window frees when its first message expires; one not yet answered may still be held up, so look
      // again soon.
      const frees = this.window.length >= this.rate ? Math.min(...this.window.map((x) => (x.roundTrip === undefined ? RECHECK_MS : expiry(x) - now))) : 0;
      await this.clock.sleep(Math.max(now < spaced ? spaced - now : 0, frees, 0.1));
    }
  }
}

/**
 * One run of a sender: its jobs queued per chat, the chats by when they may be served, and its messages in flight.
 * The loop is: serve the chat whose turn it is, or wait for one — a message settling or a chat becoming due.
 */
class Dispatch<J extends Job> {
  private readonly queues = new Map<string, Item<J>[]>();
  /** Chats by when their next message may go. */
  private readonly due = new ChatHeap();
  /** Chats whose next message continues one already begun: served first when ready, so parts stay together. */
  private readonly continuing = new ChatHeap();
  private readonly blocked = new Set<string>();
  /** Messages in flight: from leaving until their report is done. */
  private readonly flying = new Set<Promise<void>>();
  private readonly summary: Summary = { sent: 0, blocked: 0, failed: 0 };
  /** The first report (or step) that failed: nothing more leaves once it is set. */
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly pace: Pace,
    private readonly clock: Clock,
    private readonly settings: Settings,
    jobs: readonly J[],
    private readonly send: (job: J) => Promise<void>,
    private readonly report: (job: J, outcome: Outcome) => Promise<void> | void,
  ) {
    for (const job of jobs) {
      let q = this.queues.get(job.chatId);
      if (!q) this.queues.set(job.chatId, (q = []));
      q.push({ job, attempts: 0, rateRetries: 0 });
    }
    for (const chat of this.queues.keys()) this.due.push(pace.readyAt(chat, settings.perChatMs), chat);
  }

  async run(): Promise<Summary> {
    while (this.busy()) {
      const chat = this.turn();
      if (chat === undefined) await this.waitForTurn();
      else await this.dispatch(chat);
    }
    if (this.failure) throw this.failure.error;
    return this.summary;
  }

  /** Messages in flight, or chats with messages to go (none go once a report has failed). */
  private busy(): boolean {
    return this.flying.size > 0 || (!this.failure && (this.due.size > 0 || this.continuing.size > 0));
  }

  /** The chat to serve next: a ready continuation first, else whichever is due first. */
  private upcoming(): { from: ChatHeap; at: number; chat: string } | undefined {
    if (this.failure) return undefined;
    const c = this.continuing.peek();
    const d = this.due.peek();
    if (c && (c.at <= this.clock.now() || !d || c.at <= d.at)) return { from: this.continuing, ...c };
    return d ? { from: this.due, ...d } : undefined;
  }

  /** The chat whose turn it is now, taken off its heap: one is due and a place in flight is free. */
  private turn(): string | undefined {
    if (this.flying.size >= this.settings.inFlight) return undefined;
    const next = this.upcoming();
    if (!next || next.at > this.clock.now()) return undefined;
    next.from.pop();
    return next.chat;
  }

  /** Until a message settles or, when a place in flight is free, the next chat becomes due. */
  private async waitForTurn(): Promise<void> {
    const next = this.upcoming();
    if (next && this.flying.size < this.settings.inFlight) {
      const due = this.clock.sleep(Math.max(0, next.at - this.clock.now()));
      await (this.flying.size > 0 ? Promise.race([...this.flying, due]) : due);
    } else await Promise.race(this.flying);
  }

  /** The chat's next message leaves (or, for a chat that blocked the bot, is reported blocked unsent). */
  private async dispatch(chat: string): Promise<void> {
    const queue = this.queues.get(chat)!;
    const item = queue.shift()!;
    if (this.blocked.has(chat)) {
      this.fly(this.settle(chat, item, { status: 'blocked', attempts: 0, error: 'chat blocked the bot' }, this.clock.now()));
      return;
    }
    const sent = await this.pace.take(chat);
    // A report failed while this one waited for its place: it does not leave.
    if (this.failure) return this.pace.withdraw(sent);
    item.attempts++;
    let sending: Promise<void>;
    try {
      sending = this.send(item.job);
    } catch (e) {
      // A send that throws at once is refused like one that fails on the way.
      sending = Promise.reject(e);
    }
    this.fly(
      sending
        .finally(() => this.pace.answered(sent))
        .then(
          () => this.settle(chat, item, { status: 'sent', attempts: item.attempts }),
          (e: unknown) => this.refused(chat, item, e),
        ),
    );
  }

  /** Counts a message in flight until `settled` ends; a failure there stops the run. */
  private fly(settled: Promise<void>): void {
    const p: Promise<void> = settled
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.flying.delete(p));
    this.flying.add(p);
  }

  /** The messenger refused it: a 429 pauses everyone, a 403 stops the chat, other failures are retried with backoff. */
  private async refused(chat: string, item: Item<J>, e: unknown): Promise<void> {
    const err = e instanceof SendError ? e : new SendError('other', e instanceof Error ? e.message : String(e));
    if (err.kind === 'rate' && item.rateRetries < MAX_RATE_RETRIES) {
      item.attempts--;
      item.rateRetries++;
      this.retry(chat, item, this.pace.pause(err.retryAfterMs));
    } else if (err.kind === 'blocked') {
      this.blocked.add(chat);
      await this.settle(chat, item, { status: 'blocked', attempts: item.attempts, error: err.message }, this.clock.now());
    } else if (item.attempts < this.settings.maxAttempts) {
      this.retry(chat, item, this.clock.now() + this.settings.backoffMs * 2 ** (item.attempts - 1));
    } else await this.settle(chat, item, { status: 'failed', attempts: item.attempts, error: err.message });
  }

  /** The message goes again, first in its chat, not before `at`. */
  private retry(chat: string, item: Item<J>, at: number): void {
    this.queues.get(chat)!.unshift(item);
    this.queueChat(chat, at);
  }

  /** Its outcome counted and reported (the caller's durable record), then the chat's next message queued. */
  private async settle(chat: string, item: Item<J>, outcome: Outcome, nextAt?: number): Promise<void> {
    this.summary[outcome.status]++;
    await this.report(item.job, outcome);
    this.queueChat(chat, nextAt);
  }

  /**
   * Queue a chat for its next message, if it has one: a later part of a message follows at once (Telegram allows a
   * short burst in one chat), a new message waits the per-chat gap — or at `at`, when given.
   */
  private queueChat(chat: string, at?: number): void {
    const queue = this.queues.get(chat);
    if (!queue || queue.length === 0) return;
    const continues = queue[0]!.job.continues === true;
    (continues ? this.continuing : this.due).push(at ?? this.pace.readyAt(chat, continues ? 0 : this.settings.perChatMs), chat);
  }
}

export class PacedSender {
  private readonly settings: Settings;
  private readonly clock: Clock;
  private readonly pace: Pace;

  constructor(opts: SenderOptions) {
    if (!(opts.rate > 0)) throw new Error('rate must be positive');
    const inFlight = Math.floor(opts.inFlight ?? Math.ceil(opts.rate));
    if (!(inFlight >= 1)) throw new Error('inFlight must be at least 1');
    this.settings = { perChatMs: opts.perChatMs ?? 1000, maxAttempts: opts.maxAttempts ?? 4, backoffMs: opts.backoffMs ?? 1000, inFlight };
    this.clock = opts.clock ?? realClock;
    this.pace = new Pace(opts.rate, 1000 / (opts.rate * (opts.headroom ?? 0.97)), this.clock, opts.onDispatch);
  }

  /**
   * Send every job (in order per chat) and report each outcome once; a message stays in flight until its report is
   * done. Resolves when every report has finished; rejects, after the messages in flight settle, when a report
   * fails. Jobs of a chat that blocked the bot are reported blocked without being sent.
   */
  run<J extends Job>(jobs: readonly J[], send: (job: J) => Promise<void>, report: (job: J, outcome: Outcome) => Promise<void> | void): Promise<Summary> {
    return new Dispatch(this.pace, this.clock, this.settings, jobs, send, report).run();
  }
}
