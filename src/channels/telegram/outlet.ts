/** Telegram as an outlet for pushes: rendered by the presenter, split like any reply, Bot API errors mapped for the paced sender. */
import { type Telegram, TelegramError } from 'telegraf';
import type { Envelope } from '../../core/kernel/outcome.ts';
import { buttonsView } from '../../core/kernel/present.ts';
import type { Lang } from '../../i18n.ts';
import type { OutMessage, Outlet } from '../../push/pusher.ts';
import { SendError } from '../../push/sender.ts';
import { LiveMessages } from './live.ts';
import { escapeHtml, inlineKeyboard, splitMessage } from './render.ts';

export function toSendError(e: unknown): SendError {
  if (e instanceof TelegramError) {
    if (e.code === 429) return new SendError('rate', e.description, ((e.parameters as { retry_after?: number } | undefined)?.retry_after ?? 1) * 1000);
    if (e.code === 403) return new SendError('blocked', e.description);
    return new SendError('other', `${e.code}: ${e.description}`);
  }
  return new SendError('other', e instanceof Error ? e.message : String(e));
}

const notModified = (e: unknown) => e instanceof TelegramError && /message is not modified/i.test(e.description);

/**
 * `live` remembers the messages a running job edits in place (Post.live): the first post with a key is sent, each
 * later one edits it; a message that can no longer be edited (deleted, too old) is replaced by a new one.
 */
export function telegramOutlet(telegram: Telegram, lang: Lang, live = new LiveMessages()): Outlet {
  return {
    split(m: Envelope): OutMessage[] {
      const view = buttonsView(m, lang);
      const parts = splitMessage(view.text);
      return parts.map((text, i) => ({
        channel: m.channel,
        chatId: m.chatId,
        text,
        // A picture goes out just before the first part of its text.
        ...(i === 0 && view.photo ? { photo: view.photo } : {}),
        ...(i === parts.length - 1 && view.keyboard.length > 0 ? { keyboard: view.keyboard } : {}),
        // One message edited in place: only a post that fits one message, without a picture.
        ...(m.live && parts.length === 1 && !view.photo ? { live: m.live } : {}),
      }));
    },
    async send(m: OutMessage): Promise<void> {
      const markup = inlineKeyboard(m.keyboard);
      if (m.photo) {
        try {
          await telegram.sendPhoto(m.chatId, { source: m.photo.bytes, filename: m.photo.filename });
        } catch (e) {
          // The text says everything the picture shows: only a rate limit holds the message back (and retries both).
          const err = toSendError(e);
          if (err.kind === 'rate' || err.kind === 'blocked') throw err;
        }
      }
      const extra = { parse_mode: 'HTML' as const, ...(markup ? { reply_markup: markup } : {}) };
      const earlier = m.live ? live.get(m.chatId, m.live) : undefined;
      if (earlier !== undefined) {
        try {
          await telegram.editMessageText(m.chatId, earlier, undefined, escapeHtml(m.text), extra);
          return;
        } catch (e) {
          // The same text again (a double note) is done; a rate limit or a blocked bot is the send's failure.
          if (notModified(e)) return;
          const err = toSendError(e);
          if (err.kind === 'rate' || err.kind === 'blocked') throw err;
          // Otherwise the message is gone or can no longer be edited: a new one carries on.
        }
      }
      try {
        const sent = await telegram.sendMessage(m.chatId, escapeHtml(m.text), extra);
        if (m.live) live.set(m.chatId, m.live, sent.message_id);
      } catch (e) {
        throw toSendError(e);
      }
    },
  };
}
