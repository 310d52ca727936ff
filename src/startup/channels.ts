/**
 * Start-up, step 4: the messengers whose tokens are set (Telegram, then Zalo), each reachable before the next step,
 * and the one HTTP server their webhooks and /healthz share.
 */
import { PublicFiles, type Route, startHttp } from '../channels/http.ts';
import { DRAIN_MS } from '../channels/lanes.ts';
import { untilReachable } from '../channels/retry.ts';
import { createTelegramBot, registerCommands } from '../channels/telegram/bot.ts';
import { telegramFiles } from '../channels/telegram/files.ts';
import { telegramOutlet } from '../channels/telegram/outlet.ts';
import { startPolling, telegramWebhook } from '../channels/telegram/run.ts';
import { ZaloChannel } from '../channels/zalo/bot.ts';
import { ZaloClient, ZaloError } from '../channels/zalo/client.ts';
import { TelegramError } from 'telegraf';
import type { Channel } from '../core/kernel/channel.ts';
import type { CoreDeps } from '../core/kernel/deps.ts';
import type { Envelope } from '../core/kernel/outcome.ts';
import type { PlanCatalog } from '../core/kernel/catalog.ts';
import type { Router } from '../core/kernel/router.ts';
import type { Outlet } from '../push/pusher.ts';
import { PacedSender } from '../push/sender.ts';
import type { Settings } from './config.ts';
import type { FileSources } from '../web/files.ts';
import { deskServer } from '../web/server.ts';

/** What the messengers started: how pushes reach them, the webhook routes, and how to stop them. */
export interface Channels {
  outlets: Partial<Record<Channel, Outlet>>;
  /** One paced sender per messenger, each at that messenger's rate. */
  senders: Partial<Record<Channel, PacedSender>>;
  /** Webhook paths for the HTTP server; none: no server. */
  routes: Map<string, Route>;
  /** Each stops its messenger's polling and resolves once the updates it took are handled. */
  stops: (() => Promise<void>)[];
  /** One line per messenger for the "started" message. */
  up: string[];
  /** Pictures Zalo fetches by URL, in Zalo's webhook mode. */
  files?: PublicFiles;
  /** How the desk page fetches evidence files back from the messengers. */
  sources: FileSources;
}

/** How the core sends a message to a messenger other than the one it answers on. */
type Forward = (m: Envelope) => Promise<void>;

/** Telegram with BOT_TOKEN, then Zalo with ZALO_BOT_TOKEN. */
export async function startChannels(s: Settings, core: Router): Promise<Channels> {
  const ch: Channels = { outlets: {}, senders: {}, routes: new Map(), stops: [], up: [], sources: {} };
  const route = routeAcross(ch.outlets);
  if (s.config.BOT_TOKEN) await startTelegram(s, s.config.BOT_TOKEN, core, route, ch);
  if (s.config.ZALO_BOT_TOKEN) await startZalo(s, s.config.ZALO_BOT_TOKEN, core, route, ch);
  return ch;
}

/** Messages for another messenger than the one a user wrote on (e.g. an approval seen on Zalo). */
function routeAcross(outlets: Channels['outlets']): Forward {
  return async (m: Envelope) => {
    const outlet = outlets[m.channel];
    if (!outlet) return;
    for (const part of outlet.split(m)) await outlet.send(part);
  };
}

