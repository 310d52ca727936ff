/**
 * The state file on disk: a lowdb adapter that validates what it reads and writes durably (temporary file, fsync,
 * rename, folder fsync); where a state path really points; leftovers of interrupted writes.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { writeFileAtomicAsync } from '../fsutil.ts';
import { migrate, SECTIONS, STATE_VERSION, type Section, type State, stateSchema } from './schema.ts';

export class StateFileError extends Error {}

/** A section whose JSON is past this size is kept in a side file (officials: about 4,000 of them). */
export const OFFICIALS_SPLIT_BYTES = 1024 * 1024;

/** Sections that move to a side file when big; completions go to one file per plan instead. */
const SIDE_SECTIONS: readonly Section[] = ['officials', 'reminders', 'progress', 'extensions', 'evidence', 'conversations', 'runs'];

/** A change could not be written; nothing of it remains. */
export class StateWriteError extends Error {}

/**
 * lowdb adapter: validated read, durable atomic write. Each section's JSON is kept between writes and only the
 * sections a change touched are serialized again (a tick rewrites completions and audit, not 10,000 officials).
 */
export class DurableJsonFile implements Adapter<State> {
  private readonly json = new Map<Section, Buffer>();
  private readonly dirty = new Set<Section>(SECTIONS);
  /** Sections big enough to live in side files (officials, reminders, …), each named by the state file. */
  private readonly sideRefs = new Map<Section, string>();
  private sideGen = 0;
  /** Completions past the split size: one side file per plan, rewritten only when that plan's ticks change. */
  private completionsRefs = new Map<string, string>();
  private dirtyPlans: Set<string> | 'all' = 'all';
  /** The last number given to a completions side file. */
  private gen = 0;

  constructor(
    private readonly file: string,
    /** Officials whose JSON is past this size live in a side file, written only when they change. */
    private readonly splitBytes = OFFICIALS_SPLIT_BYTES,
  ) {}

  touch(sections: readonly Section[] = SECTIONS): void {
    for (const s of sections) this.dirty.add(s);
    if (sections.includes('completions')) this.dirtyPlans = 'all';
  }

