/**
 * The PostgreSQL store (DATABASE_URL): the port's operations (../commands/, as on the embedded store) for several bot
 * processes sharing one database, whose schema ./migrations.ts applies at start-up.
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
import { StateWriteError, StoreConnectError } from '../errors.ts';
import { liveKey } from '../lookups.ts';
import { type PushClaim, Store, type StoreHealth } from '../port.ts';
import { RECORD_SECTIONS, type RecordSection, recordKey, type Written } from '../records.ts';
import type { AuditEntry, CompletionRecord, Delivery, Official, Section, State } from '../schema.ts';
import { emptyState, STATE_VERSION } from '../schema.ts';
import { migrate } from './migrations.ts';
import { type PackedEntry, pack, unpack } from './packed.ts';
import { BULK_RECORDS, BULK_TIMEOUT_MS, connectionLost, DB_TIMEOUT_MS, PROBE_TIMEOUT_MS, poolSettings, quick, within } from './timeouts.ts';

/** Advisory lock key: the right to send pushes. */
const PUSH_LOCK = 4561_0002;
/** Ids are taken from the database's sequence in blocks of this size (the sequence's increment). */
const ID_BLOCK = 100;
/** Tombstones (removed conversations, reminders, runs) are kept this long for other processes to catch up. */
const TOMBSTONE_DAYS = 1;
/** A process saves a snapshot of the picture after this many changes of its own (and when it stops). */
const SNAPSHOT_EVERY = 5000;
/** A change refused this many times in a row (other processes kept writing the same records) fails. */
const MAX_ATTEMPTS = 8;
/** Waiting for another process's right to send pushes: asked again this often. */
const LOCK_RETRY_MS = 1000;

interface Entry {
  rec: Record<string, unknown>;
  /** The transaction that last wrote it, as this process knows ('' for a record not yet written). */
  xid: string;
}

interface Pending {
  apply: (draft: State, written: Written[]) => unknown;
  touches: readonly Section[] | undefined;
  ids: number;
  result?: unknown;
  writes: { section: RecordSection; key: string; data: string | null }[];
  audit: AuditEntry[];
  attempts: number;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** A database error that means "someone else wrote first": applied again on a fresh picture. */
class Conflict extends Error {}

/** A change that threw after it had written records into the picture (see `putBack`). */
class PartialChange extends Error {
  constructor(
    override readonly cause: unknown,
    readonly written: readonly Written[],
  ) {
    super((cause as Error)?.message);
  }
}

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
  private data: State = emptyState();
  private readonly entries = new Map<RecordSection, Map<string, Entry>>(RECORD_SECTIONS.map((s) => [s, new Map()]));
  /** Records applied here and not yet committed: a catch-up leaves them alone. */
  private readonly dirty = new Map<string, number>();
  /** Transactions below this id have all been read. */
  private horizon = '0';
  private idNext = 0;
  private idEnd = 0;
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  private readonly runDeliveries = new Map<string, Delivery[]>();
  private lastWrite: string | undefined;
  private lastCatchUp: string | undefined;
  /** The connection holding the right to send pushes, while this process holds it. */
  private claimed: pg.PoolClient | undefined;

