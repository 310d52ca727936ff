/**
 * A bot that never hangs (#23): the bot (webhook mode, npm start's entry) on a real PostgreSQL reached through a proxy
 * that can freeze it, as a stopped server or a network partition looks. While frozen, a guest's question and /id, and
 * an official's confirmation, each get the error reply within seconds (DB_TIMEOUT_SECONDS=2) and nothing is
 * half-applied; /healthz says the database is out of reach (503); thawed, the same bot answers and records again
 * without a restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { type FreezeProxy, startFreezeProxy } from '../fakes/freeze-proxy.ts';
import { freePort } from '../net.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';
import { buttons, messagesTo, waitFor as waitForIn } from './bot-messages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SECRET = 'a-webhook-secret-of-24ch';
const OFFICIAL = 501;
const GUEST = 9001;
const SORRY = 'Xin lỗi, có lỗi khi xử lý yêu cầu. Không có gì thay đổi';

let db: TestDatabase;
let url: string;
let proxy: FreezeProxy;
let server: TelegramServer;
let bot: ChildProcess | undefined;
let log = '';

beforeAll(async () => {
  db = await startTestDatabase();
  url = db.create('frozen');
  const store = await PgStore.connect(url);
  await store.importOfficials(
    [
      {
        accounts: [{ channel: 'telegram', userId: String(OFFICIAL), chatId: String(OFFICIAL) }],
        name: 'Cán bộ 501',
        position: '',
        agency: 'so-tai-chinh',
        status: 'approved',
        requestedAt: '2019-01-01T00:00:00.000Z',
        notify: true,
      },
    ],
    'test',
    new Date(),
  );
  await store.close();
  const u = new URL(url);
  proxy = await startFreezeProxy({ host: u.hostname, port: Number(u.port) });
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
}, 60_000);

afterAll(async () => {
  proxy?.thaw();
  bot?.kill('SIGKILL');
  await server?.stop();
  await proxy?.close();
  db?.stop();
});

let updateId = 0;
/** One update to the webhook (answered as soon as it is queued: the bot handles it in its chat's lane). */
async function post(hook: string, update: Record<string, unknown>): Promise<void> {
  const r = await fetch(hook, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: ++updateId, ...update }),
    signal: AbortSignal.timeout(60_000),
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
const waitFor = (chat: number, test: Parameters<typeof waitForIn>[2], ms = 20_000) => waitForIn(server, chat, test, ms);
/** Wait until `count()` passes `before`; fails after `ms`. */
async function until(count: () => number, before: number, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (count() <= before) {
    if (Date.now() > end) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const sorries = (chat: number) => messagesTo(server, chat).filter((m) => m.message.text.startsWith(SORRY)).length;
/** Handlers that failed (the bot's log line; a button's apology is a notice the emulator does not keep). */
const failures = () => log.split('"msg":"handler failed"').length - 1;
/** Send an update and wait for the user's error reply (`seen` counts them): how long the user waited, in ms. */
async function errorReplyAfter(send: () => Promise<void>, seen: () => number, what: string): Promise<number> {
  const before = seen();
  const t0 = Date.now();
  await send();
  await until(seen, before, `error reply to ${what}`);
  return Date.now() - t0;
}
const health = async (port: number) => {
  const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(30_000) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe('PostgreSQL frozen under a running bot', () => {
  it('every user gets the error reply within seconds, nothing is half-applied, /healthz says so; thawed, it works again', async () => {
    const port = await freePort();
    const hook = `http://127.0.0.1:${port}/telegram/hook`;
    bot = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: server.config.apiURL,
        DATABASE_URL: url.replace(/:\d+\//, `:${proxy.port}/`),
        DB_TIMEOUT_SECONDS: '2',
        WEBHOOK_URL: hook,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        TAKEOVER_SECONDS: '3600',
        PUSH_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`,
        REMIND_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      bot!.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('"msg":"started"')) resolve();
      });
      bot!.once('exit', (code) => reject(new Error(`bot exited ${code}: ${log}`)));
    });
    expect(await health(port)).toMatchObject({ status: 200, body: { ok: true, store: 'postgres', reachable: true } });

    // Before: the official's list and the confirmation of I.4 on screen.
    await say(hook, OFFICIAL, '/viec');
    const list = await waitFor(OFFICIAL, (m) => buttons(m).includes('t:I.4:-:l'));
    await press(hook, OFFICIAL, 't:I.4:-:l', list.messageId);
    await waitFor(OFFICIAL, (m) => m.messageId === list.messageId && buttons(m).includes('c:I.4:0:-:l'));

    proxy.freeze();
    const took: Record<string, number> = {};
    took.question = await errorReplyAfter(
      () => say(hook, GUEST, 'Sở Tài chính phải làm gì?'),
      () => sorries(GUEST),
      'the question',
    );
    took.id = await errorReplyAfter(
      () => say(hook, GUEST, '/id'),
      () => sorries(GUEST),
      '/id',
    );
    expect(sorries(GUEST)).toBe(2);
    took.confirm = await errorReplyAfter(() => press(hook, OFFICIAL, 'c:I.4:0:-:l', list.messageId), failures, 'the confirmation');
    const probe = Date.now();
    const frozenHealth = await health(port);
    took.healthz = Date.now() - probe;
    expect(frozenHealth).toMatchObject({ status: 503, body: { ok: false, store: 'postgres', reachable: false } });
    console.log(`frozen database: replies after ${JSON.stringify(took)} ms`);
    // Each within a few seconds: one call's limit (2 s), at most twice (a catch-up already waiting), and the reply.
    for (const [what, ms] of Object.entries(took)) expect(ms, what).toBeLessThan(10_000);

    // Thawed: the same process answers, records, and reports the database reachable again.
    proxy.thaw();
    const end = Date.now() + 30_000;
    while ((await health(port)).status !== 200 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    expect(await health(port)).toMatchObject({ status: 200, body: { ok: true, reachable: true } });
    const before = messagesTo(server, GUEST).length;
    await say(hook, GUEST, 'Sở Tài chính phải làm gì?');
    await until(
      () =>
        messagesTo(server, GUEST)
          .slice(before)
          .filter((m) => m.message.text.includes('Sở Tài chính')).length,
      0,
      'answer',
    );
    const answer = messagesTo(server, GUEST).slice(before);
    expect(answer.map((m) => m.message.text).join('\n')).toContain('Sở Tài chính');
    expect(answer.some((m) => m.message.text.startsWith(SORRY))).toBe(false);
    await say(hook, OFFICIAL, '/viec');
    const again = await waitFor(OFFICIAL, (m) => m.messageId !== list.messageId && /I\.4/.test(m.message.text));
    // The confirmation made while frozen either never reached the database or reached it whole: the tick and its
    // audit entry together, once.
    const store = await PgStore.connect(url);
    const state = await store.exportState();
    await store.close();
    const ticks = state.completions.filter((c) => c.taskId === 'I.4' && !c.undoneAt);
    const audit = state.audit.filter((a) => a.action === 'tick' && a.subject.startsWith('I.4/'));
    expect(ticks.length).toBeLessThanOrEqual(1);
    expect(audit).toHaveLength(ticks.length);
    if (ticks.length === 0) {
      // Not recorded: ticking it now records it once.
      await press(hook, OFFICIAL, 't:I.4:-:l', again.messageId);
      await waitFor(OFFICIAL, (m) => buttons(m).includes('c:I.4:0:-:l'));
      await press(hook, OFFICIAL, 'c:I.4:0:-:l', again.messageId);
      await waitFor(OFFICIAL, (m) => m.message.text.includes('Đã ghi nhận: Sở Tài chính hoàn thành I.4'));
    }
    const check = await PgStore.connect(url);
    expect((await check.exportState()).completions.filter((c) => c.taskId === 'I.4' && !c.undoneAt)).toHaveLength(1);
    await check.close();
    bot.kill('SIGTERM');
  }, 120_000);
});
