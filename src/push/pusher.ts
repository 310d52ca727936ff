/**
 * Push runs: the weekly digest to every approved official who has not opted out (and the plan-wide one to admins),
 * and deadline reminders. Every delivery is recorded as soon as its fate is known, so a restart resumes a run
 * instead of sending it again, and a finished run is never sent twice.
 */
import type { Channel } from '../core/kernel/channel.ts';
import type { MenuEntry } from '../core/kernel/conversation.ts';
import type { CoreDeps } from '../core/kernel/deps.ts';
import type { Envelope } from '../core/kernel/outcome.ts';
import type { Keyboard } from '../core/kernel/present.ts';
import type { Logger } from '../log.ts';
import type { Official, ReadonlyDeep } from '../store/port.ts';
import { adminDigest, adminDigestOf, agencyDigest, type Digest, dueReminders, planDeps } from './digest.ts';
import type { PlanEntry } from '../core/kernel/catalog.ts';
import { latestOccurrence } from '../schedule.ts';
import type { Outcome, PacedSender, SendError } from './sender.ts';

/** One message as a messenger will send it: rendered text, and its keyboard or menu on the last part. */
export interface OutMessage {
  channel: Channel;
  chatId: string;
  text: string;
  keyboard?: Keyboard[][];
  entries?: MenuEntry[];
  /** The request whose ✅/❌ the entries are (a request card). */
  decision?: string;
  /** A picture sent just before this part's text: its bytes (Telegram uploads), or a public URL (Zalo fetches). */
  photo?: { filename: string; bytes: Buffer };
  photoUrl?: string;
  /** Edits the message first sent with this key to this chat, where the messenger can (Post.live). */
  live?: string;
}

/** A messenger as pushes see it: how it renders and splits a post, and a send that throws SendError. */
export interface Outlet {
  split(m: Envelope): OutMessage[];
  send(m: OutMessage): Promise<void>;
}

export interface PushDeps extends Omit<CoreDeps, 'push' | 'tell' | 'random'> {
  outlets: Partial<Record<Channel, Outlet>>;
  /** One paced sender per messenger, each at that messenger's rate. */
  senders: Partial<Record<Channel, PacedSender>>;
  remindDays: number;
  remindBefore: readonly number[];
  log: Logger;
}

export interface Recipient {
  /** Official id or "admin:<channel>:<userId>". */
  to: string;
  message: Envelope;
}

export interface RunResult {
  key: string;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  /** True when the run had already finished: nothing was sent. */
  already?: boolean;
  /** True when another process holds the right to send pushes (PostgreSQL, several processes): it sends. */
  elsewhere?: boolean;
}

/**
 * Where several processes share the database, one sends at a time. By default a run waits for the one sending to
 * finish (then finds its own run done, or sends it); `wait: false` (a takeover check) leaves it to the holder.
 */
export interface Exclusive {
  wait?: boolean;
  /** Told when the run has to wait for another process. */
  onBusy?: () => void;
}

interface Chunk {
  chatId: string;
  to: string;
  message: OutMessage;
  part: number;
  parts: number;
  continues: boolean;
}

/** The account a push goes to: on the messenger the official chose, else the first. */
function accountOf(o: ReadonlyDeep<Official>) {
  return o.accounts.find((a) => a.channel === o.preferred) ?? o.accounts[0]!;
}

export class Pusher {
  constructor(readonly deps: PushDeps) {}

  /** Officials who receive pushes: approved, not opted out, reachable, on a channel we can send to. */
  audience(only?: string): ReadonlyDeep<Official>[] {
    return this.deps.store
      .officialsWith('approved')
      .filter((o) => o.notify && !o.unreachable && this.deps.outlets[accountOf(o).channel] && (!only || o.accounts.some((a) => a.userId === only)));
  }

