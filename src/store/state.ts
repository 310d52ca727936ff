/**
 * Runtime state through named operations: the core asks for "the official behind this account", "record this
 * completion", "save this conversation step" — never for the raw document. Each command knows which sections it
 * changes, so what a write touches follows from the operation. What callers get back is read-only (a copy for a
 * command's result, a read-only view for a query).
 *
 * Durability: every change is written (temporary file, fsync, rename, folder fsync) before the caller is told it
 * happened; writes are serialized, and changes that arrive while a write is under way share the next write. If a
 * write fails, memory goes back to the last durable state and the callers get the error. A corrupt or unreadable
 * file stops start-up with a clear message and is never overwritten.
 */
import { existsSync } from 'node:fs';
import { Low } from 'lowdb';
import type { z } from 'zod';
import type { Completion, CompletionMap } from '../plan/status.ts';
import { DurableJsonFile, realPathOf, removeStaleTemporaries, StateFileError, StateWriteError } from './file.ts';
import { Coalesced } from './coalesce.ts';
import { StoreConnectError } from './errors.ts';
import { Journal } from './journal.ts';
import { LockHeldError, lockFile } from './lock.ts';
import {
  type Account,
  type AuditEntry,
  auditSchema,
  type CompletionRecord,
  completionRecordSchema,
  conversationSchema,
  evidenceSchema,
  extensionSchema,
  officialSchema,
  planStateSchema,
  progressSchema,
  reminderSchema,
  runSchema,
  type Delivery,
  deliverySchema,
  emptyState,
  type Evidence,
  type Extension,
  type Official,
  type ProgressNote,
  type Run,
  type Section,
  type State,
} from './schema.ts';

export type {
  Account,
  AuditEntry,
  CompletionRecord,
  Conversation,
  Delivery,
  Evidence,
  Extension,
  Official,
  ProgressNote,
  Run,
  Section,
  State,
} from './schema.ts';
export { emptyState, STATE_VERSION, stateSchema } from './schema.ts';
export { LockHeldError, StateFileError, StateWriteError, StoreConnectError };

/** A change was asked of a store opened read-only (another process holds the state file). */
export class StateReadOnlyError extends Error {}

/** A read-only view of a stored value. */
export type ReadonlyDeep<T> = T extends (infer U)[] ? readonly ReadonlyDeep<U>[] : T extends object ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> } : T;

export type OfficialStatus = Official['status'];
export type Channel = Account['channel'];

/** What a new official's record starts with. */
export interface NewOfficial {
  account: Account;
  name: string;
  position: string;
  agency: string;
  phone?: string;
  /** Approved at once (roster) by this actor; otherwise pending. */
  approvedBy?: string;
}

export interface NewCompletion {
  planId: string;
  taskId: string;
  party: string;
  period?: string;
  on: string;
  by: string;
  note?: string;
}

export type Decision = 'approved' | 'rejected' | 'revoked';

const copy = <T>(v: T): T => structuredClone(v);
const sameAccount = (a: Account, channel: string, userId: string) => a.channel === channel && a.userId === userId;

/** What the health check reports of a store. */
export interface StoreHealth {
  store: 'embedded' | 'postgres';
  officials: number;
  completions: number;
  lastWrite?: string;
  unfinishedRuns: number;
  /** PostgreSQL: when this process last read what the others wrote. */
  lastCatchUp?: string;
}

/** Sections whose records a store may write one by one (PostgreSQL): each record has a key. */
export type RecordSection = 'officials' | 'completions' | 'extensions' | 'evidence' | 'progress' | 'conversations' | 'runs' | 'reminders' | 'plans';
export const RECORD_SECTIONS: readonly RecordSection[] = [
  'officials',
  'completions',
  'extensions',
  'evidence',
  'progress',
  'conversations',
  'runs',
  'reminders',
  'plans',
];

/** A record's key within its section. */
export function recordKey(section: RecordSection, r: Record<string, unknown>): string {
  if (section === 'conversations' || section === 'runs' || section === 'reminders') return String(r.key);
  if (section === 'plans') return `${r.planId}|${r.at}|${r.archived}`;
  return String(r.id);
}

/** One record a change wrote (`record`) or removed (none). */
export interface Written {
  section: RecordSection;
  key: string;
  record?: object;
}

/** The right to send pushes, held by one process at a time until released. */
export type PushClaim = { release(): Promise<void> };

/**
 * The storage port: every query and command the core uses, over an in-memory picture of the state that each
 * implementation keeps durable its own way — the embedded store (a state folder beside STATE_FILE, `FileStore`)
 * or PostgreSQL (`PgStore`, src/store/pg.ts). Queries are synchronous reads of that picture; a store that other
 * processes share brings it up to date in `refresh()`, which the router calls before each update.
 */
export abstract class Store {
  /** Where the state lives, for messages: a file path, or the database (without its password). */
  abstract readonly file: string;
  /** Opened to read what another process writes: every change is refused, nothing is ever written. */
  abstract readonly readOnly: boolean;
  protected abstract get state(): State;

  protected completionsCache = new Map<string, { version: number; map: CompletionMap }>();
  /** Bumped by every change to completions (and every reload): the cache above is keyed by it. */
  protected completionsVersion = 0;
  /** Bumped by every change that may touch officials: the indexes below are rebuilt when it moves. */
  protected officialsVersion = 0;
  private officialIndex: OfficialIndex | undefined;
  /** While a change is applied: the records it writes (kept only by stores that write record by record). */
  protected writes: Written[] | undefined;

  /** Open (or create) the embedded store's state file: see FileStore.open. */
  static open(file: string, opts: { lock?: boolean; readOnly?: boolean; snapshotEvery?: number } = {}): Promise<FileStore> {
    return FileStore.open(file, opts);
  }

  /** The embedded store, for writing if no live process holds it, else read-only: see FileStore.openShared. */
  static openShared(file: string): Promise<FileStore> {
    return FileStore.openShared(file);
  }

  /** A new id, unique within the state. */
  protected abstract newId(prefix: string, draft: State): string;
  /**
   * Apply a change and resolve once it is durable. Throws (with the picture restored to the last durable state)
   * when it cannot be written. `touches` names the sections the change alters; `plans` the plans whose
   * completions it alters; `ids` how many new ids it may take.
   */
  protected abstract change<T>(apply: (draft: State) => T, touches?: readonly Section[], plans?: readonly string[], ids?: number): Promise<T>;
  /** Resolves when everything changed so far is durable. */
  abstract flush(): Promise<void>;
  abstract health(): StoreHealth;
  /** The whole state, audit log and deliveries included: for export and backups. */
  abstract exportState(): Promise<State>;
  /** Replace the whole state with an exported one (already validated). */
  abstract restore(state: State): Promise<void>;
  /** Delivery records, durable when this resolves. */
  protected abstract appendDeliveries(list: readonly Delivery[]): Promise<void>;
  /** The delivery records kept of one run. */
  protected abstract deliveriesOfRun(runKey: string): readonly Delivery[];
  /** After a run is closed: drop the delivery records of runs no longer kept (see DELIVERY_RUNS_KEPT). */
  protected abstract pruneDeliveries(keep: ReadonlySet<string>): Promise<void>;

