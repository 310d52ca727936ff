/**
 * Runtime state in one JSON file through lowdb: officials, completions and an audit log. The file carries a
 * schema version and passes zod at load; a corrupt or unreadable file stops start-up with a clear message and is
 * never overwritten. Every change is written (temporary file, fsync, rename) before the caller is told it
 * happened; writes are serialized, and changes that arrive while a write is under way share the next write.
 * If a write fails, memory goes back to the last durable state and the callers get the error.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { writeFileAtomicAsync } from '../fsutil.ts';
import type { Completion } from '../plan/status.ts';

export const STATE_VERSION = 2;

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO timestamp');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const accountSchema = z.object({
  channel: z.enum(['telegram', 'zalo', 'console']),
  userId: z.string().min(1),
  chatId: z.string().min(1),
});
export type Account = z.infer<typeof accountSchema>;

export const officialSchema = z.object({
  id: z.string().min(1),
  accounts: z.array(accountSchema).min(1),
  name: z.string().min(1),
  position: z.string(),
  agency: z.string().min(1),
  phone: z.string().optional(),
  status: z.enum(['pending', 'approved', 'rejected', 'revoked', 'left']),
  requestedAt: timestamp,
  decidedAt: timestamp.optional(),
  decidedBy: z.string().optional(),
  /** Weekly digest and reminders; /thongbao tat|bat. */
  notify: z.boolean().default(true),
  /** Set when the messenger refused delivery (blocked, deactivated); cleared when they write again. */
  unreachable: z.boolean().optional(),
  /** The messenger pushes go to, when the official has linked more than one. */
  preferred: z.enum(['telegram', 'zalo', 'console']).optional(),
});
export type Official = z.infer<typeof officialSchema>;

export const completionRecordSchema = z.object({
  id: z.string().min(1),
  planId: z.string(),
  taskId: z.string(),
  /** The agency whose part is done (directory id, or "name:…"). */
  party: z.string(),
  period: day.optional(),
  /** Local calendar day it was reported, for on-time/late. */
  on: day,
  at: timestamp,
  /** Official id, or "admin:<channel>:<userId>" when an admin ticked on behalf of an agency. */
  by: z.string(),
  note: z.string().optional(),
  undoneAt: timestamp.optional(),
  undoneBy: z.string().optional(),
});
export type CompletionRecord = z.infer<typeof completionRecordSchema>;

