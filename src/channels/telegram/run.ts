/**
 * Running the Telegram bot: long polling, or a webhook route. Either way an update is taken in at once and handled
 * in its chat's lane (../lanes.ts), so that:
 *
 * - a slow update (a plan file being read) never holds up other users: telegraf's own polling waits for a whole batch
 *   to be handled before it fetches the next, and a webhook answered late is sent again by Telegram;
 * - an update is confirmed as soon as it is taken, whatever then becomes of it: Telegram confirms a polled update by
 *   the next fetch (its offset), a webhook update by the answer. An update that throws, or that brings the process
 *   down, is therefore never handed out again — a poison update is logged and dropped, not retried at every restart.
 *   The price: an update being handled when the process dies is not handled (its sender gets no answer and asks
 *   again), which a change already told to its user never is — that is durable before the reply.
 */
import type { Telegraf } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log.ts';
import type { Route } from '../http.ts';
import { DRAIN_MS, Lanes } from '../lanes.ts';

/** The long poll's wait for updates, in seconds. */
const POLL_TIMEOUT_S = 50;

/** The chat an update belongs to: its lane. */
export function laneOf(update: Update): string {
  const u = update as {
    message?: { chat?: { id: number } };
    edited_message?: { chat?: { id: number } };
    callback_query?: { from?: { id: number }; message?: { chat?: { id: number } } };
    my_chat_member?: { chat?: { id: number } };
  };
  const chat = u.message?.chat?.id ?? u.edited_message?.chat?.id ?? u.callback_query?.message?.chat?.id ?? u.my_chat_member?.chat?.id;
  if (chat !== undefined) return `chat:${chat}`;
  const user = u.callback_query?.from?.id;
  return user !== undefined ? `user:${user}` : 'other';
}

function updateLanes(bot: Telegraf, log: Logger): { lanes: Lanes; take: (update: Update) => Promise<void> } {
  const lanes = new Lanes((error, lane) => log.log('error', 'update failed and was dropped', { channel: 'telegram', lane, error }));
  const take = (update: Update) => lanes.add(laneOf(update), () => bot.handleUpdate(update));
  return { lanes, take };
}

/** Long polling until stopped. The returned stop confirms what was taken and waits for it to be handled. */
export async function startPolling(bot: Telegraf, log: Logger): Promise<() => Promise<void>> {
  bot.botInfo ??= await bot.telegram.getMe();
  const { lanes, take } = updateLanes(bot, log);
  const abort = new AbortController();
  const loop = pollUpdates(bot.telegram, take, abort.signal, log).catch((e: unknown) => log.log('error', 'polling stopped', { error: e }));
  return async () => {
    abort.abort();
    await loop;
    await lanes.drain(DRAIN_MS);
  };
}

/**
 * Fetch updates and hand each to `take` (which queues it), then fetch again: the next fetch's offset confirms the
 * batch, handled or not. A network error, a 5xx or a 429 is waited out (retry_after, else 5 s); a refused token
 * (401) or another process polling with the same token (409) stops polling, as telegraf does.
 */
export async function pollUpdates(
  telegram: Pick<Telegraf['telegram'], 'callApi'>,
  take: (update: Update) => Promise<void>,
  signal: AbortSignal,
  log: Logger,
): Promise<void> {
  let offset = 0;
  while (!signal.aborted) {
    let updates: Update[];
    try {
      // telegraf types the signal as its polyfill's; its fetch takes Node's own.
      updates = await telegram.callApi('getUpdates', { timeout: POLL_TIMEOUT_S, offset }, { signal: signal as never });
    } catch (e) {
      if (signal.aborted) break;
      if (e instanceof TelegramError && (e.code === 401 || e.code === 409)) throw e;
      const seconds = (e instanceof TelegramError ? e.parameters?.retry_after : undefined) ?? 5;
      log.log('warn', 'getUpdates failed; trying again', { seconds, error: e });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, seconds * 1000);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      continue;
    }
    for (const update of updates) {
      offset = Math.max(offset, update.update_id + 1);
      await take(update);
    }
  }
  // What was taken is confirmed, so that the next start does not receive it again.
  if (offset > 0) await telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch(() => undefined);
}

/**
 * Register the webhook with Telegram and return the route that serves it. The server checks the secret and reads
 * the body; the update is answered 200 as soon as it is queued (400 for a body that is no update; 503 while the bot
 * holds as many updates as it takes, and Telegram sends it again later).
 */
export async function telegramWebhook(
  bot: Telegraf,
  url: string,
  secret: string,
  log: Logger,
): Promise<{ path: string; route: Route; stop: () => Promise<void> }> {
  bot.botInfo ??= await bot.telegram.getMe();
  const u = new URL(url);
  const path = u.pathname || '/';
  try {
    await bot.telegram.setWebhook(url, { secret_token: secret });
  } catch (e) {
    log.log('warn', 'setWebhook failed', { error: e });
  }
  const { lanes, take } = updateLanes(bot, log);
  return {
    path,
    route: {
      secret: { header: 'x-telegram-bot-api-secret-token', value: secret },
      handle: async (body, _req, res) => {
        let update: Update | undefined;
        try {
          const parsed = JSON.parse(body) as { update_id?: unknown };
          if (typeof parsed?.update_id === 'number') update = parsed as Update;
        } catch {
          // Not JSON: answered below.
        }
        if (!update) {
          res.writeHead(400).end();
          return;
        }
        if (lanes.full) {
          res.writeHead(503).end();
          return;
        }
        await take(update);
        res.writeHead(200).end();
      },
    },
    stop: () => lanes.drain(DRAIN_MS),
  };
}
