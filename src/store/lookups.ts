/**
 * The lookups every update reads, over a store's in-memory picture: officials by account and by id, completions by id
 * and the live ones by task, agency and period, and each plan's completions by task for status. Each is built on first
 * use (or by `prepare`, right after a start) and then kept up to date by the changes — `changed` with the records a
 * change wrote, `officialWritten` and `completionWritten` for records caught up from another process — so a change
 * costs what it wrote, whatever the history. A picture replaced whole (`replaced`: loaded, restored, a failed write
 * undone) rebuilds them on next use.
 */
import type { Completion, CompletionMap } from '../plan/status.ts';
import type { Written } from './records.ts';
import type { Account, CompletionRecord, Official, Section, State } from './schema.ts';

interface OfficialIndex {
  version: number;
  byAccount: Map<string, Official[]>;
  byId: Map<string, Official>;
  /** The account keys each official is listed under (to take it out when its accounts change). */
  keysOf: Map<string, string[]>;
}

interface CompletionIndex {
  epoch: number;
  /** The live (not undone) completions by `liveKey`. */
  byKey: Map<string, CompletionRecord>;
  byId: Map<string, CompletionRecord>;
}

/** What makes a completion unique while it stands: one live report per task, agency and period. */
export function liveKey(c: { planId: string; taskId: string; party: string; period?: string | undefined }): string {
  return `${c.planId}\u0000${c.taskId}\u0000${c.party}\u0000${c.period ?? ''}`;
}

export class Lookups {
  /** Bumped by every change that may touch officials: the official index is rebuilt when it moves. */
  private officialsVersion = 0;
  /** Bumped by every change to completions or extensions (and every reload): the status maps are keyed by it. */
  private completionsVersion = 0;
  /**
   * Bumped whenever the picture is replaced or changed other than by a command of this process (a reload, a
   * rollback, a restore): the completion index is rebuilt when it moves; a command keeps it up to date itself.
   */
  private epoch = 0;
  private officialIndex: OfficialIndex | undefined;
  private liveIndex: CompletionIndex | undefined;
  private readonly statusMaps = new Map<string, { version: number; map: CompletionMap }>();

  constructor(
    /** The picture the lookups are over (the store's, which may be replaced whole). */
    private readonly picture: () => State,
  ) {}

  /**
   * Build the lookups every update reads now rather than on the first update that needs them (0.3–0.5 s at 100,000
   * officials and 125,000 ticks, which the first tick after a start would otherwise wait for).
   */
  prepare(): void {
    this.officials();
    this.completionIndex();
  }

  /** Every record (any status) that holds this account. */
  recordsOf(channel: Account['channel'], userId: string): readonly Official[] {
    return this.officials().byAccount.get(`${channel}:${userId}`) ?? [];
  }

  official(id: string): Official | undefined {
    return this.officials().byId.get(id);
  }

  completion(id: string): CompletionRecord | undefined {
    return this.completionIndex().byId.get(id);
  }

  /** The live (not undone) report of one party's part of a task, for one period of a recurring task. */
  liveCompletion(c: Parameters<typeof liveKey>[0]): CompletionRecord | undefined {
    return this.completionIndex().byKey.get(liveKey(c));
  }

  /** Completions of one plan by task id, with the due dates approved extensions moved: the same Map until they change. */
  completions(planId: string): CompletionMap {
    const hit = this.statusMaps.get(planId);
    if (hit && hit.version === this.completionsVersion) return hit.map;
    const state = this.picture();
    const map = new Map<string, Completion[]>();
    for (const c of state.completions) {
      if (c.planId !== planId || c.undoneAt) continue;
      const entry: Completion = { taskId: c.taskId, party: c.party, on: c.on, ...(c.period ? { period: c.period } : {}) };
      let list = map.get(c.taskId);
      if (!list) map.set(c.taskId, (list = []));
      list.push(entry);
    }
    const dues = new Map<string, string>();
    for (const e of state.extensions) if (e.planId === planId && e.status === 'approved') dues.set(`${e.taskId}|${e.party}`, e.to);
    const out = Object.assign(map, { dues }) as CompletionMap;
    this.statusMaps.set(planId, { version: this.completionsVersion, map: out });
    return out;
  }

  /**
   * After a change is applied to the picture (both stores): the officials it wrote re-indexed — or, where it did not
   * name them, the index rebuilt on next use — and the status maps rebuilt after ticks or extensions change (an
   * approved extension moves a due date).
   */
  changed(touches: readonly Section[] | undefined, written: readonly Written[]): void {
    if (!touches || touches.includes('completions') || touches.includes('extensions')) this.statusesChanged();
    if (touches && !touches.includes('officials')) return;
    const officials = written.filter((w) => w.section === 'officials');
    if (!touches || officials.length === 0) {
      this.officialsVersion++;
      return;
    }
    for (const w of officials) this.officialWritten(w.key, w.record as Official | undefined);
  }

  /** The whole picture replaced (loaded, reloaded, restored, a failed write undone): every lookup is rebuilt on use. */
  replaced(): void {
    this.epoch++;
    this.officialsVersion++;
    this.completionsVersion++;
  }

  /** Completions or extensions changed other than by a command (caught up from another process): status maps rebuilt. */
  statusesChanged(): void {
    this.completionsVersion++;
  }

  /**
   * An official written by a change, or caught up from another process (`rec` undefined: removed): the index follows.
   * Status and other fields need nothing (the index holds the record itself); accounts are indexed again. Rebuilding
   * the index on every official change cost 0.2–0.3 s at 100,000 officials.
   */
  officialWritten(id: string, rec: Official | undefined): void {
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

  /** A completion record written in place (a command, or a catch-up; `wasLive`: its live key before): the index follows. */
  completionWritten(c: CompletionRecord, wasLive: string | undefined): void {
    const index = this.liveIndex;
    if (index?.epoch !== this.epoch) return;
    index.byId.set(c.id, c);
    if (wasLive !== undefined && index.byKey.get(wasLive) === c) index.byKey.delete(wasLive);
    if (!c.undoneAt) index.byKey.set(liveKey(c), c);
  }

  /** Officials by account and by id (every update looks one up): built once, then kept up to date (`officialWritten`). */
  private officials(): OfficialIndex {
    if (this.officialIndex?.version === this.officialsVersion) return this.officialIndex;
    const index: OfficialIndex = { version: this.officialsVersion, byAccount: new Map(), byId: new Map(), keysOf: new Map() };
    for (const o of this.picture().officials) addToIndex(index, o);
    this.officialIndex = index;
    return index;
  }

  /** Completions by id, and the live ones by task, agency and period: a tick looks one up, whatever the history. */
  private completionIndex(): CompletionIndex {
    if (this.liveIndex?.epoch === this.epoch) return this.liveIndex;
    const byKey = new Map<string, CompletionRecord>();
    const byId = new Map<string, CompletionRecord>();
    for (const c of this.picture().completions) {
      byId.set(c.id, c);
      if (!c.undoneAt) byKey.set(liveKey(c), c);
    }
    this.liveIndex = { epoch: this.epoch, byKey, byId };
    return this.liveIndex;
  }
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
