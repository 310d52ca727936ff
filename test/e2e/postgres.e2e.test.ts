/**
 * Two bot processes (webhook mode, npm start's entry) on one PostgreSQL database and one local Bot API emulator;
 * the test plays the load balancer, sending each update to one process or the other. Ticks from both, a button
 * pressed on one after the list was shown by the other, the same confirmation on both at once, one weekly run asked
 * of both at once, and the process sending it killed with SIGKILL part way: the other takes the run over.
 * Nothing lost, nothing doubled but the messages in flight at the kill (at most PUSH_RATE, one per official).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { freePort } from '../net.ts';
import { type BotMessage, buttons, waitFor as waitForIn } from './bot-messages.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SECRET = 'a-webhook-secret-of-24ch';
const ADMIN = 1000;
const OFFICIALS = 40;
const AGENCIES = ['so-tai-chinh', 'so-noi-vu', 'so-y-te', 'huyen-ba-tri', 'vp-ubnd-tinh'];

let db: TestDatabase;
let server: TelegramServer;
let url: string;
const running: ChildProcess[] = [];
const logs: string[] = [];

beforeAll(async () => {
  db = await startTestDatabase();
  url = db.create('bots');
  const store = await PgStore.connect(url);
  await store.importOfficials(
    [
      ...Array.from({ length: OFFICIALS }, (_, i) => ({ id: 3000 + i, agency: AGENCIES[i % AGENCIES.length]! })),
      { id: 501, agency: 'so-tai-chinh' },
      { id: 502, agency: 'so-noi-vu' },
    ].map(({ id, agency }) => ({
      accounts: [{ channel: 'telegram' as const, userId: String(id), chatId: String(id) }],
      name: `Cán bộ ${id}`,
      position: '',
      agency,
      status: 'approved' as const,
      requestedAt: '2019-01-01T00:00:00.000Z',
      notify: true,
    })),
    'test',
    new Date(),
  );
  await store.close();
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
}, 60_000);

afterAll(async () => {
  for (const p of running) p.kill('SIGKILL');
  await server?.stop();
  db?.stop();
});

async function startBot(): Promise<{ proc: ChildProcess; hook: string }> {
  const port = await freePort();
  const hook = `http://127.0.0.1:${port}/telegram/hook`;
  // One process (node with tsx's loader), so that SIGKILL kills the bot itself.
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      DATABASE_URL: url,
      WEBHOOK_URL: hook,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      ADMIN_TELEGRAM_IDS: String(ADMIN),
      PUSH_RATE: '10',
      TAKEOVER_SECONDS: '1',
      PUSH_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`,
      REMIND_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.push(proc);
  const i = logs.push('') - 1;
  proc.stderr!.on('data', (d: Buffer) => (logs[i] += d.toString()));
  await new Promise<void>((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"msg":"started"')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
  return { proc, hook };
}

let updateId = 0;
async function post(hook: string, update: Record<string, unknown>): Promise<void> {
  const r = await fetch(hook, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: ++updateId, ...update }),
  });
  expect(r.status).toBe(200);
}
const from = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
const say = (hook: string, user: number, text: string) =>
  post(hook, {
    message: {
      message_id: ++updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user, type: 'private' },
      from: from(user),
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
    },
  });
const press = (hook: string, user: number, data: string, messageId: number) =>
  post(hook, {
    callback_query: {
      id: String(++updateId),
      from: from(user),
      chat_instance: String(user),
      data,
      message: { message_id: messageId, date: 0, chat: { id: user, type: 'private' }, text: '' },
    },
  });

const waitFor = (chat: number, test: (m: BotMessage) => boolean, ms = 20_000) => waitForIn(server, chat, test, ms);
async function until(test: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  expect(test()).toBe(true);
}

describe('two bot processes on one PostgreSQL database', () => {
  it('ticks from both are recorded once; one weekly run goes out once and survives its sender being killed -9', async () => {
    const a = await startBot();
    const b = await startBot();

    // The list shown by A, the tick pressed on B, the confirmation pressed on both at once.
    await say(a.hook, 501, '/viec');
    const list = await waitFor(501, (m) => buttons(m).includes('t:I.4:-:l'));
    await press(b.hook, 501, 't:I.4:-:l', list.messageId);
    await waitFor(501, (m) => m.messageId === list.messageId && buttons(m).includes('c:I.4:0:-:l'));
    await Promise.all([press(a.hook, 501, 'c:I.4:0:-:l', list.messageId), press(b.hook, 501, 'c:I.4:0:-:l', list.messageId)]);
    // Both answers edit the same message (whichever comes last shows): the tick recorded, or the list with I.4 done.
    await waitFor(
      501,
      (m) =>
        m.messageId === list.messageId &&
        (m.message.text.includes('Đã ghi nhận: Sở Tài chính hoàn thành I.4') || /I\.4 —[^\n]*\n[^\n]*Hoàn thành/.test(m.message.text)),
    );

    // Another official ticks through B, then through A.
    await say(b.hook, 502, '/viec');
    const list2 = await waitFor(502, (m) => buttons(m).some((d) => d.startsWith('t:')));
    const [first, second] = buttons(list2).filter((d) => d.startsWith('t:'));
    await press(b.hook, 502, first!, list2.messageId);
    const confirm1 = buttons(await waitFor(502, (m) => buttons(m).some((d) => d.startsWith('c:')))).find((d) => d.startsWith('c:'))!;
    await press(a.hook, 502, confirm1, list2.messageId);
    await waitFor(502, (m) => m.message.text.includes('Đã ghi nhận'));
    const secondId = second!.split(':')[1]!;
    await press(a.hook, 502, second!, list2.messageId);
    const confirm2 = buttons(await waitFor(502, (m) => buttons(m).some((d) => d.startsWith(`c:${secondId}:`)))).find((d) => d.startsWith(`c:${secondId}:`))!;
    await press(b.hook, 502, confirm2, list2.messageId);
    await waitFor(502, (m) => m.message.text.includes('Đã ghi nhận') && m.message.text.includes(secondId));

    // One weekly run: asked of A, then of B while A sends it (B leaves it to A: nobody gets it twice).
    const toOfficials = () => (server.storage.botMessages as unknown as BotMessage[]).filter((m) => Number(m.message.chat_id) >= 3000);
    await say(a.hook, ADMIN, '/guingay');
    await until(() => toOfficials().length >= 5, 30_000);
    await say(b.hook, ADMIN, '/guingay');
    await waitFor(ADMIN, (m) => m.message.text.includes('tiến trình bot khác'));
    // A is killed part way; B takes the run over and finishes it.
    a.proc.kill('SIGKILL');
    await new Promise((r) => a.proc.once('exit', r));
    expect(toOfficials().length).toBeLessThan(OFFICIALS);
    await until(() => new Set(toOfficials().map((m) => m.message.chat_id)).size === OFFICIALS, 40_000);
    await new Promise((r) => setTimeout(r, 1500));
    const perChat = new Map<string, number>();
    for (const m of toOfficials()) perChat.set(String(m.message.chat_id), (perChat.get(String(m.message.chat_id)) ?? 0) + 1);
    const repeated = [...perChat.values()].reduce((n, x) => n + x - 1, 0);
    if (repeated > 10) console.error(JSON.stringify([...perChat]), logs.join('\n---\n').slice(-6000));
    // At most the messages in flight when A died (PUSH_RATE of them), never twice to one official.
    expect(repeated).toBeLessThanOrEqual(10);
    expect(Math.max(...perChat.values())).toBeLessThanOrEqual(2);

    // What the database holds: each tick once, one run, finished, every official reached.
    const store = await PgStore.connect(url);
    const state = await store.exportState();
    await store.close();
    const live = state.completions.filter((x) => !x.undoneAt);
    expect(live.map((x) => `${x.taskId}/${x.party}`).sort()).toEqual([...new Set(live.map((x) => `${x.taskId}/${x.party}`))].sort());
    expect(live).toHaveLength(3);
    const runs = state.runs.filter((r) => r.key.startsWith('manual:'));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.finishedAt).toBeDefined();
    b.proc.kill('SIGTERM');
  }, 150_000);
});
