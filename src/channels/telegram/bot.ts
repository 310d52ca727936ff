/**
 * Telegram channel on telegraf: turns updates into core calls and sends what the presenter makes of the outcome
 * (inline buttons, edits in place, toasts). In private chats it answers everything; in groups only when addressed
 * (a command, a mention, a reply to the bot). Every update is logged with its context when it fails, and the user
 * gets an apology; the process keeps running.
 */
import { readFile } from 'node:fs/promises';
import { type Telegram, Telegraf, TelegramError } from 'telegraf';
import type { Context } from 'telegraf';
import type { From } from '../../core/kernel/channel.ts';
import type { Envelope } from '../../core/kernel/outcome.ts';
import { type ButtonsView, presentButtons } from '../../core/kernel/present.ts';
import type { Router } from '../../core/kernel/router.ts';
import type { Lang, T } from '../../i18n.ts';
import { limitTelegramCalls } from '../limits.ts';
import type { Logger } from '../../log.ts';
import { MAX_IMPORT_BYTES } from '../../plan/import/office.ts';
import { escapeHtml, inlineKeyboard, splitMessage } from './render.ts';

export interface TelegramOptions {
  apiRoot?: string;
  log: Logger;
  t: T;
  lang: Lang;
  /** Deliver a message meant for another messenger (e.g. a Zalo official told of an approval). */
  route?: (m: Envelope) => Promise<void>;
}

function fromOf(ctx: Context): From | undefined {
  const chat = ctx.chat;
  const user = ctx.from;
  if (!chat || !user) return undefined;
  return { channel: 'telegram', userId: String(user.id), chatId: String(chat.id), privateChat: chat.type === 'private' };
}

const notModified = (e: unknown) => e instanceof TelegramError && /message is not modified/i.test(e.description);

/** Send one rendered message (split into chunks; the keyboard on the last; a file after it). A failure is logged, not thrown. */
async function send(ctx: Context, chatId: string, view: ButtonsView, t: T, log: Logger): Promise<void> {
  if (view.photo) {
    try {
      await ctx.telegram.sendPhoto(chatId, { source: view.photo.bytes, filename: view.photo.filename });
    } catch (e) {
      log.log('warn', 'sendPhoto failed', { chatId, error: e });
    }
  }
  if (view.attachment) {
    try {
      const a = view.attachment;
      if (a.kind === 'photo') await ctx.telegram.sendPhoto(chatId, a.ref);
      else await ctx.telegram.sendDocument(chatId, a.ref);
    } catch (e) {
      log.log('warn', 'resending a file failed', { chatId, error: e });
    }
  }
  if (view.document) {
    try {
      await ctx.telegram.sendDocument(chatId, { source: view.document.bytes, filename: view.document.filename });
    } catch (e) {
      log.log('warn', 'sendDocument failed', { chatId, error: e });
      return;
    }
  }
  const chunks = splitMessage(view.text);
  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    const markup = last
      ? view.requestContact
        ? { keyboard: [[{ text: t('telegram.shareContact'), request_contact: true }]], one_time_keyboard: true, resize_keyboard: true }
        : inlineKeyboard(view.keyboard)
      : undefined;
    try {
      await ctx.telegram.sendMessage(chatId, escapeHtml(chunks[i]!), { parse_mode: 'HTML', ...(markup ? { reply_markup: markup } : {}) });
    } catch (e) {
      log.log('warn', 'sendMessage failed', { chatId, error: e });
      return;
    }
  }
}

