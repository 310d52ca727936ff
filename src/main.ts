/**
 * Composition root. Telegram with BOT_TOKEN, Zalo with ZALO_BOT_TOKEN, both in one process when both are set;
 * with neither, the terminal chat on the embedded store and the bundled plan.
 */
import { runConsoleChat } from './channels/console/chat.ts';
import { PublicFiles, type Route, startHttp } from './channels/http.ts';
import { createTelegramBot, registerCommands } from './channels/telegram/bot.ts';
import { telegramOutlet } from './channels/telegram/outlet.ts';
import { startPolling, telegramWebhook } from './channels/telegram/run.ts';
import { ZaloChannel } from './channels/zalo/bot.ts';
import { ZaloClient, ZaloError } from './channels/zalo/client.ts';
import { untilReachable } from './channels/retry.ts';
import { TelegramError } from 'telegraf';
import { ConfigError, loadConfig, loadEnvFile } from './config.ts';
import type { Channel } from './core/channel.ts';
import type { CoreDeps } from './core/deps.ts';
import { createCore } from './core/features/index.ts';
import { type Envelope, say } from './core/outcome.ts';
import { type RosterEntry, loadRoster } from './core/roster.ts';
import { translator } from './i18n.ts';
import { consoleLogger } from './log.ts';
import { todayIn } from './plan/deadline.ts';
import { openCatalog } from './core/plans.ts';
import { DataFileError, loadDirectory, PLANS_DIR } from './plan/load.ts';
import { type Outlet, Pusher } from './push/pusher.ts';
import { every } from './push/schedule.ts';
import { PacedSender } from './push/sender.ts';
import { openStore } from './store/open.ts';
import { StateFileError, StoreConnectError } from './store/state.ts';

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const t = translator(config.BOT_LANG);
  const log = consoleLogger();
  const dir = loadDirectory();
  const roster: RosterEntry[] = config.ROSTER_FILE ? loadRoster(config.ROSTER_FILE, dir) : [];
  const plansDir = config.PLANS_DIR ?? PLANS_DIR;

  const console_ = !config.BOT_TOKEN && !config.ZALO_BOT_TOKEN;
  // The terminal chat beside a running bot reads its state without the lock and writes nothing.
  const store = await openStore({ databaseUrl: config.DATABASE_URL, stateFile: config.STATE_FILE }, console_ ? 'shared' : 'writer');
  const plans = openCatalog({
    dir,
    plansDir,
    ...(config.PLAN_FILE ? { only: config.PLAN_FILE } : {}),
    engine: { lang: config.BOT_LANG, upcomingDays: config.REMIND_DAYS },
    archived: (id) => store.planArchived(id),
  });
  const plan = plans.default().plan;
  const deps: CoreDeps = {
    plans,
    plansDir,
    store,
    dir,
    admins: { telegram: config.ADMIN_TELEGRAM_IDS, zalo: config.ADMIN_ZALO_IDS },
    roster,
    undoMinutes: config.UNDO_MINUTES,
    now: () => new Date(),
    random: Math.random,
    lang: config.BOT_LANG,
    t,
    log,
  };
  const core = createCore(deps);

  if (console_) {
    console.error(t('start.noToken'));
    const active = plans.active();
    if (active.length > 1) console.error(t('start.consolePlans', { n: active.length, plans: active.map((e) => e.plan.number).join(', '), state: store.file }));
    else console.error(t('start.console', { plan: plan.number, tasks: plan.tasks.length, state: store.file }));
    if (store.readOnly) console.error(t('start.consoleReadOnly', { state: store.file }));
    await runConsoleChat({ core, t, lang: config.BOT_LANG, log, input: process.stdin, output: process.stdout });
    await store.close();
    return;
  }

  const outlets: Partial<Record<Channel, Outlet>> = {};
  const senders: Partial<Record<Channel, PacedSender>> = {};
  /** Messages for another messenger than the one a user wrote on (e.g. an approval seen on Zalo). */
  const route = async (m: Envelope) => {
    const outlet = outlets[m.channel];
    if (!outlet) return;
    for (const part of outlet.split(m)) await outlet.send(part);
  };
  const routes = new Map<string, Route>();
  const stops: (() => void)[] = [];
  const up: string[] = [];
  let files: PublicFiles | undefined;

  if (config.BOT_TOKEN) {
    const bot = createTelegramBot(config.BOT_TOKEN, core, {
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
      log,
      t,
      lang: config.BOT_LANG,
      route,
    });
    outlets.telegram = telegramOutlet(bot.telegram, config.BOT_LANG);
    senders.telegram = new PacedSender({ rate: config.PUSH_RATE, inFlight: 1, awaitReports: true });
    // An unreachable Bot API is retried with backoff; a refused token stops start-up.
    bot.botInfo = await untilReachable('Telegram Bot API', () => bot.telegram.getMe(), {
      log: log.child({ channel: 'telegram' }),
      fatal: (e) => e instanceof TelegramError && (e.code === 401 || e.code === 404),
    });
    if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
      const hook = await telegramWebhook(bot, config.WEBHOOK_URL, config.WEBHOOK_SECRET, log);
      routes.set(hook.path, hook.route);
    } else stops.push(await startPolling(bot, log));
    await registerCommands(bot, core, t, log);
    up.push(`Telegram @${bot.botInfo?.username ?? '?'} (${config.WEBHOOK_URL ? 'webhook' : 'long polling'})`);
  }

  if (config.ZALO_BOT_TOKEN) {
    // In webhook mode pictures are served to Zalo at unguessable, expiring paths of the webhook's server.
    if (config.ZALO_WEBHOOK_URL && config.ZALO_WEBHOOK_SECRET) files = new PublicFiles(new URL(config.ZALO_WEBHOOK_URL).origin);
    const zalo = new ZaloChannel(new ZaloClient(config.ZALO_BOT_TOKEN, { apiRoot: config.ZALO_API_ROOT }), core, {
      log,
      t,
      lang: config.BOT_LANG,
      route,
      ...(files ? { files } : {}),
    });
    const me = await untilReachable('Zalo Bot API', () => zalo.start(), {
      log: log.child({ channel: 'zalo' }),
      fatal: (e) => e instanceof ZaloError && (e.code === 401 || e.code === 404),
    });
    outlets.zalo = zalo.outlet();
    senders.zalo = new PacedSender({ rate: config.ZALO_PUSH_RATE, inFlight: 1, awaitReports: true });
    if (config.ZALO_WEBHOOK_URL && config.ZALO_WEBHOOK_SECRET) {
      await zalo.client
        .setWebhook(config.ZALO_WEBHOOK_URL, config.ZALO_WEBHOOK_SECRET)
        .catch((e: unknown) => log.log('warn', 'zalo setWebhook failed', { error: e }));
      routes.set(new URL(config.ZALO_WEBHOOK_URL).pathname || '/', zalo.webhook(config.ZALO_WEBHOOK_SECRET));
    } else {
      const abort = new AbortController();
      void zalo.poll(abort.signal);
      stops.push(() => abort.abort());
    }
    up.push(`Zalo ${me.name} (${config.ZALO_WEBHOOK_URL ? 'webhook' : 'long polling'})`);
  }

  const health = () => ({ ...store.health(), plans: plans.active().length });
  const server =
    routes.size > 0 ? await startHttp(config.PORT, routes, (e) => log.log('error', 'http handler failed', { error: e }), files, health) : undefined;

  // Pushes: one paced sender per messenger, a pusher that records every delivery.
  const pusher = new Pusher({ ...deps, outlets, senders, remindDays: config.REMIND_DAYS, remindBefore: config.REMIND_BEFORE, log });
  const today = () => todayIn(new Date());
  const paced = (m: Envelope) => pusher.note(m);
  deps.push = {
    recipients: () => pusher.digests(today()).length,
    // An unfinished run (a crash in the middle) is resumed rather than a new one started: nobody gets it twice.
    digestNow: (progress, notify, onBusy) => {
      const open = pusher.unfinished()[0];
      return pusher.runDigest(open?.key ?? `manual:${new Date().toISOString()}`, open?.day ?? today(), {
        progress,
        ...(notify ? { notify } : {}),
        ...(onBusy ? { onBusy } : {}),
      });
    },
    announce: (key, messages) => pusher.runOutbox(key, messages),
  };
  deps.tell = paced;
  const digestJob = every(config.PUSH_CRON, (occurrence) => {
    pusher.runDigest(`digest:${occurrence.toISOString()}`, todayIn(occurrence)).catch((e: unknown) => log.log('error', 'digest run failed', { error: e }));
  });
  const reminderJob = every(config.REMIND_CRON, () => {
    pusher.runReminders(today()).catch((e: unknown) => log.log('error', 'reminder run failed', { error: e }));
  });
  // Runs a crash left unfinished go on with those not yet reached; a digest missed while the bot was down goes out
  // once; reminders are recorded, so running them is safe.
  // A shared database: plans published through another process (into the shared PLANS_DIR) go live here too.
  const pickUp = () => {
    if (config.PLAN_FILE) return;
    for (const e of plans.pickUp(plansDir, (file, error) => log.log('warn', 'plan file not taken in', { file, error })))
      log.log('info', 'plan taken in', { plan: e.plan.number, file: e.file });
  };
  if (config.DATABASE_URL) pickUp();
  const resume = async () => {
    if (config.DATABASE_URL) pickUp();
    await store.refresh();
    for (const run of pusher.unfinished()) {
      const r = await pusher.runDigest(run.key, run.day, { wait: false });
      if (r.elsewhere) continue;
      log.log('info', 'resumed push run', { run: run.key, sent: r.sent, total: r.total });
      if (run.notify) await paced({ ...run.notify, text: say('push.resumed', { sent: r.sent, total: r.total, failed: r.failed, blocked: r.blocked }) });
    }
    // An announcement a crash cut short goes on with those not yet told.
    await pusher.resumeOutboxes();
  };
  // A shared database: when the process sending a run dies, another takes it over at its next look.
  const takeover = config.DATABASE_URL
    ? setInterval(() => void resume().catch((e: unknown) => log.log('error', 'push takeover failed', { error: e })), config.TAKEOVER_SECONDS * 1000)
    : undefined;
  void (async () => {
    await resume();
    await pusher.catchUp(config.PUSH_CRON, new Date(), today());
    await pusher.runReminders(today());
  })().catch((e: unknown) => log.log('error', 'catch-up failed', { error: e }));

  // Idle work after the start: the store's lookups, then the plans' word indexes a plan at a time (updates are
  // served in between).
  setImmediate(() => store.prepareLookups());
  void plans.prepareSearch().catch((e: unknown) => log.log('error', 'search indexes not built', { error: e }));

  const numbers = plans.active().map((e) => e.plan.number);
  console.error(t('start.channels', { channels: up.join(', '), plan: numbers.join(', ') }));
  log.log('info', 'started', { channels: up, plans: numbers, state: store.file, pushCron: config.PUSH_CRON, ...(server ? { port: server.port } : {}) });

  const stop = async (signal: string) => {
    log.log('info', 'stopping', { signal });
    digestJob();
    reminderJob();
    if (takeover) clearInterval(takeover);
    for (const s of stops) s();
    await server?.stop();
    // Every change a user was told about is already on disk; this waits for any write under way.
    await store.close().catch((e: unknown) => log.log('error', 'final write failed', { error: e }));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataFileError || e instanceof StateFileError || e instanceof StoreConnectError) {
    console.error(`${translator('vi')('start.failed')}: ${e.message}`);
    process.exitCode = 2;
  } else if (e instanceof TelegramError || e instanceof ZaloError) {
    // The messenger refused the token: retrying would not help. The token itself is never printed.
    const which = e instanceof TelegramError ? 'BOT_TOKEN' : 'ZALO_BOT_TOKEN';
    console.error(`${translator('vi')('start.failed')}: ${translator('vi')('start.tokenRefused', { variable: which, code: e.code })}`);
    process.exitCode = 2;
  } else {
    console.error(e);
    process.exitCode = 1;
  }
});
