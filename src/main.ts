/**
 * Composition root. Telegram with BOT_TOKEN, Zalo with ZALO_BOT_TOKEN, both in one process when both are set;
 * with neither, the terminal chat on the embedded store and the bundled plan.
 *
 * Start-up is named steps, in this order: the configuration, the store, the plans (and the core on them), the
 * channels (and their HTTP server), the schedules (pushes); then idle work, the "started" line, and the signals that
 * stop it. The steps that are more than a call live in src/startup/, one file each.
 */
import { runConsoleChat } from './channels/console/chat.ts';
import { ZaloError } from './channels/zalo/client.ts';
import { TelegramError } from 'telegraf';
import { ConfigError } from './config.ts';
import type { PlanCatalog } from './core/kernel/catalog.ts';
import { translator } from './i18n.ts';
import { DataFileError } from './plan/load.ts';
import { type Channels, startChannels, startServer } from './startup/channels.ts';
import { readSettings, type Settings } from './startup/config.ts';
import { openPlans, type Served } from './startup/plans.ts';
import { startSchedules } from './startup/schedules.ts';
import { openStore } from './store/open.ts';
import { StateFileError, StoreConnectError } from './store/port.ts';

type Store = Awaited<ReturnType<typeof openStore>>;
type Server = Awaited<ReturnType<typeof startServer>>;

async function main(): Promise<void> {
  const settings = readSettings();
  const store = await openStoreFor(settings);
  const served = openPlans(settings, store);
  if (settings.terminal) return chatInTerminal(settings, store, served);
  const channels = await startChannels(settings, served.core);
  const server = await startServer(settings, channels, served.deps, served.plans);
  const stopSchedules = startSchedules(settings, served, channels);
  prepareWhenIdle(settings, store, served.plans);
  announceStarted(settings, store, served.plans, channels, server);
  stopOnSignals(settings, store, channels, server, stopSchedules);
}

/**
 * Step 2, the store: PostgreSQL with DATABASE_URL, else the state file, locked for this process. The terminal chat
 * beside a running bot reads its state without the lock and writes nothing.
 */
function openStoreFor({ config, terminal }: Settings): Promise<Store> {
  return openStore(
    { databaseUrl: config.DATABASE_URL, stateFile: config.STATE_FILE, timeoutMs: config.DB_TIMEOUT_SECONDS * 1000 },
    terminal ? 'shared' : 'writer',
  );
}

/** No messenger token: the terminal chat on the same core until /thoat or the end of input, then the store closed. */
async function chatInTerminal({ config, t, log }: Settings, store: Store, { plans, plan, core }: Served): Promise<void> {
  console.error(t('start.noToken'));
  const active = plans.active();
  if (active.length > 1) console.error(t('start.consolePlans', { n: active.length, plans: active.map((e) => e.plan.number).join(', '), state: store.file }));
  else console.error(t('start.console', { plan: plan.number, tasks: plan.tasks.length, state: store.file }));
  if (store.readOnly) console.error(t('start.consoleReadOnly', { state: store.file }));
  await runConsoleChat({ core, t, lang: config.BOT_LANG, log, input: process.stdin, output: process.stdout });
  await store.close();
}

/**
 * Idle work after the start: the store's lookups, then the plans' word indexes a plan at a time (updates are served
 * in between).
 */
function prepareWhenIdle({ log }: Settings, store: Store, plans: PlanCatalog): void {
  setImmediate(() => store.prepareLookups());
  void plans.prepareSearch().catch((e: unknown) => log.log('error', 'search indexes not built', { error: e }));
}

/** The operator's line on stderr (the messengers and plans served) and the "started" log entry. */
function announceStarted({ config, t, log }: Settings, store: Store, plans: PlanCatalog, { up }: Channels, server: Server): void {
  const numbers = plans.active().map((e) => e.plan.number);
  console.error(t('start.channels', { channels: up.join(', '), plan: numbers.join(', ') }));
  log.log('info', 'started', { channels: up, plans: numbers, state: store.file, pushCron: config.PUSH_CRON, ...(server ? { port: server.port } : {}) });
}

/**
 * SIGINT or SIGTERM: the timers, the server and the polling stopped, the updates already taken handled (at most
 * 8 s), then the store closed, then exit 0. Every change a user was told about is already on disk; closing waits for
 * any write under way.
 */
function stopOnSignals({ log }: Settings, store: Store, { stops }: Channels, server: Server, stopSchedules: () => void): void {
  const stop = async (signal: string) => {
    log.log('info', 'stopping', { signal });
    stopSchedules();
    await server?.stop();
    await Promise.all(stops.map((s) => s()));
    await store.close().catch((e: unknown) => log.log('error', 'final write failed', { error: e }));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * Why start-up stopped, always in Vietnamese: exit code 2 for what the operator must fix (a setting, a data or state
 * file, the database out of reach, a token the messenger refused), 1 for anything else (printed whole).
 */
function failStartUp(e: unknown): void {
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
}

main().catch(failStartUp);