export const auditSchema = z.object({
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditSchema>;

/** One push run: a scheduled weekly digest ("digest:<occurrence>") or an on-demand one ("manual:<time>"). */
export const runSchema = z.object({
  key: z.string().min(1),
  startedAt: timestamp,
  finishedAt: timestamp.optional(),
  total: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type Run = z.infer<typeof runSchema>;

/** One message of a run to one recipient, recorded as soon as its fate is known. */
export const deliverySchema = z.object({
  run: z.string(),
  /** Official id, or "admin:<channel>:<userId>". */
  to: z.string(),
  status: z.enum(['sent', 'blocked', 'failed']),
  at: timestamp,
  attempts: z.number().int().nonnegative(),
  error: z.string().optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** A deadline reminder sent: once per task, agency, due date, days before, and recipient. */
export const reminderSchema = z.object({ key: z.string(), at: timestamp });

export const stateSchema = z.object({
  schemaVersion: z.literal(STATE_VERSION),
  officials: z.array(officialSchema),
  completions: z.array(completionRecordSchema),
  audit: z.array(auditSchema),
  runs: z.array(runSchema).default([]),
  deliveries: z.array(deliverySchema).default([]),
  reminders: z.array(reminderSchema).default([]),
  seq: z.number().int().nonnegative(),
});
export type State = z.infer<typeof stateSchema>;

export class StateFileError extends Error {}

/** A change could not be written; nothing of it remains. */
export class StateWriteError extends Error {}

export const emptyState = (): State => ({
  schemaVersion: STATE_VERSION,
  officials: [],
  completions: [],
  audit: [],
  runs: [],
  deliveries: [],
  reminders: [],
  seq: 0,
});

/** Older files this version reads: v1 held only completions, which had no author. */
function migrate(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && (raw as { schemaVersion?: unknown }).schemaVersion === 1) {
    const v1 = raw as { completions?: unknown[] };
    if (Array.isArray(v1.completions) && v1.completions.length === 0) return emptyState();
  }
  return raw;
}

export type Section = 'officials' | 'completions' | 'audit' | 'runs' | 'deliveries' | 'reminders';
const SECTIONS: readonly Section[] = ['officials', 'completions', 'audit', 'runs', 'deliveries', 'reminders'];

/**
 * lowdb adapter: validated read, durable atomic write. Each section's JSON is kept between writes and only the
 * sections a change declares are serialized again (a tick rewrites completions and audit, not 10,000 officials).
 */
class DurableJsonFile implements Adapter<State> {
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

export class Store {
  private writing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private version = 0;
  /** Counts rollbacks, so a change lost to one is never reported as saved by a later write. */
  private rollbacks = 0;
  private completionsCache = new Map<string, { version: number; map: Map<string, Completion[]> }>();

  private constructor(
    private readonly db: Low<State>,
    private readonly adapter: DurableJsonFile,
    readonly file: string,
  ) {}

  /**
   * Open (or create) the state file. Throws StateFileError, leaving the file untouched, when it is broken. With
   * `lock`, the file is this process's alone until it exits (a second writer would overwrite its changes).
   */
  static async open(file: string, opts: { lock?: boolean } = {}): Promise<Store> {
    if (opts.lock) lockFile(file);
    const adapter = new DurableJsonFile(file);
    const db = new Low<State>(adapter, emptyState());
    await db.read();
    const store = new Store(db, adapter, file);
    if (!existsSync(file)) await store.mutate(() => undefined);
    return store;
  }

  /** The current state; read-only to callers (change it through mutate). */
  get state(): Readonly<State> {
    return this.db.data;
  }

  /** A new id, unique within this state file. */
  nextId(prefix: string, draft: State): string {
    draft.seq += 1;
    return `${prefix}${draft.seq}`;
  }

  /**
   * Apply a change and resolve once it is on disk. Throws (with memory restored to the last durable state) when
   * it cannot be written. `touches` names the sections the change may alter; without it, all of them.
   */
  async mutate<T>(change: (draft: State) => T, touches?: readonly Section[]): Promise<T> {
    const generation = this.rollbacks;
    const result = change(this.db.data);
    this.adapter.touch(touches);
    this.version++;
    await this.flush();
    if (this.rollbacks !== generation) throw new StateWriteError('the change was lost when an earlier write failed');
    return result;
  }

  /** Resolves when everything changed so far is on disk. */
  flush(): Promise<void> {
    if (!this.writing) {
      this.writing = this.writeNow().finally(() => {
        this.writing = null;
      });
      return this.writing;
    }
    this.queued ??= this.writing
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.flush();
      });
    return this.queued;
  }

  private async writeNow(): Promise<void> {
    try {
      await this.db.write();
    } catch (e) {
      // Not durable, so not done: go back to what is on disk.
      this.db.data = (await this.adapter.read().catch(() => null)) ?? emptyState();
      this.adapter.forget();
      this.version++;
      this.rollbacks++;
      throw e;
    }
  }

  /** Completions of one plan by task id, for status; the same Map until the state changes. */
  completions(planId: string): Map<string, Completion[]> {
    const hit = this.completionsCache.get(planId);
    if (hit && hit.version === this.version) return hit.map;
    const map = new Map<string, Completion[]>();
    for (const c of this.db.data.completions) {
      if (c.planId !== planId || c.undoneAt) continue;
      const entry: Completion = { taskId: c.taskId, party: c.party, on: c.on, ...(c.period ? { period: c.period } : {}) };
      let list = map.get(c.taskId);
      if (!list) map.set(c.taskId, (list = []));
      list.push(entry);
    }
    this.completionsCache.set(planId, { version: this.version, map });
    return map;
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
function lockFile(file: string): void {
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
