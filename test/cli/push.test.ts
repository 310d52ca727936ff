import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { describe, expect, it } from 'vitest';
import { launch } from '../helpers.ts';
import { freePort } from '../net.ts';

/** The push deliveries recorded beside a state file (an append-only journal, one JSON object a line). */
const journal = (file: string) =>
  readFileSync(`${file}.deliveries.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function stateWith(officials: { id: string; user: string; agency: string }[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pushcli-')), 'state.json');
  const state = {
    schemaVersion: 2,
    officials: officials.map((o) => ({
      id: o.id,
      accounts: [{ channel: 'telegram', userId: o.user, chatId: o.user }],
      name: o.id,
      position: '',
      agency: o.agency,
      status: 'approved',
      requestedAt: '2019-01-01T00:00:00.000Z',
      notify: true,
    })),
    completions: [],
    audit: [],
    seq: 10,
  };
  writeFileSync(file, JSON.stringify(state));
  return file;
}

const push = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, launch('cli/push.ts', ...args), {
      cwd: ROOT,
      env: { ...process.env, BOT_TOKEN: '', ADMIN_TELEGRAM_IDS: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });

describe('npm run push', () => {
  it('--dry-run prints each digest without sending or recording; --only picks one official', async () => {
    const file = stateWith([
      { id: 'o1', user: '5', agency: 'so-tai-chinh' },
      { id: 'o2', user: '6', agency: 'so-y-te' },
    ]);
    const before = readFileSync(file, 'utf8');
    const r = await push(['--dry-run', '--today', '2019-03-25'], { STATE_FILE: file });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('——— o1 (telegram 5)\n📋 Bản tin tuần 25/03/2019 — Sở Tài chính');
    expect(r.stdout).toContain('——— o2 (telegram 6)\n✅ Bản tin tuần 25/03/2019 — Sở Y tế');
    expect(r.stderr).toContain('2 bản tin (chưa gửi, chưa ghi nhận)');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const only = await push(['--dry-run', '--today', '2019-03-25', '--only', '6'], { STATE_FILE: file });
    expect(only.stdout).not.toContain('o1');
    expect(only.stdout).toContain('o2');
  });
  it('sends through the Bot API and records every delivery', async () => {
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await server.start();
    try {
      const file = stateWith([{ id: 'o1', user: '5', agency: 'so-tai-chinh' }]);
      const r = await push(['--today', '2019-03-25'], {
        STATE_FILE: file,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: server.config.apiURL,
        ADMIN_TELEGRAM_IDS: '1000',
      });
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('Đã gửi xong: 2/2');
      const texts = (server.storage.botMessages as unknown as { message: { chat_id: string; text: string } }[]).map((m) => [
        m.message.chat_id,
        m.message.text.split('\n')[0],
      ]);
      expect(texts.sort()).toEqual([
        ['1000', '📊 Bản tin tuần 25/03/2019 — toàn Kế hoạch 4561/KH-UBND'],
        ['5', '📋 Bản tin tuần 25/03/2019 — Sở Tài chính (Kế hoạch 4561/KH-UBND)'],
      ]);
      expect(
        journal(file)
          .map((d: { to: string; status: string }) => `${d.to}:${d.status}`)
          .sort(),
      ).toEqual(['admin:telegram:1000:sent', 'o1:sent']);
      expect(JSON.parse(readFileSync(file, 'utf8')).runs[0]).toMatchObject({ total: 2, sent: 2, failed: 0, finishedAt: expect.any(String) });
    } finally {
      await server.stop();
    }
  });
  it('refuses to send while another process holds the state file, and without a token', async () => {
    const file = stateWith([]);
    writeFileSync(`${file}.lock`, String(process.pid));
    const locked = await push([], { STATE_FILE: file, BOT_TOKEN: TOKEN });
    expect(locked.status).toBe(2);
    expect(locked.stderr).toContain(`is in use by process ${process.pid}`);
    const noToken = spawnSync(process.execPath, launch('cli/push.ts'), {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BOT_TOKEN: '', STATE_FILE: file },
    });
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toContain('cần BOT_TOKEN');
  });
});