  /** Bring the picture up to date with what other processes wrote (a store shared with none: nothing to do). */
  async refresh(): Promise<void> {}

  /**
   * The right to send pushes (digest runs, reminders, announcements): one process at a time. When another process
   * holds it: undefined, or with `wait`, once it is let go (that process finished, or died). The embedded store is
   * one process's alone, so it always has it.
   */
  async claimPushes(_opts: { wait?: boolean } = {}): Promise<PushClaim | undefined> {
    return { release: async () => undefined };
  }

  /** Finish pending writes and let go of what the store holds. */
  async close(): Promise<void> {
    await this.flush();
  }

  /**
   * Bumped whenever the picture is replaced or changed other than by a command of this process (a reload, a
   * rollback, a restore): the indexes below are rebuilt when it moves; a command keeps them up to date itself.
   */
  protected epoch = 0;
  private liveIndex: { epoch: number; byKey: Map<string, CompletionRecord>; byId: Map<string, CompletionRecord> } | undefined;

  /** Completions by id, and the live ones by task, agency and period: a tick looks one up, whatever the history. */
  private completionIndex() {
    if (this.liveIndex?.epoch === this.epoch) return this.liveIndex;
    const byKey = new Map<string, CompletionRecord>();
    const byId = new Map<string, CompletionRecord>();
    for (const c of this.state.completions) {
      byId.set(c.id, c);
      if (!c.undoneAt) byKey.set(liveKey(c), c);
    }
    this.liveIndex = { epoch: this.epoch, byKey, byId };
    return this.liveIndex;
  }

  /**
   * Build the lookups every update reads (officials by account, completions by id and by task) now rather than on
   * the first update that needs them: the bot calls this once it has started (0.3–0.5 s at 100,000 officials and
   * 125,000 ticks, which the first tick after a start would otherwise wait for). Changes keep them up to date.
   */
  prepareLookups(): void {
    this.index();
    this.completionIndex();
  }

  /** A completion record written in place (a command, or a catch-up): the index follows it. */
  protected indexCompletion(c: CompletionRecord, wasLive: string | undefined): void {
    const index = this.liveIndex;
    if (index?.epoch !== this.epoch) return;
    index.byId.set(c.id, c);
    if (wasLive !== undefined && index.byKey.get(wasLive) === c) index.byKey.delete(wasLive);
    if (!c.undoneAt) index.byKey.set(liveKey(c), c);
  }

  /** Add a new record to the draft and mark it written. */
  protected insert<S extends RecordSection>(draft: State, section: S, record: State[S][number]): void {
    (draft[section] as unknown[]).push(record);
    this.put(section, record);
  }

  /** Mark a record written by the change being applied. */
  protected put(section: RecordSection, record: object): void {
    if (section === 'completions') this.indexCompletion(record as CompletionRecord, liveKey(record as CompletionRecord));
    this.writes?.push({ section, key: recordKey(section, record as Record<string, unknown>), record });
  }

  /** Mark a record removed by the change being applied. */
  protected drop(section: RecordSection, key: string): void {
    this.writes?.push({ section, key });
  }

  // ——— queries ———

  /**
   * Officials by account and by id (every update looks one up): built once, then kept up to date with the officials
   * each change writes (`officialWritten`); built again only after a change that names no records (a restore, a
   * reload, a migration). Rebuilding it on every official change cost 0.2–0.3 s at 100,000 officials.
   */
  private index() {
    if (this.officialIndex?.version === this.officialsVersion) return this.officialIndex;
    const index: OfficialIndex = { version: this.officialsVersion, byAccount: new Map(), byId: new Map(), keysOf: new Map() };
    for (const o of this.state.officials) addToIndex(index, o);
    this.officialIndex = index;
    return index;
  }

  /**
   * An official written by a change, or caught up from another process (`rec` undefined: removed): the index follows.
   * Status and other fields need nothing (the index holds the record itself); accounts are indexed again.
   */
  protected officialWritten(id: string, rec: Official | undefined): void {
    const index = this.officialIndex;
    if (!index || index.version !== this.officialsVersion) return;
    for (const key of index.keysOf.get(id) ?? []) {
      const rest = (index.byAccount.get(key) ?? []).filter((o) => o.id !== id);
      if (rest.length > 0) index.byAccount.set(key, rest);
      else index.byAccount.delete(key);
    }
    index.keysOf.delete(id);
    index.byId.delete(id);
    if (rec) addToIndex(index, rec);
  }

  /**
   * After a change is applied to the picture (both stores): the officials it wrote re-indexed — or, where it did not
   * name them, the index rebuilt on next use — and the status maps rebuilt after ticks or extensions change (an
   * approved extension moves a due date).
   */
  protected changed(touches: readonly Section[] | undefined, written: readonly Written[]): void {
    if (!touches || touches.includes('completions') || touches.includes('extensions')) this.completionsVersion++;
    if (touches && !touches.includes('officials')) return;
    const officials = written.filter((w) => w.section === 'officials');
    if (!touches || officials.length === 0) {
      this.officialsVersion++;
      return;
    }
    for (const w of officials) this.officialWritten(w.key, w.record as Official | undefined);
  }

  /** The whole picture replaced (loaded, reloaded, restored, a failed write undone): every lookup is rebuilt on use. */
  protected replaced(): void {
    this.epoch++;
    this.officialsVersion++;
    this.completionsVersion++;
  }

  /** Every record (any status) that holds this account. */
  private recordsOf(channel: Channel, userId: string): readonly Official[] {
    return this.index().byAccount.get(`${channel}:${userId}`) ?? [];
  }

  /** The approved official and the pending registration behind an account, if any. */
  holderOf(channel: Channel, userId: string): { approved?: ReadonlyDeep<Official>; pending?: ReadonlyDeep<Official> } {
    const mine = this.recordsOf(channel, userId);
    const approved = mine.find((o) => o.status === 'approved');
    const pending = mine.find((o) => o.status === 'pending');
    return { ...(approved ? { approved } : {}), ...(pending ? { pending } : {}) };
  }

  official(id: string): ReadonlyDeep<Official> | undefined {
    return this.index().byId.get(id);
  }

  officialsWith(status: OfficialStatus): readonly ReadonlyDeep<Official>[] {
    return this.state.officials.filter((o) => o.status === status);
  }

