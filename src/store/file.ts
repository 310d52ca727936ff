/**
 * The state file on disk: a lowdb adapter that validates what it reads and writes durably (temporary file, fsync,
 * rename, folder fsync); where a state path really points; leftovers of interrupted writes.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, unlinkSync } from 'node:fs';
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
      if (statSync(this.file).isDirectory()) throw new StateFileError(`${this.file} is a folder, not a state file; it was left as it is`);
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (e) {
      if (e instanceof StateFileError) throw e;
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

/**
 * The file a state path really names: a symlink is followed (writes go through to its target instead of
 * replacing the link); a path that does not exist yet is resolved through its folder.
 */
export function realPathOf(file: string, depth = 0): string {
  try {
    return realpathSync(file);
  } catch {
    // A link to a file not created yet: follow the link by hand.
    try {
      if (depth < 16 && lstatSync(file).isSymbolicLink()) return realPathOf(path.resolve(path.dirname(file), readlinkSync(file)), depth + 1);
    } catch {
      // not there at all
    }
    const dir = path.dirname(path.resolve(file));
    try {
      return path.join(realpathSync(dir), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Temporary files left by writes that were interrupted (a crash between write and rename): removed by the lock holder. */
export function removeStaleTemporaries(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !/\.\d+\.\d+\.tmp$/.test(name)) continue;
    try {
      unlinkSync(path.join(dir, name));
      removed.push(name);
    } catch {
      // another process's file, or gone
    }
  }
  return removed;
}
