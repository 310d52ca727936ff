/** Running the Telegram bot: long polling, or a webhook route (secret header checked by telegraf). */
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../log.ts';
import type { Handler } from '../http.ts';

export async function startPolling(bot: Telegraf, log: Logger): Promise<() => void> {
  bot.botInfo ??= await bot.telegram.getMe();
  // launch() resolves only when polling stops, so it is not awaited.
  bot.launch({ dropPendingUpdates: false }).catch((e: unknown) => log.log('error', 'polling stopped', { error: e }));
  return () => bot.stop('shutdown');
}

/** Register the webhook with Telegram and return the route that serves it. */
export async function telegramWebhook(bot: Telegraf, url: string, secret: string, log: Logger): Promise<{ path: string; handler: Handler }> {
  bot.botInfo ??= await bot.telegram.getMe();
  const path = new URL(url).pathname || '/';
  const callback = bot.webhookCallback(path, { secretToken: secret });
  try {
    await bot.telegram.setWebhook(url, { secret_token: secret });
  } catch (e) {
    log.log('warn', 'setWebhook failed', { error: e });
  }
  return {
    path,
    handler: (req, res) => {
      void callback(req, res).catch((e: unknown) => {
        log.log('error', 'webhook request failed', { error: e });
        if (!res.headersSent) res.writeHead(500).end();
      });
    },
  };
}
