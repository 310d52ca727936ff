/**
 * Composition root. With BOT_TOKEN: the Telegram bot (long polling, or a webhook with WEBHOOK_URL). Without:
 * the terminal chat on the embedded store and the bundled plan.
 */
import { Assistant } from './core/assistant.ts';
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
  const store = await Store.open(config.STATE_FILE);

  if (!config.BOT_TOKEN) {
    console.error(t('start.noToken'));
    console.error(t('start.console', { plan: plan.number, tasks: plan.tasks.length, state: store.file }));
    await runConsoleChat({ engine, t, today: () => todayIn(new Date()), completions: () => store.completions(plan.id), input: process.stdin, output: process.stdout });
    await store.flush();
    return;
  }

  const assistant = new Assistant({ engine, store, plan, dir, admins: { telegram: config.ADMIN_TELEGRAM_IDS }, roster, undoMinutes: config.UNDO_MINUTES, now: () => new Date(), t });
  const bot = createTelegramBot(config.BOT_TOKEN, assistant, { ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}), log, t });
  const running: Running =
    config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? await startWebhook(bot, { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, port: config.PORT, log })
      : await startPolling(bot, log);
  await registerCommands(bot, t, log);
  log.log('info', 'started', {
    channels: ['telegram'],
    mode: config.WEBHOOK_URL ? 'webhook' : 'polling',
    bot: bot.botInfo?.username,
    plan: plan.number,
    admins: config.ADMIN_TELEGRAM_IDS.length,
    state: store.file,
  });
  console.error(t('start.telegram', { bot: bot.botInfo?.username ?? '?', plan: plan.number, mode: config.WEBHOOK_URL ? 'webhook' : 'long polling' }));

  const stop = async (signal: string) => {
    log.log('info', 'stopping', { signal });
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
