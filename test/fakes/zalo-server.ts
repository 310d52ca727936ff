/**
 * A local fake of the Zalo Bot API, speaking the documented shapes (../shared/notes/zalo.md): POST
 * /bot<TOKEN>/<method>; answers { ok, result } or { ok:false, error_code, description } with HTTP 200; getUpdates
 * hands out one update at a time with no offset and answers 408 when idle; a set webhook silences getUpdates.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';

export interface SentMessage {
  chat_id: string;
  text: string;
  message_id: string;
}

const hex = (n = 10) => randomBytes(n).toString('hex');

export class FakeZalo {
  readonly botId = hex(10);
  readonly sent: SentMessage[] = [];
  /** Photos sent: Zalo fetches each URL as it is sent, as the real service must (public URLs only). */
  readonly photos: { chat_id: string; url: string; status: number; type: string; size: number }[] = [];
  webhook: { url: string; secret_token: string } | undefined;
  private readonly queue: unknown[] = [];
  private readonly waiting: ((u: unknown) => void)[] = [];
  private server: http.Server | undefined;
  url = '';

  constructor(readonly token: string) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => void this.route(req.url ?? '', body, res));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const w of this.waiting.splice(0)) w(undefined);
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** A user writes: the update is queued for getUpdates. Returns its message id. */
  say(from: string, text: string, opts: { messageId?: string; chatId?: string; isBot?: boolean } = {}): string {
    const messageId = opts.messageId ?? hex(10);
    this.push(this.update(from, text, messageId, opts));
    return messageId;
  }

  update(from: string, text: string, messageId: string, opts: { chatId?: string; isBot?: boolean } = {}) {
    return {
      event_name: 'message.text.received',
      message: {
        message_id: messageId,
        text,
        chat: { id: opts.chatId ?? from, chat_type: 'PRIVATE' },
        from: { id: from, display_name: `U${from.slice(0, 4)}`, is_bot: opts.isBot ?? false },
        date: Date.now(),
      },
    };
  }

  push(update: unknown): void {
    const w = this.waiting.shift();
    if (w) w(update);
    else this.queue.push(update);
  }

  /** Wait until the bot sent a message to this chat that satisfies the test (looking at messages after `after`). */
  async waitFor(chatId: string, test: (text: string) => boolean, after = 0, ms = 15_000): Promise<SentMessage> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = this.sent.slice(after).find((m) => m.chat_id === chatId && test(m.text));
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error(`no message to ${chatId} matched; last: ${this.sent.filter((m) => m.chat_id === chatId).at(-1)?.text}`);
  }

  private reply(res: http.ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private async route(url: string, raw: string, res: http.ServerResponse): Promise<void> {
    const m = url.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!m || m[1] !== this.token) return this.reply(res, { ok: false, error_code: 401, description: 'Unauthorized' });
    let params: Record<string, unknown> = {};
    try {
      params = raw ? JSON.parse(raw) : {};
    } catch {
      return this.reply(res, { ok: false, error_code: 400, description: 'Bad Request' });
    }
    switch (m[2]) {
      case 'getMe':
        return this.reply(res, { ok: true, result: { id: this.botId, account_name: 'bot.kehoach', account_type: 'BASIC', display_name: 'Bot Kế hoạch' } });
      case 'getUpdates': {
        if (this.webhook) return this.reply(res, { ok: false, error_code: 408, description: 'Request timeout' });
        const next = this.queue.shift();
        if (next) return this.reply(res, { ok: true, result: next });
        const timeout = Math.min(Number(params.timeout ?? 30), 30) * 1000;
        const update = await new Promise<unknown>((resolve) => {
          const timer = setTimeout(() => {
            const i = this.waiting.indexOf(resolve);
            if (i >= 0) this.waiting.splice(i, 1);
            resolve(undefined);
          }, timeout);
          this.waiting.push((u) => {
            clearTimeout(timer);
            resolve(u);
          });
        });
        if (res.destroyed || res.socket?.destroyed) {
          if (update) this.queue.unshift(update);
          return;
        }
        return this.reply(res, update ? { ok: true, result: update } : { ok: false, error_code: 408, description: 'Request timeout' });
      }
      case 'sendMessage': {
        const text = String(params.text ?? '');
        if (!params.chat_id || text.length < 1 || text.length > 2000)
          return this.reply(res, { ok: false, error_code: 400, description: 'text must be 1-2000 characters' });
        const message_id = hex(10);
        this.sent.push({ chat_id: String(params.chat_id), text, message_id });
        return this.reply(res, { ok: true, result: { message_id, date: Date.now() } });
      }
      case 'sendPhoto': {
        const url = String(params.photo ?? '');
        if (!params.chat_id || !/^https?:\/\//.test(url)) return this.reply(res, { ok: false, error_code: 400, description: 'photo must be a public URL' });
        void fetch(url)
          .then(async (r) => {
            const bytes = Buffer.from(await r.arrayBuffer());
            this.photos.push({ chat_id: String(params.chat_id), url, status: r.status, type: r.headers.get('content-type') ?? '', size: bytes.length });
          })
          .catch(() => this.photos.push({ chat_id: String(params.chat_id), url, status: 0, type: '', size: 0 }))
          .finally(() => this.reply(res, { ok: true, result: { message_id: hex(10), date: Date.now() } }));
        return;
      }
      case 'setWebhook':
        this.webhook = { url: String(params.url), secret_token: String(params.secret_token) };
        return this.reply(res, { ok: true, result: { url: params.url, updated_at: Date.now() } });
      case 'deleteWebhook':
        this.webhook = undefined;
        return this.reply(res, { ok: true, result: { url: '', updated_at: Date.now() } });
      case 'getWebhookInfo':
        return this.reply(res, { ok: true, result: { url: this.webhook?.url ?? '', updated_at: Date.now() } });
      default:
        return this.reply(res, { ok: false, error_code: 404, description: 'Not Found' });
    }
  }
}