  /** The digest of each recipient for a day: one per official, one per admin. */
  digests(today: string, only?: string): Recipient[] {
    const { plans } = this.deps;
    const active = plans.active();
    // One plan: one digest each, as ever. Several: one per plan the official's agency has a part in, with buttons
    // that name the plan; an agency with a part in none still hears from the newest plan that all is clear.
    const byAgency = new Map<string, { entry: PlanEntry; digest: Digest }[]>();
    const digestsOf = (agency: string) => {
      const involved = active.filter((e) => e.engine.withPart(agency).length > 0);
      return (involved.length > 0 || active.length === 0 ? involved : [active[0]!]).map((entry) => {
        // Its ✅ buttons carry the plan's key where several are served (planDeps gives the scope).
        return { entry, digest: agencyDigest(planDeps(this.deps, entry), agency, today, this.deps.remindDays) };
      });
    };
    const out: Recipient[] = [];
    for (const o of this.audience(only)) {
      let list = byAgency.get(o.agency);
      if (!list) byAgency.set(o.agency, (list = digestsOf(o.agency)));
      const a = accountOf(o);
      for (const { entry, digest: d } of list) {
        out.push({
          to: list.length > 1 ? `${o.id}@${entry.key}` : o.id,
          message: { channel: a.channel, chatId: a.chatId, text: d.text, ...(d.buttons ? { buttons: d.buttons } : {}) },
        });
      }
    }
    if (active.length === 0) return out;
    // Made once, and only when some admin will get them (their charts are drawn). Several plans: a line per plan
    // first, then each plan's own digest — its chart, its agencies furthest behind, its overdue tasks.
    let admin: { suffix: string; digest: Digest }[] | undefined;
    const adminDigests = () =>
      active.length === 1
        ? [{ suffix: '', digest: adminDigest(planDeps(this.deps, active[0]!), today) }]
        : [
            { suffix: '', digest: adminDigestOf(this.deps, active, today) },
            ...active.map((entry) => ({ suffix: `@${entry.key}`, digest: adminDigest(planDeps(this.deps, entry), today) })),
          ];
    for (const [channel, ids] of Object.entries(this.deps.admins) as [Channel, readonly string[]][]) {
      if (!this.deps.outlets[channel]) continue;
      for (const id of ids) {
        if (only && only !== id) continue;
        admin ??= adminDigests();
        for (const { suffix, digest } of admin)
          out.push({
            to: `admin:${channel}:${id}${suffix}`,
            message: { channel, chatId: id, text: digest.text, ...(digest.photo ? { photo: digest.photo } : {}) },
          });
      }
    }
    return out;
  }

  /**
   * Send one digest run. A finished run is not sent again; an unfinished one resumes where it stopped: those not
   * yet reached get it, and a message sent in parts goes on from the first part not yet sent.
   */
  async runDigest(
    key: string,
    today: string,
    opts: { only?: string; progress?: (r: RunResult) => void; notify?: { channel: Channel; chatId: string } } & Exclusive = {},
  ): Promise<RunResult> {
    return this.exclusive(key, () => this.digestRun(key, today, opts), opts);
  }

  /**
   * Pushes go out from one process at a time (the store's claim): a run found held elsewhere is left to its holder,
   * and taken over by a later check if that process dies. The claim also brings the picture up to date.
   */
  private async exclusive(key: string, run: () => Promise<RunResult>, opts: Exclusive = {}): Promise<RunResult> {
    // Already being sent by this process (a takeover check while it sends): once is enough.
    if (this.sending.has(key)) return { key, total: 0, sent: 0, failed: 0, blocked: 0, elsewhere: true };
    let claim = await this.deps.store.claimPushes();
    if (!claim && opts.wait !== false) {
      opts.onBusy?.();
      claim = await this.deps.store.claimPushes({ wait: true });
    }
    if (!claim) return { key, total: 0, sent: 0, failed: 0, blocked: 0, elsewhere: true };
    if (this.sending.has(key)) {
      await claim.release();
      return { key, total: 0, sent: 0, failed: 0, blocked: 0, elsewhere: true };
    }
    this.sending.add(key);
    try {
      return await run();
    } finally {
      this.sending.delete(key);
      await claim.release();
    }
  }

  /** Runs this process is sending now. */
  private readonly sending = new Set<string>();

  private async digestRun(
    key: string,
    today: string,
    opts: { only?: string; progress?: (r: RunResult) => void; notify?: { channel: Channel; chatId: string } },
  ) {
    const previous = this.deps.store.run(key);
    if (previous?.finishedAt) return { key, total: previous.total, sent: previous.sent, failed: previous.failed, blocked: 0, already: true };
    const done = this.deps.store.deliveredIn(key);
    const recipients = this.digests(previous?.day ?? today, opts.only).filter((r) => !done.has(r.to));
    await this.deps.store.startRun(key, recipients.length + done.size, this.deps.now(), { day: today, ...(opts.notify ? { notify: opts.notify } : {}) });
    const result: RunResult = { key, total: recipients.length + done.size, sent: done.size, failed: 0, blocked: 0 };
    await this.send(key, recipients, result, opts.progress);
    await this.deps.store.finishRun(key, { sent: result.sent, failed: result.failed + result.blocked }, this.deps.now());
    this.deps.log.log('info', 'push run finished', { run: key, total: result.total, sent: result.sent, failed: result.failed, blocked: result.blocked });
    return result;
  }

