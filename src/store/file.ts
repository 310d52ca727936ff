/**
 * The state file on disk: a lowdb adapter that validates what it reads and writes durably (temporary file, fsync,
 * rename, folder fsync), and the lock that keeps one writer per file.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { writeFileAtomicAsync } from '../fsutil.ts';
import { migrate, SECTIONS, STATE_VERSION, type Section, type State, stateSchema } from './schema.ts';

export class StateFileError extends Error {}

/** A change could not be written; nothing of it remains. */
export class StateWriteError extends Error {}

/**
 * lowdb adapter: validated read, durable atomic write. Each section's JSON is kept between writes and only the
 * sections a change touched are serialized again (a tick rewrites completions and audit, not 10,000 officials).
 */
export class DurableJsonFile implements Adapter<State> {
  private readonly json = new Map<Section, Buffer>();
  private readonly dirty = new Set<Section>(SECTIONS);

  constructor(private readonly file: string) {}

  touch(sections: readonly Section[] = SECTIONS): void {
    for (const s of sections) this.dirty.add(s);
  }

  forget(): void {
    this.json.clear();
    this.touch();
  }

  async read(): Promise<State | null> {
    if (!existsSync(this.file)) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (e) {
      throw new StateFileError(`${this.file}: not readable as JSON (${(e as Error).message}); it was left as it is`);
    }
    const parsed = stateSchema.safeParse(migrate(raw));
    if (!parsed.success) {
      const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
      const where = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
        .join('; ');
      const hint = version !== STATE_VERSION ? ` (schema version ${String(version)}; this version reads ${STATE_VERSION})` : '';
      throw new StateFileError(`${this.file}: not a valid state file${hint}: ${where}; it was left as it is`);
    }
    return parsed.data;
  }

  async write(data: State): Promise<void> {
    for (const sec of SECTIONS) if (this.dirty.has(sec) || !this.json.has(sec)) this.json.set(sec, Buffer.from(`,"${sec}":${JSON.stringify(data[sec])}`));
    this.dirty.clear();
    await writeFileAtomicAsync(this.file, [
      Buffer.from(`{"schemaVersion":${data.schemaVersion}`),
      ...SECTIONS.map((sec) => this.json.get(sec)!),
      Buffer.from(`,"seq":${data.seq}}`),
    ]);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An exclusive lock beside the state file: `<file>.lock` holding the owner's pid; a dead owner's lock is taken over. */
export function lockFile(file: string): void {
  const lock = `${file}.lock`;
  mkdirSync(path.dirname(path.resolve(lock)), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.once('exit', () => {
        try {
          unlinkSync(lock);
        } catch {
          // already gone
        }
      });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateFileError(`${lock}: cannot create the lock (${(e as Error).message})`);
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner && owner !== process.pid && alive(owner))
        throw new StateFileError(`${file} is in use by process ${owner} (the bot?); stop it first, or use /guingay in the chat`);
      unlinkSync(lock);
    }
  }
  throw new StateFileError(`${lock}: cannot take the lock`);
}
