/**
 * Zalo channel over the Zalo Bot API. Zalo has no buttons: the presenter turns the core's buttons into a numbered
 * menu, which the core remembers per chat (in the store, so it survives a restart) and reads back when the user
 * replies "1", "xong 1" or "hoàn tác 1". Updates come by long polling (one at a time, no offset: duplicates are
 * dropped by message id) or by webhook (secret checked in constant time; wrapped or flat bodies). Each update is
 * handled in its chat's lane (../lanes.ts): a slow one holds up its own chat only, never the polling or other users.
 */
import { z } from 'zod';
import type { From } from '../../core/kernel/channel.ts';
import type { Envelope } from '../../core/kernel/outcome.ts';
import { type MenuView, menuView, presentMenu } from '../../core/kernel/present.ts';
import type { Router } from '../../core/kernel/router.ts';
import type { Lang, T } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import type { OutMessage, Outlet } from '../../push/pusher.ts';
import { SendError } from '../../push/sender.ts';
import type { PublicFiles, Route } from '../http.ts';
import { Lanes } from '../lanes.ts';
import { splitMessage } from '../telegram/render.ts';
import { type ZaloClient, ZaloError, type ZaloUpdate } from './client.ts';

/** Zalo accepts 1–2,000 characters; room is left for the menu's numbering. */
export const ZALO_CHUNK = 1900;

