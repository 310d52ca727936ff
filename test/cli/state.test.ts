/** npm run state -- export|import: backup and restore of the whole state, refused when it would lose data. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { launch } from '../helpers.ts';
import { HOSTILE } from '../store/hostile.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/state-command.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });

async function filled(file: string) {
  const store = await FileStore.open(file);
  const at = new Date('2019-03-20T03:00:00Z');
  await store.importOfficials(
    [
      {
        accounts: [{ channel: 'telegram', userId: '5', chatId: '5' }],
        name: 'Nguyễn Thị Hoa',
        position: 'Chuyên viên',
        agency: 'so-tai-chinh',
        status: 'approved',
        requestedAt: at.toISOString(),
        notify: true,
      },
    ],
    'test',
    at,
  );
  for (let i = 0; i < 230; i++) await store.recordCompletion({ planId: 'P', taskId: `T${i}`, party: 'so-tai-chinh', on: '2019-03-20', by: 'o1' }, at);
  await store.startRun('digest:x', 1, at);
  await store.recordDeliveries([{ run: 'digest:x', to: 'o1', status: 'sent', at: at.toISOString(), attempts: 1 }]);
  await store.finishRun('digest:x', { sent: 1, failed: 0 }, at);
  return store;
}

describe('npm run state', () => {
  it('export then import into an empty store gives the same state, journals included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statecmd-'));
    const source = path.join(dir, 'a.json');
    const before = (await filled(source)).snapshot();
    const backup = path.join(dir, 'backup.json');
    const out = run(['export', '-o', backup], { STATE_FILE: source });
    expect(out.status).toBe(0);
    expect(out.stderr).toContain('1 cán bộ, 230 lần báo xong');
    const target = path.join(dir, 'b.json');
    const r = run(['import', backup], { STATE_FILE: target });
    expect(r.status).toBe(0);
    const after = (await FileStore.open(target)).snapshot();
    expect(after).toEqual(before);
    expect(after.audit).toHaveLength(before.audit.length);
    expect(after.deliveries).toEqual([expect.objectContaining({ run: 'digest:x', to: 'o1' })]);
  });
  it('refuses, changing nothing: an invalid file, a store with data (without --force), a store a bot holds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statecmd-'));
    const target = path.join(dir, 'live.json');
    await filled(target);
    const before = readFileSync(target, 'utf8');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 5, officials: [{ id: 'o1' }] }));
    const invalid = run(['import', bad], { STATE_FILE: path.join(dir, 'new.json') });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('không phải bản xuất trạng thái hợp lệ');
    expect(existsSync(path.join(dir, 'new.json'))).toBe(false);
    const empty = path.join(dir, 'empty.json');
    expect(run(['export', '-o', empty], { STATE_FILE: path.join(dir, 'nothing.json') }).status).toBe(0);
    const notEmpty = run(['import', empty], { STATE_FILE: target });
    expect(notEmpty.status).toBe(2);
    expect(notEmpty.stderr).toContain('Thêm --force');
    expect(readFileSync(target, 'utf8')).toBe(before);
    // A bot holding the state file: refused too, even with --force.
    const held = await FileStore.open(target, { lock: true });
    const locked = run(['import', empty, '--force'], { STATE_FILE: target });
    expect(locked.status).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe(before);
    void held;
  });
  it('refuses a state that breaks the rules between records, naming the problem, never a stack trace; nothing changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statecmd-'));
    const target = path.join(dir, 'live.json');
    (await filled(target)).close();
    const before = readFileSync(target, 'utf8');
    for (const h of HOSTILE) {
      const file = path.join(dir, 'hostile.json');
      writeFileSync(file, JSON.stringify(h.state));
      // Through src/run.mjs, as npm runs it (faster than tsx's loader).
      const r = spawnSync(process.execPath, launch('cli/state-command.ts', 'import', file, '--force'), {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, STATE_FILE: target },
        timeout: 30_000,
      });
      expect(r.status, h.name).toBe(2);
      expect(r.stderr, h.name).toContain(h.says);
      expect(r.stderr, h.name).toContain('Không thay đổi gì');
      expect(r.stderr, h.name).not.toMatch(/\n\s+at /);
      expect(readFileSync(target, 'utf8'), h.name).toBe(before);
    }
  }, 120_000);
});