  /** When an account last had a registration refused or revoked (for a pause before asking again). */
  lastRefusalOf(channel: Channel, userId: string): string | undefined {
    return this.recordsOf(channel, userId)
      .filter((o) => o.status === 'rejected' || o.status === 'revoked')
      .map((o) => o.decidedAt ?? o.requestedAt)
      .sort()
      .at(-1);
  }

  completion(id: string): ReadonlyDeep<CompletionRecord> | undefined {
    return this.completionIndex().byId.get(id);
  }

  /** The live (not undone) report of one party's part of a task, for one period of a recurring task. */
  liveCompletion(planId: string, taskId: string, party: string, period?: string): ReadonlyDeep<CompletionRecord> | undefined {
    return this.completionIndex().byKey.get(liveKey({ planId, taskId, party, period }));
  }

  /** Live reports of one party made on days from `from` (inclusive) to `to` (exclusive). */
  reportsBetween(planId: string, party: string, from: string, to: string): readonly ReadonlyDeep<CompletionRecord>[] {
    return this.state.completions.filter((c) => c.planId === planId && c.party === party && !c.undoneAt && c.on >= from && c.on < to);
  }

  /** Completions of one plan by task id, for status; the same Map until the state changes. */
  completions(planId: string): CompletionMap {
    const hit = this.completionsCache.get(planId);
    if (hit && hit.version === this.completionsVersion) return hit.map;
    const map = new Map<string, Completion[]>();
    for (const c of this.state.completions) {
      if (c.planId !== planId || c.undoneAt) continue;
      const entry: Completion = { taskId: c.taskId, party: c.party, on: c.on, ...(c.period ? { period: c.period } : {}) };
      let list = map.get(c.taskId);
      if (!list) map.set(c.taskId, (list = []));
      list.push(entry);
    }
    const dues = new Map<string, string>();
    for (const e of this.state.extensions) if (e.planId === planId && e.status === 'approved') dues.set(`${e.taskId}|${e.party}`, e.to);
    const out = Object.assign(map, { dues }) as CompletionMap;
    this.completionsCache.set(planId, { version: this.completionsVersion, map: out });
    return out;
  }

  /** A conversation value by key, unless it has expired. */
  conversation(key: string, now: Date): Readonly<Record<string, unknown>> | undefined {
    const c = this.state.conversations.find((x) => x.key === key);
    return c && Date.parse(c.expires) > now.getTime() ? c.data : undefined;
  }

  run(key: string): ReadonlyDeep<Run> | undefined {
    return this.state.runs.find((r) => r.key === key);
  }

  /** Recipients a run has reached (every part of their message) or given up on. */
  deliveredIn(runKey: string): ReadonlySet<string> {
    const out = new Set<string>();
    for (const d of this.deliveriesOfRun(runKey)) {
      if (d.status !== 'sent' || d.parts === undefined || d.part === (d.parts ?? 1) - 1) out.add(d.to);
    }
    return out;
  }

  /** The parts of a recipient's message a run has already sent (a resumed run sends only the rest). */
  partsSent(runKey: string, to: string): ReadonlySet<number> {
    return new Set(
      this.deliveriesOfRun(runKey)
        .filter((d) => d.to === to && d.status === 'sent' && d.part !== undefined)
        .map((d) => d.part!),
    );
  }

  deliveriesOf(runKey: string): readonly ReadonlyDeep<Delivery>[] {
    return this.deliveriesOfRun(runKey);
  }

  /** Reminder keys already sent. */
  remindersSent(): ReadonlySet<string> {
    return new Set(this.state.reminders.map((r) => r.key));
  }

  // ——— commands: officials ———

  /**
   * A registration (pending) or a roster approval. An account that already has a pending or approved record gets
   * that record back, unchanged.
   */
  async addOfficial(input: NewOfficial, actor: string, at: Date): Promise<{ official: Official; existing: boolean }> {
    return this.change(
      (d) => {
        const existing = d.officials.find(
          (o) => (o.status === 'pending' || o.status === 'approved') && o.accounts.some((a) => sameAccount(a, input.account.channel, input.account.userId)),
        );
        if (existing) return { official: copy(existing), existing: true };
        const o: Official = {
          id: this.newId('o', d),
          accounts: [{ ...input.account }],
          name: input.name,
          position: input.position,
          agency: input.agency,
          status: input.approvedBy ? 'approved' : 'pending',
          requestedAt: at.toISOString(),
          notify: true,
          ...(input.phone ? { phone: input.phone } : {}),
          ...(input.approvedBy ? { decidedAt: at.toISOString(), decidedBy: input.approvedBy } : {}),
        };
        this.insert(d, 'officials', o);
        audit(d, at, actor, input.approvedBy ? 'approve' : 'register', o.id, null, { ...o });
        return { official: copy(o), existing: false };
      },
      ['officials', 'audit'],
    );
  }

  /** Many officials at once (a roster import, the benchmark's fixture); a given id is kept if it is free. */
  async importOfficials(list: readonly (Omit<Official, 'id'> & { id?: string })[], actor: string, at: Date): Promise<number> {
    return this.change(
      (d) => {
        const taken = new Set(d.officials.map((o) => o.id));
        for (const o of list) {
          const id = o.id && !taken.has(o.id) ? o.id : this.newId('o', d);
          taken.add(id);
          // A kept id such as "o7" moves the sequence past it, so later ids never collide.
          const n = Number(id.match(/^[a-z]+(\d+)$/)?.[1] ?? 0);
          if (n > d.seq) d.seq = n;
          const rec = { ...o, accounts: o.accounts.map((a) => ({ ...a })), id };
          this.insert(d, 'officials', rec);
        }
        audit(d, at, actor, 'import-officials', `${list.length}`);
        return list.length;
      },
      ['officials', 'audit'],
      undefined,
      list.length,
    );
  }

  /**
   * Approve or reject a pending registration, or revoke an approved official. Refused (nothing written) when the
   * record is unknown or no longer in the state the decision expects.
   */
  async decide(
    officialId: string,
    decision: Decision,
    by: string,
    at: Date,
  ): Promise<{ official: Official } | { refused: 'unknown' } | { refused: 'already'; status: OfficialStatus }> {
    const expected = decision === 'revoked' ? 'approved' : 'pending';
    const o = this.official(officialId);
    if (!o) return { refused: 'unknown' };
    if (o.status !== expected) return { refused: 'already', status: o.status };
    return this.change(
      (d) => {
        const live = d.officials.find((x) => x.id === officialId)!;
        if (live.status !== expected) return { refused: 'already' as const, status: live.status };
        live.status = decision;
        live.decidedAt = at.toISOString();
        live.decidedBy = by;
        this.put('officials', live);
        audit(d, at, by, decision, live.id, { status: expected }, { status: decision });
        return { official: copy(live) };
      },
      ['officials', 'audit'],
    );
  }

