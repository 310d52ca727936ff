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
import { writeFileSync } from 'node:fs';
import { importPlan } from '../../src/plan/import/index.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { dir } from '../helpers.ts';
import { FakeZalo } from '../fakes/zalo-server.ts';
import { freePort } from '../net.ts';
import { buttons, messagesTo } from './bot-messages.ts';

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

/** A state file with six approved officials of five agencies on one messenger (or as `channelOf` says). */
async function stateWithOfficials(channel: 'telegram' | 'zalo', chatOf: (i: number) => string, channelOf = (_i: number) => channel): Promise<string> {
  const state = path.join(mkdtempSync(path.join(tmpdir(), 'guingay-')), 'state.json');
  const store = await FileStore.open(state);
  const agencies = ['so-tai-chinh', 'so-noi-vu', 'so-y-te', 'huyen-ba-tri', 'vp-ubnd-tinh'];
  await store.importOfficials(
    Array.from({ length: OFFICIALS }, (_, i) => ({
      accounts: [{ channel: channelOf(i), userId: chatOf(i), chatId: chatOf(i) }],
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
    // The admin's digest (chart as text bars, agencies, overdue tasks) in several messages: none over the limit, none
    // starting inside a task.
    for (const m of zalo.sent) {
      expect(m.text.length).toBeLessThanOrEqual(2000);
      expect(m.text).not.toMatch(/^ {3}\S/);
    }
  }, 90_000);
});

describe('a digest for an agency with more overdue tasks than it lists', () => {
  it('lists twenty with their choices, says how many more and points to /viec; Telegram within 4,096, Zalo within 2,000, no task split', async () => {
    // A plan where Sở Tài chính leads 26 tasks long past due, with long contents, and 2 due far ahead (not in a digest).
    const rows = Array.from(
      { length: 28 },
      (_, i) =>
        `${i + 1},"Nhiệm vụ số ${i + 1}: rà soát, sửa đổi, bổ sung quy định về trình tự, thủ tục tiếp nhận và giải quyết hồ sơ của tổ chức, công dân tại bộ phận một cửa các cấp",Sở Tài chính,${i < 26 ? '31/03/2019' : '31/12/2099'}`,
    );
    const { plan } = importPlan('ke-hoach-55.csv', `STT,Nội dung,Cơ quan chủ trì,Thời gian hoàn thành\n${rows.join('\n')}\n`, dir, {
      source: 'ke-hoach-55.csv',
      number: '55/KH-UBND',
      date: '2019-01-10',
      issuer: 'UBND tỉnh Bến Tre',
      title: 'Kế hoạch rà soát thủ tục hành chính',
    });
    const planFile = path.join(mkdtempSync(path.join(tmpdir(), 'plan-55-')), '55-KH-UBND-2019.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await server.start();
    const zalo = new FakeZalo(ZTOKEN);
    await zalo.start();
    cleanups.push(
      () => server.stop(),
      () => zalo.stop(),
    );
    // Officials 0 and 5 are of Sở Tài chính: 0 on Telegram, 5 on Zalo.
    const chat = (i: number) => (i === 5 ? 'z5z5z5z5z5z5z5z5z5z5' : String(2000 + i));
    const state = await stateWithOfficials('telegram', chat, (i) => (i === 5 ? 'zalo' : 'telegram'));
    await startBot({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      ZALO_BOT_TOKEN: ZTOKEN,
      ZALO_API_ROOT: zalo.url,
      STATE_FILE: state,
      PLAN_FILE: planFile,
      ADMIN_TELEGRAM_IDS: '1000',
    });
    const admin = server.getClient(TOKEN, { userId: 1000, chatId: 1000 });
    await admin.sendCommand(admin.makeCommand('/guingay'));
    await until(() => messagesTo(server, 1000).some((m) => m.message.text.startsWith('Đã gửi xong')));

    const listedIds = (text: string) => [...text.matchAll(/^• (NV\.\d+) — /gm)].map((m) => m[1]!);
    // Telegram: the digest in messages within the limit, twenty tasks each with its ✅, the rest counted.
    const tg = messagesTo(server, 2000);
    const tgText = tg.map((m) => m.message.text).join('\n');
    for (const m of tg) expect(m.message.text.length).toBeLessThanOrEqual(4096);
    expect(tgText).toContain('Quá hạn (26):');
    expect(listedIds(tgText)).toHaveLength(20);
    expect(tgText).toContain('… và 6 việc khác (xem ở /viec).');
    expect(tgText).toContain('Bản tin chỉ liệt kê 20 việc; còn 6 việc quá hạn nữa: gõ /viec để xem đủ và báo từng việc.');
    expect(tg.flatMap((m) => buttons(m)).filter((b) => b.startsWith('t:'))).toHaveLength(20);

    // Zalo: the same in messages within 2,000 characters, each task whole in one message, numbered choices, no "bấm".
    const z = zalo.sent.filter((m) => m.chat_id === chat(5)).map((m) => m.text);
    expect(z.length).toBeGreaterThan(1);
    for (const text of z) {
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text).not.toMatch(/bấm/i);
      // A message never starts inside a task (with its indented deadline line), and a task's line has its deadline.
      expect(text).not.toMatch(/^ {3}\S/);
      for (const id of listedIds(text)) expect(text).toMatch(new RegExp(`^• ${id.replace('.', '\\.')} — [^\\n]+\\n {3}Hạn: `, 'm'));
    }
    const zText = z.join('\n');
    expect(listedIds(zText)).toHaveLength(20);
    expect(zText).toContain('Bản tin chỉ liệt kê 20 việc; còn 6 việc quá hạn nữa: gõ /viec để xem đủ và báo từng việc.');
    expect(zText).toMatch(/^20\. ✅ /m);
    expect(zText).not.toMatch(/^21\. /m);
    // What it points to holds them all.
    const mark = zalo.sent.length;
    zalo.say(chat(5), '/viec');
    await zalo.waitFor(chat(5), (t) => t.includes('NV.26'), mark);
  }, 90_000);
});
