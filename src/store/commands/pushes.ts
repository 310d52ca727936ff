/**
 * Pushes: digest and announcement runs (started, finished, resumed after a crash), the delivery record of every
 * message part, who could not be reached, and the reminders already sent. What only grows is kept to what is still
 * needed: per-recipient deliveries of unfinished runs and the last DELIVERY_RUNS_KEPT finished ones, the totals of
 * the last 200 runs, reminders until REMINDER_RETENTION_DAYS past their due date.
 */
import type { Delivery, Run } from '../schema.ts';
import { audit, type Ops } from './context.ts';

/** Finished push runs whose per-recipient delivery records are kept (older runs keep their totals only). */
export const DELIVERY_RUNS_KEPT = 1;
/** Days past a due date after which the record of its reminders is dropped. */
export const REMINDER_RETENTION_DAYS = 60;
/** Runs listed with their totals. */
const RUNS_KEPT = 200;

export function run(ops: Ops, key: string): Run | undefined {
  return ops.state().runs.find((r) => r.key === key);
}

/** Digest runs written for a day (scheduled or /guingay), finished or not. */
export function runsOfDay(ops: Ops, day: string): readonly Run[] {
  return ops.state().runs.filter((r) => r.day === day);
}

/** Runs started and not finished (a crash, a stop): the next start resumes them. */
export function unfinishedRuns(ops: Ops): readonly Run[] {
  return ops.state().runs.filter((r) => !r.finishedAt);
}

/** Recipients a run has reached (every part of their message) or given up on. */
export function deliveredIn(ops: Ops, runKey: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const d of ops.deliveriesOfRun(runKey)) {
    if (d.status !== 'sent' || d.parts === undefined || d.part === (d.parts ?? 1) - 1) out.add(d.to);
  }
  return out;
}

/** The parts of a recipient's message a run has already sent (a resumed run sends only the rest). */
export function partsSent(ops: Ops, runKey: string, to: string): ReadonlySet<number> {
  return new Set(
    ops
      .deliveriesOfRun(runKey)
      .filter((d) => d.to === to && d.status === 'sent' && d.part !== undefined)
      .map((d) => d.part!),
  );
}

/** Reminder keys already sent. */
export function remindersSent(ops: Ops): ReadonlySet<string> {
  return new Set(ops.state().reminders.map((r) => r.key));
}

export async function startRun(ops: Ops, key: string, total: number, at: Date, extra: Pick<Run, 'day' | 'notify' | 'outbox'> = {}): Promise<void> {
  await ops.change(
    (d, w) => {
      if (d.runs.some((r) => r.key === key)) return;
      w.insert('runs', { key, startedAt: at.toISOString(), total, sent: 0, failed: 0, ...extra });
    },
    ['runs'],
  );
}

/**
 * Close a run with its counts. The deliveries kept are then those of the last DELIVERY_RUNS_KEPT finished runs and of
 * any run not finished; older runs keep their totals (the last RUNS_KEPT runs are listed).
 */
export async function finishRun(ops: Ops, key: string, counts: { sent: number; failed: number }, at: Date): Promise<void> {
  await ops.change(
    (d, w) => {
      const run = d.runs.find((r) => r.key === key);
      if (run) {
        run.finishedAt = at.toISOString();
        run.sent = counts.sent;
        run.failed = counts.failed;
        // Sent: the messages themselves are no longer needed.
        delete run.outbox;
        w.put('runs', run);
      }
      for (const r of d.runs.slice(0, -RUNS_KEPT)) w.drop('runs', r.key);
      d.runs = d.runs.slice(-RUNS_KEPT);
    },
    ['runs'],
  );
  const runs = ops.state().runs;
  await ops.pruneDeliveries(new Set([...runs.slice(-DELIVERY_RUNS_KEPT), ...unfinishedRuns(ops)].map((r) => r.key)));
}

/**
 * Delivery records, made durable by the store (the embedded store's delivery journal, PostgreSQL's table); a blocked
 * recipient is also marked unreachable. Resolves once all of it is durable.
 */
export async function recordDeliveries(ops: Ops, list: readonly Delivery[]): Promise<void> {
  ops.assertWritable();
  await ops.appendDeliveries(list);
  const blocked = list.filter((x) => x.status === 'blocked' && ops.lookups.official(x.to) && !ops.lookups.official(x.to)!.unreachable);
  if (blocked.length === 0) return;
  await ops.change(
    (d, w) => {
      for (const x of blocked) {
        const o = d.officials.find((y) => y.id === x.to);
        if (o && !o.unreachable) {
          o.unreachable = true;
          w.put('officials', o);
          audit(d, new Date(x.at), 'push', 'unreachable', o.id, { unreachable: false }, { unreachable: true });
        }
      }
    },
    ['officials', 'audit'],
  );
}

/**
 * Reminders sent, so that none is sent twice. A reminder's key holds its due date; keys of due dates more than
 * REMINDER_RETENTION_DAYS past are dropped on the way (no reminder is sent after a due date), so the section stays
 * the size of the reminders still in play.
 */
export async function recordReminders(ops: Ops, keys: readonly string[], at: Date): Promise<void> {
  const horizon = new Date(at.getTime() - REMINDER_RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
  await ops.change(
    (d, w) => {
      const live = (r: { key: string }) => (r.key.split('|').at(-3) ?? '9999') >= horizon;
      for (const r of d.reminders) if (!live(r)) w.drop('reminders', r.key);
      d.reminders = d.reminders.filter(live);
      for (const key of keys) w.insert('reminders', { key, at: at.toISOString() });
    },
    ['reminders'],
  );
}