  /** An official leaves (or withdraws a pending registration). */
  async leave(officialId: string, by: string, at: Date): Promise<boolean> {
    if (!this.official(officialId)) return false;
    return this.change(
      (d) => {
        const o = d.officials.find((x) => x.id === officialId)!;
        const before = o.status;
        o.status = 'left';
        o.decidedAt = at.toISOString();
        o.decidedBy = by;
        this.put('officials', o);
        audit(d, at, by, 'leave', o.id, { status: before }, { status: 'left' });
        return true;
      },
      ['officials', 'audit'],
    );
  }

  async setNotify(officialId: string, on: boolean, at: Date): Promise<void> {
    if (this.official(officialId)?.notify === on) return;
    await this.change(
      (d) => {
        const o = d.officials.find((x) => x.id === officialId);
        if (!o || o.notify === on) return;
        audit(d, at, officialId, on ? 'notify-on' : 'notify-off', officialId, { notify: o.notify }, { notify: on });
        o.notify = on;
        this.put('officials', o);
      },
      ['officials', 'audit'],
    );
  }

  async setPreferred(officialId: string, channel: Channel, at: Date): Promise<void> {
    await this.change(
      (d) => {
        const o = d.officials.find((x) => x.id === officialId);
        if (!o) return;
        audit(d, at, officialId, 'preferred', officialId, { preferred: o.preferred }, { preferred: channel });
        o.preferred = channel;
        this.put('officials', o);
      },
      ['officials', 'audit'],
    );
  }

  /** Add (or replace) an approved official's account on one messenger. */
  async linkAccount(officialId: string, account: Account, at: Date): Promise<Official | undefined> {
    return this.change(
      (d) => {
        const o = d.officials.find((x) => x.id === officialId && x.status === 'approved');
        if (!o) return undefined;
        const before = o.accounts.map((a) => ({ ...a }));
        o.accounts = [...o.accounts.filter((a) => a.channel !== account.channel), { ...account }];
        this.put('officials', o);
        audit(d, at, o.id, 'link', o.id, { accounts: before }, { accounts: o.accounts });
        return copy(o);
      },
      ['officials', 'audit'],
    );
  }

  /** An official whom pushes could not reach wrote again: they can be reached. No write when nothing changes. */
  async markReachable(channel: Channel, userId: string, at: Date): Promise<void> {
    const o = this.recordsOf(channel, userId).find((x) => x.unreachable);
    if (!o) return;
    await this.change(
      (d) => {
        const live = d.officials.find((x) => x.id === o.id);
        if (!live?.unreachable) return;
        delete live.unreachable;
        this.put('officials', live);
        audit(d, at, live.id, 'reachable', live.id, { unreachable: true }, { unreachable: false });
      },
      ['officials', 'audit'],
    );
  }

  // ——— commands: completions ———

  /**
   * Record a report, unless the same part (and period) is already reported: then the existing record comes back
   * and nothing is written. Checked inside the change, so two taps at once record one.
   */
  async recordCompletion(input: NewCompletion, at: Date): Promise<{ record: CompletionRecord; existing: boolean }> {
    return this.change(
      (d) => {
        const existing = this.completionIndex().byKey.get(liveKey(input));
        if (existing) return { record: copy(existing), existing: true };
        const rec: CompletionRecord = {
          id: this.newId('c', d),
          planId: input.planId,
          taskId: input.taskId,
          party: input.party,
          on: input.on,
          at: at.toISOString(),
          by: input.by,
          ...(input.period ? { period: input.period } : {}),
          ...(input.note ? { note: input.note } : {}),
        };
        this.insert(d, 'completions', rec);
        audit(d, at, input.by, 'tick', `${input.taskId}/${input.party}${input.period ? `/${input.period}` : ''}`, null, rec);
        return { record: copy(rec), existing: false };
      },
      ['completions', 'audit'],
      [input.planId],
    );
  }

  /** Undo a report; undefined when it is unknown or already undone (nothing written). */
  async undoCompletion(id: string, by: string, at: Date): Promise<CompletionRecord | undefined> {
    const rec = this.completion(id);
    if (!rec || rec.undoneAt) return undefined;
    return this.change(
      (d) => {
        const live = this.completionIndex().byId.get(id);
        if (!live || live.undoneAt) return undefined;
        const before = { ...live };
        live.undoneAt = at.toISOString();
        live.undoneBy = by;
        this.put('completions', live);
        audit(d, at, by, 'undo', `${live.taskId}/${live.party}`, before, { ...live });
        return copy(live);
      },
      ['completions', 'audit'],
      [rec.planId],
    );
  }

  // ——— plans: archived or not; ticks voided by a replacement ———

  /** An event with no state of its own (a plan published), kept in the audit log. */
  async recordEvent(actor: string, action: string, subject: string, at: Date, details?: unknown): Promise<void> {
    await this.change((d) => audit(d, at, actor, action, subject, null, details), ['audit']);
  }

  /** Whether an admin has archived this plan (and not restored it since). */
  planArchived(planId: string): boolean {
    return this.state.plans.findLast((p) => p.planId === planId)?.archived ?? false;
  }

  /** Archive or restore a plan; false (nothing written) when it already is so. */
  async setPlanArchived(planId: string, archived: boolean, by: string, at: Date): Promise<boolean> {
    if (this.planArchived(planId) === archived) return false;
    return this.change(
      (d) => {
        const entry = { planId, archived, at: at.toISOString(), by };
        this.insert(d, 'plans', entry);
        audit(d, at, by, archived ? 'archive-plan' : 'restore-plan', planId);
        return true;
      },
      ['plans', 'audit'],
    );
  }

  /**
   * A plan replaced by a corrected file: the live ticks of tasks that changed or went are undone (kept, marked
   * undone by the replacement) in one write with the audit entry. Returns how many.
   */
  async voidCompletions(planId: string, taskIds: readonly string[], by: string, at: Date, why: string): Promise<number> {
    const ids = new Set(taskIds);
    if (!this.state.completions.some((c) => c.planId === planId && ids.has(c.taskId) && !c.undoneAt)) return 0;
    return this.change(
      (d) => {
        let n = 0;
        for (const c of d.completions) {
          if (c.planId !== planId || !ids.has(c.taskId) || c.undoneAt) continue;
          c.undoneAt = at.toISOString();
          c.undoneBy = by;
          this.put('completions', c);
          n++;
        }
        audit(d, at, by, 'void-ticks', planId, null, { why, tasks: [...ids], n });
        return n;
      },
      ['completions', 'audit'],
      [planId],
    );
  }

