/**
 * The PostgreSQL store (DATABASE_URL): the port's operations (../commands/, as on the embedded store) for several bot
 * processes sharing one database, whose schema ./migrations.ts applies at start-up. This class puts together the
 * parts, one module each: the picture and how it is read and caught up (./picture.ts), changes written with
 * optimistic concurrency (./writes.ts), ids in blocks (./ids.ts), snapshots (./snapshots.ts, ./packed.ts), the right
 * to send pushes and the deliveries (./pushes.ts), the state exported and restored (./backup.ts). Every database
 * call has a time limit (./timeouts.ts): the bot's work on one pool, bulk work on a second.
 *
 * Each process keeps the picture the queries read (officials, completions, conversations, runs …) in memory, as the
 * embedded store does. Every record lives in one table row (`records`: section, key, JSON), stamped with the id of
 * the transaction that last wrote it (`xid`). A change is applied to the picture, then its records are written in
 * one transaction with its audit entries; callers are told only after COMMIT. Changes that arrive while a
 * transaction is under way share the next one.
 *
 * Several processes: a write names the transaction id each record had when this process last read it, and is
 * refused when another process wrote it since (optimistic concurrency); a unique index allows one live tick per
 * task, agency and period. A refused write rolls back, the picture re-reads those records and catches up, and the
 * change is applied again on the fresh picture (so two confirmations of the same tick record one). `refresh()`
 * catches up with what other processes committed: rows whose transaction finished since the last catch-up (below
 * the snapshot's xmin, so that a transaction still running is read once it ends, never skipped).
 *
 * Audit entries and push deliveries are append-only tables, never loaded at start; one process at a time holds
 * the right to send pushes (a session advisory lock, released when its process dies). Start-up reads the latest
 * snapshot of the picture (saved after every SNAPSHOT_EVERY changes of a process and when it stops; packed,
 * ./packed.ts) and then the rows written since.
 */
import type pg from 'pg';
import { assertConsistent } from '../check.ts';
import { Coalesced } from '../coalesce.ts';
import { DELIVERY_RUNS_KEPT } from '../commands/pushes.ts';
import { StoreConnectError } from '../errors.ts';
import { type PushClaim, Store, type StoreHealth } from '../port.ts';
import type { Written } from '../records.ts';
import type { Delivery, Section, State } from '../schema.ts';
import { exportState, restoreState } from './backup.ts';
import { IdBlocks } from './ids.ts';
import { migrate } from './migrations.ts';
import { Picture } from './picture.ts';
import { Pushes } from './pushes.ts';
import { loadPicture, SNAPSHOT_EVERY, saveSnapshot } from './snapshots.ts';
import { DB_TIMEOUT_MS, PROBE_TIMEOUT_MS, poolSettings } from './timeouts.ts';
import { Writes } from './writes.ts';

