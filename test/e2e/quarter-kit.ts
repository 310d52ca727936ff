/**
 * What a quarter's journey runs on: the real core, store, pusher and messenger adapters, a clock the test moves,
 * and the messengers as local fakes — Telegram as a Bot API that keeps the messages it was sent (edits in place,
 * documents, the documented limits: text of 1–4,096 characters, callback data of 1–64 bytes, answered with 400 as
 * Telegram does), Zalo as the Zalo Bot API fake of test/fakes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Telegram, TelegramError } from 'telegraf';
import { vi } from 'vitest';
import { PublicFiles, startHttp } from '../../src/channels/http.ts';
import { createTelegramBot } from '../../src/channels/telegram/bot.ts';
import { telegramOutlet } from '../../src/channels/telegram/outlet.ts';
import { ZaloChannel } from '../../src/channels/zalo/bot.ts';
import { ZaloClient } from '../../src/channels/zalo/client.ts';
import type { Channel } from '../../src/core/kernel/channel.ts';
import { createCore } from '../../src/core/features/index.ts';
import { silentLogger } from '../../src/log.ts';
import { Pusher } from '../../src/push/pusher.ts';
import { PacedSender } from '../../src/push/sender.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { coreDeps } from '../core/harness.ts';
import { FakeZalo } from '../fakes/zalo-server.ts';
import { freePort } from '../net.ts';

export const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ZTOKEN = '7a1b2c3d:zalo-secret-token-0001';

/** A message as the Telegram fake keeps it: its latest text (unescaped), its buttons, every text it had. */
export interface TgMessage {
  id: number;
  chat: string;
  text: string;
  buttons: string[];
  history: string[];
}

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The Bot API, in memory, behind telegraf's callApi: every method the bot uses, with Telegram's own refusals. */
function telegramFake() {
  const messages: TgMessage[] = [];
  const refused: string[] = [];
  const toasts: string[] = [];
  const documents: { chat: string; filename: string; bytes: Buffer }[] = [];
  let nextId = 100;
  const bad = (description: string, method: string) => {
    refused.push(`${method}: ${description}`);
    return new TelegramError({ error_code: 400, description: `Bad Request: ${description}` });
  };
  const keyboardOf = (p: Record<string, unknown>, method: string) => {
    const rows = (p.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined)?.inline_keyboard ?? [];
    const data = rows.flat().map((b) => b.callback_data);
    for (const d of data) if (Buffer.byteLength(d) < 1 || Buffer.byteLength(d) > 64) throw bad('BUTTON_DATA_INVALID', method);
    return data;
  };
  const textOf = (p: Record<string, unknown>, method: string) => {
    const text = unescapeHtml(String(p.text ?? ''));
    if (text.trim().length === 0) throw bad('message text is empty', method);
    if (text.length > 4096) throw bad('message is too long', method);
    return text;
  };
  vi.spyOn(Telegram.prototype, 'callApi').mockImplementation((async (method: string, payload: Record<string, unknown>) => {
    const chat = String(payload.chat_id ?? '');
    switch (method) {
      case 'sendMessage': {
        const m: TgMessage = { id: ++nextId, chat, text: textOf(payload, method), buttons: keyboardOf(payload, method), history: [] };
        m.history.push(m.text);
        messages.push(m);
        return { message_id: m.id, date: 0, chat: { id: Number(chat), type: 'private' }, text: m.text };
      }
      case 'editMessageText': {
        const m = messages.find((x) => x.chat === chat && x.id === Number(payload.message_id));
        if (!m) throw bad(`message to edit not found (chat ${chat}, message ${String(payload.message_id)}: ${String(payload.text).slice(0, 60)})`, method);
        const text = textOf(payload, method);
        const buttons = keyboardOf(payload, method);
        if (text === m.text && JSON.stringify(buttons) === JSON.stringify(m.buttons)) throw bad('message is not modified', method);
        Object.assign(m, { text, buttons });
        m.history.push(text);
        return true;
      }
      case 'answerCallbackQuery':
        if (payload.text) toasts.push(String(payload.text));
        return true;
      case 'sendDocument': {
        const doc = payload.document as { source: Buffer; filename: string };
        documents.push({ chat, filename: doc.filename, bytes: doc.source });
        return { message_id: ++nextId, date: 0, chat: { id: Number(chat), type: 'private' } };
      }
      case 'getFile':
        return { file_id: payload.file_id, file_unique_id: 'u', file_path: `documents/${payload.file_id}` };
      default:
        // sendPhoto and the rest: accepted, nothing to keep.
        return true;
    }
  }) as never);
  return { messages, refused, toasts, documents };
}

