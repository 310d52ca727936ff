/**
 * End to end: the bot runs as a process (npm start's entry) against a local Bot API emulator (telegram-test-api),
 * and test users talk to it through the emulator.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../net.ts';
import { type BotMessage, buttons, waitFor as waitForIn } from './bot-messages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ADMIN = 1000;

let server: TelegramServer;
let bot: ChildProcess | undefined;
const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-')), 'state.json');

function startBot(): Promise<void> {
  bot = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      STATE_FILE: stateFile,
      ADMIN_TELEGRAM_IDS: String(ADMIN),
      WEBHOOK_URL: '',
      // No weekly digest falls within the catch-up week, so restarts send nothing of their own.
      PUSH_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    bot!.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"msg":"started"')) resolve();
    });
    bot!.once('exit', (code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}

async function stopBot(): Promise<void> {
  if (!bot || bot.exitCode !== null) return;
  const exited = new Promise((r) => bot!.once('exit', r));
  bot.kill('SIGTERM');
  await exited;
}

const waitFor = (chat: number, test: (m: BotMessage) => boolean, ms = 15_000) => waitForIn(server, chat, test, ms);

function client(userId: number) {
  const c = server.getClient(TOKEN, { userId, chatId: userId, firstName: `U${userId}`, timeout: 15_000 });
  return {
    say: (text: string) => (text.startsWith('/') ? c.sendCommand(c.makeCommand(text)) : c.sendMessage(c.makeMessage(text))),
    press: (data: string, messageId: number) => c.sendCallback(c.makeCallbackQuery(data, { message: { message_id: messageId } })),
  };
}

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  await startBot();
}, 60_000);

afterAll(async () => {
  await stopBot();
  await server.stop();
});

describe('the bot as a process against a local Bot API emulator', () => {
  it('question → answer; register → admin approves → /viec → tick → confirm → done; forged callback refused; restart → still done', async () => {
    const user = client(5);
    const admin = client(ADMIN);
    const stranger = client(9);

    await user.say('Sở Tài chính phải làm gì?');
    await waitFor(5, (m) => m.message.text.includes('I.4 — Quy định về mức chi'));

    await user.say('/dangky');
    await waitFor(5, (m) => m.message.text.includes('Bạn thuộc cơ quan nào'));
    await user.say('Sở Tài chính');
    await waitFor(5, (m) => m.message.text.includes('Họ và tên'));
    // A restart in the middle of registration resumes it.
    await stopBot();
    await startBot();
    await user.say('Nguyễn Văn A');
    await waitFor(5, (m) => m.message.text.includes('Chức vụ'));
    await user.say('Chuyên viên');
    const review = await waitFor(5, (m) => buttons(m).includes('rs'));
    await user.press('rs', review.messageId);
    const request = await waitFor(ADMIN, (m) => buttons(m).includes('a:ok:o1'));
    await admin.press('a:ok:o1', request.messageId);
    await waitFor(5, (m) => m.message.text.includes('đã được duyệt'));

    await user.say('/viec');
    const list = await waitFor(5, (m) => buttons(m).includes('t:I.4:-:l'));
    await user.press('t:I.4:-:l', list.messageId);
    await waitFor(5, (m) => m.messageId === list.messageId && buttons(m).includes('c:I.4:0:-:l'));
    // A question typed while the confirmation is pending is answered; nothing is recorded.
    await user.say('Sở Nội vụ phải làm gì?');
    await waitFor(5, (m) => m.message.text.includes('Sở Nội vụ —'));
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).completions).toEqual([]);
    // A restart while the confirmation is pending: its button still works.
    await stopBot();
    await startBot();
    await user.press('c:I.4:0:-:l', list.messageId);
    const ticked = await waitFor(5, (m) => m.messageId === list.messageId && m.message.text.includes('Đã ghi nhận: Sở Tài chính hoàn thành I.4'));
    // The list is back in the same message: the next task can be ticked at once.
    expect(buttons(ticked)).toContain('t:III.3:-:l');
    // A stale ✖ on the confirmation says the tick stands, and offers ↩️.
    await user.press('k:I.4:0:-:l', list.messageId);
    const stale = await waitFor(5, (m) => m.messageId === list.messageId && m.message.text.includes('hủy không thay đổi gì'));
    expect(buttons(stale)).toContain('u:c2:l');
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(saved.completions).toEqual([expect.objectContaining({ taskId: 'I.4', party: 'so-tai-chinh', by: 'o1' })]);

    // An unregistered user's forged callback: refused, nothing changed.
    // Records that matter (officials, completions, audit) are compared; the stranger's questions may leave chat
    // context for follow-ups.
    const records = () => {
      const { officials, completions, audit } = JSON.parse(readFileSync(stateFile, 'utf8'));
      return JSON.stringify({ officials, completions, audit });
    };
    const before = records();
    await stranger.say('xin chào');
    const strangers = await waitFor(9, () => true);
    await stranger.press('c:I.4:0:-', strangers.messageId);
    await stranger.press('a:rv:o1', strangers.messageId);
    await stranger.say('Sở Nội vụ phải làm gì?');
    await waitFor(9, (m) => m.message.text.includes('Sở Nội vụ —'));
    expect(records()).toBe(before);

    // Restart: the tick is still there.
    await stopBot();
    await startBot();
    await user.say('/viec');
    const after = await waitFor(5, (m) => m.message.text.startsWith('Nhiệm vụ Sở Tài chính chủ trì') && m.messageId > list.messageId);
    expect(after.message.text).toMatch(/I\.4 — [^\n]+\n[^\n]+Hoàn thành/);
    expect(buttons(after)).not.toContain('t:I.4:-:l');
    expect(buttons(after)).toContain('t:III.3:-:l');
  }, 90_000);
});