  // ——— extensions ———

  extension(id: string): ReadonlyDeep<Extension> | undefined {
    return this.state.extensions.find((e) => e.id === id);
  }

  /** The latest request on one agency's part of a task (pending or decided), if any. */
  latestExtension(planId: string, taskId: string, party: string): ReadonlyDeep<Extension> | undefined {
    return this.state.extensions.findLast((e) => e.planId === planId && e.taskId === taskId && e.party === party);
  }

  /** Ask for more time; refused (nothing written) while another request on the same part is pending. */
  async requestExtension(input: Omit<Extension, 'id' | 'status' | 'at'>, at: Date): Promise<{ extension: Extension } | { refused: 'pending' }> {
    if (this.latestExtension(input.planId, input.taskId, input.party)?.status === 'pending') return { refused: 'pending' };
    return this.change(
      (d) => {
        const e: Extension = { ...input, id: this.newId('e', d), status: 'pending', at: at.toISOString() };
        this.insert(d, 'extensions', e);
        audit(d, at, input.by, 'extension-request', `${input.taskId}/${input.party}`, { due: input.from }, { due: input.to, reason: input.reason });
        return { extension: copy(e) };
      },
      ['extensions', 'audit'],
    );
  }

  /** Approve or reject a pending request; the audit log keeps the date before and after. */
  async decideExtension(id: string, approve: boolean, by: string, at: Date): Promise<{ extension: Extension } | { refused: 'unknown' | 'decided' }> {
    const e = this.extension(id);
    if (!e) return { refused: 'unknown' };
    if (e.status !== 'pending') return { refused: 'decided' };
    return this.change(
      (d) => {
        const live = d.extensions.find((x) => x.id === id)!;
        live.status = approve ? 'approved' : 'rejected';
        live.decidedAt = at.toISOString();
        live.decidedBy = by;
        this.put('extensions', live);
        audit(
          d,
          at,
          by,
          approve ? 'extension-approved' : 'extension-rejected',
          `${live.taskId}/${live.party}`,
          { due: live.from },
          { due: approve ? live.to : live.from },
        );
        return { extension: copy(live) };
      },
      ['extensions', 'audit'],
    );
  }

  // ——— evidence ———

  evidence(id: string): ReadonlyDeep<Evidence> | undefined {
    return this.state.evidence.find((e) => e.id === id);
  }

  evidenceOf(completionId: string): readonly ReadonlyDeep<Evidence>[] {
    return this.state.evidence.filter((e) => e.completionId === completionId);
  }

  async addEvidence(input: Omit<Evidence, 'id' | 'at'>, at: Date): Promise<Evidence> {
    return this.change(
      (d) => {
        // Stored only as the schema loads it: a value accepted here can never stop the next start.
        const e: Evidence = evidenceSchema.parse({ ...input, id: this.newId('f', d), at: at.toISOString() });
        this.insert(d, 'evidence', e);
        audit(d, at, input.by, 'evidence', input.completionId, null, { name: e.name, kind: e.kind, size: e.size });
        return copy(e);
      },
      ['evidence', 'audit'],
    );
  }

  // ——— progress notes ———

  /** The latest progress note on one agency's part of a task, if any. */
  latestProgress(planId: string, taskId: string, party: string): ReadonlyDeep<ProgressNote> | undefined {
    return this.state.progress.findLast((p) => p.planId === planId && p.taskId === taskId && p.party === party);
  }

  async addProgress(input: Omit<ProgressNote, 'id' | 'at'>, at: Date): Promise<ProgressNote> {
    return this.change(
      (d) => {
        const note: ProgressNote = { ...input, id: this.newId('p', d), at: at.toISOString() };
        this.insert(d, 'progress', note);
        audit(d, at, input.by, 'progress', `${input.taskId}/${input.party}`, null, note);
        return copy(note);
      },
      ['progress', 'audit'],
    );
  }

  // ——— commands: conversation state ———

  /** Save (or replace) a conversation value until `expires`; expired values are dropped on the way. */
  async putConversation(key: string, data: Record<string, unknown>, expires: Date, now: Date): Promise<void> {
    await this.change(
      (d) => {
        const nowIso = now.toISOString();
        for (const c of d.conversations) if (c.key !== key && c.expires <= nowIso) this.drop('conversations', c.key);
        d.conversations = d.conversations.filter((c) => c.key !== key && c.expires > nowIso);
        const c = { key, data: copy(data), expires: expires.toISOString() };
        this.insert(d, 'conversations', c);
      },
      ['conversations'],
    );
  }

  /** Forget a conversation value. No write when there is none. */
  async dropConversation(key: string): Promise<void> {
    if (!this.state.conversations.some((c) => c.key === key)) return;
    await this.change(
      (d) => {
        d.conversations = d.conversations.filter((c) => c.key !== key);
        this.drop('conversations', key);
      },
      ['conversations'],
    );
  }

  // ——— commands: pushes ———

  /** Runs started and not finished (a crash, a stop): the next start resumes them. */
  unfinishedRuns(): readonly ReadonlyDeep<Run>[] {
    return this.state.runs.filter((r) => !r.finishedAt);
  }

  async startRun(key: string, total: number, at: Date, extra: Pick<Run, 'day' | 'notify' | 'outbox'> = {}): Promise<void> {
    await this.change(
      (d) => {
        if (d.runs.some((r) => r.key === key)) return;
        const run: Run = { key, startedAt: at.toISOString(), total, sent: 0, failed: 0, ...extra };
        this.insert(d, 'runs', run);
      },
      ['runs'],
    );
  }

  /**
   * Close a run with its counts. The journal then keeps the deliveries of the last DELIVERY_RUNS_KEPT finished
   * runs and of any run not finished; older runs keep their totals (the last 200 runs are listed).
   */
  async finishRun(key: string, counts: { sent: number; failed: number }, at: Date): Promise<void> {
    await this.change(
      (d) => {
        const run = d.runs.find((r) => r.key === key);
        if (run) {
          run.finishedAt = at.toISOString();
          run.sent = counts.sent;
          run.failed = counts.failed;
          // Sent: the messages themselves are no longer needed.
          delete run.outbox;
          this.put('runs', run);
        }
        for (const r of d.runs.slice(0, -200)) this.drop('runs', r.key);
        d.runs = d.runs.slice(-200);
      },
      ['runs'],
    );
    await this.pruneDeliveries(new Set([...this.state.runs.slice(-DELIVERY_RUNS_KEPT), ...this.unfinishedRuns()].map((r) => r.key)));
  }

