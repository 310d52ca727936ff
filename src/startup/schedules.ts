/**
 * Start-up, step 5: pushes. One pusher over the messengers' paced senders records every delivery; croner fires the
 * weekly digest and the daily reminders; what a crash left unfinished is resumed; on a shared database a run whose
 * sender died is taken over, and plans other processes published are taken in.
 */
import type { Config } from '../config.ts';
import type { Channel } from '../core/kernel/channel.ts';
import type { CoreDeps, PushControl, PushCounts } from '../core/kernel/deps.ts';
import { say } from '../core/kernel/outcome.ts';
import type { PlanCatalog } from '../core/kernel/catalog.ts';
import type { Logger } from '../log.ts';
import { todayIn } from '../plan/deadline.ts';
import { Pusher } from '../push/pusher.ts';
import { every } from '../schedule.ts';
import type { Channels } from './channels.ts';
import type { Settings } from './config.ts';
import type { Served } from './plans.ts';

/** What the rules below work on. */
interface Pushes {
  config: Config;
  log: Logger;
  store: CoreDeps['store'];
  plans: PlanCatalog;
  plansDir: string;
  pusher: Pusher;
}

/** Today in the province. */
const today = () => todayIn(new Date());

/** The pusher, given to the core for /guingay and announcements, and its timers started. Returns their stop. */
export function startSchedules({ config, log, plansDir }: Settings, { deps, plans }: Served, { outlets, senders }: Channels): () => void {
  // Pushes: one paced sender per messenger, a pusher that records every delivery.
  const pusher = new Pusher({ ...deps, outlets, senders, remindDays: config.REMIND_DAYS, remindBefore: config.REMIND_BEFORE, log });
  deps.push = pushControl(pusher);
  deps.tell = (m) => pusher.note(m);
  const p: Pushes = { config, log, store: deps.store, plans, plansDir, pusher };
  const stopRuns = scheduleRuns(p);
  if (config.DATABASE_URL) pickUpPlans(p).catch((e: unknown) => log.log('error', 'plan pick-up failed', { error: e }));
  const takeover = startTakeover(p);
  catchUpAtStart(p);
  return () => {
    stopRuns();
    if (takeover) clearInterval(takeover);
  };
}

/** Pushes on demand, for the core: how many would get the digest, the digest now, a one-off run of messages. */
function pushControl(pusher: Pusher): PushControl {
  return {
    recipients: () => pusher.digests(today()).length,
    digestNow: (progress, notify, onBusy) => digestNow(pusher, progress, notify, onBusy),
    announce: (key, messages) => pusher.runOutbox(key, messages),
  };
}

/** An unfinished run (a crash in the middle) is resumed rather than a new one started: nobody gets it twice. */
function digestNow(pusher: Pusher, progress: (r: PushCounts) => void, notify?: { channel: Channel; chatId: string }, onBusy?: () => void) {
  const open = pusher.unfinished()[0];
  return pusher.runDigest(open?.key ?? `manual:${new Date().toISOString()}`, open?.day ?? today(), {
    progress,
    ...(notify ? { notify } : {}),
    ...(onBusy ? { onBusy } : {}),
  });
}

/**
 * The cron (croner, the province's time): the digest at PUSH_CRON, one run per occurrence (its key, which the
 * catch-up at start shares); the reminders at REMIND_CRON. A failed run is logged and the timers go on. Returns their
 * stop.
 */
function scheduleRuns({ config, log, pusher }: Pushes): () => void {
  const digestJob = every(config.PUSH_CRON, (occurrence) => {
    pusher.runDigest(`digest:${occurrence.toISOString()}`, todayIn(occurrence)).catch((e: unknown) => log.log('error', 'digest run failed', { error: e }));
  });
  const reminderJob = every(config.REMIND_CRON, () => {
    pusher.runReminders(today()).catch((e: unknown) => log.log('error', 'reminder run failed', { error: e }));
  });
  return () => {
    digestJob();
    reminderJob();
  };
}

/**
 * A shared database: plans published through another process (into the shared PLANS_DIR) go live here too. Not with
 * PLAN_FILE, which serves that one plan only.
 */
async function pickUpPlans({ config, log, plans, plansDir }: Pushes): Promise<void> {
  if (config.PLAN_FILE) return;
  for (const e of await plans.pickUp(plansDir, (file, error) => log.log('warn', 'plan file not taken in', { file, error })))
    log.log('info', 'plan taken in', { plan: e.plan.number, file: e.file });
}

/**
 * Runs a crash left unfinished go on with those not yet reached (a run another process is sending is left to it);
 * whoever asked for one with /guingay is told how it ended. At start, and at every takeover look.
 */
async function resumeRuns(p: Pushes): Promise<void> {
  const { config, log, store, pusher } = p;
  if (config.DATABASE_URL) await pickUpPlans(p);
  await store.refresh();
  for (const run of pusher.unfinished()) {
    const r = await pusher.runDigest(run.key, run.day, { wait: false });
    if (r.elsewhere) continue;
    log.log('info', 'resumed push run', { run: run.key, sent: r.sent, total: r.total });
    if (run.notify) await pusher.note({ ...run.notify, text: say('push.resumed', { sent: r.sent, total: r.total, failed: r.failed, blocked: r.blocked }) });
  }
  // An announcement a crash cut short goes on with those not yet told.
  await pusher.resumeOutboxes();
}

/**
 * A shared database: when the process sending a run dies, another takes it over at its next look, every
 * TAKEOVER_SECONDS (its lock went with its connection). None on the embedded store: one process holds it.
 */
function startTakeover(p: Pushes): NodeJS.Timeout | undefined {
  if (!p.config.DATABASE_URL) return undefined;
  return setInterval(
    () => void resumeRuns(p).catch((e: unknown) => p.log.log('error', 'push takeover failed', { error: e })),
    p.config.TAKEOVER_SECONDS * 1000,
  );
}

/**
 * In the background at start: unfinished runs resumed first, then a digest missed while the bot was down goes out
 * once (not once per missed week), then today's reminders (recorded as sent, so running them again is safe).
 */
function catchUpAtStart(p: Pushes): void {
  const { config, log, pusher } = p;
  void (async () => {
    await resumeRuns(p);
    await pusher.catchUp(config.PUSH_CRON, new Date(), today());
    await pusher.runReminders(today());
  })().catch((e: unknown) => log.log('error', 'catch-up failed', { error: e }));
}