/** The database named without its password, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (DATABASE_URL)';
  }
}

export class PgStore extends Store {
  readonly readOnly = false;
  readonly file: string;
  private readonly picture: Picture;
  private readonly ids: IdBlocks;
  private readonly writes: Writes;
  private readonly pushes: Pushes;
  /** Opened by a read-only command: it saves no snapshot. */
  private reader = false;
  /** Changes committed by this process since it last saved a snapshot. */
  private sinceSnapshot = 0;
  private snapshotting: Promise<void> | null = null;

  protected get state(): State {
    return this.picture.data;
  }

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    /** Bulk work: the whole picture read or written, migrations, snapshots (./timeouts.ts). */
    private readonly bulk: pg.Pool,
    /** The bot's limit on one database call (DB_TIMEOUT_SECONDS). */
    private readonly timeoutMs: number,
  ) {
    super();
    this.file = describeUrl(url);
    this.picture = new Picture(pool, bulk, this.lookups, timeoutMs, () => loadPicture(pool, this.picture));
    this.ids = new IdBlocks(pool);
    this.writes = new Writes(pool, this.picture, this.ids, timeoutMs, {
      refresh: () => this.refresh(),
      reload: () => this.load(),
      committed: (changes) => this.committed(changes),
    });
    this.pushes = new Pushes(pool, bulk, timeoutMs, {
      refresh: () => this.refresh(),
      runsKept: () => [...this.picture.data.runs.slice(-DELIVERY_RUNS_KEPT), ...this.unfinishedRuns()].map((r) => r.key),
    });
  }

  /** Connect, run the migrations not yet applied, and load the picture. Throws with a clear message when it cannot. */
  static async connect(url: string, opts: { max?: number; reader?: boolean; timeoutMs?: number } = {}): Promise<PgStore> {
    // The client is loaded here, not at import: a bundled entry point (src/run.mjs) would otherwise load it at every
    // start, on the embedded store too.
    const { default: client } = await import('pg');
    // Every call has a time limit (./timeouts.ts): the bot's work a few seconds, bulk work minutes.
    const settings = poolSettings(url, opts.max ?? 10, opts.timeoutMs);
    const pool = new client.Pool(settings.work);
    const bulk = new client.Pool(settings.bulk);
    // An idle client that loses its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    bulk.on('error', () => undefined);
    const store = new PgStore(pool, url, bulk, opts.timeoutMs ?? DB_TIMEOUT_MS);
    store.reader = opts.reader === true;
    try {
      await migrate(bulk);
      await store.load();
    } catch (e) {
      await pool.end().catch(() => undefined);
      await bulk.end().catch(() => undefined);
      throw new StoreConnectError(`cannot use the database ${store.file}: ${(e as Error).message}`);
    }
    return store;
  }

  /** Read the whole picture (bulk work: start-up, a restore). */
  private load(): Promise<void> {
    return loadPicture(this.bulk, this.picture);
  }

  // ——— catching up with other processes ———

  // One already under way may have started before what the caller must see: one more after it.
  private readonly catchUp = new Coalesced(() => this.picture.catchUp());

  override refresh(): Promise<void> {
    return this.catchUp.request();
  }

  // ——— changes ———

  protected newId(prefix: string): string {
    return this.ids.take(prefix);
  }

  protected change<T>(apply: (draft: State, written: Written[]) => T, touches?: readonly Section[], _plans?: readonly string[], ids = 1): Promise<T> {
    return this.writes.change(apply, touches, ids);
  }

  override flush(): Promise<void> {
    return this.writes.flush();
  }

  /** A batch committed: a snapshot after every SNAPSHOT_EVERY changes. */
  private committed(changes: number): void {
    this.sinceSnapshot += changes;
    if (this.sinceSnapshot >= SNAPSHOT_EVERY && !this.snapshotting)
      this.snapshotting = this.saveSnapshot()
        .catch(() => undefined)
        .finally(() => {
          this.snapshotting = null;
        });
  }

  /** Save the picture for the next start (./snapshots.ts), after the writes under way. */
  async saveSnapshot(): Promise<void> {
    await this.flush();
    await saveSnapshot(this.bulk, this.picture);
    this.sinceSnapshot = 0;
  }

  // ——— pushes ———

  override claimPushes(opts: { wait?: boolean } = {}): Promise<PushClaim | undefined> {
    return this.pushes.claim(opts);
  }

  protected deliveriesOfRun(runKey: string): readonly Delivery[] {
    return this.pushes.deliveriesOfRun(runKey);
  }

  protected appendDeliveries(list: readonly Delivery[]): Promise<void> {
    return this.pushes.append(list);
  }

  protected pruneDeliveries(keep: ReadonlySet<string>): Promise<void> {
    return this.pushes.prune(keep);
  }

  // ——— health, export, restore ———

  health(): StoreHealth {
    const { data, lastCatchUp } = this.picture;
    const lastWrite = this.writes.lastWrite;
    return {
      store: 'postgres',
      officials: data.officials.length,
      completions: data.completions.length,
      ...(lastWrite ? { lastWrite } : {}),
      ...(lastCatchUp ? { lastCatchUp } : {}),
      unfinishedRuns: this.unfinishedRuns().length,
    };
  }

  /** Whether the database answers within PROBE_TIMEOUT_MS (for the health check). */
  override reachable(): Promise<boolean> {
    return this.picture.answers(Math.min(this.timeoutMs, PROBE_TIMEOUT_MS));
  }

  async exportState(): Promise<State> {
    await this.flush();
    return exportState(this.bulk);
  }

  async restore(state: State): Promise<void> {
    assertConsistent(this.file, state);
    await this.flush();
    await restoreState(this.bulk, state);
    this.ids.reset();
    this.pushes.forget();
    await this.load();
  }

  override async close(): Promise<void> {
    this.pushes.stopWaiting();
    await this.flush().catch(() => undefined);
    // A read-only command (ask, export) leaves the snapshot to the bots.
    if (!this.reader) await this.saveSnapshot().catch(() => undefined);
    await this.pushes.close();
    await this.pool.end();
    await this.bulk.end();
  }
}