  /**
   * Delivery records, appended to the journal (one fdatasync, whatever the history); a blocked recipient is also
   * marked unreachable in the state file. Resolves once all of it is on disk.
   */
  async recordDeliveries(list: readonly Delivery[]): Promise<void> {
    if (this.readOnly) throw new StateReadOnlyError(`${this.file} is open read-only: another process holds it`);
    await this.appendDeliveries(list);
    const blocked = list.filter((x) => x.status === 'blocked' && this.official(x.to) && !this.official(x.to)!.unreachable);
    if (blocked.length === 0) return;
    await this.change(
      (d) => {
        for (const x of blocked) {
          const o = d.officials.find((y) => y.id === x.to);
          if (o && !o.unreachable) {
            o.unreachable = true;
            this.put('officials', o);
            audit(d, new Date(x.at), 'push', 'unreachable', o.id, { unreachable: false }, { unreachable: true });
          }
        }
      },
      ['officials', 'audit'],
    );
  }

  /**
   * Reminders sent, so that none is sent twice. A reminder's key holds its due date; keys of due dates more than
   * REMINDER_RETENTION_DAYS past are dropped on the way (no reminder is sent after a due date), so the section stays
   * the size of the reminders still in play.
   */
  async recordReminders(keys: readonly string[], at: Date): Promise<void> {
    const horizon = new Date(at.getTime() - REMINDER_RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);
    await this.change(
      (d) => {
        const live = (r: { key: string }) => (r.key.split('|').at(-3) ?? '9999') >= horizon;
        for (const r of d.reminders) if (!live(r)) this.drop('reminders', r.key);
        d.reminders = d.reminders.filter(live);
        for (const key of keys) {
          const r = { key, at: at.toISOString() };
          this.insert(d, 'reminders', r);
        }
      },
      ['reminders'],
    );
  }
}

/**
 * The embedded store: the state file (with its side files and journals) beside STATE_FILE, held by one process.
 *
 * Durability: every change is written (temporary file, fsync, rename, folder fsync) before the caller is told it
 * happened; writes are serialized, and changes that arrive while a write is under way share the next write. If a
 * write fails, memory goes back to the last durable state and the callers get the error. A corrupt or unreadable
 * file stops start-up with a clear message and is never overwritten.
 */
export class FileStore extends Store {
  private version = 0;
  /** The version last written whole to disk: with nothing newer, flush() writes nothing. */
  private written = 0;
  /** Counts rollbacks, so a change lost to one is never reported as saved by a later write. */
  private rollbacks = 0;

  /** The number of the last change given to the change journal (see `change`). */
  private changeNo = 0;
  /** Journal lines past the last snapshot, kept to rewrite the journal without the ones a snapshot holds. */
  private sinceSnapshot: { n: number; line: string }[] = [];
  private journalBytes = 0;
  private snapshotting: Promise<void> | null = null;
  private snapshotEvery = SNAPSHOT_EVERY;

  /** Push deliveries: kept in the journal beside the state file, and here once first needed (not at start). */
  private loadedDeliveries: Delivery[] | undefined;
  /** When the state was last written (this process). */
  private lastWrite: string | undefined;

  private get deliveries(): Delivery[] {
    this.loadedDeliveries ??= this.journal.read();
    return this.loadedDeliveries;
  }

  private set deliveries(list: Delivery[]) {
    this.loadedDeliveries = list;
  }

  protected get state(): State {
    return this.db.data;
  }

  private constructor(
    private readonly db: Low<State>,
    private readonly adapter: DurableJsonFile,
    readonly file: string,
    /** Opened to read what another process writes: every change is refused, nothing is ever written. */
    readonly readOnly: boolean,
    private readonly journal: Journal<Delivery>,
    /** The audit log past the last AUDIT_IN_FILE entries: append-only, never loaded at start. */
    private readonly auditJournal: Journal<AuditEntry>,
    /** Changes since the last snapshot of a big state (see `change`). */
    private readonly changes: Journal<ChangeLine | { invalid: string }>,
  ) {
    super();
  }

  /**
   * Open (or create) the state file. Throws StateFileError, leaving the file untouched, when it is broken. With
   * `lock`, the file is this process's alone until it exits (a second writer would overwrite its changes), and
   * temporary files of interrupted writes are removed. With `readOnly`, nothing is created or written: a missing
   * file reads as empty. A symlinked path is followed: writes go to its target.
   */
  static override async open(file: string, opts: { lock?: boolean; readOnly?: boolean; snapshotEvery?: number } = {}): Promise<FileStore> {
    const real = realPathOf(file);
    if (opts.lock && !opts.readOnly) {
      lockFile(real);
      removeStaleTemporaries(real);
    }
    const adapter = new DurableJsonFile(real);
    const db = new Low<State>(adapter, emptyState());
    await db.read();
    if (opts.lock && !opts.readOnly) adapter.removeStaleSideFiles();
    const journal = new Journal<Delivery>(`${real}.deliveries.jsonl`, (v) => {
      const r = deliverySchema.safeParse(v);
      return r.success ? r.data : undefined;
    });
    const auditJournal = new Journal<AuditEntry>(`${real}.audit.jsonl`, (v) => {
      const r = auditSchema.safeParse(v);
      return r.success ? (r.data as AuditEntry) : undefined;
    });
    const changes = new Journal<ChangeLine | { invalid: string }>(`${real}.changes.jsonl`, parseChangeLine);
    const store = new FileStore(db, adapter, file, opts.readOnly === true, journal, auditJournal, changes);
    if (opts.snapshotEvery) store.snapshotEvery = opts.snapshotEvery;
    store.replay();
    if (!opts.readOnly && !existsSync(real)) await store.writeSnapshot();
    // Deliveries of a version-3 file move to the journal once.
    const legacy = db.data.deliveries;
    if (legacy.length > 0) {
      store.deliveries.unshift(...legacy);
      if (!opts.readOnly) {
        await journal.compact(() => store.deliveries);
        db.data.deliveries = [];
        adapter.touch(['deliveries']);
        await store.writeSnapshot();
      }
    }
    return store;
  }

  /**
   * Open for writing if no live process holds the file, else read-only (the terminal chat beside a running bot).
   */
  static override async openShared(file: string): Promise<FileStore> {
    try {
      return await FileStore.open(file, { lock: true });
    } catch (e) {
      if (e instanceof LockHeldError) return FileStore.open(file, { readOnly: true });
      throw e;
    }
  }

  /** For the health check: which store, how much it holds, and when it last wrote. */
  health(): StoreHealth {
    return {
      store: 'embedded',
      officials: this.state.officials.length,
      completions: this.state.completions.length,
      ...(this.lastWrite ? { lastWrite: this.lastWrite } : {}),
      unfinishedRuns: this.unfinishedRuns().length,
    };
  }

