/**
 * The embedded store's snapshot on disk: a lowdb adapter that validates what it reads and writes the state durably
 * (temporary file, fsync, rename, folder fsync). Only the sections a change touched are serialized again; a section
 * past 1 MiB of JSON lives in a side file (completions: one per plan), written as columns with its checksum, the
 * state file naming them renamed into place last. Also: where a state path really points; leftovers of interrupted
 * writes and side files no state file names. Between snapshots of a big state, changes go to the change journal
 * (./changes.ts); the file records the last change it holds (`journal`).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { writeFileAtomicAsync } from '../../fsutil.ts';
import { fromColumns, isColumns, toColumns } from '../columns.ts';
import { StateFileError } from '../errors.ts';
import { migrate, SECTIONS, STATE_VERSION, type Section, type State, stateSchema } from '../schema.ts';

/** A side file's checksum: SHA-1 is enough to tell the file this store wrote from any other. */
const checksum = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

/** A section whose JSON is past this size is kept in a side file (officials: about 4,000 of them). */
export const OFFICIALS_SPLIT_BYTES = 1024 * 1024;

/** Sections that move to a side file when big; completions go to one file per plan instead. */
const SIDE_SECTIONS: readonly Section[] = ['officials', 'reminders', 'progress', 'extensions', 'evidence', 'conversations', 'runs'];

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
  /** The last change of the change journal this file includes (replayed from the journal: those after it). */
  journaled = 0;
  /** Checksums of the side files as written, by file name (recorded in the state file). */
  private readonly sums = new Map<string, string>();

  constructor(
    /** The state file's real path (a symlink followed). */
    readonly file: string,
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
    // Sections kept in side files: the state file names each; they are read as part of the state. A side file whose
    // checksum is the one the state file recorded when it was written is the file this store wrote from validated
    // state: its records skip the schema check (at 100,000 officials, 0.4 s of start-up); any other is checked.
    const sums = (raw as { sums?: unknown } | null)?.sums;
    const recorded = sums && typeof sums === 'object' ? (sums as Record<string, unknown>) : {};
    const trusted = new Map<Section, unknown[]>();
    const readSide = (ref: string) => {
      const bytes = readFileSync(path.join(path.dirname(this.file), ref));
      const ok = recorded[ref] === checksum(bytes);
      if (ok) this.sums.set(ref, recorded[ref] as string);
      // Records as columns (../columns.ts), or an array of records as earlier versions wrote them.
      const value = JSON.parse(bytes.toString('utf8')) as unknown;
      return { value: isColumns(value) ? fromColumns(value) : value, ok };
    };
    for (const sec of SIDE_SECTIONS) {
      const ref = (raw as Record<string, unknown> | null)?.[`${sec}Ref`];
      if (typeof ref !== 'string') continue;
      if (!new RegExp(`^[^/\\\\]+\\.${sec}\\.\\d+\\.json$`).test(ref)) throw new StateFileError(`${this.file}: bad ${sec}Ref ${ref}; it was left as it is`);
      try {
        const side = readSide(ref);
        (raw as Record<string, unknown>)[sec] = side.ok ? [] : side.value;
        if (side.ok) trusted.set(sec, side.value as unknown[]);
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
      const known: unknown[] = [];
      for (const [planId, ref] of Object.entries(refs as Record<string, unknown>)) {
        if (typeof ref !== 'string' || !/^[^/\\]+\.completions\.[0-9a-f]+\.\d+\.json$/.test(ref))
          throw new StateFileError(`${this.file}: bad completionsRefs entry for ${planId}; it was left as it is`);
        try {
          const side = readSide(ref);
          const into = side.ok ? known : all;
          for (const c of side.value as unknown[]) into.push(c);
        } catch (e) {
          throw new StateFileError(`${this.file}: its completions file ${ref} cannot be read (${(e as Error).message}); it was left as it is`);
        }
        this.completionsRefs.set(planId, ref);
        this.gen = Math.max(this.gen, Number(ref.match(/\.(\d+)\.json$/)![1]));
      }
      (raw as { completions: unknown[] }).completions = [...((raw as { completions?: unknown[] }).completions ?? []), ...all];
      if (known.length > 0) trusted.set('completions', known);
      // Likewise: a plan's file is written again only when its ticks change.
      this.json.set('completions', Buffer.from(`,"completions":[],"completionsRefs":${JSON.stringify(Object.fromEntries(this.completionsRefs))}`));
      this.dirty.delete('completions');
      this.dirtyPlans = new Set();
    }
    const mark = (raw as { journal?: unknown } | null)?.journal;
    this.journaled = typeof mark === 'number' && Number.isInteger(mark) && mark >= 0 ? mark : 0;
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
    for (const [sec, list] of trusted) (parsed.data as Record<Section, unknown>)[sec] = (parsed.data[sec] as unknown[]).concat(list);
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
        const bytes = Buffer.from(JSON.stringify(toColumns(list)));
        await writeFileAtomicAsync(path.join(path.dirname(this.file), ref), [bytes]);
        this.sums.set(ref, checksum(bytes));
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
        const bytes = Buffer.from(JSON.stringify(toColumns(data[sec] as unknown as Record<string, unknown>[])));
        await writeFileAtomicAsync(path.join(path.dirname(this.file), ref), [bytes]);
        this.sums.set(ref, checksum(bytes));
        this.sideRefs.set(sec, ref);
      } else this.sideRefs.delete(sec);
      if (previous && previous !== this.sideRefs.get(sec)) stale.push(previous);
    }
    const sections = SECTIONS.map((sec) => {
      const ref = this.sideRefs.get(sec);
      return ref ? Buffer.from(`,"${sec}":[],"${sec}Ref":${JSON.stringify(ref)}`) : this.json.get(sec)!;
    });
    await writeFileAtomicAsync(this.file, [
      Buffer.from(`{"schemaVersion":${data.schemaVersion}`),
      ...sections,
      Buffer.from(`,"seq":${data.seq},"journal":${this.journaled},"sums":${JSON.stringify(this.namedSums())}}`),
    ]);
    for (const ref of stale) {
      rmSync(path.join(path.dirname(this.file), ref), { force: true });
      this.sums.delete(ref);
    }
  }

  /** The checksums of the side files the state file names. */
  private namedSums(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const ref of [...this.sideRefs.values(), ...this.completionsRefs.values()]) {
      const sum = this.sums.get(ref);
      if (sum) out[ref] = sum;
    }
    return out;
  }

  /** Whether the state has outgrown one file (side files): then changes go to the change journal between snapshots. */
  big(): boolean {
    return this.sideRefs.size > 0 || this.completionsRefs.size > 0;
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
