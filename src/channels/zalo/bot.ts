/**
 * Zalo channel over the Zalo Bot API. Zalo has no buttons: where Telegram shows them, Zalo shows a numbered menu,
 * remembered per chat for a while, and reads a reply such as "1", "xong 2" or "/xong III.4". A stale or unknown
 * number is refused with the current menu. Updates come by long polling (one at a time, no offset: duplicates are
 * dropped by message id) or by webhook (secret checked in constant time; wrapped or flat bodies).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Assistant } from '../../core/assistant.ts';
import type { Button, From, Message, Result } from '../../core/context.ts';
import type { T } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import type { Outlet } from '../../push/pusher.ts';
import { SendError } from '../../push/sender.ts';
import { splitMessage } from '../telegram/render.ts';
import { type ZaloClient, ZaloError, type ZaloUpdate } from './client.ts';

/** Zalo accepts 1–2,000 characters; room is left for the menu's numbering. */
export const ZALO_CHUNK = 1900;

const updateSchema = z.object({
  event_name: z.string(),
  message: z.object({
    message_id: z.string().min(1),
    text: z.string().optional(),
    chat: z.object({ id: z.string().min(1), chat_type: z.string().optional() }),
    from: z.object({ id: z.string().min(1), display_name: z.string().optional(), is_bot: z.boolean().optional() }),
    date: z.number().optional(),
  }),
});

/** The update in a webhook body or a getUpdates result: wrapped ({ok, result}) or flat. */
export function parseUpdate(body: unknown): ZaloUpdate | undefined {
  const inner = body && typeof body === 'object' && 'result' in body ? (body as { result: unknown }).result : body;
  const parsed = updateSchema.safeParse(Array.isArray(inner) ? inner[0] : inner);
  return parsed.success ? (parsed.data as ZaloUpdate) : undefined;
}

interface Menu {
  actions: string[];
  labels: string[];
  expires: number;
}

export interface ZaloOptions {
  log: Logger;
  t: T;
  /** Deliver a message meant for another messenger. */
  route: (m: Message) => Promise<void>;
  menuTtlMs?: number;
  now?: () => number;
}

export class ZaloChannel {
  private botId: string | undefined;
  private readonly seen = new Set<string>();
  private readonly menus = new Map<string, Menu>();
  private readonly menuTtlMs: number;
  private readonly now: () => number;