  /** The whole state, read-only, deliveries from the journal included: for export, backups and tests. */
  snapshot(): ReadonlyDeep<State> {
    return { ...this.state, audit: [...this.auditJournal.read(), ...this.state.audit], deliveries: this.deliveries };
  }

  async exportState(): Promise<State> {
    return copy(this.snapshot() as State);
  }

  protected newId(prefix: string, draft: State): string {
    draft.seq += 1;
    return `${prefix}${draft.seq}`;
  }

  protected deliveriesOfRun(runKey: string): readonly Delivery[] {
    return this.deliveries.filter((d) => d.run === runKey);
  }

  protected async appendDeliveries(list: readonly Delivery[]): Promise<void> {
    // Loaded before the append, so that what is appended is not read back and then added again.
    const kept = this.deliveries;
    await this.journal.append(list);
    kept.push(...list.map((x) => ({ ...x })));
  }

  protected async pruneDeliveries(keep: ReadonlySet<string>): Promise<void> {
    await this.journal.compact(() => (this.deliveries = this.deliveries.filter((x) => keep.has(x.run))));
  }

  // ——— backup and restore ———

  /**
   * Replace this store's whole state with an exported one (already validated): the journals are rewritten with its
   * audit log and deliveries, then the state file, then the change journal emptied. Only on a store opened for
   * writing, which holds the lock.
   */
  async restore(state: State): Promise<void> {
    if (this.readOnly) throw new StateReadOnlyError(`${this.file} is open read-only: another process holds it`);
    await this.changes.idle();
    await this.auditJournal.compact(() => state.audit);
    await this.journal.compact(() => state.deliveries);
    this.deliveries = state.deliveries.map((d) => ({ ...d }));
    Object.assign(this.db.data, copy(state), { audit: [], deliveries: [] });
    this.adapter.touch();
    this.version++;
    this.replaced();
    await this.writeSnapshot();
  }

  // ——— durability ———

  /**
   * Apply a change and resolve once it is on disk. Throws (with memory restored to the last durable state) when
   * it cannot be written. `touches` names the sections the change alters.
   *
   * A state that fits in one file is rewritten whole (temporary file, fsync, rename) per change. Past that (side
   * files: tens of thousands of officials, years of ticks) a change is one line appended to the change journal
   * (`<state>.changes.jsonl`: the records it wrote, its audit entries; one fdatasync shared by the changes that
   * arrive together), and a snapshot — the state file and the side files that changed — is written every
   * SNAPSHOT_EVERY changes (or JOURNAL_BYTES), after which the journal keeps only the lines past it. Opening reads
   * the snapshot, then replays the lines after the change it holds. So a tick costs one append, whatever the state.
   */
  protected async change<T>(apply: (draft: State) => T, touches?: readonly Section[], plans?: readonly string[]): Promise<T> {
    if (this.readOnly) throw new StateReadOnlyError(`${this.file} is open read-only: another process holds it`);
    const generation = this.rollbacks;
    const journaled = this.adapter.big();
    const auditFrom = this.state.audit.length;
    // What the change writes: journaled when the state is big, and always for the officials' index.
    this.writes = [];
    let written: Written[] = [];
    let result: T;
    try {
      result = apply(this.state);
    } finally {
      written = this.writes ?? [];
      this.writes = undefined;
    }
    // A change to one plan's completions rewrites that plan's file only (where completions are split by plan).
    if (plans && touches) {
      this.adapter.touch(touches.filter((s) => s !== 'completions'));
      this.adapter.touchPlans(plans);
    } else this.adapter.touch(touches);
    this.version++;
    this.changed(touches, written);
    if (!journaled) {
      await this.flush();
      if (this.rollbacks !== generation) throw new StateWriteError('the change was lost when an earlier write failed');
      return result;
    }
    const n = ++this.changeNo;
    const line = JSON.stringify({ n, seq: this.state.seq, w: written.map((w) => [w.section, w.key, w.record ?? null]), a: this.state.audit.slice(auditFrom) });
    this.sinceSnapshot.push({ n, line });
    this.journalBytes += line.length + 1;
    try {
      await this.changes.appendLines([line]);
    } catch (e) {
      if (this.rollbacks === generation) await this.reload();
      throw new StateWriteError(`the change could not be written: ${(e as Error).message}`);
    }
    if (this.rollbacks !== generation) throw new StateWriteError('the change was lost when an earlier write failed');
    this.lastWrite = new Date().toISOString();
    if (!this.snapshotting && (this.sinceSnapshot.length >= this.snapshotEvery || this.journalBytes >= JOURNAL_BYTES))
      this.snapshotting = this.writeSnapshot()
        .catch(() => undefined)
        .finally(() => {
          this.snapshotting = null;
        });
    return result;
  }

  /** Resolves when everything changed so far is on disk, as a snapshot (the change journal then holds nothing). */
  flush(): Promise<void> {
    return this.writeSnapshot();
  }

  /**
   * Write the state file (and the side files that changed), marked with the last journaled change it holds; then the
   * change journal keeps only the lines after it. Changes applied while it is written may be in it too: replaying
   * their lines again is harmless (each names whole records).
   */
  private async writeSnapshot(): Promise<void> {
    await this.changes.idle();
    if (!this.snapshots.busy && this.written === this.version && existsSync(this.adapter.file)) return;
    const mark = this.changeNo;
    await this.snapshots.request();
    const kept = () => this.sinceSnapshot.filter((x) => x.n > mark);
    if (this.sinceSnapshot.length > 0 || this.journalBytes > 0) {
      await this.changes.compactLines(() => kept().map((x) => x.line));
      this.sinceSnapshot = kept();
      this.journalBytes = this.sinceSnapshot.reduce((b, x) => b + x.line.length + 1, 0);
    }
  }

  /** Snapshots are written one at a time; asked during one, the next holds every change up to its start. */
  private readonly snapshots = new Coalesced(() => this.writeNow(this.changeNo));

  /**
   * Past AUDIT_IN_FILE entries, the audit log moves to its journal (appended and fsync'd) before the state file is
   * written without them. A crash between the two leaves them in both: the journal's last entry is found in the
   * file's list next time, and only what follows it is appended.
   */
  private async moveAudit(): Promise<void> {
    const batch = this.state.audit;
    if (batch.length <= AUDIT_IN_FILE) return;
    const moved = batch.length;
    const last = this.auditJournal.last();
    const seen = last === undefined ? -1 : batch.findIndex((a) => JSON.stringify(a) === last);
    await this.auditJournal.append(batch.slice(seen + 1, moved));
    // Entries added while the append was under way stay for the next move.
    this.state.audit = this.state.audit.slice(moved);
    this.adapter.touch(['audit']);
  }

