/**
 * The command-line contracts on PostgreSQL (DATABASE_URL), against a throwaway server: state moved from the embedded
 * store into the database and back, the read-only commands and the terminal chat answering from it, and a database
 * that cannot be reached named without its password.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { launch } from '../helpers.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';
import { consistent, HOSTILE } from '../store/hostile.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (script: string, args: string[], env: Record<string, string>, input = '') =>
  spawnSync(process.execPath, launch(script, ...args), {
    input,
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, BOT_TOKEN: '', ...env },
    timeout: 60_000,
  });

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
}, 60_000);
afterAll(() => db?.stop());

describe('the command line on PostgreSQL', () => {
  it('state moves from the embedded store into the database and back; ask, export and the terminal chat read it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pgcli-'));
    const stateFile = path.join(dir, 'state.json');
    const store = await FileStore.open(stateFile);
    const { official } = await store.addOfficial(
      {
        account: { channel: 'telegram', userId: '5', chatId: '5' },
        name: 'Nguyễn Văn A',
        position: 'Chuyên viên',
        agency: 'so-tai-chinh',
        approvedBy: 'admin',
      },
      'admin',
      new Date('2019-03-01T03:00:00Z'),
    );
    await store.recordCompletion(
      { planId: '4561/KH-UBND', taskId: 'I.4', party: 'so-tai-chinh', on: '2019-03-01', by: official.id },
      new Date('2019-03-01T03:00:00Z'),
    );
    const exported = path.join(dir, 'backup.json');
    expect(run('cli/state-command.ts', ['export', '-o', exported], { STATE_FILE: stateFile }).status).toBe(0);

    const url = db.create('cli');
    const imported = run('cli/state-command.ts', ['import', exported], { DATABASE_URL: url });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('1 cán bộ, 1 lần báo xong');
    // Not over state that has data, unless --force.
    const again = run('cli/state-command.ts', ['import', exported], { DATABASE_URL: url });
    expect(again.status).toBe(2);

    const asked = run('cli/ask.ts', ['--json', '--today', '2019-04-10', 'Sở Tài chính phải làm gì?'], { DATABASE_URL: url });
    expect(asked.status, asked.stderr).toBe(0);
    expect(JSON.parse(asked.stdout.trim()).reply).toMatch(/I\.4 — [\s\S]*Hoàn thành/);

    const chat = run('main.ts', [], { DATABASE_URL: url }, 'so tai chinh phai lam gi\n/kehoach\n/thoat\n');
    expect(chat.status, chat.stderr).toBe(0);
    expect(chat.stdout).toContain('Sở Tài chính — nhiệm vụ theo Kế hoạch 4561/KH-UBND');
    expect(chat.stdout).toMatch(/1\/19 xong/);

    const back = path.join(dir, 'from-db.json');
    expect(run('cli/state-command.ts', ['export', '-o', back], { DATABASE_URL: url }).status).toBe(0);
    const before = JSON.parse(readFileSync(exported, 'utf8'));
    const after = JSON.parse(readFileSync(back, 'utf8'));
    expect(after.officials).toEqual(before.officials);
    expect(after.completions).toEqual(before.completions);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
  }, 120_000);

  it('a database that cannot be reached: exit 2 and a message naming it without its password', () => {
    const r = run('cli/ask.ts', ['--json', 'x'], { DATABASE_URL: 'postgres://bot:secret@127.0.0.1:1/plans' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('postgres://bot:***@127.0.0.1:1/plans');
    expect(r.stderr).not.toContain('secret');
  });
  it('state import refuses a state that breaks the rules between records, naming the problem, never a stack trace; nothing changes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pgcli-'));
    const url = db.create('hostile');
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(consistent()));
    expect(run('cli/state-command.ts', ['import', good], { DATABASE_URL: url }).status).toBe(0);
    const exported = () => {
      const r = run('cli/state-command.ts', ['export'], { DATABASE_URL: url });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as unknown;
    };
    const before = exported();
    for (const h of HOSTILE) {
      const file = path.join(dir, 'hostile.json');
      writeFileSync(file, JSON.stringify(h.state));
      const r = run('cli/state-command.ts', ['import', file, '--force'], { DATABASE_URL: url });
      expect(r.status, h.name).toBe(2);
      expect(r.stderr, h.name).toContain(h.says);
      expect(r.stderr, h.name).not.toMatch(/\n\s+at /);
    }
    expect(exported()).toEqual(before);
  }, 120_000);
});
