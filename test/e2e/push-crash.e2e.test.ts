/**
 * A /guingay run killed with SIGKILL part way: the restarted bot sends the rest, and repeats at most the messages in
 * flight at the kill (PUSH_RATE of them), never two to one official.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { freePort } from '../net.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const OFFICIALS = 60;
const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill('SIGKILL');
});

function startBot(env: Record<string, string>): Promise<ChildProcess> {
  // One process (node with tsx's loader), so that SIGKILL kills the bot itself.
  const bot = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, WEBHOOK_URL: '', ...env },
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

describe('a push run killed part way', () => {
  it('is resumed by the next start: everyone gets the digest, at most the messages in flight twice, and the admin is told', async () => {
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await server.start();
    try {
      const state = path.join(mkdtempSync(path.join(tmpdir(), 'push-crash-')), 'state.json');
      const store = await FileStore.open(state);
      const agencies = ['so-tai-chinh', 'so-noi-vu', 'so-y-te', 'huyen-ba-tri', 'vp-ubnd-tinh'];
      await store.importOfficials(
        Array.from({ length: OFFICIALS }, (_, i) => ({
          accounts: [{ channel: 'telegram' as const, userId: String(2000 + i), chatId: String(2000 + i) }],
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
      const env = {
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: server.config.apiURL,
        STATE_FILE: state,
        ADMIN_TELEGRAM_IDS: '1000',
        PUSH_RATE: '10',
        PUSH_CRON: `0 0 1 ${((new Date().getMonth() + 6) % 12) + 1} *`,
      };
      type Stored = { message: { chat_id: string | number; text: string } };
      const messages = () => server.storage.botMessages as unknown as Stored[];
      const toOfficials = () => messages().filter((m) => Number(m.message.chat_id) >= 2000);
      const until = async (test: () => boolean, ms: number) => {
        const end = Date.now() + ms;
        while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
        expect(test()).toBe(true);
      };

      const bot = await startBot(env);
      const admin = server.getClient(TOKEN, { userId: 1000, chatId: 1000 });
      await admin.sendCommand(admin.makeCommand('/guingay'));
      await until(() => toOfficials().length >= 20, 30_000);
      bot.kill('SIGKILL');
      await new Promise((r) => bot.once('exit', r));
      const before = toOfficials().length;
      expect(before).toBeLessThan(OFFICIALS);

      await startBot(env);
      await until(() => new Set(toOfficials().map((m) => String(m.message.chat_id))).size === OFFICIALS, 30_000);
      await until(() => messages().some((m) => String(m.message.chat_id) === '1000' && m.message.text.includes('đã được gửi tiếp')), 10_000);
      const perChat = new Map<string, number>();
      for (const m of toOfficials()) perChat.set(String(m.message.chat_id), (perChat.get(String(m.message.chat_id)) ?? 0) + 1);
      const repeated = [...perChat.values()].reduce((n, c) => n + c - 1, 0);
      expect(repeated).toBeLessThanOrEqual(Number(env.PUSH_RATE));
      expect(Math.max(...perChat.values())).toBeLessThanOrEqual(2);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
