/**
 * The picture a PostgreSQL process answers from: every record of the `records` table held in memory (the state the
 * commands read and change, as on the embedded store), each with the id of the transaction that last wrote it as
 * this process knows it (`xid`; '' for a record not yet written). Reading it from the database (all rows, or those
 * committed since the last look) is here too; what a change of this process is still writing is left alone by a
 * catch-up (`dirty`), so a catch-up never undoes a change about to commit.
 *
 * A catch-up has the bot's time limit (./timeouts.ts). One that finds the database out of reach makes the ones that
 * queue behind it fail at once for one limit; after a write lost with its connection the next catch-up reads the whole
 * picture again (`reloadNext`).
 */
import type pg from 'pg';
import { StateWriteError } from '../errors.ts';
import { type Lookups, liveKey } from '../lookups.ts';
import { RECORD_SECTIONS, type RecordSection, recordKey, type Written } from '../records.ts';
import type { CompletionRecord, Official, Section, State } from '../schema.ts';
import { emptyState } from '../schema.ts';
import type { PackedEntry } from './packed.ts';
import { connectionLost, within } from './timeouts.ts';

export interface Entry {
  rec: Record<string, unknown>;
  /** The transaction that last wrote it, as this process knows ('' for a record not yet written). */
  xid: string;
}

/** A record as a row of `records` (data null: removed). */
export interface RecordRow {
  section: RecordSection;
  key: string;
  data: Record<string, unknown> | null;
  xid: string;
}

/** A record named by its section and key. */
export interface RecordName {
  section: RecordSection;
  key: string;
}

/** One string per record, for the maps below. */
export const nameOf = (section: RecordSection, key: string): string => `${section}\u0000${key}`;

export class Picture {
  /** The state the commands read and change. */
  data: State = emptyState();
  private readonly entries = new Map<RecordSection, Map<string, Entry>>(RECORD_SECTIONS.map((s) => [s, new Map()]));
  /** Records applied here and not yet committed (how many pending changes wrote each): a catch-up leaves them alone. */
  private readonly dirty = new Map<string, number>();
  /** The transaction ids of records a pending change removed (needed to write their removal). */
  private readonly removedXid = new Map<string, string>();
  /** Transactions below this id have all been read. */
  horizon = '0';
  /** When this process last read what the others wrote. */
  lastCatchUp: string | undefined;
  /**
   * Set when a write failed with the database out of reach: the picture may hold changes that were not written, so
   * the next catch-up reads it all again (and fails, with the update's error reply, while the database stays away).
   */
  private needsReload = false;
  /** When a catch-up last found the database out of reach (0: it answered since). */
  private lostAt = 0;

  constructor(
    /** The bot's work, each call within `timeoutMs`. */
    private readonly pool: pg.Pool,
    /** Bulk work (./timeouts.ts): a big catch-up asked again, a snapshot's rows. */
    private readonly bulk: pg.Pool,
    private readonly lookups: Lookups,
    /** The bot's limit on one database call (DB_TIMEOUT_SECONDS). */
    private readonly timeoutMs: number,
    /** Read the whole picture again within the bot's limits (./snapshots.ts, on the bot's pool). */
    private readonly reread: () => Promise<void>,
  ) {}

  // ——— reading it from the database ———

  /** Start afresh, to be filled by `put` (a snapshot being read). */
  clear(): void {
    this.data = emptyState();
    for (const m of this.entries.values()) m.clear();
  }

  /** A committed record, read at start. */
  put(section: RecordSection, key: string, xid: string, rec: Record<string, unknown>): void {
    const m = this.entries.get(section);
    if (!m) return;
    m.set(key, { rec, xid });
    (this.data[section] as unknown[]).push(rec);
  }

  /** Filled whole (by `put`) up to this horizon: the lookups are rebuilt on use. */
  loaded(horizon: string): void {
    this.horizon = horizon;
    this.replaced();
  }

  /** Changed other than by a command of this process (loaded, a failed write undone): the lookups are rebuilt on use. */
  replaced(): void {
    this.lookups.replaced();
  }