/** The bot checked with getMe, then its webhook (WEBHOOK_URL and WEBHOOK_SECRET) or long polling, then its commands. */
async function startTelegram({ config, log, t }: Settings, token: string, core: Router, route: Forward, ch: Channels): Promise<void> {
  const bot = createTelegramBot(token, core, {
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    log,
    t,
    lang: config.BOT_LANG,
    route,
  });
  ch.outlets.telegram = telegramOutlet(bot.telegram, config.BOT_LANG);
  ch.sources.telegram = telegramFiles(bot.telegram);
  // Up to a second's worth of messages in flight, each recorded before its place frees (see push/sender.ts).
  ch.senders.telegram = new PacedSender({ rate: config.PUSH_RATE });
  // An unreachable Bot API is retried with backoff; a refused token stops start-up.
  bot.botInfo = await untilReachable('Telegram Bot API', () => bot.telegram.getMe(), {
    log: log.child({ channel: 'telegram' }),
    fatal: (e) => e instanceof TelegramError && (e.code === 401 || e.code === 404),
  });
  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const hook = await telegramWebhook(bot, config.WEBHOOK_URL, config.WEBHOOK_SECRET, log);
    ch.routes.set(hook.path, hook.route);
    ch.stops.push(hook.stop);
  } else ch.stops.push(await startPolling(bot, log));
  await registerCommands(bot, core, t, log);
  ch.up.push(`Telegram @${bot.botInfo?.username ?? '?'} (${config.WEBHOOK_URL ? 'webhook' : 'long polling'})`);
}

/** The bot started (retried while unreachable), then its webhook (ZALO_WEBHOOK_URL and ZALO_WEBHOOK_SECRET) or polling. */
async function startZalo({ config, log, t }: Settings, token: string, core: Router, route: Forward, ch: Channels): Promise<void> {
  // In webhook mode pictures are served to Zalo at unguessable, expiring paths of the webhook's server.
  if (config.ZALO_WEBHOOK_URL && config.ZALO_WEBHOOK_SECRET) ch.files = new PublicFiles(new URL(config.ZALO_WEBHOOK_URL).origin);
  const zalo = new ZaloChannel(new ZaloClient(token, { apiRoot: config.ZALO_API_ROOT }), core, {
    log,
    t,
    lang: config.BOT_LANG,
    route,
    ...(ch.files ? { files: ch.files } : {}),
  });
  const me = await untilReachable('Zalo Bot API', () => zalo.start(), {
    log: log.child({ channel: 'zalo' }),
    fatal: (e) => e instanceof ZaloError && (e.code === 401 || e.code === 404),
  });
  ch.outlets.zalo = zalo.outlet();
  ch.senders.zalo = new PacedSender({ rate: config.ZALO_PUSH_RATE });
  if (config.ZALO_WEBHOOK_URL && config.ZALO_WEBHOOK_SECRET) {
    await zalo.client
      .setWebhook(config.ZALO_WEBHOOK_URL, config.ZALO_WEBHOOK_SECRET)
      .catch((e: unknown) => log.log('warn', 'zalo setWebhook failed', { error: e }));
    ch.routes.set(new URL(config.ZALO_WEBHOOK_URL).pathname || '/', zalo.webhook(config.ZALO_WEBHOOK_SECRET));
    ch.stops.push(() => zalo.drain(DRAIN_MS));
  } else {
    const abort = new AbortController();
    const polling = zalo.poll(abort.signal);
    ch.stops.push(async () => {
      abort.abort();
      await polling;
      await zalo.drain(DRAIN_MS);
    });
  }
  ch.up.push(`Zalo ${me.name} (${config.ZALO_WEBHOOK_URL ? 'webhook' : 'long polling'})`);
}

/**
 * The HTTP server on PORT, when a messenger uses a webhook or PUBLIC_URL is set (the desk page, polling mode too): its
 * routes, Zalo's pictures, the desk page under /web, GET /healthz.
 */
export async function startServer({ config, log }: Settings, ch: Channels, deps: CoreDeps, plans: PlanCatalog) {
  const store = deps.store;
  // The database asked each time (within a short limit): out of reach, /healthz says so with a 503.
  const health = async () => {
    const h = { ...store.health(), plans: plans.active().length };
    if (h.store !== 'postgres') return h;
    const reachable = await store.reachable();
    return { ...(reachable ? {} : { ok: false }), ...h, reachable };
  };
  const onError = (e: unknown) => log.log('error', 'http handler failed', { error: e });
  const pages = config.PUBLIC_URL
    ? deskServer(deps, onError, { files: ch.sources, ...(config.TRUST_PROXY ? { trustProxy: config.TRUST_PROXY } : {}) })
    : undefined;
  return ch.routes.size > 0 || pages ? await startHttp(config.PORT, ch.routes, onError, ch.files, health, pages) : undefined;
}