  /** Deadline reminders due today; each is recorded so it is never sent twice. */
  async runReminders(today: string): Promise<RunResult> {
    return this.exclusive(`reminders:${today}`, () => this.remindersRun(today));
  }

  private async remindersRun(today: string): Promise<RunResult> {
    const reminders = this.deps.plans.active().flatMap((entry) => dueReminders(planDeps(this.deps, entry), this.audience(), today, this.deps.remindBefore));
    const key = `reminders:${today}`;
    const result: RunResult = { key, total: reminders.length, sent: 0, failed: 0, blocked: 0 };
    const keysOf = new Map(reminders.map((r) => [r, r.keys]));
    const recipients = reminders.map((r) => {
      const a = accountOf(r.official);
      return {
        to: r.official.id,
        message: { channel: a.channel, chatId: a.chatId, text: r.digest.text, ...(r.digest.buttons ? { buttons: r.digest.buttons } : {}) },
        reminder: r,
      };
    });
    await this.send(key, recipients, result, undefined, async (recipient) => {
      const r = (recipient as (typeof recipients)[number]).reminder;
      await this.deps.store.recordReminders(keysOf.get(r) ?? [], this.deps.now());
    });
    return result;
  }

  /**
   * A message that belongs to a push run (a progress note, the outcome of a resumed run): through the messenger's
   * paced sender like the run itself, so it counts towards PUSH_RATE and waits out a 429 instead of being dropped.
   */
  async note(m: Envelope): Promise<void> {
    const outlet = this.deps.outlets[m.channel];
    const sender = this.deps.senders[m.channel];
    if (!outlet || !sender) return;
    const parts = outlet.split(m).map((message, i) => ({ chatId: `${m.channel}:${m.chatId}`, continues: i > 0, message }));
    const summary = await sender.run(
      parts,
      (p) => outlet.send(p.message),
      () => undefined,
    );
    if (summary.sent < parts.length) throw new Error(`a note to ${m.channel} was not delivered`);
  }

  /** Digest runs a crash or a stop left unfinished (scheduled, /guingay, npm run push), oldest first. */
  unfinished(): { key: string; day: string; notify?: { channel: Channel; chatId: string } }[] {
    return this.deps.store
      .unfinishedRuns()
      .filter((r) => (r.key.startsWith('digest:') || r.key.startsWith('manual:')) && r.day)
      .map((r) => ({ key: r.key, day: r.day!, ...(r.notify ? { notify: { ...r.notify } } : {}) }));
  }

  /**
   * A one-off run of given messages (a published plan's announcement): kept with the run before the first is sent,
   * each recorded as it goes, so a restart sends only those not yet sent (`resumeOutboxes`).
   */
  async runOutbox(key: string, recipients: readonly Recipient[]): Promise<RunResult> {
    // Kept first, whoever sends it: a process holding the pushes elsewhere picks it up (resumeOutboxes).
    if (!this.deps.store.run(key)) {
      const outbox = recipients.map((r) => ({ to: r.to, message: r.message as unknown as Record<string, unknown> }));
      await this.deps.store.startRun(key, recipients.length, this.deps.now(), { outbox });
    }
    return this.exclusive(key, () => this.sendOutbox(key));
  }

  /** Unfinished one-off runs (a crash in the middle): each goes on with those not yet reached. */
  async resumeOutboxes(): Promise<RunResult[]> {
    if (!this.deps.store.unfinishedRuns().some((r) => r.outbox && !this.sending.has(r.key))) return [];
    const claim = await this.deps.store.claimPushes();
    if (!claim) return [];
    try {
      const out: RunResult[] = [];
      for (const r of this.deps.store.unfinishedRuns())
        if (r.outbox && !this.sending.has(r.key)) out.push(await this.exclusive(r.key, () => this.sendOutbox(r.key)));
      return out;
    } finally {
      await claim.release();
    }
  }

