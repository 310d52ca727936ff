/** Zalo end to end: the bot as a process against a local fake Zalo Bot API (and, for linking, a Telegram emulator). */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../net.ts';
import { FakeZalo } from '../fakes/zalo-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ZTOKEN = '7a1b2c3d:zalo-secret-token-0001';
const TTOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ADMIN = 'a0a0a0a0a0a0a0a0a0a0';
const USER = 'b1b1b1b1b1b1b1b1b1b1';
const STRANGER = 'c2c2c2c2c2c2c2c2c2c2';

const running: ChildProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

function startBot(env: Record<string, string>): Promise<{ proc: ChildProcess; state: string; log: () => string }> {
  const state = env.STATE_FILE ?? path.join(mkdtempSync(path.join(tmpdir(), 'zalo-e2e-')), 'state.json');
  const proc = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    // No weekly digest falls within the catch-up week (unless a test says so), so a restart sends nothing of its own.
    env: { ...process.env, BOT_TOKEN: '', WEBHOOK_URL: '', PUSH_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`, STATE_FILE: state, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.push(proc);
  let err = '';
  return new Promise((resolve, reject) => {
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"msg":"started"')) resolve({ proc, state, log: () => err });
    });
    proc.once('exit', (code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}

afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.exitCode !== null) continue;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }
  for (const c of cleanups.splice(0)) await c();
});

describe('Zalo, long polling', () => {
  it('question, registration with approval, the menu, "xong 1", duplicates, refusals', async () => {
    const zalo = new FakeZalo(ZTOKEN);
    await zalo.start();
    cleanups.push(() => zalo.stop());
    const bot = await startBot({ ZALO_BOT_TOKEN: ZTOKEN, ZALO_API_ROOT: zalo.url, ADMIN_ZALO_IDS: ADMIN });
    expect(bot.log()).toContain('Kênh đang chạy: Zalo Bot Kế hoạch (long polling)');

    // question → answer
    zalo.say(USER, 'Sở Tài chính phải làm gì?');
    await zalo.waitFor(USER, (t) => t.includes('I.4 — Quy định về mức chi'));

    // the same update delivered twice is handled once
    const before = zalo.sent.length;
    const twice = zalo.update(USER, 'Sở Nội vụ phải làm gì?', 'dddddddddddddddddddd');
    zalo.push(twice);
    zalo.push(twice);
    zalo.say(USER, 'Sở Y tế phải làm gì?');
    await zalo.waitFor(USER, (t) => t.startsWith('Sở Y tế —'), before);
    expect(zalo.sent.slice(before).filter((m) => m.text.startsWith('Sở Nội vụ —'))).toHaveLength(1);

    // registration: the agency named exactly is taken at once, then name and position; the admin approves with "1"
    zalo.say(USER, '/dangky');
    await zalo.waitFor(USER, (t) => t.includes('Bạn thuộc cơ quan nào'));
    zalo.say(USER, 'so tai chinh');
    await zalo.waitFor(USER, (t) => t.includes('Cơ quan: Sở Tài chính') && t.includes('Họ và tên'));
    zalo.say(USER, 'Lê Văn C');
    await zalo.waitFor(USER, (t) => t.includes('Chức vụ'));
    zalo.say(USER, 'Chuyên viên');
    await zalo.waitFor(USER, (t) => t.includes('1. Gửi'));
    zalo.say(USER, '1');
    await zalo.waitFor(ADMIN, (t) => t.includes('Lê Văn C') && t.includes('1. Duyệt') && t.includes('2. Từ chối') && !t.includes('xong'));
    zalo.say(ADMIN, '1');
    await zalo.waitFor(USER, (t) => t.includes('đã được duyệt'));

    // /viec numbers the tasks; "xong 1" ticks the first at once, and "xong 1" again leaves it done
    const mark = zalo.sent.length;
    zalo.say(USER, '/viec');
    const list = await zalo.waitFor(USER, (t) => t.startsWith('Nhiệm vụ Sở Tài chính chủ trì'), mark);
    expect(list.text).toMatch(/1\. I\.4 — /);
    expect(list.text).not.toMatch(/bấm/i);
    zalo.say(USER, 'xong 1');
    await zalo.waitFor(USER, (t) => t.includes('Đã ghi nhận: Sở Tài chính hoàn thành I.4'), mark);
    zalo.say(USER, 'xong 1');
    await zalo.waitFor(USER, (t) => t.includes('Mục 1 đã được ghi nhận hoàn thành rồi'), mark);
    expect(JSON.parse(readFileSync(bot.state, 'utf8')).completions).toEqual([expect.objectContaining({ taskId: 'I.4', party: 'so-tai-chinh' })]);

    // a number the menu does not have is refused
    zalo.say(USER, '9');
    await zalo.waitFor(USER, (t) => t.startsWith('Không có mục số 9'), mark);

    // an unregistered user's "xong 1" and "/xong I.4" are refused; nothing changes
    const saved = readFileSync(bot.state, 'utf8');
    const strangerMark = zalo.sent.length;
    zalo.say(STRANGER, 'xong 1');
    await zalo.waitFor(STRANGER, (t) => t.includes('chưa đăng ký'), strangerMark);
    const strangerMark2 = zalo.sent.length;
    zalo.say(STRANGER, '/xong I.4');
    await zalo.waitFor(STRANGER, (t) => t.includes('chưa đăng ký'), strangerMark2);
    expect(readFileSync(bot.state, 'utf8')).toBe(saved);

    // the bot's own echoes and other bots are ignored
    const quiet = zalo.sent.length;
    zalo.say(zalo.botId, 'Sở Tài chính phải làm gì?');
    zalo.say('e4e4e4e4e4e4e4e4e4e4', 'Sở Tài chính phải làm gì?', { isBot: true });
    zalo.say(USER, 'Sở Y tế phải làm gì?');
    await zalo.waitFor(USER, (t) => t.startsWith('Sở Y tế —'), quiet);
    expect(zalo.sent.slice(quiet)).toHaveLength(1);
  }, 60_000);
});

/** Stop a bot the way an operator would (SIGTERM) and wait for it to exit. */
async function stop(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

describe('Zalo, restarts and explicit ticks', () => {
  it('a restart in the middle of registration and of a pending confirmation resumes; a question in between records nothing', async () => {
    const zalo = new FakeZalo(ZTOKEN);
    await zalo.start();
    cleanups.push(() => zalo.stop());
    const env = { ZALO_BOT_TOKEN: ZTOKEN, ZALO_API_ROOT: zalo.url, ADMIN_ZALO_IDS: ADMIN };
    let bot = await startBot(env);
    const completions = () => JSON.parse(readFileSync(bot.state, 'utf8')).completions as unknown[];

    zalo.say(USER, '/dangky');
    await zalo.waitFor(USER, (t) => t.includes('Bạn thuộc cơ quan nào'));
    zalo.say(USER, 'Sở Tài chính');
    await zalo.waitFor(USER, (t) => t.includes('Họ và tên'));
    await stop(bot.proc);
    bot = await startBot({ ...env, STATE_FILE: bot.state });
    zalo.say(USER, 'Lê Văn E');
    await zalo.waitFor(USER, (t) => t.includes('Chức vụ'));
    zalo.say(USER, 'Chuyên viên');
    await zalo.waitFor(USER, (t) => t.includes('1. Gửi'));
    zalo.say(USER, '1');
    await zalo.waitFor(ADMIN, (t) => t.includes('Lê Văn E'));
    zalo.say(ADMIN, '1');
    await zalo.waitFor(USER, (t) => t.includes('đã được duyệt'));

    const mark = zalo.sent.length;
    zalo.say(USER, '/viec');
    await zalo.waitFor(USER, (t) => t.startsWith('Nhiệm vụ Sở Tài chính chủ trì'), mark);
    zalo.say(USER, '1');
    await zalo.waitFor(USER, (t) => t.includes('1. ✅ Báo hoàn thành I.4') && t.includes('2. 📈 Báo tiến độ I.4'), mark);
    zalo.say(USER, '1');
    await zalo.waitFor(USER, (t) => t.includes('Xác nhận Sở Tài chính đã hoàn thành nhiệm vụ I.4?') && t.includes('1. Xác nhận đã hoàn thành'), mark);
    zalo.say(USER, 'Sở Nội vụ phải làm gì?');
    await zalo.waitFor(USER, (t) => t.startsWith('Sở Nội vụ —'), mark);
    expect(completions()).toEqual([]);
    await stop(bot.proc);
    bot = await startBot({ ...env, STATE_FILE: bot.state });
    zalo.say(USER, '1');
    await zalo.waitFor(USER, (t) => t.includes('Đã ghi nhận: Sở Tài chính hoàn thành I.4'), mark);
    expect(completions()).toEqual([expect.objectContaining({ taskId: 'I.4', party: 'so-tai-chinh' })]);
  }, 90_000);
});

describe('Zalo, webhook', () => {
  it('refuses calls without the secret; takes wrapped and flat bodies', async () => {
    const zalo = new FakeZalo(ZTOKEN);
    await zalo.start();
    cleanups.push(() => zalo.stop());
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/zalo/hook`;
    await startBot({ ZALO_BOT_TOKEN: ZTOKEN, ZALO_API_ROOT: zalo.url, ZALO_WEBHOOK_URL: url, ZALO_WEBHOOK_SECRET: 'zalo-hook-secret', PORT: String(port) });
    expect(zalo.webhook).toEqual({ url, secret_token: 'zalo-hook-secret' });
    const post = (body: unknown, secret?: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post(zalo.update(USER, 'Sở Tài chính phải làm gì?', 'f1f1f1f1f1f1f1f1f1f1'))).status).toBe(403);
    expect((await post(zalo.update(USER, 'Sở Tài chính phải làm gì?', 'f2f2f2f2f2f2f2f2f2f2'), 'wrong-secret-00')).status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    expect(zalo.sent).toHaveLength(0);
    expect((await post(zalo.update(USER, 'Sở Tài chính phải làm gì?', 'f3f3f3f3f3f3f3f3f3f3'), 'zalo-hook-secret')).status).toBe(200);
    await zalo.waitFor(USER, (t) => t.startsWith('Sở Tài chính —'));
    expect((await post({ ok: true, result: zalo.update(USER, 'Sở Nội vụ phải làm gì?', 'f4f4f4f4f4f4f4f4f4f4') }, 'zalo-hook-secret')).status).toBe(200);
    await zalo.waitFor(USER, (t) => t.startsWith('Sở Nội vụ —'));
  }, 60_000);
});