async function deliver(ctx: Context, outcome: ReturnType<typeof presentButtons>, opts: TelegramOptions, log: Logger, others: Envelope[]): Promise<void> {
  const chatId = String(ctx.chat?.id ?? ctx.from?.id);
  if (ctx.callbackQuery) await ctx.answerCbQuery(outcome.toast?.slice(0, 200)).catch((e: unknown) => log.log('warn', 'answerCbQuery failed', { error: e }));
  // Only a pressed button's message can be edited: an edit in answer to a typed text (a reason typed after ❌) would
  // aim at the user's own message, which Telegram refuses; it is sent as a new message.
  if (outcome.edit && !ctx.callbackQuery) await send(ctx, chatId, outcome.edit, opts.t, log);
  else if (outcome.edit) {
    const text = splitMessage(outcome.edit.text)[0]!;
    try {
      await ctx.editMessageText(escapeHtml(text), { parse_mode: 'HTML', reply_markup: inlineKeyboard(outcome.edit.keyboard) ?? { inline_keyboard: [] } });
    } catch (e) {
      if (!notModified(e)) {
        log.log('warn', 'editMessageText failed; sending instead', { error: e });
        await send(ctx, chatId, outcome.edit, opts.t, log);
      }
    }
  }
  for (const view of outcome.replies) await send(ctx, chatId, view, opts.t, log);
  for (const [i, m] of outcome.others.entries()) {
    if (m.channel === 'telegram') await send(ctx, m.chatId, m, opts.t, log);
    else if (opts.route) await opts.route(others[i]!).catch((e: unknown) => log.log('warn', 'route failed', { channel: m.channel, error: e }));
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

/** A file's bytes from the Bot API's file store (at most MAX_IMPORT_BYTES; 30 s at most). */
async function download(telegram: Telegram, fileId: string): Promise<Buffer> {
  const link = await telegram.getFileLink(fileId);
  // A self-hosted Bot API server in --local mode hands out a path on this machine.
  if (link.protocol === 'file:') return readFile(link.pathname);
  const res = await fetch(link, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    // Past the cap the importer refuses it anyway: stop reading, and let it say so.
    if (size > MAX_IMPORT_BYTES + 1) return Buffer.concat([...chunks, Buffer.from(chunk)]);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The context every log line of one update carries. */
const updateLog = (log: Logger, ctx: Context) => log.child({ channel: 'telegram', updateId: ctx.update.update_id, user: ctx.from?.id });

export function createTelegramBot(token: string, core: Router, opts: TelegramOptions): Telegraf {
  const { t, lang } = opts;
  const bot = new Telegraf(token, { ...(opts.apiRoot ? { telegram: { apiRoot: opts.apiRoot } } : {}) });
  // Every Bot API call within a time limit (Telegraf's own is 500 s).
  limitTelegramCalls(bot.telegram);

  bot.on('message', async (ctx) => {
    const from = fromOf(ctx);
    if (!from) return;
    const log = updateLog(opts.log, ctx);
    const msg = ctx.message;
    if ('contact' in msg) {
      if (!from.privateChat) return;
      const c = msg.contact;
      const outcome = await core.onContact(from, { phone: c.phone_number, ...(c.user_id ? { userId: String(c.user_id) } : {}) });
      await deliver(ctx, presentButtons(outcome, lang, false), opts, log, outcome.others);
      return;
    }
    if ('document' in msg || 'photo' in msg) {
      // A plan file (admins publish plans this way) or evidence of a tick: read only when the core asks for it.
      if (!from.privateChat) return;
      const d = 'document' in msg ? msg.document : msg.photo.at(-1)!;
      const name = 'document' in msg ? (msg.document.file_name ?? 'tep') : `anh-${msg.message_id}.jpg`;
      const outcome = await core.onDocument(from, {
        filename: name,
        kind: 'document' in msg ? 'document' : 'photo',
        ref: d.file_id,
        ...(d.file_size !== undefined ? { size: d.file_size } : {}),
        read: () => download(ctx.telegram, d.file_id),
      });
      await deliver(ctx, presentButtons(outcome, lang, false), opts, log, outcome.others);
      return;
    }
    if (!('text' in msg)) {
      if (from.privateChat) await send(ctx, from.chatId, { text: t('telegram.textOnly'), keyboard: [] }, t, log);
      return;
    }
    const text = addressedText(ctx, msg.text);
    if (text === undefined) return;
    const outcome = await core.onText(from, text);
    await deliver(ctx, presentButtons(outcome, lang, false), opts, log, outcome.others);
  });

  bot.on('callback_query', async (ctx) => {
    const from = fromOf(ctx);
    const cq = ctx.callbackQuery;
    const log = updateLog(opts.log, ctx);
    if (!from || !('data' in cq)) {
      await ctx.answerCbQuery(t('refusal.invalid-action')).catch((e: unknown) => log.log('warn', 'answerCbQuery failed', { error: e }));
      return;
    }
    const outcome = await core.onAction(from, cq.data);
    await deliver(ctx, presentButtons(outcome, lang, true), opts, log, outcome.others);
  });

  bot.catch(async (err, ctx) => {
    const log = updateLog(opts.log, ctx);
    log.log('error', 'handler failed', { error: err });
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery(t('error.sorry'));
      else if (ctx.chat) await ctx.reply(t('error.sorry'));
    } catch (e) {
      log.log('warn', 'apology failed', { error: e });
    }
  });

  return bot;
}

/** The command menu, described in the bot's language. The emulator lacks setMyCommands: a failure is only logged. */
export async function registerCommands(bot: Telegraf, core: Router, t: T, log: Logger): Promise<void> {
  try {
    await bot.telegram.setMyCommands(core.menu().map((c) => ({ command: c.command, description: t(c.description) })));
  } catch (e) {
    log.log('warn', 'setMyCommands failed', { error: e });
  }
}