  private async writeNow(mark: number): Promise<void> {
    const version = this.version;
    const journaled = this.adapter.big();
    try {
      await this.moveAudit();
      this.adapter.journaled = mark;
      await this.db.write();
      this.lastWrite = new Date().toISOString();
      this.written = version;
    } catch (e) {
      // A snapshot that failed loses nothing: the change journal holds every change since the last one. Without a
      // journal the change was not durable, so not done: go back to what is on disk.
      if (journaled) this.adapter.forget();
      else await this.reload();
      throw e;
    }
  }

  /** Back to what is on disk (the snapshot and the journal after it): a write failed. */
  private async reload(): Promise<void> {
    this.db.data = (await this.adapter.read().catch(() => null)) ?? emptyState();
    this.adapter.forget();
    this.replay();
    this.version++;
    this.replaced();
    this.written = this.version;
    this.rollbacks++;
  }

  /**
   * Apply the change journal's lines past the snapshot to the state just read (each line: whole records written or
   * removed, audit entries, the id counter). A torn last line (a crash mid-append) was never acknowledged: skipped.
   */
  private replay(): void {
    const all = this.changes.read();
    // Only the last line may be unreadable (a crash mid-append; never acknowledged): anything else is damage.
    const broken = all.findIndex((l) => 'invalid' in l);
    if (broken >= 0 && broken < all.length - 1)
      throw new StateFileError(`${this.file}: its change journal has a damaged line (${(all[broken] as { invalid: string }).invalid}); it was left as it is`);
    const lines = all.filter((l): l is ChangeLine => !('invalid' in l) && l.n > this.adapter.journaled);
    this.sinceSnapshot = [];
    this.journalBytes = 0;
    this.changeNo = this.adapter.journaled;
    if (lines.length === 0) return;
    const d = this.db.data;
    const index = new Map<RecordSection, Map<string, number>>();
    const positions = (section: RecordSection) => {
      let m = index.get(section);
      if (!m) {
        m = new Map((d[section] as Record<string, unknown>[]).map((r, i) => [recordKey(section, r), i]));
        index.set(section, m);
      }
      return m;
    };
    const removed = new Map<RecordSection, Set<number>>();
    // A snapshot written while changes went on may hold some of their audit entries already.
    const logged = new Set(d.audit.map((a) => JSON.stringify(a)));
    for (const l of lines) {
      if (l.n <= this.changeNo) continue;
      for (const [section, key, record] of l.w) {
        const list = d[section] as unknown[];
        const at = positions(section);
        const i = at.get(key);
        if (record === null) {
          if (i !== undefined) {
            let gone = removed.get(section);
            if (!gone) removed.set(section, (gone = new Set()));
            gone.add(i);
            at.delete(key);
          }
        } else if (i !== undefined) list[i] = record;
        else {
          at.set(key, list.length);
          list.push(record);
        }
        this.adapter.touch([section]);
      }
      for (const a of l.a) if (!logged.has(JSON.stringify(a))) d.audit.push(a);
      if (l.a.length > 0) this.adapter.touch(['audit']);
      d.seq = Math.max(d.seq, l.seq);
      this.changeNo = l.n;
      const line = JSON.stringify(l);
      this.sinceSnapshot.push({ n: l.n, line });
      this.journalBytes += line.length + 1;
    }
    for (const [section, gone] of removed) (d[section] as unknown[]) = (d[section] as unknown[]).filter((_, i) => !gone.has(i));
    // Replayed changes are not in the snapshot: the next one writes them.
    this.version++;
  }
}

/** One line of the change journal. */
interface ChangeLine {
  n: number;
  seq: number;
  w: [RecordSection, string, Record<string, unknown> | null][];
  a: AuditEntry[];
}

const RECORD_SCHEMAS: Record<RecordSection, z.ZodType> = {
  officials: officialSchema,
  completions: completionRecordSchema,
  extensions: extensionSchema,
  evidence: evidenceSchema,
  progress: progressSchema,
  conversations: conversationSchema,
  runs: runSchema,
  reminders: reminderSchema,
  plans: planStateSchema,
};

/** The gate for journal lines: every record checked as the state file's are; a line that fails stops start-up. */
function parseChangeLine(v: unknown): ChangeLine | { invalid: string } {
  const line = v as Partial<ChangeLine> | null;
  const bad = (why: string) => ({ invalid: why });
  if (!line || typeof line.n !== 'number' || typeof line.seq !== 'number' || !Array.isArray(line.w) || !Array.isArray(line.a)) return bad('shape');
  for (const entry of line.w) {
    const [section, key, record] = entry as unknown[];
    const schema = RECORD_SCHEMAS[section as RecordSection];
    if (!schema || typeof key !== 'string') return bad(`section ${String(section)}`);
    if (record !== null && !schema.safeParse(record).success) return bad(`${String(section)} ${key}`);
  }
  for (const a of line.a) if (!auditSchema.safeParse(a).success) return bad('audit entry');
  return line as ChangeLine;
}

/** A big state's snapshot is written after this many journaled changes, or this many bytes of journal. */
export const SNAPSHOT_EVERY = 2000;
export const JOURNAL_BYTES = 8 * 1024 * 1024;

/** Audit entries kept in the state file; past it they move to the append-only audit journal beside it. */
export const AUDIT_IN_FILE = 200;
/** Finished push runs whose per-recipient delivery records are kept (older runs keep their totals only). */
export const DELIVERY_RUNS_KEPT = 1;
/** Days past a due date after which the record of its reminders is dropped. */
export const REMINDER_RETENTION_DAYS = 60;

/** What makes a completion unique while it stands: one live report per task, agency and period. */
interface OfficialIndex {
  version: number;
  byAccount: Map<string, Official[]>;
  byId: Map<string, Official>;
  /** The account keys each official is listed under (to take it out when its accounts change). */
  keysOf: Map<string, string[]>;
}

function addToIndex(index: OfficialIndex, o: Official): void {
  const keys = o.accounts.map((a) => `${a.channel}:${a.userId}`);
  index.byId.set(o.id, o);
  index.keysOf.set(o.id, keys);
  for (const key of keys) {
    const list = index.byAccount.get(key);
    if (list) list.push(o);
    else index.byAccount.set(key, [o]);
  }
}

export function liveKey(c: { planId: string; taskId: string; party: string; period?: string | undefined }): string {
  return `${c.planId}\u0000${c.taskId}\u0000${c.party}\u0000${c.period ?? ''}`;
}

function audit(draft: State, at: Date, actor: string, action: string, subject: string, before?: unknown, after?: unknown): void {
  const entry: AuditEntry = { at: at.toISOString(), actor, action, subject };
  if (before !== undefined) entry.before = before;
  if (after !== undefined) entry.after = after;
  draft.audit.push(entry);
}
