/**
 * Changes written to PostgreSQL. A change is applied to the picture at once, then its records are written in one
 * transaction with its audit entries; its caller is told only after COMMIT. Changes that arrive while a transaction
 * is under way share the next one.
 *
 * A write names the transaction id each record had when this process last read it, and is refused when another
 * process wrote it since (optimistic concurrency); a unique index allows one live tick per task, agency and period.
 * A refused write rolls back, the picture re-reads those records and catches up, and the change is applied again on
 * the fresh picture (so two confirmations of the same tick record one).
 *
 * Each statement has the bot's time limit, a change of more than BULK_RECORDS records the bulk limit (./timeouts.ts).
 * A write that loses its connection (a time limit, a reset) fails at once: the connection is dropped, which ends the
 * transaction, the batch and every change queued after it are reported as failed, and the next catch-up reads the
 * picture again.
 */
import type pg from 'pg';
import { StateWriteError } from '../errors.ts';
import type { RecordSection, Written } from '../records.ts';
import type { AuditEntry, Section, State } from '../schema.ts';
import type { IdBlocks } from './ids.ts';
import { nameOf, type Picture, type RecordName } from './picture.ts';
import { BULK_RECORDS, BULK_TIMEOUT_MS, connectionLost, quick } from './timeouts.ts';

/** A change refused this many times in a row (other processes kept writing the same records) fails. */
const MAX_ATTEMPTS = 8;

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

export class Writes {
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  /** When a batch last committed. */
  lastWrite: string | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly picture: Picture,
    private readonly ids: IdBlocks,
    /** The bot's limit on one database call (DB_TIMEOUT_SECONDS). */
    private readonly timeoutMs: number,
    private readonly on: {
      /** Catch up with what other processes committed (before a change is applied again). */
      refresh: () => Promise<void>;
      /** Read the whole picture again (the database was out of reach while a failed change was put back). */
      reload: () => Promise<void>;
      /** A batch of this many changes committed. */
      committed: (changes: number) => void;
    },
  ) {}

  /**
   * Apply a change to the picture and queue its write; resolves with its result once committed. No catch-up of its
   * own: the router caught up when the update arrived, and a change built on a stale picture is refused by the
   * database and applied again after one (see `retry`).
   */
  async change<T>(apply: (draft: State, written: Written[]) => T, touches: readonly Section[] | undefined, ids: number): Promise<T> {
    while (this.ids.left < ids + 1) await this.ids.reserve(ids + 1);
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
      p.result = p.apply(this.picture.data, written);
    } catch (e) {
      this.picture.data.audit.length = 0;
      throw written.length > 0 ? new PartialChange(e, written) : e;
    }
    p.audit = this.picture.data.audit.splice(0);
    p.writes = written.map((w) => ({ section: w.section, key: w.key, data: w.record ? JSON.stringify(w.record) : null }));
    this.picture.applied(written, p.touches);
  }

  /** Resolves once every change queued so far is written (or failed). */
  flush(): Promise<void> {
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
    const rows = rowsToWrite(batch, this.picture);
    const audit = batch.flatMap((p) => p.audit);
    const client = await this.pool.connect().catch((e: unknown) => {
      this.giveUp(batch, e);
      return undefined;
    });
    if (!client) return;
    let committed: { section: RecordSection; key: string; xid: string }[] = [];
    // A write of many records (a roster of thousands) is bulk work: its statements get the bulk limit (./timeouts.ts).
    const limit = rows.length + audit.length > BULK_RECORDS ? BULK_TIMEOUT_MS : this.timeoutMs;
    try {
      await client.query('begin');
      if (limit !== this.timeoutMs) await client.query(`set local statement_timeout = ${limit}`);
      if (rows.length > 0) committed = await writeRows(client, rows, limit);
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
    for (const c of committed) this.picture.committed(c.section, c.key, c.xid);
    this.settle(batch);
    this.lastWrite = new Date().toISOString();
    for (const p of batch) p.resolve(p.result);
    this.on.committed(batch.length);
  }

  /** A batch is over (written or given up): its records are no longer pending. */
  private settle(batch: readonly Pending[]): void {
    for (const p of batch) this.picture.settle(p.writes);
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
    const names = new Map<string, RecordName>();
    for (const p of all) for (const w of p.writes) names.set(nameOf(w.section, w.key), { section: w.section, key: w.key });
    try {
      await this.picture.readBack([...names.values()]);
    } catch {
      // The database is out of reach: read everything again when it is back.
      this.picture.reloadNext();
    }
    this.picture.replaced();
    // Changes applied after the failed batch are applied again after it, in order.
    this.queue = later;
    for (const p of later) p.writes = [];
  }

  /** Apply the changes again on a fresh picture, one by one, then write them. */
  private async retry(batch: readonly Pending[]): Promise<void> {
    const later = this.queue;
    this.queue = [];
    await this.on.refresh().catch(() => undefined);
    for (const p of [...batch, ...later]) {
      if (++p.attempts > MAX_ATTEMPTS) {
        p.reject(new StateWriteError('the change could not be written: other processes kept changing the same records'));
        continue;
      }
      try {
        while (this.ids.left < p.ids + 1) await this.ids.reserve(p.ids + 1);
        this.applyPending(p);
        this.queue.push(p);
      } catch (e) {
        await this.putBack(e);
        p.reject(e instanceof PartialChange ? e.cause : e);
      }
    }
  }

  /**
   * A change that failed part way (a record it edited would not load again): the records it had written go back to
   * what the database holds.
   */
  private async putBack(e: unknown): Promise<void> {
    if (!(e instanceof PartialChange)) return;
    const wanted = [...new Map(e.written.map((w) => [nameOf(w.section, w.key), { section: w.section, key: w.key }])).values()];
    try {
      await this.picture.putBack(wanted);
    } catch {
      await this.on.reload().catch(() => undefined);
    }
    this.picture.replaced();
  }

  /**
   * The database is out of reach: this batch and every change queued after it (which may build on it) fail now, and
   * the picture is read again at the next catch-up.
   */
  private giveUp(batch: readonly Pending[], e: unknown): void {
    const all = [...batch, ...this.queue];
    this.queue = [];
    this.settle(all);
    this.picture.reloadNext();
    this.fail(all, e);
  }

  private fail(batch: readonly Pending[], e: unknown): void {
    for (const p of batch) p.reject(e instanceof StateWriteError ? e : new StateWriteError(`the database did not take the change: ${(e as Error).message}`));
  }
}

interface RowToWrite {
  section: RecordSection;
  key: string;
  data: string | null;
  /** The transaction id known before the first change of the batch touched it. */
  expect: string;
}

/** One row per record a batch wrote: the last data written, the transaction id known before the batch touched it. */
function rowsToWrite(batch: readonly Pending[], picture: Picture): RowToWrite[] {
  const rows = new Map<string, RowToWrite>();
  for (const p of batch) {
    for (const w of p.writes) {
      const id = nameOf(w.section, w.key);
      const expect = rows.get(id)?.expect ?? picture.expectedXid(w.section, w.key);
      rows.set(id, { ...w, expect });
    }
  }
  return [...rows.values()];
}

/**
 * Write the rows, each only over the transaction it expects (within `limit` ms); a row another process wrote since is
 * a Conflict.
 */
async function writeRows(client: pg.PoolClient, list: readonly RowToWrite[], limit: number): Promise<{ section: RecordSection; key: string; xid: string }[]> {
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
  return r.rows;
}
