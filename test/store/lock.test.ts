import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFile } from '../../src/store/embedded/lock.ts';
import { LockHeldError, StateFileError } from '../../src/store/port.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'lock-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Start a process that takes the lock (at `at`, epoch ms) and holds it; resolves with what it printed first. */
function taker(file: string, holdMs = 3000, at = 0): Promise<string> {
  // One process (node with tsx's loader), so that killing it kills the lock's owner.
  const p = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/fixtures/take-lock.ts'), file, String(holdMs), String(at)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(p);
  return new Promise((resolve) => p.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
}

describe('the state lock', () => {
  it('a live owner is refused with a clear message naming it and what to do', async () => {
    const file = path.join(tmp(), 'state.json');
    expect(await taker(file)).toBe('ok');
    expect(() => lockFile(file)).toThrow(LockHeldError);
    expect(() => lockFile(file)).toThrow(/in use by process \d+ .*Stop it first.*\/guingay/);
  });
  it('a lock whose pid now belongs to another live process is taken over (the start time differs)', () => {
    const file = path.join(tmp(), 'state.json');
    // pid 1 is alive, but it is not the process that wrote this lock.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, start: '12345', since: '2020-01-01T00:00:00Z' }));
    expect(() => lockFile(file)).not.toThrow();
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
  });
  it('a lock from before a reboot, or of a dead process, is taken over at once', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.json.lock'), JSON.stringify({ pid: process.pid, boot: 'another-boot', since: '' }));
    expect(() => lockFile(path.join(dir, 'a.json'))).not.toThrow();
    writeFileSync(path.join(dir, 'b.json.lock'), '999999');
    expect(() => lockFile(path.join(dir, 'b.json'))).not.toThrow();
  });
  it('a just-killed owner does not block the restart', async () => {
    const file = path.join(tmp(), 'state.json');
    expect(await taker(file, 60_000)).toBe('ok');
    const owner = children.at(-1)!;
    const gone = new Promise((r) => owner.once('exit', r));
    owner.kill('SIGKILL');
    await gone;
    expect(() => lockFile(file)).not.toThrow();
  });
  it('a folder where the lock should be is a clear error, not a crash', () => {
    const file = path.join(tmp(), 'state.json');
    mkdirSync(`${file}.lock`);
    expect(() => lockFile(file)).toThrow(StateFileError);
    expect(() => lockFile(file)).toThrow(/is a folder, not a lock file/);
  });
  it('two starters racing for the same stale lock: exactly one wins, over 10 rounds', async () => {
    for (let round = 0; round < 10; round++) {
      const file = path.join(tmp(), 'state.json');
      writeFileSync(`${file}.lock`, '999999');
      // The winner holds the lock until the round ends, so a starter that comes late (a busy machine) still finds it held.
      const at = Date.now() + 1500;
      const results = await Promise.all([taker(file, 120_000, at), taker(file, 120_000, at), taker(file, 120_000, at)]);
      expect(
        results.filter((r) => r === 'ok'),
        results.join(' | '),
      ).toHaveLength(1);
      for (const c of children.splice(0)) c.kill('SIGKILL');
    }
  }, 120_000);
});

describe('the state path', () => {
  it('a symlinked state file is written through to its target; the link stays a link', async () => {
    const dir = tmp();
    const target = path.join(dir, 'volume', 'state.json');
    mkdirSync(path.dirname(target));
    const link = path.join(dir, 'state.json');
    symlinkSync(target, link);
    const store = await FileStore.open(link, { lock: true });
    await store.recordCompletion({ planId: 'p', taskId: 'I.1', party: 'x', on: '2019-01-01', by: 'o1' }, new Date());
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).completions).toHaveLength(1);
  });
  it('temporary files of interrupted writes are removed when the writer starts', async () => {
    const dir = tmp();
    const file = path.join(dir, 'state.json');
    writeFileSync(`${file}.4242.1700000000000.tmp`, '{"half":');
    await FileStore.open(file, { lock: true });
    expect(existsSync(`${file}.4242.1700000000000.tmp`)).toBe(false);
  });
  it('a read-only store reads the live file, writes nothing, and refuses changes', async () => {
    const file = path.join(tmp(), 'state.json');
    const writer = await FileStore.open(file, { lock: true });
    await writer.recordCompletion({ planId: 'p', taskId: 'I.1', party: 'x', on: '2019-01-01', by: 'o1' }, new Date());
    const reader = await FileStore.openShared(file);
    expect(reader.readOnly).toBe(true);
    expect(reader.completions('p').get('I.1')).toHaveLength(1);
    const before = readFileSync(file, 'utf8');
    await expect(reader.recordCompletion({ planId: 'p', taskId: 'I.2', party: 'x', on: '2019-01-01', by: 'o1' }, new Date())).rejects.toThrow(/read-only/);
    await reader.flush();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(path.join(tmp(), 'none.json'))).toBe(false);
  });
});