/** Files the Bot API serves for download (a plan an admin sends): /file/bot<TOKEN>/documents/<file_id>. */
async function fileServer(files: Map<string, Buffer>): Promise<{ server: Server; root: string }> {
  const server = createServer((req, res) => {
    const id = req.url?.match(new RegExp(`^/file/bot${TOKEN}/documents/(.+)$`))?.[1];
    const bytes = id ? files.get(decodeURIComponent(id)) : undefined;
    if (bytes) res.end(bytes);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, root: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The core and store on a state file, with a movable clock, admins on the given messenger, and the plans folder. */
async function office(start: string, admins: Partial<Record<Channel, string[]>>) {
  const folder = mkdtempSync(path.join(tmpdir(), 'quarter-'));
  const store = await FileStore.open(path.join(folder, 'state.json'));
  const clock = { now: new Date(start) };
  const plansDir = path.join(folder, 'plans');
  const deps = { ...coreDeps(store, clock, { plansDir }), admins };
  const core = createCore(deps);
  return { store, clock, deps, core, plansDir };
}

/** /guingay's machinery as start-up wires it: a pusher over the messenger's outlet and a paced sender. */
function wirePushes(o: Awaited<ReturnType<typeof office>>, channel: Channel, outlet: ConstructorParameters<typeof Pusher>[0]['outlets'][Channel]) {
  const pusher = new Pusher({
    ...o.deps,
    outlets: { [channel]: outlet },
    senders: { [channel]: new PacedSender({ rate: 1000 }) },
    remindDays: 14,
    remindBefore: [7, 1],
    log: silentLogger,
  });
  const today = () => o.clock.now.toISOString().slice(0, 10);
  o.deps.push = {
    recipients: () => pusher.digests(today()).length,
    digestNow: (progress, notify, onBusy) =>
      pusher.runDigest(`manual:${o.clock.now.toISOString()}`, today(), { progress, ...(notify ? { notify } : {}), ...(onBusy ? { onBusy } : {}) }),
    announce: (key, messages) => pusher.runOutbox(key, messages),
  };
  o.deps.tell = (m) => pusher.note(m);
}

/** An office on Telegram alone: the admin and officials talk to the bot through the Bot API fake. */
export async function telegramOffice(start: string, admin: number) {
  const api = telegramFake();
  const files = new Map<string, Buffer>();
  const { server, root } = await fileServer(files);
  const o = await office(start, { telegram: [String(admin)] });
  const bot = createTelegramBot(TOKEN, o.core, { log: silentLogger, t: o.deps.t, lang: 'vi', apiRoot: root });
  bot.botInfo = {
    id: 42,
    is_bot: true,
    first_name: 'Kế hoạch',
    username: 'kehoach_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
  wirePushes(o, 'telegram', telegramOutlet(bot.telegram, 'vi'));
  let update = 0;
  let userMessage = 10_000;
  const from = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
  const chat = (id: number) => ({ id, type: 'private' as const });
  /** A user types a text (a command or anything). */
  const say = (id: number, text: string) =>
    bot.handleUpdate({ update_id: ++update, message: { message_id: ++userMessage, date: 0, chat: chat(id), from: from(id), text } } as never);
  /** A user presses a button of the latest message in their chat that has it. */
  const press = (id: number, data: string | ((button: string) => boolean)) => {
    const test = typeof data === 'string' ? (b: string) => b === data : data;
    const m = api.messages.findLast((x) => x.chat === String(id) && x.buttons.some(test));
    if (!m) throw new Error(`no button in chat ${id} matches ${String(data)}; last: ${api.messages.filter((x) => x.chat === String(id)).at(-1)?.text}`);
    const button = m.buttons.find(test)!;
    return bot.handleUpdate({
      update_id: ++update,
      callback_query: {
        id: `cb${update}`,
        from: from(id),
        chat_instance: 'x',
        data: button,
        message: { message_id: m.id, date: 0, chat: chat(id), text: m.text },
      },
    } as never);
  };
  /** A user sends a file. */
  const send = (id: number, filename: string, bytes: Buffer) => {
    const fileId = `F${++update}`;
    files.set(fileId, bytes);
    return bot.handleUpdate({
      update_id: update,
      message: {
        message_id: ++userMessage,
        date: 0,
        chat: chat(id),
        from: from(id),
        document: { file_id: fileId, file_unique_id: fileId, file_name: filename, file_size: bytes.length },
      },
    } as never);
  };
  const inbox = (id: number) => api.messages.filter((m) => m.chat === String(id));
  /** What the chat received from `mark` on (a count of all messages), as one text. */
  const since = (id: number, mark: number) =>
    api.messages
      .slice(mark)
      .filter((m) => m.chat === String(id))
      .map((m) => m.text)
      .join('\n');
  return { ...o, api, say, press, send, inbox, since, stop: () => new Promise((r) => server.close(r)) };
}

/**
 * An office on Zalo alone: everyone talks to the bot through the Zalo Bot API fake; the bot has a public address (as
 * in webhook mode), so charts and reports are served at links that expire.
 */
export async function zaloOffice(start: string, admin: string) {
  const zalo = new FakeZalo(ZTOKEN);
  await zalo.start();
  const port = await freePort();
  const files = new PublicFiles(`http://127.0.0.1:${port}`);
  const http = await startHttp(port, new Map(), () => {}, files);
  const o = await office(start, { zalo: [admin] });
  const channel = new ZaloChannel(new ZaloClient(ZTOKEN, { apiRoot: zalo.url }), o.core, {
    log: silentLogger,
    t: o.deps.t,
    lang: 'vi',
    route: async () => {},
    files,
  });
  await channel.start();
  wirePushes(o, 'zalo', channel.outlet());
  let seq = 0;
  /** A user types a text; returns what the bot sent that user in answer. */
  const say = async (who: string, text: string) => {
    const mark = zalo.sent.length;
    await channel.handleUpdate(zalo.update(who, text, `q${String(++seq).padStart(19, '0')}`));
    return zalo.sent
      .slice(mark)
      .filter((m) => m.chat_id === who)
      .map((m) => m.text)
      .join('\n');
  };
  const since = (who: string, mark: number) =>
    zalo.sent
      .slice(mark)
      .filter((m) => m.chat_id === who)
      .map((m) => m.text)
      .join('\n');
  return {
    ...o,
    zalo,
    channel,
    say,
    since,
    stop: async () => {
      await http.stop();
      await zalo.stop();
    },
  };
}
