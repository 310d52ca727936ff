/**
 * The embedded store (STATE_FILE): the state held in memory by one process and kept durable in files beside the state
 * path — the snapshot (the state file, with side files once sections outgrow it: ./file.ts), a change journal between
 * snapshots (./changes.ts), and append-only journals for what only grows (push deliveries, the audit log past its
 * last AUDIT_IN_FILE entries: ./journal.ts). A lock makes the state one writer's (./lock.ts); other processes may
 * open it read-only (the terminal chat beside a running bot, the read-only commands).
 *
 * Durability, before the caller is told: while the state fits in one file, a change is a snapshot — the state file
 * rewritten (only the sections it touched serialized again; temporary file, fsync, rename, folder fsync), changes that
 * arrive during a write sharing the next one; a write that fails puts memory back to what is on disk and the callers
 * get the error. Once there are side files, a change is one line appended to the change journal (one fdatasync shared
 * by the changes that arrive together), and a snapshot is written every SNAPSHOT_EVERY changes or JOURNAL_BYTES of
 * journal and at a clean stop, after which the journal keeps only the lines past it. Opening reads the snapshot and
 * replays the journal after it. A corrupt or unreadable file stops start-up with a clear message and is never
 * overwritten.
 */
import { existsSync } from 'node:fs';
import { Low } from 'lowdb';
import { assertConsistent } from '../check.ts';
import { Coalesced } from '../coalesce.ts';
import { LockHeldError, StateWriteError } from '../errors.ts';
import { type ReadonlyDeep, Store, type StoreHealth } from '../port.ts';
import type { Written } from '../records.ts';
import { type AuditEntry, auditSchema, type Delivery, deliverySchema, emptyState, type Section, type State } from '../schema.ts';
import { changeLine, journalBytes, type Kept, parseChangeLine, type ReadLine, replayChanges } from './changes.ts';
import { DurableJsonFile, realPathOf, removeStaleTemporaries } from './file.ts';
import { Journal } from './journal.ts';
import { lockFile } from './lock.ts';

/** A big state's snapshot is written after this many journaled changes, or this many bytes of journal. */
export const SNAPSHOT_EVERY = 2000;
export const JOURNAL_BYTES = 8 * 1024 * 1024;

/** Audit entries kept in the state file; past it they move to the append-only audit journal beside it. */
export const AUDIT_IN_FILE = 200;

/** The embedded store: the state file (with its side files and journals) beside STATE_FILE, held by one process. */
export class FileStore extends Store {
  private version = 0;
  /** The version last written whole to disk: with nothing newer, flush() writes nothing. */
  private written = 0;
  /** Counts rollbacks, so a change lost to one is never reported as saved by a later write. */
  private rollbacks = 0;

  /** The number of the last change given to the change journal (see `change`). */
  private changeNo = 0;
  /** Journal lines past the last snapshot, kept to rewrite the journal without the ones a snapshot holds. */
  private sinceSnapshot: Kept[] = [];
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
    private readonly changes: Journal<ReadLine>,
  ) {
    super();
  }

  /**
   * Open (or create) the state file. Throws StateFileError, leaving the file untouched, when it is broken. With
   * `lock`, the file is this process's alone until it exits (a second writer would overwrite its changes), and
   * temporary files of interrupted writes are removed. With `readOnly`, nothing is created or written: a missing
   * file reads as empty. A symlinked path is followed: writes go to its target.
   */
  static async open(file: string, opts: { lock?: boolean; readOnly?: boolean; snapshotEvery?: number } = {}): Promise<FileStore> {
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
    const changes = new Journal<ReadLine>(`${real}.changes.jsonl`, parseChangeLine);
    const store = new FileStore(db, adapter, file, opts.readOnly === true, journal, auditJournal, changes);
    if (opts.snapshotEvery) store.snapshotEvery = opts.snapshotEvery;
    store.replay();
    // The rules between records, as an import checks them: a state no store could have written stops the start.
    if (!opts.readOnly) assertConsistent(file, db.data);
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
  static async openShared(file: string): Promise<FileStore> {
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
    return structuredClone(this.snapshot() as State);
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
    this.assertWritable();
    assertConsistent(this.file, state);
    await this.changes.idle();
    await this.auditJournal.compact(() => state.audit);
    await this.journal.compact(() => state.deliveries);
    this.deliveries = state.deliveries.map((d) => ({ ...d }));
    Object.assign(this.db.data, structuredClone(state), { audit: [], deliveries: [] });
    this.adapter.touch();
    this.version++;
    this.lookups.replaced();
    await this.writeSnapshot();
  }

  // ——— durability ———

  /**
   * Apply a change and resolve once it is on disk: a snapshot while the state fits in one file, else one line of the
   * change journal (see the top of this file), so that a tick costs one append, whatever the state. Throws (with
   * memory restored to the last durable state) when it cannot be written.
   */
  protected async change<T>(apply: (draft: State, written: Written[]) => T, touches?: readonly Section[], plans?: readonly string[]): Promise<T> {
    this.assertWritable();
    const generation = this.rollbacks;
    const journaled = this.adapter.big();
    const auditFrom = this.state.audit.length;
    // What the change writes: journaled when the state is big, and always for the officials' index.
    const written: Written[] = [];
    let result: T;
    try {
      result = apply(this.state, written);
    } catch (e) {
      // Failed part way (a record it edited would not load again): back to what is on disk.
      if (written.length > 0) await this.reload();
      throw e;
    }
    // A change to one plan's completions rewrites that plan's file only (where completions are split by plan).
    if (plans && touches) {
      this.adapter.touch(touches.filter((s) => s !== 'completions'));
      this.adapter.touchPlans(plans);
    } else this.adapter.touch(touches);
    this.version++;
    this.lookups.changed(touches, written);
    if (!journaled) {
      await this.flush();
      if (this.rollbacks !== generation) throw new StateWriteError('the change was lost when an earlier write failed');
      return result;
    }
    const n = ++this.changeNo;
    const line = changeLine(n, this.state.seq, written, this.state.audit.slice(auditFrom));
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
      this.journalBytes = journalBytes(this.sinceSnapshot);
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
    this.lookups.replaced();
    this.written = this.version;
    this.rollbacks++;
  }

  /** Apply the change journal's lines past the snapshot to the state just read (see ./changes.ts). */
  private replay(): void {
    const mark = this.adapter.journaled;
    this.sinceSnapshot = replayChanges(this.file, this.changes.read(), mark, this.db.data, (sections) => this.adapter.touch(sections));
    this.journalBytes = journalBytes(this.sinceSnapshot);
    this.changeNo = this.sinceSnapshot.at(-1)?.n ?? mark;
    // Replayed changes are not in the snapshot: the next one writes them.
    if (this.sinceSnapshot.length > 0) this.version++;
  }
}
