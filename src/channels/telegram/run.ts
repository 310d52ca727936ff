/**
 * Running the Telegram bot: long polling by default; with WEBHOOK_URL and WEBHOOK_SECRET, an HTTP server on PORT
 * that accepts updates only with the secret header, plus GET /healthz for monitoring.
 */
import http from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../log.ts';

export interface Running {
  stop(reason: string): Promise<void>;
  /** The webhook server's port (webhook mode only). */
  port?: number;
}

export async function startPolling(bot: Telegraf, log: Logger): Promise<Running> {
  bot.botInfo ??= await bot.telegram.getMe();
  // launch() resolves only when polling stops, so it is not awaited.
  bot.launch({ dropPendingUpdates: false }).catch((e: unknown) => log.log('error', 'polling stopped', { error: e }));
  return {
    async stop(reason) {
      bot.stop(reason);
    },
  };
}

export async function startWebhook(bot: Telegraf, opts: { url: string; secret: string; port: number; log: Logger }): Promise<Running> {
  const { url, secret, port, log } = opts;
  bot.botInfo ??= await bot.telegram.getMe();
  const path = new URL(url).pathname || '/';
  const callback = bot.webhookCallback(path, { secretToken: secret });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    void callback(req, res).catch((e: unknown) => {
      log.log('error', 'webhook request failed', { error: e });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  try {
    await bot.telegram.setWebhook(url, { secret_token: secret });
  } catch (e) {
    log.log('warn', 'setWebhook failed', { error: e });
  }
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
