/** Start-up as a process while the Bot API is not reachable yet: the bot waits and comes up when it is. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { describe, expect, it } from 'vitest';
import { launch } from '../helpers.ts';
import { freePort } from '../net.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('start-up', () => {
  it('retries an unreachable Bot API with a clear log line, and starts once it answers', async () => {
    const port = await freePort();
    const bot = spawn(process.execPath, launch('main.ts'), {
      cwd: ROOT,
      env: {
        ...process.env,
        BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
        STATE_FILE: path.join(mkdtempSync(path.join(tmpdir(), 'startup-')), 'state.json'),
        WEBHOOK_URL: '',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    bot.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
    const server = new TelegramServer({ port, host: '127.0.0.1' });
    try {
      const until = async (test: () => boolean, ms: number) => {
        const end = Date.now() + ms;
        while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
        return test();
      };
      expect(await until(() => err.includes('Telegram Bot API unreachable; retrying'), 20_000)).toBe(true);
      expect(bot.exitCode).toBeNull();
      expect(err).not.toContain('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ');
      await server.start();
      expect(await until(() => err.includes('"msg":"started"'), 20_000)).toBe(true);
      expect(err).toContain('Telegram Bot API reachable again');
    } finally {
      const exited = new Promise((r) => bot.once('exit', r));
      bot.kill('SIGTERM');
      await exited;
      await server.stop();
    }
  }, 60_000);
});
