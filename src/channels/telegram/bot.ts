/**
 * Telegram channel on telegraf: turns updates into core calls and renders the core's results. In private chats
 * it answers everything; in groups only when addressed (a command, a mention, a reply to the bot). A failing
 * handler or Bot API call is logged and answered with an apology where possible; the process keeps running.
 */
import { Telegraf, TelegramError } from 'telegraf';
import type { Context } from 'telegraf';
import type { Assistant } from '../../core/assistant.ts';
import { MENU } from '../../core/assistant.ts';
import type { From, Message, Result } from '../../core/context.ts';
import type { T } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import { escapeHtml, inlineKeyboard, splitMessage } from './render.ts';

export interface TelegramOptions {
  apiRoot?: string;
  log: Logger;
  t: T;
  /** Deliver a message meant for another messenger (e.g. a Zalo official told of an approval). */
  route?: (m: Message) => Promise<void>;
}

function fromOf(ctx: Context): From | undefined {
  const chat = ctx.chat;
  const user = ctx.from;
  if (!chat || !user) return undefined;
  return { channel: 'telegram', userId: String(user.id), chatId: String(chat.id), privateChat: chat.type === 'private' };
}

const notModified = (e: unknown) => e instanceof TelegramError && /message is not modified/i.test(e.description);

/** Send one core message (split into chunks; buttons on the last chunk). Failures are logged, not thrown. */
async function send(ctx: Context, m: Message, t: T, log: Logger): Promise<void> {
  const chunks = splitMessage(m.text);
  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    const markup = last
      ? m.requestContact
        ? { keyboard: [[{ text: t('telegram.shareContact'), request_contact: true }]], one_time_keyboard: true, resize_keyboard: true }
        : inlineKeyboard(m.buttons)
      : undefined;
    try {
      await ctx.telegram.sendMessage(m.chatId, escapeHtml(chunks[i]!), { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) });
    } catch (e) {
      log.log('warn', 'sendMessage failed', { chatId: m.chatId, error: e });
      return;
    }
  }
}

async function deliver(ctx: Context, r: Result, t: T, log: Logger, route?: (m: Message) => Promise<void>): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery(r.toast?.slice(0, 200)).catch((e: unknown) => log.log('warn', 'answerCbQuery failed', { error: e }));
  } else if (r.toast) {
    r.messages.unshift({ channel: 'telegram', chatId: String(ctx.chat!.id), text: r.toast });
  }
  if (r.edit) {
    const markup = inlineKeyboard(r.edit.buttons);
    const text = splitMessage(r.edit.text)[0]!;
    try {
      await ctx.editMessageText(escapeHtml(text), { parse_mode: 'HTML', reply_markup: markup ?? { inline_keyboard: [] } });
    } catch (e) {
      if (!notModified(e)) {
        log.log('warn', 'editMessageText failed; sending instead', { error: e });
        await send(
          ctx,
          { channel: 'telegram', chatId: String(ctx.chat!.id), text: r.edit.text, ...(r.edit.buttons ? { buttons: r.edit.buttons } : {}) },
          t,
          log,
        );
      }
    }
  }
  for (const m of r.messages) {
    if (m.channel === 'telegram') await send(ctx, m, t, log);
    else if (route) await route(m).catch((e: unknown) => log.log('warn', 'route failed', { channel: m.channel, error: e }));
  }
}

/** In a group, the text addressed to the bot (mention removed), or undefined when it is not addressed. */
export function addressedText(ctx: Context, text: string): string | undefined {
  const chat = ctx.chat;
  if (!chat || chat.type === 'private') return text;
  const me = ctx.botInfo?.username;
  if (text.startsWith('/')) {
    const target = text.match(/^\/\w+@(\w+)/)?.[1];
    return !target || (me && target.toLowerCase() === me.toLowerCase()) ? text : undefined;
  }
  if (me && text.toLowerCase().includes(`@${me.toLowerCase()}`)) return text.replace(new RegExp(`@${me}`, 'ig'), '').trim();
  const msg = ctx.message as { reply_to_message?: { from?: { id: number } } } | undefined;
  if (msg?.reply_to_message?.from?.id === ctx.botInfo?.id) return text;
  return undefined;
}

export function createTelegramBot(token: string, assistant: Assistant, opts: TelegramOptions): Telegraf {
  const { log, t } = opts;
  const bot = new Telegraf(token, { ...(opts.apiRoot ? { telegram: { apiRoot: opts.apiRoot } } : {}) });

  bot.on('message', async (ctx) => {
    const from = fromOf(ctx);
    if (!from) return;
    const msg = ctx.message;
    if ('contact' in msg) {
      if (!from.privateChat) return;
      const c = msg.contact;
      await deliver(ctx, await assistant.onContact(from, { phone: c.phone_number, ...(c.user_id ? { userId: String(c.user_id) } : {}) }), t, log, opts.route);
      return;
    }
    if (!('text' in msg)) {
      if (from.privateChat) await deliver(ctx, { messages: [{ channel: 'telegram', chatId: from.chatId, text: t('telegram.textOnly') }] }, t, log);
      return;
    }
    const text = addressedText(ctx, msg.text);
    if (text === undefined) return;
    await deliver(ctx, await assistant.onText(from, text), t, log, opts.route);
  });

  bot.on('callback_query', async (ctx) => {
    const from = fromOf(ctx);
    const cq = ctx.callbackQuery;
    if (!from || !('data' in cq)) {
      await ctx.answerCbQuery(t('action.invalid')).catch(() => undefined);
      return;
    }
    await deliver(ctx, await assistant.onAction(from, cq.data), t, log, opts.route);
  });

  bot.catch(async (err, ctx) => {
    log.log('error', 'handler failed', { updateId: ctx.update.update_id, error: err });
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery(t('error.sorry'));
      else if (ctx.chat) await ctx.reply(t('error.sorry'));
    } catch (e) {
      log.log('warn', 'apology failed', { error: e });
    }
  });

  return bot;
}

/** The command menu, described in Vietnamese. The emulator lacks setMyCommands: a failure is only logged. */
export async function registerCommands(bot: Telegraf, t: T, log: Logger): Promise<void> {
  try {
    await bot.telegram.setMyCommands(MENU.map((c) => ({ command: c, description: t(`menu.${c}`) })));
  } catch (e) {
    log.log('warn', 'setMyCommands failed', { error: e });
  }
}