  constructor(
    readonly client: ZaloClient,
    private readonly assistant: Assistant,
    private readonly opts: ZaloOptions,
  ) {
    this.menuTtlMs = opts.menuTtlMs ?? 24 * 60 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  async start(): Promise<{ id: string; name: string }> {
    const me = await this.client.getMe();
    this.botId = me.id;
    return { id: me.id, name: me.display_name ?? me.account_name ?? me.id };
  }

  /** Remember a message id; false when it was seen before (the same update delivered twice). */
  private firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > 5000) this.seen.delete(this.seen.values().next().value!);
    return true;
  }

  async handleUpdate(body: unknown): Promise<void> {
    const update = parseUpdate(body);
    if (!update) {
      this.opts.log.log('warn', 'zalo update not understood');
      return;
    }
    const m = update.message;
    if (m.from.is_bot || (this.botId && m.from.id === this.botId)) return;
    if (!this.firstTime(m.message_id)) return;
    const from: From = { channel: 'zalo', userId: m.from.id, chatId: m.chat.id, privateChat: (m.chat.chat_type ?? 'PRIVATE').toUpperCase() !== 'GROUP' };
    try {
      if (update.event_name !== 'message.text.received' || m.text === undefined) {
        if (from.privateChat) await this.send(from.chatId, this.opts.t('zalo.textOnly'));
        return;
      }
      await this.onText(from, m.text);
    } catch (e) {
      this.opts.log.log('error', 'zalo handler failed', { error: e });
      await this.send(from.chatId, this.opts.t('error.sorry')).catch(() => undefined);
    }
  }

  private async onText(from: From, raw: string): Promise<void> {
    const text = raw.trim();
    const xong = text.match(/^\/?xong\s+(\S+)$/i);
    if (xong) {
      const arg = xong[1]!;
      if (/^\d{1,3}$/.test(arg)) return this.pick(from, Number(arg), true);
      return this.act(from, `t:${arg.toUpperCase().replace(/B$/, 'b')}`, true);
    }
    if (/^\d{1,3}$/.test(text)) return this.pick(from, Number(text), false);
    await this.render(from, await this.assistant.onText(from, raw));
  }

  /** A numbered reply: the action behind that number of the chat's current menu. */
  private async pick(from: From, n: number, done: boolean): Promise<void> {
    const menu = this.menus.get(from.chatId);
    if (!menu || menu.expires < this.now()) {
      this.menus.delete(from.chatId);
      await this.send(from.chatId, this.opts.t('zalo.noMenu'));
      return;
    }
    const action = menu.actions[n - 1];
    if (!action) {
      await this.send(from.chatId, `${this.opts.t('zalo.badChoice', { n })}${this.menuText(menu.labels)}`);
      return;
    }
    await this.act(from, action, done);
  }

  /** Run an action; with `done` ("xong"), also confirm a tick in the same step. */
  private async act(from: From, action: string, done: boolean): Promise<void> {
    let result = await this.assistant.onAction(from, action);
    const confirm = done ? [...(result.edit?.buttons ?? [])].flat().find((b) => b.action.startsWith('c:')) : undefined;
    if (confirm) result = await this.assistant.onAction(from, confirm.action);
    await this.render(from, result);
  }

  private menuText(labels: string[]): string {
    return `\n\n${labels.map((l, i) => `${i + 1}. ${l}`).join('\n')}\n${this.opts.t('zalo.menuHint')}`;
  }

  /** Text for a chat with its buttons as a numbered menu, which becomes the chat's current menu. */
  withMenu(chatId: string, text: string, buttons?: Button[][]): string {
    const flat = (buttons ?? []).flat();
    if (flat.length === 0) return text;
    const menu: Menu = { actions: flat.map((b) => b.action), labels: flat.map((b) => b.label), expires: this.now() + this.menuTtlMs };
    if (this.menus.size > 10_000) for (const [chat, m] of this.menus) if (m.expires < this.now()) this.menus.delete(chat);
    this.menus.set(chatId, menu);
    return `${text}${this.menuText(menu.labels)}`;
  }

  private async render(from: From, r: Result): Promise<void> {
    if (r.toast && !r.edit) await this.send(from.chatId, r.toast);
    if (r.edit) await this.send(from.chatId, this.withMenu(from.chatId, r.edit.text, r.edit.buttons));
    for (const m of r.messages) {
      if (m.channel !== 'zalo') await this.opts.route(m).catch((e: unknown) => this.opts.log.log('warn', 'route failed', { error: e }));
      else await this.send(m.chatId, this.withMenu(m.chatId, m.text, m.buttons));
    }
  }

  /** Send text (split below 2,000 characters); failures are logged, not thrown. */
  async send(chatId: string, text: string): Promise<void> {
    for (const chunk of splitMessage(text, ZALO_CHUNK)) {
      try {
        await this.client.sendMessage(chatId, chunk);
      } catch (e) {
        this.opts.log.log('warn', 'zalo sendMessage failed', { chatId, error: e });
        return;
      }
    }
  }

  /** Long polling until the signal aborts. A set webhook is removed first (they are exclusive). */
  async poll(signal: AbortSignal): Promise<void> {
    await this.client.deleteWebhook().catch((e: unknown) => this.opts.log.log('warn', 'zalo deleteWebhook failed', { error: e }));
    let backoff = 1000;
    while (!signal.aborted) {
      try {
        const update = await this.client.getUpdates(30, signal);
        backoff = 1000;
        if (update) await this.handleUpdate(update);
      } catch (e) {
        if (signal.aborted) break;
        this.opts.log.log('warn', 'zalo getUpdates failed', { error: e });
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  /** The webhook endpoint: refuses calls without the secret header (compared in constant time). */
  webhook(secret: string): (req: IncomingMessage, res: ServerResponse) => void {
    const expected = Buffer.from(secret);
    return (req, res) => {
      const got = Buffer.from(String(req.headers['x-bot-api-secret-token'] ?? ''));
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
        res.writeHead(403).end();
        return;
      }
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c;
        if (body.length > 1_000_000) req.destroy();
      });
      req.on('end', () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        void this.handleUpdate(parsed);
      });
    };
  }

  /** Zalo as an outlet for pushes: the menu of a push becomes the chat's menu, so "xong 1" answers it. */
  outlet(): Outlet {
    return {
      split: (m) => {
        const parts = splitMessage(this.withMenu(m.chatId, m.text, m.buttons), ZALO_CHUNK);
        return parts.map((text) => ({ channel: 'zalo', chatId: m.chatId, text }));
      },
      send: async (m) => {
        try {
          await this.client.sendMessage(m.chatId, m.text);
        } catch (e) {
          if (e instanceof ZaloError && e.code === 429) throw new SendError('rate', e.description, 5000);
          if (e instanceof ZaloError && e.code === 403) throw new SendError('blocked', e.description);
          throw new SendError('other', e instanceof Error ? e.message : String(e));
        }
      },
    };
  }
}
