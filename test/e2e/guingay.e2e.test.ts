/**
 * /guingay as the admin sees it, the bot as a process against the local messengers' fakes, with six officials to
 * reach: on Telegram one progress message edited in place (through the Bot API emulator's editMessageText), its texts
 * in order and ending with "Đã gửi xong"; on Zalo, which cannot edit, a few messages in order, not one per recipient.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { FakeZalo } from '../fakes/zalo-server.ts';
import { freePort } from '../net.ts';
import { messagesTo } from './bot-messages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ZTOKEN = '7a1b2c3d:zalo-secret-token-0001';
const OFFICIALS = 6;
/** The officials and the admin, who gets the plan's digest. */
const TOTAL = OFFICIALS + 1;
const running: ChildProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.exitCode !== null) continue;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }
  for (const c of cleanups.splice(0)) await c();
});

function startBot(env: Record<string, string>): Promise<ChildProcess> {
  const bot = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    // No weekly digest falls within the catch-up week: only /guingay sends.
    env: { ...process.env, BOT_TOKEN: '', ZALO_BOT_TOKEN: '', WEBHOOK_URL: '', PUSH_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.push(bot);
  let err = '';
  return new Promise((resolve, reject) => {
    bot.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"msg":"started"')) resolve(bot);
    });
    bot.once('exit', (code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}

/** A state file with six approved officials of five agencies on one messenger. */
async function stateWithOfficials(channel: 'telegram' | 'zalo', chatOf: (i: number) => string): Promise<string> {
  const state = path.join(mkdtempSync(path.join(tmpdir(), 'guingay-')), 'state.json');
  const store = await FileStore.open(state);
  const agencies = ['so-tai-chinh', 'so-noi-vu', 'so-y-te', 'huyen-ba-tri', 'vp-ubnd-tinh'];
  await store.importOfficials(
    Array.from({ length: OFFICIALS }, (_, i) => ({
      accounts: [{ channel, userId: chatOf(i), chatId: chatOf(i) }],
      name: `Cán bộ ${i}`,
      position: '',
      agency: agencies[i % agencies.length]!,
      status: 'approved' as const,
      requestedAt: '2019-01-01T00:00:00.000Z',
      notify: true,
    })),
    'test',
    new Date(),
  );
  await store.close();
  return state;
}

const until = async (test: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  expect(test()).toBe(true);
};

/** The texts the admin is told about a run (not the admin's own digest). */
const isRunNote = (text: string) => /^(Bắt đầu gửi bản tin tuần|Đang gửi: |Đã gửi xong: )/.test(text);

describe('/guingay with six officials', () => {
  it('Telegram: the start, the progress and the end are one message edited in place, in order', async () => {
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await server.start();
    cleanups.push(() => server.stop());
    // Every text the live message had, in the order the emulator received them (its edits keep no history).
    const edits: { messageId: number; text: string }[] = [];
    const editMessageText = server.editMessageText.bind(server);
    server.editMessageText = (raw) => {
      const m = raw as { message_id: number | string; chat_id: number | string; text: string };
      if (String(m.chat_id) === '1000') edits.push({ messageId: Number(m.message_id), text: m.text });
      editMessageText(raw);
    };
    const state = await stateWithOfficials('telegram', (i) => String(2000 + i));
    await startBot({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, STATE_FILE: state, ADMIN_TELEGRAM_IDS: '1000', PUSH_RATE: '3' });
    const admin = server.getClient(TOKEN, { userId: 1000, chatId: 1000 });
    await admin.sendCommand(admin.makeCommand('/guingay'));
    const toAdmin = () => messagesTo(server, 1000);
    await until(() => toAdmin().some((m) => m.message.text.startsWith(`Đã gửi xong: ${TOTAL}/${TOTAL}`)));
    // Every official got the digest.
    for (let i = 0; i < OFFICIALS; i++) expect(messagesTo(server, 2000 + i).length).toBeGreaterThan(0);

    const notes = toAdmin().filter((m) => isRunNote(m.message.text));
    expect(notes).toHaveLength(1);
    const live = notes[0]!;
    // It was sent as the start, then edited: each progress count at least the one before, the end last.
    expect(edits.every((e) => e.messageId === live.messageId)).toBe(true);
    const texts = edits.map((e) => e.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.at(-1)).toBe(`Đã gửi xong: ${TOTAL}/${TOTAL}; lỗi 0; không nhận được (đã chặn bot) 0.`);
    const counts = texts.slice(0, -1).map((t) => Number(t.match(/^Đang gửi: (\d+)\/7, lỗi 0\.$/)?.[1]));
    expect(counts.every((n) => n >= 1 && n < TOTAL)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // Besides the live message, the admin's chat holds the admin's own digest.
    expect(toAdmin().filter((m) => !isRunNote(m.message.text))[0]?.message.text).toMatch(/^📊 Bản tin tuần/);
    for (const m of server.storage.botMessages as unknown as { message: { text: string } }[]) expect(m.message.text.length).toBeLessThanOrEqual(4096);
  }, 90_000);

  it('Zalo: a few messages (the start, two progress notes, the end), in order; every message within 2,000 characters', async () => {
    const zalo = new FakeZalo(ZTOKEN);
    await zalo.start();
    cleanups.push(() => zalo.stop());
    const ADMIN = 'a0a0a0a0a0a0a0a0a0a0';
    const chat = (i: number) => `d${String(i).padStart(19, '0')}`;
    const state = await stateWithOfficials('zalo', chat);
    await startBot({ ZALO_BOT_TOKEN: ZTOKEN, ZALO_API_ROOT: zalo.url, STATE_FILE: state, ADMIN_ZALO_IDS: ADMIN, ZALO_PUSH_RATE: '3' });
    zalo.say(ADMIN, '/guingay');
    await zalo.waitFor(ADMIN, (t) => t.startsWith(`Đã gửi xong: ${TOTAL}/${TOTAL}`), 0, 30_000);
    for (let i = 0; i < OFFICIALS; i++) expect(zalo.sent.some((m) => m.chat_id === chat(i))).toBe(true);
    const notes = zalo.sent.filter((m) => m.chat_id === ADMIN && isRunNote(m.text)).map((m) => m.text);
    expect(notes).toEqual([
      `Bắt đầu gửi bản tin tuần tới ${TOTAL} người nhận…`,
      expect.stringMatching(/^Đang gửi: [1-6]\/7, lỗi 0\.$/),
      expect.stringMatching(/^Đang gửi: [1-6]\/7, lỗi 0\.$/),
      'Đã gửi xong: 7/7; lỗi 0; không nhận được (đã chặn bot) 0.',
    ]);
    const [a, b] = notes.slice(1, 3).map((t) => Number(t.match(/: (\d)\//)![1]));
    expect(a).toBeLessThan(b!);
    for (const m of zalo.sent) expect(m.text.length).toBeLessThanOrEqual(2000);
  }, 90_000);
});
