import { mkdtempSync, readFileSync } from 'node:fs';
import { emptyParagraphsDocx } from '../fixtures/hostile-files.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Telegram, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTelegramBot } from '../../src/channels/telegram/bot.ts';
import { escapeHtml, splitMessage } from '../../src/channels/telegram/render.ts';
import { createCore } from '../../src/core/features/index.ts';
import { Router } from '../../src/core/kernel/router.ts';
import { translator } from '../../src/i18n.ts';
import type { Logger } from '../../src/log.ts';
import { coreDeps } from '../core/harness.ts';
import type { ImportLimits } from '../../src/plan/import/isolated.ts';
import { startPolling, telegramWebhook } from '../../src/channels/telegram/run.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { planDocx } from '../fixtures/plan-docx.ts';

const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ADMIN = 1000;
const BOT = {
  id: 42,
  is_bot: true as const,
  first_name: 'Kế hoạch',
  username: 'kehoach_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

type Call = { method: string; payload: Record<string, unknown> };

async function setup(o: { apiRoot?: string; plansDir?: string; importLimits?: ImportLimits } = {}) {
  const calls: Call[] = [];
  const logs: unknown[] = [];
  let failNext: { method: string; error: TelegramError } | undefined;
  let messageId = 100;
  // The Bot API's update queue, as Telegram keeps it: getUpdates hands out what is at or past its offset, and an
  // offset confirms (forgets) every update before it.
  const queue: { update_id: number }[] = [];
  let confirmed = 0;
  const getUpdates = async (payload: { offset?: number; limit?: number }) => {
    confirmed = Math.max(confirmed, payload.offset ?? 0);
    while (queue[0] && queue[0].update_id < confirmed) queue.shift();
    if (queue.length === 0) await new Promise((r) => setTimeout(r, 10));
    return queue.slice(0, payload.limit ?? 100);
  };
  vi.spyOn(Telegram.prototype, 'callApi').mockImplementation((async (method: string, payload: unknown) => {
    if (method === 'getUpdates') return getUpdates(payload as { offset?: number; limit?: number });
    calls.push({ method, payload: payload as Record<string, unknown> });
    if (failNext?.method === method) {
      const e = failNext.error;
      failNext = undefined;
      throw e;
    }
    if (method === 'getFile') return { file_id: (payload as { file_id: string }).file_id, file_unique_id: 'u', file_path: 'documents/file_7.docx' } as never;
    if (method === 'sendMessage')
      return {
        message_id: ++messageId,
        date: 0,
        chat: { id: (payload as { chat_id: number }).chat_id, type: 'private' },
        text: (payload as { text: string }).text,
      } as never;
    return true as never;
  }) as never);
  const store = await FileStore.open(path.join(mkdtempSync(path.join(tmpdir(), 'tg-')), 'state.json'));
  const t = translator('vi');
  const log: Logger = {
    log: (level, msg, fields) => void logs.push({ level, msg, ...fields }),
    child(bound) {
      return { log: (level, msg, fields) => void logs.push({ level, msg, ...bound, ...fields }), child: () => log };
    },
  };
  const core = createCore({
    ...coreDeps(store, { now: new Date('2019-03-10T03:00:00Z') }, o.plansDir ? { plansDir: o.plansDir } : {}),
    ...(o.importLimits ? { importLimits: o.importLimits } : {}),
    admins: { telegram: [String(ADMIN)] },
    t,
  });
  const bot = createTelegramBot(TOKEN, core, { log, t, lang: 'vi', ...(o.apiRoot ? { apiRoot: o.apiRoot } : {}) });
  bot.botInfo = BOT;
  let updateId = 0;
  const user = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
  const text = (
    from: number,
    body: string,
    chat: { id: number; type: 'private' | 'group' } = { id: from, type: 'private' },
    extra: Record<string, unknown> = {},
  ) => bot.handleUpdate({ update_id: ++updateId, message: { message_id: ++messageId, date: 0, chat, from: user(from), text: body, ...extra } } as never);
  const press = (from: number, data: string, onMessage = 7) =>
    bot.handleUpdate({
      update_id: ++updateId,
      callback_query: {
        id: `cb${updateId}`,
        from: user(from),
        chat_instance: 'x',
        data,
        message: { message_id: onMessage, date: 0, chat: { id: from, type: 'private' }, text: 'old' },
      },
    } as never);
  const sent = () => calls.filter((c) => c.method === 'sendMessage');
  const last = (method: string) => calls.filter((c) => c.method === method).at(-1)?.payload;
  const keyboard = (p: Record<string, unknown> | undefined) =>
    ((p?.reply_markup as { inline_keyboard?: { callback_data: string }[][] })?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
  const document = (from: number, file_name: string, file_size: number) =>
    bot.handleUpdate({
      update_id: ++updateId,
      message: {
        message_id: ++messageId,
        date: 0,
        chat: { id: from, type: 'private' },
        from: user(from),
        document: { file_id: 'F1', file_unique_id: 'u', file_name, file_size },
      },
    } as never);
  return {
    bot,
    /** An update waiting at the Bot API for getUpdates; the offset the bot has confirmed. */
    queued: (update: { update_id: number }) => void queue.push(update),
    confirmed: () => confirmed,
    log,
    document,
    calls,
    logs,
    store,
    text,
    press,
    sent,
    last,
    keyboard,
    fail: (method: string, error: TelegramError) => {
      failNext = { method, error };
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('Telegram: evidence', () => {
  it('a photo sent after 📎 is kept by its file_id (the largest size) and sent back by it from the card', async () => {
    const s = await setup();
    await s.text(5, '/dangky');
    await s.text(5, 'so tai chin');
    await s.press(5, 'r:so-tai-chinh');
    await s.text(5, 'Nguyễn Văn A');
    await s.text(5, 'Chuyên viên');
    await s.press(5, 'rs');
    await s.press(ADMIN, 'a:ok:o1');
    await s.press(5, 't:I.4');
    await s.press(5, 'c:I.4:0:-');
    const attach = s.keyboard(s.last('editMessageText')).find((a) => a.startsWith('f:'))!;
    await s.press(5, attach);
    await s.bot.handleUpdate({
      update_id: 9001,
      message: {
        message_id: 9001,
        date: 0,
        chat: { id: 5, type: 'private' },
        from: { id: 5, is_bot: false, first_name: 'U5' },
        photo: [
          { file_id: 'SMALL', file_unique_id: 's', width: 90, height: 90, file_size: 1000 },
          { file_id: 'LARGE', file_unique_id: 'l', width: 1280, height: 960, file_size: 200_000 },
        ],
      },
    } as never);
    expect(s.sent().at(-1)!.payload.text).toContain('Đã lưu minh chứng');
    expect(s.store.snapshot().evidence[0]).toMatchObject({ fileId: 'LARGE', kind: 'photo', size: 200_000 });
    await s.press(5, 'v:I.4');
    const view = s.keyboard(s.sent().at(-1)!.payload).find((a) => a.startsWith('fv:'))!;
    await s.press(5, view);
    expect(s.last('sendPhoto')).toMatchObject({ chat_id: '5', photo: 'LARGE' });
  });
});

describe('Telegram: the progress chart', () => {
  it("an admin's /tiendo brings the chart as a photo before the text; a guest's does not", async () => {
    const s = await setup();
    await s.text(ADMIN, '/tiendo');
    const methods = s.calls.map((c) => c.method);
    expect(methods.indexOf('sendPhoto')).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf('sendPhoto')).toBeLessThan(methods.lastIndexOf('sendMessage'));
    const photo = s.last('sendPhoto')!.photo as { source: Buffer; filename: string };
    expect(photo.filename).toBe('tien-do-4561-KH-UBND-2019-03-10.png');
    expect(photo.source.subarray(1, 4).toString()).toBe('PNG');
    const before = s.calls.length;
    await s.text(5, '/tiendo');
    expect(s.calls.slice(before).some((c) => c.method === 'sendPhoto')).toBe(false);
  });
});

describe('Telegram: a plan sent as a file', () => {
  it("an admin's Word file is fetched from the Bot API's file store and previewed with 📢 Công bố; an official's is not fetched", async () => {
    const bytes = await planDocx();
    const fetched: string[] = [];
    const server = createServer((req, res) => {
      fetched.push(req.url ?? '');
      if (req.url === `/file/bot${TOKEN}/documents/file_7.docx`) res.end(bytes);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const plansDir = mkdtempSync(path.join(tmpdir(), 'tg-plans-'));
      const s = await setup({ apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, plansDir });
      await s.document(5, 'kh.docx', bytes.length);
      expect(s.sent().at(-1)!.payload.text).toContain('kế hoạch mới do quản trị');
      expect(fetched).toEqual([]);
      await s.document(ADMIN, 'kh-1234.docx', bytes.length);
      expect(fetched).toEqual([`/file/bot${TOKEN}/documents/file_7.docx`]);
      const preview = s.sent().at(-1)!.payload;
      expect(preview.text).toContain('KH 1234/KH-UBND ngày 10/05/2021');
      const publish = s.keyboard(preview).find((a) => a.startsWith('pp:'))!;
      await s.press(ADMIN, publish);
      expect(s.last('editMessageText')?.text).toContain('Đã công bố KH 1234/KH-UBND');
      await s.text(5, 'theo KH 1234 Sở Giáo dục phải làm gì');
      expect(s.sent().at(-1)!.payload.text).toContain('học phí');
      // Too big to import: refused before any download.
      await s.document(ADMIN, 'to.docx', 40 * 2 ** 20);
      expect(s.sent().at(-1)!.payload.text).toContain('10 MB');
      expect(fetched).toHaveLength(1);
    } finally {
      server.close();
    }
  });
});

describe('Telegram: questions', () => {
  it("answers a private question in HTML with the engine's reply", async () => {
    const s = await setup();
    await s.text(5, 'Sở Tài chính phải làm gì?');
    expect(s.sent()).toHaveLength(1);
    expect(s.sent()[0]!.payload).toMatchObject({ chat_id: '5', parse_mode: 'HTML' });
    expect(s.sent()[0]!.payload.text).toContain('I.4 — Quy định về mức chi');
  });
  it('in a group answers only when addressed: a command, a mention or a reply to the bot', async () => {
    const s = await setup();
    const group = { id: -500, type: 'group' as const };
    await s.text(5, 'Sở Tài chính phải làm gì?', group);
    expect(s.sent()).toHaveLength(0);
    await s.text(5, '/trogiup', group);
    await s.text(5, '@kehoach_bot Sở Tài chính phải làm gì?', group);
    await s.text(5, 'Sở Nội vụ thì sao?', group, { reply_to_message: { message_id: 1, date: 0, chat: group, from: BOT, text: 'x' } });
    await s.text(5, '/viec@other_bot', group);
    expect(s.sent().map((c) => c.payload.chat_id)).toEqual(['-500', '-500', '-500']);
    expect(s.sent()[1]!.payload.text).toContain('I.4');
  });
  it('escapes markup and splits long replies below 4,096 characters', () => {
    expect(escapeHtml('<b>a & b</b>')).toBe('&lt;b&gt;a &amp; b&lt;/b&gt;');
    const long = Array.from({ length: 300 }, (_, i) => `dòng ${i} ${'x'.repeat(40)}`).join('\n');
    const parts = splitMessage(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThan(4096);
    expect(parts.join('\n')).toBe(long);
  });
  it("never splits a task from its indented lines: each chunk starts at a task, for Zalo's 2,000 characters too", () => {
    const tasks = Array.from(
      { length: 30 },
      (_, i) => `${i + 1}. I.${i} — ${'nội dung '.repeat(12)}\n   Hạn: Quý I/2019 · Quá hạn\n   Tiến độ báo ngày 01/03/2019: đang làm`,
    );
    const text = ['Nhiệm vụ (30):', '', ...tasks].join('\n');
    for (const limit of [1900, 3900]) {
      const parts = splitMessage(text, limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts.slice(1)) expect(p, p.slice(0, 40)).toMatch(/^\d+\. I\./);
      for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
      expect(parts.join('\n')).toBe(text);
    }
  });
});

describe('Telegram: register, approve, tick', () => {
  it('the whole flow through real updates; every callback_data within 64 bytes', async () => {
    const s = await setup();
    await s.text(5, '/dangky');
    await s.text(5, 'so tai chin');
    expect(s.keyboard(s.last('sendMessage'))).toContain('r:so-tai-chinh');
    await s.press(5, 'r:so-tai-chinh');
    expect(s.last('editMessageText')!.text).toContain('Cơ quan: Sở Tài chính');
    await s.text(5, 'Nguyễn Văn A');
    await s.text(5, 'Chuyên viên');
    await s.press(5, 'rs');
    const toAdmin = s.sent().find((c) => c.payload.chat_id === String(ADMIN))!;
    expect(s.keyboard(toAdmin.payload)).toEqual(['a:ok:o1', 'a:no:o1']);
    await s.press(ADMIN, 'a:ok:o1');
    expect(s.sent().at(-1)!.payload).toMatchObject({ chat_id: '5', text: expect.stringContaining('đã được duyệt') });
    await s.text(5, '/viec');
    // A row per task: ✅, 📈 and, for a dated task, ⏳.
    expect(s.keyboard(s.last('sendMessage'))).toEqual(['t:I.4:-:l', 'g:I.4:0:l', 'e:I.4:0', 't:III.3:-:l', 'g:III.3:4:l']);
    await s.press(5, 't:I.4:-:l');
    expect(s.keyboard(s.last('editMessageText'))).toEqual(['c:I.4:0:-:l', 'n:I.4:0:-:l', 'k:I.4:0:-:l']);
    await s.press(5, 'c:I.4:0:-:l');
    expect(s.last('editMessageText')!.text).toContain('Đã ghi nhận: Sở Tài chính hoàn thành I.4');
    // The list comes back in the same message, with ↩️ for I.4 and ✅ for the rest.
    // III.3 keeps its 📈 (a continuous task has no date to extend).
    expect(s.keyboard(s.last('editMessageText'))).toEqual(['u:c2:l', 't:III.3:-:l', 'g:III.3:4:l', 'f:c2']);
    expect(s.last('answerCallbackQuery')).toMatchObject({ text: 'Đã ghi nhận.' });
    expect(s.store.snapshot().completions).toHaveLength(1);
    for (const c of s.calls) for (const data of s.keyboard(c.payload)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });
  it("an unregistered user's forged callback is refused with a toast and nothing changes", async () => {
    const s = await setup();
    await s.press(9, 'c:I.4:0:-');
    expect(s.last('answerCallbackQuery')!.text).toContain('chưa đăng ký');
    expect(s.calls.some((c) => c.method === 'editMessageText')).toBe(false);
    expect(s.store.snapshot().completions).toHaveLength(0);
  });
  it('a double tap ("message is not modified") is treated as success', async () => {
    const s = await setup();
    await s.text(5, '/dangky');
    s.fail('editMessageText', new TelegramError({ error_code: 400, description: 'Bad Request: message is not modified' }));
    await s.press(5, 'x');
    expect(s.calls.filter((c) => c.method === 'editMessageText')).toHaveLength(1);
    expect(s.sent()).toHaveLength(1);
    expect(s.logs).toEqual([]);
  });
});

describe('Telegram: the approvals inbox', () => {
  it('each card decided by its own buttons; ❌ asks for the reason, which the official reads; a second press changes nothing', async () => {
    const s = await setup();
    for (const [id, agency, name] of [
      [5, 'Sở Nội vụ', 'Trần Năm'],
      [6, 'Sở Tư pháp', 'Lê Sáu'],
    ] as const) {
      await s.text(id, '/dangky');
      await s.text(id, agency);
      await s.text(id, name);
      await s.text(id, 'Chuyên viên');
      await s.press(id, 'rs');
    }
    const ids = s.store.snapshot().officials.map((o) => o.id);
    const cards = s.sent().filter((c) => c.payload.chat_id === String(ADMIN));
    expect(cards.map((c) => s.keyboard(c.payload))).toEqual(ids.map((id) => [`a:ok:${id}`, `a:no:${id}`]));
    // /choduyet lists both, each with its own buttons.
    await s.text(ADMIN, '/choduyet');
    const listed = s.sent().slice(-3);
    expect(listed[0]!.payload.text).toContain('Có 2 yêu cầu chờ duyệt');
    expect(listed.slice(1).map((c) => s.keyboard(c.payload))).toEqual(ids.map((id) => [`a:ok:${id}`, `a:no:${id}`]));
    // The second first: ❌, the reason asked in place of the card, then typed.
    await s.press(ADMIN, `a:no:${ids[1]}`);
    expect(s.last('editMessageText')!.text).toContain(`Từ chối yêu cầu số ${ids[1]!.slice(1)}: gõ lý do`);
    expect(s.store.snapshot().officials[1]!.status).toBe('pending');
    await s.text(ADMIN, 'Không thuộc Sở Tư pháp');
    const told = s
      .sent()
      .filter((c) => c.payload.chat_id === '6')
      .at(-1)!.payload.text as string;
    expect(told).toContain('không được duyệt. Lý do: Không thuộc Sở Tư pháp.');
    await s.press(ADMIN, `a:ok:${ids[0]}`);
    expect(
      s
        .sent()
        .filter((c) => c.payload.chat_id === '5')
        .at(-1)!.payload.text,
    ).toContain('đã được duyệt');
    // The first card's ✅ pressed again, and the second's: already decided, nothing written.
    const before = JSON.stringify(s.store.snapshot().officials);
    await s.press(ADMIN, `a:ok:${ids[1]}`);
    expect(s.last('answerCallbackQuery')!.text).toContain('đã được quyết định trước đó (đã từ chối');
    expect(JSON.stringify(s.store.snapshot().officials)).toBe(before);
  });
});

describe('Telegram: files', () => {
  it('/baocao from an admin sends the report as a document', async () => {
    const s = await setup();
    await s.text(ADMIN, '/baocao');
    const doc = s.calls.find((c) => c.method === 'sendDocument')!;
    expect(doc.payload).toMatchObject({ chat_id: String(ADMIN), document: { filename: expect.stringMatching(/^bao-cao-4561-KH-UBND-.*\.xlsx$/) } });
    expect((doc.payload.document as { source: Buffer }).source.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('Telegram: failures keep the bot running', () => {
  it('a failing Bot API call is logged and the next update is answered', async () => {
    const s = await setup();
    s.fail('sendMessage', new TelegramError({ error_code: 500, description: 'Internal Server Error' }));
    await s.text(5, 'Sở Tài chính phải làm gì?');
    expect(s.logs).toEqual([expect.objectContaining({ level: 'warn', msg: 'sendMessage failed' })]);
    await s.text(5, 'Sở Nội vụ phải làm gì?');
    expect(s.sent().at(-1)!.payload.text).toContain('Sở Nội vụ');
  });
  it('a failing handler is logged and answered with an apology', async () => {
    const s = await setup();
    vi.spyOn(Router.prototype, 'onText').mockRejectedValueOnce(new Error('boom'));
    await s.text(5, 'hello');
    expect(s.logs[0]).toMatchObject({ level: 'error', msg: 'handler failed', channel: 'telegram', updateId: 1, user: 5 });
    expect(s.sent().at(-1)!.payload.text).toContain('Xin lỗi');
  });
  it('never logs the bot token', async () => {
    const s = await setup();
    s.fail('sendMessage', new TelegramError({ error_code: 500, description: `oops ${TOKEN}` }));
    await s.text(5, 'x');
    const lines: string[] = [];
    const { consoleLogger } = await import('../../src/log.ts');
    consoleLogger({ write: (l: string) => lines.push(l) } as never).log('warn', 'x', { error: new Error(`bad ${TOKEN}`) });
    expect(lines.join('')).not.toContain(TOKEN);
    // The error keeps its name and stack (masked too), for the engineer on call.
    expect(JSON.parse(lines[0]!).error).toMatchObject({ name: 'Error', message: 'bad <token>', stack: expect.stringContaining('bad <token>') });
    expect(readFileSync(s.store.file, 'utf8')).not.toContain(TOKEN);
  });
});

/** Until `ok()` holds (checked every 20 ms), or fail after `ms`. */
async function until(ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('waited in vain');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const message = (update_id: number, from: number, extra: Record<string, unknown>) => ({
  update_id,
  message: { message_id: 500 + update_id, date: 0, chat: { id: from, type: 'private' }, from: { id: from, is_bot: false, first_name: `U${from}` }, ...extra },
});

describe('Telegram: updates taken by long polling', () => {
  it("while an admin's hostile Word file is being read, another user's question is answered; both updates were confirmed at once", async () => {
    const bytes = await emptyParagraphsDocx(5);
    const server = createServer((req, res) => {
      if (req.url === `/file/bot${TOKEN}/documents/file_7.docx`) res.end(bytes);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const plansDir = mkdtempSync(path.join(tmpdir(), 'tg-plans-'));
    const s = await setup({ apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, plansDir, importLimits: { timeMs: 8_000, heapMb: 64 } });
    const stop = await startPolling(s.bot, s.log);
    try {
      const to = (chat: number) => s.sent().filter((c) => c.payload.chat_id === String(chat));
      s.queued(message(1, ADMIN, { document: { file_id: 'F1', file_unique_id: 'u', file_name: 'nang.docx', file_size: bytes.length } }));
      await until(() => s.confirmed() >= 2);
      s.queued(message(2, 5, { text: 'Sở Tài chính phải làm gì?' }));
      await until(() => to(5).length > 0);
      expect(to(5)[0]!.payload.text).toContain('I.4 — Quy định về mức chi');
      // The file is still being read, and both updates are confirmed already: a crash now would not bring them back.
      expect(to(ADMIN)).toEqual([]);
      expect(s.confirmed()).toBe(3);
      await until(() => to(ADMIN).length > 0);
      expect(to(ADMIN)[0]!.payload.text).toContain('Không nhập được tệp “nang.docx”');
      expect(to(ADMIN)[0]!.payload.text).toMatch(/đọc quá 8 giây|cần hơn 64 MB bộ nhớ|quá nhiều thành phần bên trong/);
    } finally {
      await stop();
      server.close();
    }
  });

  it('an update whose handling throws is logged and dropped: it is confirmed like any other, so a restart does not receive it again', async () => {
    const s = await setup();
    const real = s.bot.handleUpdate.bind(s.bot);
    const handled: number[] = [];
    s.bot.handleUpdate = async (update, res) => {
      handled.push(update.update_id);
      if (update.update_id === 1) throw new Error('poison');
      return real(update, res);
    };
    s.queued(message(1, 5, { text: 'Sở Tài chính phải làm gì?' }));
    s.queued(message(2, 6, { text: 'Sở Y tế phải làm gì?' }));
    let stop = await startPolling(s.bot, s.log);
    await until(() => s.sent().some((c) => c.payload.chat_id === '6'));
    await stop();
    expect(s.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'update failed and was dropped', lane: 'chat:5' }));
    expect(s.confirmed()).toBe(3);
    // The next start: nothing handed out again.
    stop = await startPolling(s.bot, s.log);
    s.queued(message(3, 6, { text: 'Sở Nội vụ phải làm gì?' }));
    await until(() => handled.includes(3));
    await stop();
    expect(handled).toEqual([1, 2, 3]);
    expect(s.sent().filter((c) => c.payload.chat_id === '5')).toEqual([]);
  });
});

describe('Telegram: updates taken by webhook', () => {
  it('an update is answered 200 once queued, even one whose handling throws (Telegram would send a failed one again and again); a body that is no update is 400', async () => {
    const s = await setup();
    const real = s.bot.handleUpdate.bind(s.bot);
    s.bot.handleUpdate = async (update, res) => {
      if (update.update_id === 1) throw new Error('poison');
      return real(update, res);
    };
    const hook = await telegramWebhook(s.bot, 'https://bot.example.vn/telegram/hook', 'secret-secret-secret', s.log);
    const post = async (body: string) => {
      let status = 0;
      const res = {
        writeHead(code: number) {
          status = code;
          return { end: () => undefined };
        },
      };
      await hook.route.handle(body, {} as never, res as never);
      return status;
    };
    expect(await post(JSON.stringify(message(1, 5, { text: 'Sở Tài chính phải làm gì?' })))).toBe(200);
    expect(await post(JSON.stringify(message(2, 6, { text: 'Sở Y tế phải làm gì?' })))).toBe(200);
    expect(await post('{"message":{}}')).toBe(400);
    expect(await post('not json')).toBe(400);
    await hook.stop();
    expect(s.sent().map((c) => c.payload.chat_id)).toEqual(['6']);
    expect(s.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'update failed and was dropped', lane: 'chat:5' }));
  });
});
