/**
 * One writer per state file: `<state>.lock` holds the owner's identity — pid, the kernel's start time of that pid
 * and the machine's boot id — so that a pid reused by another process (after a container restart, say) or a
 * zombie is not mistaken for a live owner. The lock is created atomically (O_EXCL); replacing a stale one happens
 * under a short takeover mutex (an atomic mkdir), so two starters racing for the same stale lock cannot both win.
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { LockHeldError, StateFileError } from '../errors.ts';

interface Owner {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
  start?: string;
  boot?: string;
  since: string;
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

const bootId = () => read('/proc/sys/kernel/random/boot_id');

/** The kernel's start time of a pid and whether it is a zombie; undefined when there is no such process. */
function procInfo(pid: number): { start: string; zombie: boolean } | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { start: rest[19] ?? '', zombie: rest[0] === 'Z' };
}

function me(): Owner {
  return { pid: process.pid, start: procInfo(process.pid)?.start, boot: bootId(), since: new Date().toISOString() };
}

function parseOwner(text: string | undefined): Owner | undefined {
  if (!text) return undefined;
  try {
    const o = JSON.parse(text) as Owner | number;
    // Older versions wrote the bare pid.
    if (typeof o === 'number') return Number.isInteger(o) && o > 0 ? { pid: o, since: '' } : undefined;
    return typeof o?.pid === 'number' ? o : undefined;
  } catch {
    // Older versions wrote the bare pid.
    const pid = Number(text);
    return Number.isInteger(pid) && pid > 0 ? { pid, since: '' } : undefined;
  }
}

/** Whether the process named in a lock still holds it. */
export function ownerAlive(o: Owner): boolean {
  if (o.boot && bootId() && o.boot !== bootId()) return false;
  const info = procInfo(o.pid);
  if (info) return !info.zombie && (!o.start || o.start === info.start);
  // No /proc (not Linux): fall back to asking the kernel about the pid.
  try {
    process.kill(o.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Write `content` to a new file beside `target` and hard-link it into place: fails with EEXIST if the target exists. */
function createExclusive(target: string, content: string): void {
  const tmp = `${target}.${process.pid}.${Date.now()}.new`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, target);
  } finally {
    unlinkSync(tmp);
  }
}

const TAKEOVER_STALE_MS = 10_000;

/**
 * Take the lock for `file`, or throw: LockHeldError when a live process holds it, StateFileError when the lock
 * path cannot be used (a folder in its place, no permission). Released when the process exits.
 */
export function lockFile(file: string): () => void {
  const lock = `${file}.lock`;
  mkdirSync(path.dirname(path.resolve(lock)), { recursive: true });
  try {
    if (statSync(lock).isDirectory()) throw new StateFileError(`${lock} is a folder, not a lock file; remove it (nothing in it is used) and start again`);
  } catch (e) {
    if (e instanceof StateFileError) throw e;
  }
  const mine = JSON.stringify(me());
  // Keep trying for a few seconds: a racing starter may hold the takeover mutex while it is descheduled.
  const deadline = Date.now() + 5000;
  // Every pass tries to create the lock first, so a starter descheduled past the deadline inside a takeover still
  // takes the lock it has just freed instead of giving up with nobody holding it.
  for (;;) {
    try {
      createExclusive(lock, mine);
      const release = () => {
        if (read(lock) === mine) {
          try {
            unlinkSync(lock);
          } catch {
            // already gone
          }
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new StateFileError(`${lock}: cannot create the lock (${(e as Error).message})`);
    }
    const seen = read(lock);
    const owner = parseOwner(seen);
    if (owner && ownerAlive(owner)) throw new LockHeldError(file, owner);
    if (Date.now() >= deadline) throw new StateFileError(`${lock}: cannot take the lock (it keeps changing hands)`);
    // Gone since the create failed: the next pass creates it. Never "take over" an absent lock: a starter that
    // creates it meanwhile (creating needs no mutex) would have its fresh lock removed, and two would win.
    if (seen !== undefined) takeOver(lock, seen);
  }
}

/**
 * Remove a stale lock — only if it is still the one judged stale (same content; a lock is never rewritten in place,
 * and only a takeover removes another's lock) — under the takeover mutex.
 */
function takeOver(lock: string, seen: string): void {
  const mutex = `${lock}.takeover`;
  try {
    mkdirSync(mutex);
  } catch {
    try {
      if (Date.now() - statSync(mutex).mtimeMs > TAKEOVER_STALE_MS) rmdirSync(mutex);
    } catch {
      // gone meanwhile
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    return;
  }
  try {
    if (read(lock) === seen) unlinkSync(lock);
  } catch {
    // gone meanwhile: the next attempt creates it
  } finally {
    rmdirSync(mutex);
  }
}
