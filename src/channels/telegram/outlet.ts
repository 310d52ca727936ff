/** Telegram as an outlet for pushes: split like any reply, and Bot API errors mapped for the paced sender. */
import { type Telegram, TelegramError } from 'telegraf';
import type { Message } from '../../core/context.ts';
import type { Outlet } from '../../push/pusher.ts';
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

export function telegramOutlet(telegram: Telegram): Outlet {
  return {
    split(m: Message): Message[] {
      const parts = splitMessage(m.text);
      return parts.map((text, i) => {
        const { buttons: _b, ...rest } = m;
        return i === parts.length - 1 && m.buttons ? { ...rest, text, buttons: m.buttons } : { ...rest, text };
      });
    },
    async send(m: Message): Promise<void> {
      const markup = inlineKeyboard(m.buttons);
      try {
        await telegram.sendMessage(m.chatId, escapeHtml(m.text), { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) });
      } catch (e) {
        throw toSendError(e);
      }
    },
  };
}