describe('one official, two messengers', () => {
  it('registered on Telegram, linked on Zalo with a one-time code: ticks on Zalo belong to the same official', async () => {
    const zalo = new FakeZalo(ZTOKEN);
    await zalo.start();
    const tg = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await tg.start();
    cleanups.push(
      () => zalo.stop(),
      () => tg.stop(),
    );
    const bot = await startBot({
      ZALO_BOT_TOKEN: ZTOKEN,
      ZALO_API_ROOT: zalo.url,
      BOT_TOKEN: TTOKEN,
      TELEGRAM_API_ROOT: tg.config.apiURL,
      ADMIN_TELEGRAM_IDS: '1000',
    });
    expect(bot.log()).toMatch(/Kênh đang chạy: Telegram @\w+ \(long polling\), Zalo Bot Kế hoạch \(long polling\)/);

    type Stored = { messageId: number; message: { chat_id: string; text: string; reply_markup?: { inline_keyboard?: { callback_data: string }[][] } } };
    const tgMessages = () => tg.storage.botMessages as unknown as Stored[];
    const tgWait = async (chat: string, test: (m: Stored) => boolean) => {
      for (let i = 0; i < 300; i++) {
        const hit = tgMessages().findLast((m) => String(m.message.chat_id) === chat && test(m));
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`telegram: nothing for ${chat}`);
    };
    const user = tg.getClient(TTOKEN, { userId: 5, chatId: 5 });
    const admin = tg.getClient(TTOKEN, { userId: 1000, chatId: 1000 });
    const say = (c: typeof user, text: string) => (text.startsWith('/') ? c.sendCommand(c.makeCommand(text)) : c.sendMessage(c.makeMessage(text)));
    const keys = (m: Stored) => (m.message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);

    await say(user, '/dangky');
    await say(user, 'Sở Tài chính');
    await tgWait('5', (m) => m.message.text.includes('Họ và tên'));
    await say(user, 'Phạm Thị D');
    await tgWait('5', (m) => m.message.text.includes('Chức vụ'));
    await say(user, 'Chuyên viên');
    const review = await tgWait('5', (m) => keys(m).includes('rs'));
    await user.sendCallback(user.makeCallbackQuery('rs', { message: { message_id: review.messageId } }));
    const req = await tgWait('1000', (m) => keys(m).includes('a:ok:o1'));
    await admin.sendCallback(admin.makeCallbackQuery('a:ok:o1', { message: { message_id: req.messageId } }));
    await tgWait('5', (m) => m.message.text.includes('đã được duyệt'));

    await say(user, '/lienket');
    const code = (await tgWait('5', (m) => m.message.text.startsWith('Mã liên kết'))).message.text.match(/\d{6}/)![0];
    zalo.say(USER, '/lienket 000000');
    await zalo.waitFor(USER, (t) => t.includes('không đúng'));
    zalo.say(USER, `/lienket ${code}`);
    await zalo.waitFor(USER, (t) => t.includes('Đã liên kết: Phạm Thị D, Sở Tài chính. Các kênh: Telegram, Zalo'));
    // The Telegram account that showed the code is told.
    await tgWait('5', (m) => m.message.text.includes('Tài khoản Zalo vừa được liên kết'));
    zalo.say(STRANGER, `/lienket ${code}`);
    await zalo.waitFor(STRANGER, (t) => t.includes('không đúng'));

    zalo.say(USER, '/xong I.4');
    await zalo.waitFor(USER, (t) => t.includes('Đã ghi nhận: Sở Tài chính hoàn thành I.4'));
    const state = JSON.parse(readFileSync(bot.state, 'utf8'));
    expect(state.officials).toHaveLength(1);
    expect(state.officials[0].accounts.map((a: { channel: string }) => a.channel)).toEqual(['telegram', 'zalo']);
    expect(state.completions).toEqual([expect.objectContaining({ taskId: 'I.4', by: 'o1' })]);

    zalo.say(USER, '/kenh zalo');
    await zalo.waitFor(USER, (t) => t.includes('gửi qua Zalo'));
    expect(JSON.parse(readFileSync(bot.state, 'utf8')).officials[0].preferred).toBe('zalo');
  }, 90_000);
});