  private async sendOutbox(key: string): Promise<RunResult> {
    const run = this.deps.store.run(key);
    const done = this.deps.store.deliveredIn(key);
    const recipients = (run?.outbox ?? [])
      .filter((r) => !done.has(r.to))
      .map((r) => ({ to: r.to, message: r.message as unknown as Envelope }))
      .filter((r) => this.deps.outlets[r.message.channel]);
    const result: RunResult = { key, total: run?.total ?? 0, sent: done.size, failed: 0, blocked: 0 };
    await this.send(key, recipients, result);
    await this.deps.store.finishRun(key, { sent: result.sent, failed: result.failed + result.blocked }, this.deps.now());
    return result;
  }

  /**
   * At start-up: send the latest scheduled digest if it was missed while the bot was down — once, not once per
   * missed week (older occurrences are not sent).
   */
  async catchUp(cron: string, now: Date, today: string): Promise<RunResult | undefined> {
    const occurrence = latestOccurrence(cron, now);
    if (!occurrence || now.getTime() - occurrence.getTime() > 7 * 86_400_000) return undefined;
    const key = `digest:${occurrence.toISOString()}`;
    if (this.deps.store.run(key)?.finishedAt) return undefined;
    return this.runDigest(key, today);
  }

  private async send(
    key: string,
    recipients: Recipient[],
    result: RunResult,
    progress?: (r: RunResult) => void,
    onSent?: (r: Recipient) => Promise<void>,
  ): Promise<void> {
    const chunks: (Chunk & { recipient: Recipient })[] = [];
    for (const r of recipients) {
      const outlet = this.deps.outlets[r.message.channel];
      if (!outlet) continue;
      const parts = outlet.split(r.message);
      const sent = this.deps.store.partsSent(key, r.to);
      let first = true;
      parts.forEach((m, part) => {
        if (sent.has(part)) return;
        // The parts of one message go out one after another in that chat, ahead of other chats.
        chunks.push({ chatId: `${m.channel}:${m.chatId}`, to: r.to, message: m, part, parts: parts.length, continues: !first, recipient: r });
        first = false;
      });
    }
    const failedTo = new Set<string>();
    let reported = 0;
    const every = Math.max(1, Math.ceil(recipients.length / 10));
    // Every part is recorded as soon as the messenger accepts it, and stays in flight (holding one of the sender's
    // places) until that record is durable: a crash repeats at most the sender's `inFlight` messages, one per chat.
    const report = async (c: (typeof chunks)[number], outcome: Outcome) => {
      if (failedTo.has(c.to)) return;
      if (outcome.status !== 'sent') failedTo.add(c.to);
      const last = c.part === c.parts - 1;
      await this.deps.store.recordDeliveries([
        {
          run: key,
          to: c.to,
          status: outcome.status,
          at: this.deps.now().toISOString(),
          attempts: outcome.attempts,
          ...(c.parts > 1 ? { part: c.part, parts: c.parts } : {}),
          ...(outcome.status !== 'sent' ? { error: outcome.error } : {}),
        },
      ]);
      if (outcome.status === 'sent') {
        if (!last) return;
        result.sent++;
        if (onSent) await onSent(c.recipient);
      } else if (outcome.status === 'blocked') result.blocked++;
      else {
        result.failed++;
        this.deps.log.log('warn', 'push failed', { run: key, to: c.to, error: outcome.error });
      }
      if (progress && ++reported % every === 0) progress({ ...result });
    };
    const channels = [...new Set(chunks.map((c) => c.message.channel))];
    // Every messenger's sender ends before the run does (and before the right to send is given up), even when
    // another's stopped on a failed record: that failure is then the run's.
    const ends = await Promise.allSettled(
      channels.map(async (channel) => {
        const sender = this.deps.senders[channel];
        const mine = chunks.filter((c) => c.message.channel === channel);
        if (!sender) throw new Error(`no sender for ${channel}`);
        // A part after one that failed is not sent: the recipient is recorded as not reached.
        return sender.run(mine, (c) => (failedTo.has(c.to) ? Promise.resolve() : this.deps.outlets[channel]!.send(c.message)), report);
      }),
    );
    for (const end of ends) if (end.status === 'rejected') throw end.reason;
  }
}

export type { SendError };