  /** Only these plans' completions changed (a tick, an undo): the others' side files stay as they are. */
  touchPlans(planIds: readonly string[]): void {
    this.dirty.add('completions');
    if (this.dirtyPlans !== 'all') for (const p of planIds) this.dirtyPlans.add(p);
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
    // Sections kept in side files: the state file names each; they are read as part of the state.
    for (const sec of SIDE_SECTIONS) {
      const ref = (raw as Record<string, unknown> | null)?.[`${sec}Ref`];
      if (typeof ref !== 'string') continue;
      if (!new RegExp(`^[^/\\\\]+\\.${sec}\\.\\d+\\.json$`).test(ref)) throw new StateFileError(`${this.file}: bad ${sec}Ref ${ref}; it was left as it is`);
      try {
        (raw as Record<string, unknown>)[sec] = JSON.parse(readFileSync(path.join(path.dirname(this.file), ref), 'utf8'));
      } catch (e) {
        throw new StateFileError(`${this.file}: its ${sec} file ${ref} cannot be read (${(e as Error).message}); it was left as it is`);
      }
      this.sideRefs.set(sec, ref);
      this.sideGen = Math.max(this.sideGen, Number(ref.match(/\.(\d+)\.json$/)![1]));
      // Read as it is on disk: the side file is written again only when the section changes.
      this.json.set(sec, Buffer.alloc(0));
      this.dirty.delete(sec);
    }
    const refs = (raw as { completionsRefs?: unknown } | null)?.completionsRefs;
    if (refs && typeof refs === 'object') {
      const all: unknown[] = [];
      for (const [planId, ref] of Object.entries(refs as Record<string, unknown>)) {
        if (typeof ref !== 'string' || !/^[^/\\]+\.completions\.[0-9a-f]+\.\d+\.json$/.test(ref))
          throw new StateFileError(`${this.file}: bad completionsRefs entry for ${planId}; it was left as it is`);
        try {
          all.push(...(JSON.parse(readFileSync(path.join(path.dirname(this.file), ref), 'utf8')) as unknown[]));
        } catch (e) {
          throw new StateFileError(`${this.file}: its completions file ${ref} cannot be read (${(e as Error).message}); it was left as it is`);
        }
        this.completionsRefs.set(planId, ref);
        this.gen = Math.max(this.gen, Number(ref.match(/\.(\d+)\.json$/)![1]));
      }
      (raw as { completions: unknown[] }).completions = [...((raw as { completions?: unknown[] }).completions ?? []), ...all];
      // Likewise: a plan's file is written again only when its ticks change.
      this.json.set('completions', Buffer.from(`,"completions":[],"completionsRefs":${JSON.stringify(Object.fromEntries(this.completionsRefs))}`));
      this.dirty.delete('completions');
      this.dirtyPlans = new Set();
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

  /**
   * Write the state durably. A big section goes to a new side file first (`<state>.<section>.<n>.json`; completions
   * one file per plan), then the state file naming them is renamed into place — the one atomic step — and only then
   * are the files it no longer names removed: a crash at any point leaves a state file and the files it names.
   */
  async write(data: State): Promise<void> {
    const sideChanged = SIDE_SECTIONS.filter((sec) => this.dirty.has(sec) || !this.json.has(sec));
    const completionsChanged = this.dirty.has('completions') || !this.json.has('completions');
    const dirtyPlans = this.dirtyPlans;
    this.dirtyPlans = new Set();
    const stale: string[] = [];
    if (completionsChanged && (data.completions.length * 160 > this.splitBytes || this.completionsRefs.size > 0)) {
      // Big: a side file per plan, only the plans that changed written again.
      // Only the plans that changed are gathered (one pass, no copy of the rest).
      const only = dirtyPlans !== 'all' && [...dirtyPlans].every((p) => this.completionsRefs.has(p)) ? dirtyPlans : undefined;
      const byPlan = new Map<string, State['completions']>();
      for (const c of data.completions) {
        if (only && !only.has(c.planId)) continue;
        let list = byPlan.get(c.planId);
        if (!list) byPlan.set(c.planId, (list = []));
        list.push(c);
      }
      if (!only)
        for (const [planId, ref] of this.completionsRefs)
          if (!byPlan.has(planId)) {
            stale.push(ref);
            this.completionsRefs.delete(planId);
          }
      for (const [planId, list] of byPlan) {
        if (dirtyPlans !== 'all' && !dirtyPlans.has(planId) && this.completionsRefs.has(planId)) continue;
        this.gen++;
        const ref = `${path.basename(this.file)}.completions.${createHash('sha1').update(planId).digest('hex').slice(0, 12)}.${this.gen}.json`;
        await writeFileAtomicAsync(path.join(path.dirname(this.file), ref), [Buffer.from(JSON.stringify(list))]);
        const old = this.completionsRefs.get(planId);
        if (old) stale.push(old);
        this.completionsRefs.set(planId, ref);
      }
      this.json.set('completions', Buffer.from(`,"completions":[],"completionsRefs":${JSON.stringify(Object.fromEntries(this.completionsRefs))}`));
      this.dirty.delete('completions');
    }
    for (const sec of SECTIONS) if (this.dirty.has(sec) || !this.json.has(sec)) this.json.set(sec, Buffer.from(`,"${sec}":${JSON.stringify(data[sec])}`));
    this.dirty.clear();
    for (const sec of sideChanged) {
      const json = this.json.get(sec)!;
      const previous = this.sideRefs.get(sec);
      if (json.length > this.splitBytes) {
        this.sideGen++;
        const ref = `${path.basename(this.file)}.${sec}.${this.sideGen}.json`;
        await writeFileAtomicAsync(path.join(path.dirname(this.file), ref), [json.subarray(`,"${sec}":`.length)]);
        this.sideRefs.set(sec, ref);
      } else this.sideRefs.delete(sec);
      if (previous && previous !== this.sideRefs.get(sec)) stale.push(previous);
    }
    const sections = SECTIONS.map((sec) => {
      const ref = this.sideRefs.get(sec);
      return ref ? Buffer.from(`,"${sec}":[],"${sec}Ref":${JSON.stringify(ref)}`) : this.json.get(sec)!;
    });
    await writeFileAtomicAsync(this.file, [Buffer.from(`{"schemaVersion":${data.schemaVersion}`), ...sections, Buffer.from(`,"seq":${data.seq}}`)]);
    for (const ref of stale) rmSync(path.join(path.dirname(this.file), ref), { force: true });
  }

  /** Side files the state file does not name (left by a crash): removed by the lock holder. */
  removeStaleSideFiles(): void {
    const dir = path.dirname(this.file);
    const base = path.basename(this.file);
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    const named = new Set([...this.sideRefs.values(), ...this.completionsRefs.values()]);
    const prefixes = [...SIDE_SECTIONS, 'completions'].map((sec) => `${base}.${sec}.`);
    for (const name of names)
      if (prefixes.some((p) => name.startsWith(p)) && name.endsWith('.json') && !named.has(name)) rmSync(path.join(dir, name), { force: true });
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