  /** Every record, read in one consistent view; the horizon is that view's. */
  async readAll(pool: pg.Pool): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('begin isolation level repeatable read');
      const h = await client.query<{ x: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as x');
      const rows = await client.query<{ section: RecordSection; key: string; data: Record<string, unknown>; xid: string }>(
        'select section, key, data, xid::text as xid from records where data is not null order by n',
      );
      await client.query('commit');
      this.clear();
      for (const r of rows.rows) this.put(r.section, r.key, r.xid, r.data);
      this.loaded(h.rows[0]!.x);
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

  /**
   * What other processes committed since the last look: rows whose transaction finished since the horizon (below the
   * current snapshot's xmin, so that a transaction still running is read once it ends, never skipped).
   */
  async catchUp(): Promise<void> {
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

  /** The next catch-up reads the whole picture again (a write was lost with the database out of reach). */
  reloadNext(): void {
    this.needsReload = true;
  }

  private async catchUpOnce(): Promise<void> {
    if (this.needsReload) {
      // After a write lost with the connection: the whole picture again (within the bot's time limits).
      this.needsReload = false;
      try {
        await this.reread();
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

  /** Whether the database answers `select 1` within `ms` (an answer ends a pause after a lost catch-up). */
  async answers(ms: number): Promise<boolean> {
    return within(this.pool.query('select 1'), ms, 'the database').then(
      () => {
        this.lostAt = 0;
        return true;
      },
      () => false,
    );
  }

  /** The database's rows of these records (those it has; `live`: not the removed ones; `bulk`: as bulk work). */
  async rowsOf(names: readonly RecordName[], opts: { live?: boolean; bulk?: boolean } = {}): Promise<RecordRow[]> {
    const { rows } = await (opts.bulk ? this.bulk : this.pool).query<RecordRow>(
      `select r.section, r.key, r.data, r.xid::text as xid from records r join unnest($1::text[], $2::text[]) as t(section, key) using (section, key)${
        opts.live ? '\n         where r.data is not null' : ''
      }`,
      [names.map((w) => w.section), names.map((w) => w.key)],
    );
    return rows;
  }

  /**
   * Back to what the database holds for these records (a write of them failed): the rows it has replace the
   * picture's, and a record it does not have goes.
   */
  async readBack(names: readonly RecordName[]): Promise<void> {
    const rows = await this.rowsOf(names);
    const found = new Set(rows.map((r) => nameOf(r.section, r.key)));
    for (const w of names) if (!found.has(nameOf(w.section, w.key))) this.forget(w.section, w.key);
    for (const r of rows) this.take(r.section, r.key, r.data, r.xid, true);
  }

  /**
   * A change that failed part way (a record it edited would not load again) wrote these records into `data` without
   * telling the picture: they go back to what the database holds.
   */
  async putBack(names: readonly RecordName[]): Promise<void> {
    for (const w of names) {
      this.entries.get(w.section)!.delete(w.key);
      (this.data[w.section] as unknown[]) = (this.data[w.section] as Record<string, unknown>[]).filter((r) => recordKey(w.section, r) !== w.key);
    }
    for (const r of await this.rowsOf(names)) this.take(r.section, r.key, r.data, r.xid, true);
  }

  /** Put a committed record (or its removal) into the picture, unless a change applied here is still writing it. */
  private take(section: RecordSection, key: string, data: Record<string, unknown> | null, xid: string, force = false): void {
    const m = this.entries.get(section);
    if (!m) return;
    if (!force && this.dirty.has(nameOf(section, key))) return;
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

  /** A record this process created that the database does not hold: out of the picture. */
  private forget(section: RecordSection, key: string): void {
    const m = this.entries.get(section)!;
    const known = m.get(key);
    if (!known) return;
    m.delete(key);
    (this.data[section] as unknown[]) = (this.data[section] as unknown[]).filter((x) => x !== known.rec);
  }

  // ——— changes of this process ———

  /** A change was applied to `data`: its records are pending until `settle`, and the lookups are told. */
  applied(written: readonly Written[], touches: readonly Section[] | undefined): void {
    for (const w of written) {
      const id = nameOf(w.section, w.key);
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
    this.lookups.changed(touches, written);
  }

  /** The transaction a write of this record expects to replace ('' for one the database does not have yet). */
  expectedXid(section: RecordSection, key: string): string {
    return this.entries.get(section)!.get(key)?.xid ?? this.removedXid.get(nameOf(section, key)) ?? '';
  }

  /** The write of a record committed in this transaction. */
  committed(section: RecordSection, key: string, xid: string): void {
    const known = this.entries.get(section)!.get(key);
    if (known) known.xid = xid;
  }

  /** A change's writes are over (committed or given up): its records are no longer pending. */
  settle(writes: readonly RecordName[]): void {
    for (const w of writes) {
      const id = nameOf(w.section, w.key);
      const n = (this.dirty.get(id) ?? 1) - 1;
      if (n <= 0) {
        this.dirty.delete(id);
        this.removedXid.delete(id);
      } else this.dirty.set(id, n);
    }
  }

  /**
   * Every committed record with its transaction, by section; `pending` names those a change of this process is still
   * writing or has removed (their committed version is the database's).
   */
  committedEntries(): { bySection: Map<RecordSection, PackedEntry[]>; pending: RecordName[] } {
    const bySection = new Map<RecordSection, PackedEntry[]>();
    const pending: RecordName[] = [];
    for (const section of RECORD_SECTIONS) {
      const out: PackedEntry[] = [];
      for (const [key, e] of this.entries.get(section)!) {
        if (this.dirty.has(nameOf(section, key)) || e.xid === '') pending.push({ section, key });
        else out.push([key, e.xid, e.rec]);
      }
      bySection.set(section, out);
    }
    // Removed by a change still under way: the database's version stands until it commits.
    for (const id of this.removedXid.keys()) {
      const [section, key] = id.split('\u0000') as [RecordSection, string];
      pending.push({ section, key });
    }
    return { bySection, pending };
  }
}