const updateSchema = z.object({
  event_name: z.string(),
  message: z.object({
    message_id: z.string().min(1),
    text: z.string().optional(),
    /** An image's URL (message.image.received), as third-party clients of the API read it. */
    photo: z.unknown().optional(),
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

export interface ZaloOptions {
  log: Logger;
  t: T;
  lang: Lang;
  /** Deliver a message meant for another messenger. */
  route: (m: Envelope) => Promise<void>;
  /** Where pictures get a public URL (webhook mode); none when polling: their text is sent instead. */
  files?: PublicFiles;
}

export class ZaloChannel {
  private botId: string | undefined;
  private readonly seen = new Set<string>();
  private readonly lanes: Lanes;

  constructor(
    readonly client: ZaloClient,
    private readonly core: Router,
    private readonly opts: ZaloOptions,
  ) {
    this.lanes = new Lanes((error, lane) => opts.log.log('error', 'update failed and was dropped', { channel: 'zalo', lane, error }));
  }

  /** Queue an update in its chat's lane; resolves once queued (waiting while the bot holds as many as it takes). */
  private take(body: unknown): Promise<void> {
    const chat = parseUpdate(body)?.message.chat.id;
    return this.lanes.add(chat ? `chat:${chat}` : 'other', () => this.handleUpdate(body));
  }

  /** Resolves once the updates taken are handled (at most `timeoutMs`): for a clean stop. */
  drain(timeoutMs: number): Promise<void> {
    return this.lanes.drain(timeoutMs);
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
    const log = this.opts.log.child({ channel: 'zalo', messageId: m.message_id, user: m.from.id });
    try {
      // A photo (evidence of a tick): Zalo gives its URL, which is kept by reference.
      if (update.event_name === 'message.image.received' && typeof m.photo === 'string' && /^https?:\/\//.test(m.photo) && from.privateChat) {
        const url = m.photo;
        const outcome = await this.core.onDocument(from, {
          filename: `anh-zalo-${m.message_id.slice(0, 8)}.jpg`,
          kind: 'photo',
          ref: url,
          read: async () => Buffer.from(await (await fetch(url, { signal: AbortSignal.timeout(30_000) })).arrayBuffer()),
        });
        for (const view of presentMenu(outcome, this.opts.lang).messages) await this.show(from.chatId, view);
        return;
      }
      if (update.event_name !== 'message.text.received' || m.text === undefined) {
        // Files come as "unsupported" (the Zalo Bot API does not hand them to bots): say where a plan file goes.
        const files = update.event_name === 'message.unsupported.received' ? `\n${this.opts.t('import.chat.zaloNoFiles')}` : '';
        if (from.privateChat) await this.send(from.chatId, `${this.opts.t('zalo.textOnly')}${files}`);
        return;
      }
      const outcome = await this.core.onText(from, m.text);
      const shown = presentMenu(outcome, this.opts.lang);
      for (const view of shown.messages) await this.show(from.chatId, view);
      for (const [i, other] of shown.others.entries()) {
        if (other.channel === 'zalo') await this.show(other.chatId, other);
        else await this.opts.route(outcome.others[i]!).catch((e: unknown) => log.log('warn', 'route failed', { channel: other.channel, error: e }));
      }
    } catch (e) {
      log.log('error', 'zalo handler failed', { error: e });
      await this.send(from.chatId, this.opts.t('error.sorry'));
    }
  }

  /** Send a rendered message; its menu becomes the chat's menu first, so a quick reply finds it. */
  async show(chatId: string, view: MenuView): Promise<void> {
    await this.core.rememberMenu('zalo', chatId, view.entries, view.decision);
    if (view.photo) await this.photo(chatId, view.photo);
    // A photo kept by its Zalo URL is sent again by it; a document cannot be sent here.
    if (view.attachment?.kind === 'photo' && /^https:\/\//.test(view.attachment.ref))
      await this.client.sendPhoto(chatId, view.attachment.ref).catch((e: unknown) => this.opts.log.log('warn', 'zalo sendPhoto failed', { chatId, error: e }));
    await this.send(chatId, view.document ? `${view.text}\n\n${this.fileLink(view.document)}` : view.text);
  }

  /**
   * A file (a report): with a public address (webhook mode), a link that expires, as the chart's picture; without
   * one (polling), what to do instead, plainly.
   */
  private fileLink(d: NonNullable<MenuView['document']>): string {
    const url = /\.xlsx$/i.test(d.filename) ? this.opts.files?.put(d.bytes, 'xlsx', d.filename) : undefined;
    return url ? this.opts.t('document.link', { url, minutes: this.opts.files!.minutes }) : d.notHere;
  }

  /**
   * A picture: Zalo fetches photos by URL only, so with a public address (webhook mode) it is served at an
   * unguessable path that expires; without one (polling), its text stands in for it.
   */
  private async photo(chatId: string, p: NonNullable<MenuView['photo']>): Promise<void> {
    const url = this.opts.files?.put(p.bytes, 'png');
    if (!url) {
      await this.send(chatId, p.fallback);
      return;
    }
    try {
      await this.client.sendPhoto(chatId, url);
    } catch (e) {
      this.opts.log.log('warn', 'zalo sendPhoto failed', { chatId, error: e });
      await this.send(chatId, p.fallback);
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
        if (update) await this.take(update);
      } catch (e) {
        if (signal.aborted) break;
        this.opts.log.log('warn', 'zalo getUpdates failed', { error: e });
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  /** The webhook route: the server checks the secret header (constant time) and reads the body; wrapped or flat. */
  webhook(secret: string): Route {
    return {
      secret: { header: 'x-bot-api-secret-token', value: secret },
      handle: (body, _req, res) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          res.writeHead(400).end();
          return;
        }
        if (this.lanes.full) {
          res.writeHead(503).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        void this.take(parsed);
      },
    };
  }

  /** Zalo as an outlet for pushes: the menu of a push becomes the chat's menu, so "xong 1" answers it. */
  outlet(): Outlet {
    return {
      split: (m: Envelope): OutMessage[] => {
        const view = menuView(m, this.opts.lang);
        // Without a public address the picture's text bars go with the text.
        const url = view.photo ? this.opts.files?.put(view.photo.bytes, 'png') : undefined;
        const text = view.photo && !url ? `${view.photo.fallback}\n\n${view.text}` : view.text;
        const parts = splitMessage(text, ZALO_CHUNK);
        return parts.map((part, i) => ({
          channel: 'zalo',
          chatId: m.chatId,
          text: part,
          ...(i === 0 && url ? { photoUrl: url } : {}),
          ...(i === parts.length - 1 ? { entries: view.entries, ...(view.decision ? { decision: view.decision } : {}) } : {}),
        }));
      },
      send: async (m: OutMessage) => {
        if (m.entries) await this.core.rememberMenu('zalo', m.chatId, m.entries, m.decision);
        try {
          // A picture Zalo could not fetch is not worth the message: the text goes on.
          if (m.photoUrl)
            await this.client.sendPhoto(m.chatId, m.photoUrl).catch((e: unknown) => this.opts.log.log('warn', 'zalo sendPhoto failed', { error: e }));
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
