/**
 * npm run push -- [--dry-run] [--today YYYY-MM-DD] [--only USER_ID] [--plan NUMBER|FILE]
 * Sends (or with --dry-run prints) the weekly digests now: the same content as the scheduled run, recorded the
 * same way. The bot must not be running on the same state file (it holds the lock); in chat, admins use /guingay.
 */
import { Telegram } from 'telegraf';
import { telegramOutlet } from '../channels/telegram/outlet.ts';
import { ConfigError, loadConfig, loadEnvFile } from '../config.ts';
import { openCatalog } from '../core/kernel/catalog.ts';
import { loadRoster } from '../core/kernel/roster.ts';
import { translator } from '../i18n.ts';
import { consoleLogger } from '../log.ts';
import { DataFileError, loadDirectory, PLANS_DIR } from '../plan/load.ts';
import { Pusher } from '../push/pusher.ts';
import { PacedSender } from '../push/sender.ts';
import { openStore } from '../store/open.ts';
import { StateFileError, StoreConnectError } from '../store/port.ts';
import { parseArgs, parseToday, runCli, UsageError } from './args.ts';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['--today', '--only', '--plan'], ['--dry-run']);
  loadEnvFile();
  const config = loadConfig();
  const t = translator(config.BOT_LANG);
  const today = parseToday(args.values.get('--today'));
  const dryRun = args.flags.has('--dry-run');
  const only = args.values.get('--only');
  if (!dryRun && !config.BOT_TOKEN) throw new UsageError(t('pushcli.noToken'));
  const dir = loadDirectory();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, stateFile: config.STATE_FILE }, dryRun ? 'reader' : 'writer');
  // --plan: that plan's digests only; else every active plan's (PLAN_FILE: that one).
  const only_ = args.values.get('--plan') ?? config.PLAN_FILE;
  const plans = openCatalog({
    dir,
    plansDir: config.PLANS_DIR ?? PLANS_DIR,
    ...(only_ ? { only: only_ } : {}),
    engine: { lang: config.BOT_LANG, upcomingDays: config.REMIND_DAYS },
    archived: (id) => store.planArchived(id),
  });
  const log = consoleLogger();
  const outlet = telegramOutlet(
    new Telegram(config.BOT_TOKEN ?? '0:dry-run', { ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) } as never),
    config.BOT_LANG,
  );
  const pusher = new Pusher({
    plans,
    store,
    dir,
    admins: { telegram: config.ADMIN_TELEGRAM_IDS },
    roster: config.ROSTER_FILE ? loadRoster(config.ROSTER_FILE, dir) : [],
    undoMinutes: config.UNDO_MINUTES,
    now: () => new Date(),
    lang: config.BOT_LANG,
    t,
    outlets: { telegram: outlet },
    senders: { telegram: new PacedSender({ rate: config.PUSH_RATE }) },
    remindDays: config.REMIND_DAYS,
    remindBefore: config.REMIND_BEFORE,
    log,
  });
  if (dryRun) {
    const recipients = pusher.digests(today, only);
    for (const r of recipients)
      process.stdout.write(
        `——— ${r.to} (${r.message.channel} ${r.message.chatId})\n${outlet
          .split(r.message)
          .map((m) => m.text)
          .join('\n')}\n\n`,
      );
    console.error(t('pushcli.dryRun', { n: recipients.length }));
    return;
  }
  // A run a crash left unfinished is resumed (those not yet reached get it) instead of a new one being started.
  const open = pusher.unfinished()[0];
  if (open) console.error(t('pushcli.resuming', { run: open.key }));
  const result = await pusher.runDigest(open?.key ?? `manual:${new Date().toISOString()}`, open?.day ?? today, {
    ...(only ? { only } : {}),
    progress: (r) => console.error(t('push.progress', { sent: r.sent, total: r.total, failed: r.failed + r.blocked })),
    onBusy: () => console.error(t('pushcli.elsewhere')),
  });
  console.error(t('push.finished', { sent: result.sent, total: result.total, failed: result.failed, blocked: result.blocked }));
  await store.close();
  if (result.failed > 0) process.exitCode = 1;
}

runCli(main, [ConfigError, DataFileError, StateFileError, StoreConnectError]);
