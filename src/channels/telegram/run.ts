/** Running the Telegram bot: long polling, or a webhook route. */
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../log.ts';
import type { Route } from '../http.ts';

export async function startPolling(bot: Telegraf, log: Logger): Promise<() => void> {
  bot.botInfo ??= await bot.telegram.getMe();
  // launch() resolves only when polling stops, so it is not awaited.
  bot.launch({ dropPendingUpdates: false }).catch((e: unknown) => log.log('error', 'polling stopped', { error: e }));
  return () => bot.stop('shutdown');
}

/**
 * Register the webhook with Telegram and return the route that serves it. The server checks the secret and reads
 * the body; telegraf gets the decoded body and the full path Telegram calls (a query string included).
 */
export async function telegramWebhook(bot: Telegraf, url: string, secret: string, log: Logger): Promise<{ path: string; route: Route }> {
  bot.botInfo ??= await bot.telegram.getMe();
  const u = new URL(url);
  const path = u.pathname || '/';
  const callback = bot.webhookCallback(`${path}${u.search}`, { secretToken: secret });
  try {
    await bot.telegram.setWebhook(url, { secret_token: secret });
  } catch (e) {
    log.log('warn', 'setWebhook failed', { error: e });
  }
  return {
    path,
    route: {
      secret: { header: 'x-telegram-bot-api-secret-token', value: secret },
      handle: async (body, req, res) => {
        (req as typeof req & { body?: string }).body = body;
        // Telegram calls the URL it was given; a request for the path alone still reaches the bot.
        if (u.search && !req.url?.includes('?')) req.url = `${req.url}${u.search}`;
        await callback(req, res);
      },
    },
  };
}
