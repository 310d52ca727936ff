/**
 * Composition root. With BOT_TOKEN: the Telegram bot (long polling, or a webhook with WEBHOOK_URL). Without:
 * the terminal chat on the embedded store and the bundled plan.
 */
import { Assistant } from './core/assistant.ts';
import type { CoreDeps } from './core/context.ts';
import { telegramOutlet } from './channels/telegram/outlet.ts';
import { Pusher } from './push/pusher.ts';
import { every } from './push/schedule.ts';
import { PacedSender } from './push/sender.ts';
import { Engine } from './core/engine.ts';
import { type RosterEntry, loadRoster } from './core/roster.ts';
import { createTelegramBot, registerCommands } from './channels/telegram/bot.ts';
import { type Running, startPolling, startWebhook } from './channels/telegram/run.ts';
import { runConsoleChat } from './channels/console/chat.ts';
import { ConfigError, loadConfig, loadEnvFile } from './config.ts';
import { translator } from './i18n.ts';
import { consoleLogger } from './log.ts';
import { todayIn } from './plan/deadline.ts';
import { DataFileError, loadDirectory, loadPlan, loadPlans } from './plan/load.ts';
import { StateFileError, Store } from './store/state.ts';

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const t = translator(config.BOT_LANG);
  const log = consoleLogger();
  const dir = loadDirectory();
  const plan = config.PLAN_FILE ? loadPlan(config.PLAN_FILE) : loadPlans()[0]!;
  const roster: RosterEntry[] = config.ROSTER_FILE ? loadRoster(config.ROSTER_FILE, dir) : [];
  const engine = new Engine(plan, dir, { lang: config.BOT_LANG, upcomingDays: config.REMIND_DAYS });
  const store = await Store.open(config.STATE_FILE, { lock: true });

  if (!config.BOT_TOKEN) {
    console.error(t('start.noToken'));
    console.error(t('start.console', { plan: plan.number, tasks: plan.tasks.length, state: store.file }));
    await runConsoleChat({ engine, t, today: () => todayIn(new Date()), completions: () => store.completions(plan.id), input: process.stdin, output: process.stdout });
    await store.flush();
    return;
  }

  const deps: CoreDeps = { engine, store, plan, dir, admins: { telegram: config.ADMIN_TELEGRAM_IDS }, roster, undoMinutes: config.UNDO_MINUTES, now: () => new Date(), t };
  const assistant = new Assistant(deps);
  const bot = createTelegramBot(config.BOT_TOKEN, assistant, { ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}), log, t });

  // Pushes: one paced sender for every push, a pusher that records every delivery.
  const outlet = telegramOutlet(bot.telegram);
  const pusher = new Pusher({ ...deps, outlets: { telegram: outlet }, sender: new PacedSender({ rate: config.PUSH_RATE }), remindDays: config.REMIND_DAYS, remindBefore: config.REMIND_BEFORE, log });
  const today = () => todayIn(new Date());
  deps.push = {
    recipients: () => pusher.digests(today()).length,
    digestNow: (progress) => pusher.runDigest(`manual:${new Date().toISOString()}`, today(), { progress }),
  };
  deps.tell = (m) => outlet.send(m);
  const running: Running =
    config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? await startWebhook(bot, { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, port: config.PORT, log })
      : await startPolling(bot, log);
  await registerCommands(bot, t, log);
  log.log('info', 'started', {
    channels: ['telegram'],
    mode: config.WEBHOOK_URL ? 'webhook' : 'polling',
    pushCron: config.PUSH_CRON,
    bot: bot.botInfo?.username,
    plan: plan.number,
    admins: config.ADMIN_TELEGRAM_IDS.length,
    state: store.file,
  });
  console.error(t('start.telegram', { bot: bot.botInfo?.username ?? '?', plan: plan.number, mode: config.WEBHOOK_URL ? 'webhook' : 'long polling' }));

  const digestJob = every(config.PUSH_CRON, (occurrence) => {
    pusher.runDigest(`digest:${occurrence.toISOString()}`, todayIn(occurrence)).catch((e: unknown) => log.log('error', 'digest run failed', { error: e }));
  });
  const reminderJob = every(config.REMIND_CRON, () => {
    pusher.runReminders(today()).catch((e: unknown) => log.log('error', 'reminder run failed', { error: e }));
  });
  // A digest missed while the bot was down goes out once now; reminders are recorded, so running them is safe.
  void (async () => {
    await pusher.catchUp(config.PUSH_CRON, new Date(), today());
    await pusher.runReminders(today());
  })().catch((e: unknown) => log.log('error', 'catch-up failed', { error: e }));

  const stop = async (signal: string) => {
    log.log('info', 'stopping', { signal });
    digestJob();
    reminderJob();
    await running.stop(signal);
    // Every change a user was told about is already on disk; this waits for any write under way.
    await store.flush().catch((e: unknown) => log.log('error', 'final write failed', { error: e }));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataFileError || e instanceof StateFileError) {
    console.error(`${translator('vi')('start.failed')}: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error(e);
    process.exitCode = 1;
  }
});