  protected get state(): State {
    return this.data;
  }

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    /** Bulk work: the whole picture read or written, migrations, snapshots (./timeouts.ts). */
    private readonly bulk: pg.Pool,
  ) {
    super();
    this.file = describeUrl(url);
  }

  /**
   * Set when a write failed with the database out of reach: the picture may hold changes that were not written, so
   * the next catch-up reads it all again (and fails, with the update's error reply, while the database stays away).
   */
  private needsReload = false;
  /** The bot's limit on one database call (DB_TIMEOUT_SECONDS). */
  private timeoutMs = DB_TIMEOUT_MS;
  private closing = false;

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
    const store = new PgStore(pool, url, bulk);
    store.timeoutMs = opts.timeoutMs ?? DB_TIMEOUT_MS;
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

  /**
   * Read the picture: the latest snapshot (packed, ./packed.ts; or one text, as versions before it saved)
   * and then every row written since its horizon; without a snapshot, every row.
   */
  private async load(pool = this.bulk): Promise<void> {
    const snap = await pool.query<{ horizon: string; packed: Buffer | null; body: string | null }>(
      'select horizon::text as horizon, packed, body from snapshots where id = 1',
    );
    const row = snap.rows[0];
    if (row) {
      this.data = emptyState();
      for (const m of this.entries.values()) m.clear();
      const take = (section: RecordSection, key: string, xid: string, rec: Record<string, unknown>) => {
        this.entries.get(section)?.set(key, { rec, xid });
        (this.data[section] as unknown[] | undefined)?.push(rec);
      };
      if (row.packed) await unpack(row.packed, take);
      else {
        // Saved before snapshots were packed: one text, [key, xid, record] per record.
        const body = JSON.parse(row.body ?? '{}') as Record<RecordSection, PackedEntry[]>;
        for (const section of RECORD_SECTIONS) for (const [key, xid, rec] of body[section] ?? []) take(section, key, xid, rec);
      }
      this.horizon = row.horizon;
      this.lookups.replaced();
      await this.catchUpNow();
      return;
    }
    const client = await pool.connect();
    try {
      await client.query('begin isolation level repeatable read');
      const h = await client.query<{ x: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as x');
      const rows = await client.query<{ section: RecordSection; key: string; data: Record<string, unknown>; xid: string }>(
        'select section, key, data, xid::text as xid from records where data is not null order by n',
      );
      await client.query('commit');
      this.data = emptyState();
      for (const m of this.entries.values()) m.clear();
      for (const r of rows.rows) {
        const m = this.entries.get(r.section);
        if (!m) continue;
        m.set(r.key, { rec: r.data, xid: r.xid });
        (this.data[r.section] as unknown[]).push(r.data);
      }
      this.horizon = h.rows[0]!.x;
      this.lookups.replaced();
    } catch (e) {
      // A connection that timed out is dropped (which ends its transaction), not asked to roll back.
      if (connectionLost(e)) client.release(true);
      else {
        await client.query('rollback').catch(() => undefined);
        client.release();
      }
      throw e;
    }
    client.release();
  }

  // ——— catching up with other processes ———

  // One already under way may have started before what the caller must see: one more after it.
  private readonly catchUp = new Coalesced(() => this.catchUpNow());

  override refresh(): Promise<void> {
    return this.catchUp.request();
  }

  private async catchUpNow(): Promise<void> {
    // Found out of reach less than one limit ago: the updates that queued behind that catch-up fail at once instead
    // of each waiting out a limit of its own; the next one after it asks the database again.
    if (Date.now() - this.lostAt < this.timeoutMs) throw new StateWriteError('the database did not answer a moment ago');
    try {
      await this.catchUpOnce();
      this.lostAt = 0;
    } catch (e) {
      if (connectionLost(e)) this.lostAt = Date.now();
      throw e;
    }
  }

  /** When a catch-up last found the database out of reach (0: it answered since). */
  private lostAt = 0;

  private async catchUpOnce(): Promise<void> {
    if (this.needsReload) {
      // After a write lost with the connection: the whole picture again (within the bot's time limits).
      this.needsReload = false;
      try {
        await this.load(this.pool);
      } catch (e) {
        this.needsReload = true;
        throw e;
      }
      return;
    }
    type Row = { horizon: string; section: RecordSection | null; key: string; data: Record<string, unknown> | null; xid: string };
    const sql = `with h as (select pg_snapshot_xmin(pg_current_snapshot()) as x)
       select h.x::text as horizon, r.section, r.key, r.data, r.xid::text as xid
       from h left join records r on r.xid >= $1::xid8 and r.xid < h.x
       order by r.n`;
    let rows: Row[];
    try {
      ({ rows } = await this.pool.query<Row>(sql, [this.horizon]));
    } catch (e) {
      // Past the limit: out of reach, or a big catch-up (another process wrote thousands of records). A database that
      // answers a probe is only slow: the catch-up is asked again as bulk work.
      if (!connectionLost(e) && (e as { code?: string }).code !== '57014') throw e;
      if (!(await this.answers(Math.min(this.timeoutMs, 1000)))) throw e;
      ({ rows } = await this.bulk.query<Row>(sql, [this.horizon]));
    }
    for (const r of rows) if (r.section) this.take(r.section, r.key, r.data, r.xid);
    if (rows[0]) this.horizon = rows[0].horizon;
    this.lastCatchUp = new Date().toISOString();
  }

  /** Put a committed record (or its removal) into the picture, unless a change applied here is still writing it. */
  private take(section: RecordSection, key: string, data: Record<string, unknown> | null, xid: string, force = false): void {
    const m = this.entries.get(section);
    if (!m) return;
    if (!force && this.dirty.has(`${section}\u0000${key}`)) return;
    const known = m.get(key);
    if (data === null) {
      if (!known) return;
      m.delete(key);
      (this.data[section] as unknown[]) = (this.data[section] as unknown[]).filter((x) => x !== known.rec);
    } else if (known) {
      if (known.xid === xid && !force) return;
      const was = section === 'completions' && !known.rec.undoneAt ? liveKey(known.rec as unknown as CompletionRecord) : undefined;
      for (const k of Object.keys(known.rec)) delete known.rec[k];
      Object.assign(known.rec, data);
      known.xid = xid;
      if (section === 'completions') this.lookups.completionWritten(known.rec as unknown as CompletionRecord, was);
    } else {
      m.set(key, { rec: data, xid });
      (this.data[section] as unknown[]).push(data);
      if (section === 'completions') this.lookups.completionWritten(data as unknown as CompletionRecord, undefined);
    }
    if (section === 'officials') this.lookups.officialWritten(key, m.get(key)?.rec as unknown as Official | undefined);
    if (section === 'completions' || section === 'extensions') this.lookups.statusesChanged();
  }

  // ——— ids ———

  protected newId(prefix: string): string {
    if (this.idNext >= this.idEnd) throw new StateWriteError('no id reserved for this change');
    return `${prefix}${this.idNext++}`;
  }

  private async reserve(n: number): Promise<void> {
    const blocks = Math.ceil(n / ID_BLOCK);
    const { rows } = await this.pool.query<{ v: string }>('select nextval($1::regclass)::text as v from generate_series(1, $2::int)', ['ids', blocks]);
    // Blocks may not be adjacent (other processes take theirs): use the last one whole, and more if contiguous.
    const starts = rows.map((r) => Number(r.v)).sort((a, b) => a - b);
    let start = starts[0]!;
    let end = start + ID_BLOCK;
    for (const s of starts.slice(1)) {
      if (s === end) end += ID_BLOCK;
      else {
        start = s;
        end = s + ID_BLOCK;
      }
    }
    if (end - start >= n || this.idEnd - this.idNext < end - start) {
      this.idNext = start;
      this.idEnd = end;
    }
  }

  // ——— changes ———

  /**
   * No catch-up of its own: the router caught up when the update arrived, and a change built on a stale picture is
   * refused by the database and applied again after one (see `retry`).
   */
  protected async change<T>(apply: (draft: State, written: Written[]) => T, touches?: readonly Section[], _plans?: readonly string[], ids = 1): Promise<T> {
    while (this.idEnd - this.idNext < ids + 1) await this.reserve(ids + 1);
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { apply, touches, ids, writes: [], audit: [], attempts: 0, resolve: resolve as (v: unknown) => void, reject };
      try {
        this.applyPending(p);
      } catch (e) {
        void this.putBack(e).finally(() => reject(e instanceof PartialChange ? e.cause : e));
        return;
      }
      this.queue.push(p);
      void this.flush();
    });
  }

  /** Apply a change to the picture and note what it writes (serialized now: later changes may alter the objects). */
  private applyPending(p: Pending): void {
    const written: Written[] = [];
    try {
      p.result = p.apply(this.data, written);
    } catch (e) {
      this.data.audit.length = 0;
      throw written.length > 0 ? new PartialChange(e, written) : e;
    }
    p.audit = this.data.audit.splice(0);
    p.writes = written.map((w) => ({ section: w.section, key: w.key, data: w.record ? JSON.stringify(w.record) : null }));
    for (const w of written) {
      const id = `${w.section}\u0000${w.key}`;
      this.dirty.set(id, (this.dirty.get(id) ?? 0) + 1);
      const m = this.entries.get(w.section)!;
      const known = m.get(w.key);
      if (w.record) {
        if (!known) m.set(w.key, { rec: w.record as Record<string, unknown>, xid: '' });
        else if (known.rec !== w.record) known.rec = w.record as Record<string, unknown>;
      } else if (known) {
        // Removed from the picture by the change itself; remembered so that the write can name its transaction.
        m.delete(w.key);
        this.removedXid.set(id, known.xid);
      }
    }
    this.lookups.changed(p.touches, written);
  }

  /** The transaction ids of records a pending change removed (needed to write their removal). */
  private readonly removedXid = new Map<string, string>();

  override flush(): Promise<void> {
    if (this.writing) return this.writing.catch(() => undefined).then(() => (this.queue.length > 0 ? this.flush() : undefined));
    if (this.queue.length === 0) return Promise.resolve();
    this.writing = this.writeBatch().finally(() => {
      this.writing = null;
      if (this.queue.length > 0) void this.flush();
    });
    return this.writing;
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    // One row per record: the last data written, the transaction id known before the first change touched it.
    const rows = new Map<string, { section: RecordSection; key: string; data: string | null; expect: string }>();
    for (const p of batch) {
      for (const w of p.writes) {
        const id = `${w.section}\u0000${w.key}`;
        const prior = rows.get(id);
        const expect = prior?.expect ?? this.entries.get(w.section)!.get(w.key)?.xid ?? this.removedXid.get(id) ?? '';
        rows.set(id, { ...w, expect });
      }
    }
    const list = [...rows.values()];
    const audit = batch.flatMap((p) => p.audit);
    const client = await this.pool.connect().catch((e: unknown) => {
      this.giveUp(batch, e);
      return undefined;
    });
    if (!client) return;
    let committed: { section: RecordSection; key: string; xid: string }[] = [];
    // A write of many records (a roster of thousands) is bulk work: its statements get the bulk limit (./timeouts.ts).
    const limit = list.length + audit.length > BULK_RECORDS ? BULK_TIMEOUT_MS : this.timeoutMs;
    try {
      await client.query('begin');
      if (limit !== this.timeoutMs) await client.query(`set local statement_timeout = ${limit}`);
      if (list.length > 0) {
        const r = await client.query<{ section: RecordSection; key: string; xid: string }>(
          quick(
            `with input as (select * from unnest($1::text[], $2::text[], $3::jsonb[], $4::text[]) as t(section, key, data, expect))
           insert into records as r (section, key, data)
           select section, key, data from input
           on conflict (section, key) do update set data = excluded.data, xid = pg_current_xact_id(), changed = now()
             where r.xid::text = (select i.expect from input i where i.section = r.section and i.key = r.key)
           returning r.section, r.key, r.xid::text as xid`,
            [list.map((x) => x.section), list.map((x) => x.key), list.map((x) => x.data), list.map((x) => x.expect)],
            limit,
          ),
        );
        if (r.rowCount !== list.length) throw new Conflict('a record was written by another process');
        committed = r.rows;
      }
      if (audit.length > 0)
        await client.query(quick('insert into audit (entry) select * from unnest($1::jsonb[])', [audit.map((a) => JSON.stringify(a))], limit));
      await client.query(quick('commit', [], limit));
    } catch (e) {
      const conflict = e instanceof Conflict || (e as { code?: string }).code === '23505' || (e as { code?: string }).code === '40001';
      if (!conflict && connectionLost(e)) {
        // Out of reach (a time limit, a reset): the connection is dropped, which ends the transaction; the callers
        // are told at once, without waiting on the database again.
        client.release(true);
        this.giveUp(batch, e);
        return;
      }
      await client.query('rollback').catch(() => undefined);
      client.release();
      await this.undo(batch);
      if (!conflict) this.fail(batch, e);
      // Applied again on the fresh picture: the refused batch (a conflict), and whatever was applied after it.
      await this.retry(conflict ? batch : []);
      return;
    }
    client.release();
    for (const c of committed) {
      const known = this.entries.get(c.section)!.get(c.key);
      if (known) known.xid = c.xid;
    }
    this.settle(batch);
    this.lastWrite = new Date().toISOString();
    for (const p of batch) p.resolve(p.result);
    this.sinceSnapshot += batch.length;
    if (this.sinceSnapshot >= SNAPSHOT_EVERY && !this.snapshotting)
      this.snapshotting = this.saveSnapshot()
        .catch(() => undefined)
        .finally(() => {
          this.snapshotting = null;
        });
  }

  /** A batch is over (written or given up): its records are no longer pending. */
  private settle(batch: readonly Pending[]): void {
    for (const p of batch)
      for (const w of p.writes) {
        const id = `${w.section}\u0000${w.key}`;
        const n = (this.dirty.get(id) ?? 1) - 1;
        if (n <= 0) {
          this.dirty.delete(id);
          this.removedXid.delete(id);
        } else this.dirty.set(id, n);
      }
  }

  /**
   * A batch was not written: the picture goes back to what the database holds for every record it (and every change
   * applied after it, which may have built on it) wrote.
   */
  private async undo(batch: readonly Pending[]): Promise<void> {
    const later = this.queue;
    this.queue = [];
    const all = [...batch, ...later];
    this.settle(all);
    const keys = new Map<string, { section: RecordSection; key: string }>();
    for (const p of all) for (const w of p.writes) keys.set(`${w.section}\u0000${w.key}`, { section: w.section, key: w.key });
    const wanted = [...keys.values()];
    try {
      const { rows } = await this.pool.query<{ section: RecordSection; key: string; data: Record<string, unknown> | null; xid: string }>(
        `select r.section, r.key, r.data, r.xid::text as xid from records r join unnest($1::text[], $2::text[]) as t(section, key) using (section, key)`,
        [wanted.map((w) => w.section), wanted.map((w) => w.key)],
      );
      const found = new Set(rows.map((r) => `${r.section}\u0000${r.key}`));
      for (const w of wanted) if (!found.has(`${w.section}\u0000${w.key}`)) this.forget(w.section, w.key);
      for (const r of rows) this.take(r.section, r.key, r.data, r.xid, true);
    } catch {
      // The database is out of reach: read everything again when it is back.
      this.needsReload = true;
    }
    this.lookups.replaced();
    // Changes applied after the failed batch are applied again after it, in order.
    this.queue = later;
    for (const p of later) p.writes = [];
  }

  /**
   * A change that failed part way (a record it edited would not load again): the records it had written go back to
   * what the database holds.
   */
  private async putBack(e: unknown): Promise<void> {
    if (!(e instanceof PartialChange)) return;
    const wanted = [...new Map(e.written.map((w) => [`${w.section}\u0000${w.key}`, w])).values()];
    for (const w of wanted) {
      this.entries.get(w.section)!.delete(w.key);
      (this.data[w.section] as unknown[]) = (this.data[w.section] as Record<string, unknown>[]).filter((r) => recordKey(w.section, r) !== w.key);
    }
    try {
      const { rows } = await this.pool.query<{ section: RecordSection; key: string; data: Record<string, unknown> | null; xid: string }>(
        `select r.section, r.key, r.data, r.xid::text as xid from records r join unnest($1::text[], $2::text[]) as t(section, key) using (section, key)`,
        [wanted.map((w) => w.section), wanted.map((w) => w.key)],
      );
      for (const r of rows) this.take(r.section, r.key, r.data, r.xid, true);
    } catch {
      await this.load().catch(() => undefined);
    }
    this.lookups.replaced();
  }

  /** A record this process created that the database does not hold: out of the picture. */
  private forget(section: RecordSection, key: string): void {
    const m = this.entries.get(section)!;
    const known = m.get(key);
    if (!known) return;
    m.delete(key);
    (this.data[section] as unknown[]) = (this.data[section] as unknown[]).filter((x) => x !== known.rec);
  }

  /** Apply the changes again on a fresh picture, one by one, then write them. */
  private async retry(batch: readonly Pending[]): Promise<void> {
    const later = this.queue;
    this.queue = [];
    await this.refresh().catch(() => undefined);
    for (const p of [...batch, ...later]) {
      if (++p.attempts > MAX_ATTEMPTS) {
        p.reject(new StateWriteError('the change could not be written: other processes kept changing the same records'));
        continue;
      }
      try {
        while (this.idEnd - this.idNext < p.ids + 1) await this.reserve(p.ids + 1);
        this.applyPending(p);
        this.queue.push(p);
      } catch (e) {
        await this.putBack(e);
        p.reject(e instanceof PartialChange ? e.cause : e);
      }
    }
  }

  /**
   * The database is out of reach: this batch and every change queued after it (which may build on it) fail now, and
   * the picture is read again at the next catch-up.
   */
  private giveUp(batch: readonly Pending[], e: unknown): void {
    const all = [...batch, ...this.queue];
    this.queue = [];
    this.settle(all);
    this.needsReload = true;
    this.fail(all, e);
  }

  private fail(batch: readonly Pending[], e: unknown): void {
    for (const p of batch) p.reject(e instanceof StateWriteError ? e : new StateWriteError(`the database did not take the change: ${(e as Error).message}`));
  }

  // ——— snapshots ———

  /**
   * Save the picture for the next start: every committed record with its transaction, complete up to this process's
   * horizon (what was written after it is read from the rows at start). Records with a change of this process still
   * under way are taken from the database instead. Newer snapshots are never replaced by older ones.
   */
  async saveSnapshot(): Promise<void> {
    await this.flush();
    const horizon = this.horizon;
    const body: Partial<Record<RecordSection, PackedEntry[]>> = {};
    const pending: { section: RecordSection; key: string }[] = [];
    for (const section of RECORD_SECTIONS) {
      const out: PackedEntry[] = [];
      for (const [key, e] of this.entries.get(section)!) {
        if (this.dirty.has(`${section}\u0000${key}`) || e.xid === '') pending.push({ section, key });
        else out.push([key, e.xid, e.rec]);
      }
      body[section] = out;
    }
    // Removed by a change still under way: the database's version stands until it commits.
    for (const id of this.removedXid.keys()) {
      const [section, key] = id.split('\u0000') as [RecordSection, string];
      pending.push({ section, key });
    }
    if (pending.length > 0) {
      const { rows } = await this.bulk.query<{ section: RecordSection; key: string; data: Record<string, unknown>; xid: string }>(
        `select r.section, r.key, r.data, r.xid::text as xid from records r join unnest($1::text[], $2::text[]) as t(section, key) using (section, key)
         where r.data is not null`,
        [pending.map((p) => p.section), pending.map((p) => p.key)],
      );
      for (const r of rows) body[r.section]!.push([r.key, r.xid, r.data]);
    }
    await this.bulk.query(
      `insert into snapshots (id, horizon, packed, body) values (1, $1::xid8, $2, null)
       on conflict (id) do update set horizon = excluded.horizon, packed = excluded.packed, body = null, taken = now()
       where snapshots.horizon <= excluded.horizon`,
      [horizon, await pack(body)],
    );
    this.sinceSnapshot = 0;
  }

  /** Opened by a read-only command: it saves no snapshot. */
  private reader = false;
  /** Changes committed by this process since it last saved a snapshot. */
  private sinceSnapshot = 0;
  private snapshotting: Promise<void> | null = null;

  // ——— pushes ———

  override async claimPushes(opts: { wait?: boolean } = {}): Promise<PushClaim | undefined> {
    // Held here already (a reminder run beside a digest run): shared within the process.
    if (this.claimed) {
      this.claims++;
      await this.refresh();
      return { release: async () => this.unclaim() };
    }
    // A bulk connection: the holder reads the deliveries of the runs it may resume, which can be many.
    const client = await this.bulk.connect();
    // The lock lives as long as this connection: losing it lets another process take over.
    client.on('error', () => {
      if (this.claimed === client) this.claimed = undefined;
    });
    try {
      // Asked within the bot's time limit; waiting for another process is asking again every second, so that no call
      // waits on the database longer than that (a database out of reach fails the wait).
      const tryLock = async () =>
        (await client.query<{ ok: boolean }>(quick('select pg_try_advisory_lock($1) as ok', [PUSH_LOCK], this.timeoutMs))).rows[0]?.ok === true;
      let ok = await tryLock();
      while (!ok && opts.wait && !this.closing) {
        await new Promise((r) => setTimeout(r, LOCK_RETRY_MS));
        ok = await tryLock();
      }
      if (!ok) {
        client.release();
        return undefined;
      }
      // Taken while this process waited (another call got it first): shared, this connection goes back.
      if (this.claimed) {
        await client.query('select pg_advisory_unlock($1)', [PUSH_LOCK]);
        client.release();
        this.claims++;
        return { release: async () => this.unclaim() };
      }
      await this.refresh();
      // The holder alone records deliveries while it holds the right: what is loaded now stays true.
      const keep = [...this.data.runs.slice(-DELIVERY_RUNS_KEPT), ...this.unfinishedRuns()].map((r) => r.key);
      const d = await client.query<{ run: string; entry: Delivery }>('select run, entry from deliveries where run = any($1::text[]) order by id', [keep]);
      this.runDeliveries.clear();
      for (const r of d.rows) {
        const list = this.runDeliveries.get(r.run);
        if (list) list.push(r.entry);
        else this.runDeliveries.set(r.run, [r.entry]);
      }
    } catch (e) {
      client.release(true);
      throw e;
    }
    this.claimed = client;
    this.claims = 1;
    return { release: async () => this.unclaim() };
  }

  private claims = 0;

  private async unclaim(): Promise<void> {
    const client = this.claimed;
    if (!client || --this.claims > 0) return;
    this.claimed = undefined;
    const ok = await client.query('select pg_advisory_unlock($1)', [PUSH_LOCK]).then(
      () => true,
      () => false,
    );
    client.release(!ok);
  }

  protected deliveriesOfRun(runKey: string): readonly Delivery[] {
    return this.runDeliveries.get(runKey) ?? [];
  }

  protected async appendDeliveries(list: readonly Delivery[]): Promise<void> {
    if (list.length === 0) return;
    // Many at once (a run's records kept for a resume) is bulk work.
    await (list.length > BULK_RECORDS ? this.bulk : this.pool).query('insert into deliveries (run, entry) select * from unnest($1::text[], $2::jsonb[])', [
      list.map((d) => d.run),
      list.map((d) => JSON.stringify(d)),
    ]);
    for (const d of list) {
      const l = this.runDeliveries.get(d.run);
      if (l) l.push({ ...d });
      else this.runDeliveries.set(d.run, [{ ...d }]);
    }
  }

  protected async pruneDeliveries(keep: ReadonlySet<string>): Promise<void> {
    await this.bulk.query('delete from deliveries where not (run = any($1::text[]))', [[...keep]]);
    // A removal is kept until every snapshot a process may start from is past it.
    await this.bulk.query(
      `delete from records where data is null and changed < now() - interval '${TOMBSTONE_DAYS} days'
         and xid < coalesce((select horizon from snapshots where id = 1), '0'::xid8)`,
    );
    for (const k of [...this.runDeliveries.keys()]) if (!keep.has(k)) this.runDeliveries.delete(k);
  }

  // ——— health, export, restore ———

  health(): StoreHealth {
    return {
      store: 'postgres',
      officials: this.data.officials.length,
      completions: this.data.completions.length,
      ...(this.lastWrite ? { lastWrite: this.lastWrite } : {}),
      ...(this.lastCatchUp ? { lastCatchUp: this.lastCatchUp } : {}),
      unfinishedRuns: this.unfinishedRuns().length,
    };
  }

  /** Whether the database answers within PROBE_TIMEOUT_MS (for the health check). */
  override reachable(): Promise<boolean> {
    return this.answers(Math.min(this.timeoutMs, PROBE_TIMEOUT_MS));
  }

  /** Whether the database answers `select 1` within `ms` (an answer ends a pause after a lost catch-up). */
  private async answers(ms: number): Promise<boolean> {
    return within(this.pool.query('select 1'), ms, 'the database').then(
      () => {
        this.lostAt = 0;
        return true;
      },
      () => false,
    );
  }

  async exportState(): Promise<State> {
    await this.flush();
    const client = await this.bulk.connect();
    try {
      await client.query('begin isolation level repeatable read');
      const recs = await client.query<{ section: RecordSection; data: Record<string, unknown> }>(
        'select section, data from records where data is not null order by n',
      );
      const audit = await client.query<{ entry: AuditEntry }>('select entry from audit order by id');
      const deliveries = await client.query<{ entry: Delivery }>('select entry from deliveries order by id');
      const seq = await client.query<{ v: string | null }>('select last_value::text as v from ids');
      await client.query('commit');
      const out = emptyState();
      for (const r of recs.rows) (out[r.section] as unknown[]).push(r.data);
      out.audit = audit.rows.map((r) => r.entry);
      out.deliveries = deliveries.rows.map((r) => r.entry);
      let max = Number(seq.rows[0]?.v ?? 0) + ID_BLOCK;
      for (const r of recs.rows) {
        const n = Number(String(r.data.id ?? '').match(/^[a-z]+(\d+)$/)?.[1] ?? 0);
        if (n > max) max = n;
      }
      out.seq = max;
      out.schemaVersion = STATE_VERSION;
      return out;
    } finally {
      await client.query('rollback').catch(() => undefined);
      client.release();
    }
  }

  async restore(state: State): Promise<void> {
    assertConsistent(this.file, state);
    await this.flush();
    const client = await this.bulk.connect();
    try {
      await client.query('begin');
      await client.query('truncate records, audit, deliveries, snapshots');
      const sections: string[] = [];
      const keys: string[] = [];
      const data: string[] = [];
      for (const section of RECORD_SECTIONS)
        for (const r of state[section] as Record<string, unknown>[]) {
          sections.push(section);
          keys.push(recordKey(section, r));
          data.push(JSON.stringify(r));
        }
      await client.query(
        `insert into records (section, key, data) select * from unnest($1::text[], $2::text[], $3::jsonb[])
         on conflict (section, key) do update set data = excluded.data`,
        [sections, keys, data],
      );
      await client.query('insert into audit (entry) select * from unnest($1::jsonb[])', [state.audit.map((a) => JSON.stringify(a))]);
      await client.query('insert into deliveries (run, entry) select * from unnest($1::text[], $2::jsonb[])', [
        state.deliveries.map((d) => d.run),
        state.deliveries.map((d) => JSON.stringify(d)),
      ]);
      await client.query('select setval($1::regclass, greatest($2::bigint, (select last_value from ids)))', ['ids', state.seq + 1]);
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw new StateWriteError(`the database did not take the state: ${(e as Error).message}`);
    } finally {
      client.release();
    }
    this.idNext = this.idEnd = 0;
    this.runDeliveries.clear();
    await this.load();
  }

  override async close(): Promise<void> {
    this.closing = true;
    await this.flush().catch(() => undefined);
    // A read-only command (ask, export) leaves the snapshot to the bots.
    if (!this.reader) await this.saveSnapshot().catch(() => undefined);
    // The right to send pushes is given up before the session ends, so the next process can take it at once: a
    // dropped session frees it too, but only once the server has noticed (a race the takeover test lost under load).
    if (this.claimed) {
      await this.claimed.query('select pg_advisory_unlock($1)', [PUSH_LOCK]).catch(() => undefined);
      this.claimed.release(true);
    }
    this.claimed = undefined;
    await this.pool.end();
    await this.bulk.end();
  }
}
