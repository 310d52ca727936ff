/** Webhook mode as a process: /healthz, the secret header, and an update delivered over HTTP. */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../net.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SECRET = 'a-webhook-secret-of-24ch';

let server: TelegramServer;
let bot: ChildProcess;
let base: string;

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bot = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      STATE_FILE: path.join(mkdtempSync(path.join(tmpdir(), 'hook-')), 'state.json'),
      // A query string in the URL Telegram calls must not break the route.
      WEBHOOK_URL: `${base}/telegram/hook?from=telegram`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    bot.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"msg":"started"')) resolve();
    });
    bot.once('exit', (code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}, 60_000);

afterAll(async () => {
  const exited = new Promise((r) => bot.once('exit', r));
  bot.kill('SIGTERM');
  await exited;
  await server.stop();
});

const update = (text: string) => ({
  update_id: 1,
  message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, from: { id: 5, is_bot: false, first_name: 'A' }, text },
});

describe('webhook mode', () => {
  it('answers /healthz for monitoring', async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, store: 'embedded', officials: 0, plans: 1 });
    // Just after a start, the catch-up of a missed digest may still be running: it finishes and says so.
    const end = Date.now() + 10_000;
    let health: { unfinishedRuns?: number } = {};
    while (Date.now() < end) {
      health = (await (await fetch(`${base}/healthz`)).json()) as { unfinishedRuns?: number };
      if (health.unfinishedRuns === 0) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(health.unfinishedRuns).toBe(0);
  });
  it('refuses updates without the secret header, or with a wrong one', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/telegram/hook?from=telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update('Sở Tài chính phải làm gì?')),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong-secret-0000000' })).status).toBe(403);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.storage.botMessages).toHaveLength(0);
  });
  it('handles an update that carries the secret', async () => {
    const r = await fetch(`${base}/telegram/hook?from=telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update('Sở Tài chính phải làm gì?')),
    });
    expect(r.status).toBe(200);
    const end = Date.now() + 10_000;
    while (server.storage.botMessages.length === 0 && Date.now() < end) await new Promise((res) => setTimeout(res, 50));
    expect((server.storage.botMessages[0] as unknown as { message: { text: string } }).message.text).toContain('I.4');
  });
  it('a body split across chunks, in the middle of a Vietnamese character, is read whole and decoded once', async () => {
    const body = Buffer.from(JSON.stringify({ ...update('Sở Y tế phải làm gì?'), update_id: 2 }));
    const cut = body.indexOf(Buffer.from('ế')) + 1;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/telegram/hook?from=telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      });
      req.on('response', (r) => resolve(r.statusCode ?? 0));
      req.on('error', reject);
      req.write(body.subarray(0, cut));
      setTimeout(() => req.end(body.subarray(cut)), 100);
    });
    expect(status).toBe(200);
    const texts = () => (server.storage.botMessages as unknown as { message: { text: string } }[]).map((m) => m.message.text);
    const end = Date.now() + 10_000;
    while (!texts().some((t) => t.startsWith('Sở Y tế —')) && Date.now() < end) await new Promise((res) => setTimeout(res, 50));
    expect(texts().some((t) => t.startsWith('Sở Y tế —'))).toBe(true);
  });
  it('a body over the documented limit is refused with 413, the secret notwithstanding', async () => {
    const r = await fetch(`${base}/telegram/hook?from=telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ ...update('x'), padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(r.status).toBe(413);
  });
});
