/** Telegram as an outlet for pushes: rendered by the presenter, split like any reply, Bot API errors mapped for the paced sender. */
import { type Telegram, TelegramError } from 'telegraf';
import type { Envelope } from '../../core/kernel/outcome.ts';
import { buttonsView } from '../../core/kernel/present.ts';
import type { Lang } from '../../i18n.ts';
import type { OutMessage, Outlet } from '../../push/pusher.ts';
import { SendError } from '../../push/sender.ts';
import { escapeHtml, inlineKeyboard, splitMessage } from './render.ts';

export function toSendError(e: unknown): SendError {
  if (e instanceof TelegramError) {
    if (e.code === 429) return new SendError('rate', e.description, ((e.parameters as { retry_after?: number } | undefined)?.retry_after ?? 1) * 1000);
    if (e.code === 403) return new SendError('blocked', e.description);
    return new SendError('other', `${e.code}: ${e.description}`);
  }
  return new SendError('other', e instanceof Error ? e.message : String(e));
}

export function telegramOutlet(telegram: Telegram, lang: Lang): Outlet {
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
      try {
        await telegram.sendMessage(m.chatId, escapeHtml(m.text), { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) });
      } catch (e) {
        throw toSendError(e);
      }
    },
  };
}
