/**
 * Pushes on a shared database: the right to send them, held by one process at a time (a session advisory lock on a
 * connection kept for it, released when its process dies), and the deliveries recorded (an append-only table, never
 * loaded at start: the holder reads those of the runs it may still need when it takes the right). The lock is asked
 * for within the bot's time limit, and waiting for it is asking again every second (./timeouts.ts).
 */
import type pg from 'pg';
import type { PushClaim } from '../port.ts';
import type { Delivery } from '../schema.ts';
import { BULK_RECORDS, quick } from './timeouts.ts';

/** Advisory lock key: the right to send pushes. */
const PUSH_LOCK = 4561_0002;
/** Tombstones (removed conversations, reminders, runs) are kept this long for other processes to catch up. */
const TOMBSTONE_DAYS = 1;
/** Waiting for another process's right to send pushes: asked again this often. */
const LOCK_RETRY_MS = 1000;

export class Pushes {
  /** The connection holding the right to send pushes, while this process holds it. */
  private claimed: pg.PoolClient | undefined;
  /** Claims of this process not yet released (a reminder run beside a digest run share the right). */
  private claims = 0;
  private readonly runDeliveries = new Map<string, Delivery[]>();
  /** The store is closing: a wait for the right ends. */
  private closing = false;

  constructor(
    /** The bot's work: deliveries recorded a few at a time. */
    private readonly pool: pg.Pool,
    /** Bulk work (./timeouts.ts): the lock's connection, many deliveries, the prune. */
    private readonly bulk: pg.Pool,
    /** The bot's limit on one database call (DB_TIMEOUT_SECONDS). */
    private readonly timeoutMs: number,
    private readonly on: {
      /** Catch up with what other processes committed. */
      refresh: () => Promise<void>;
      /** The runs whose deliveries the holder reads when it takes the right. */
      runsKept: () => string[];
    },
  ) {}

  async claim(opts: { wait?: boolean }): Promise<PushClaim | undefined> {
    // Held here already (a reminder run beside a digest run): shared within the process.
    if (this.claimed) {
      this.claims++;
      await this.on.refresh();
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
      await this.on.refresh();
      // The holder alone records deliveries while it holds the right: what is loaded now stays true.
      await this.readDeliveries(client, this.on.runsKept());
    } catch (e) {
      client.release(true);
      throw e;
    }
    this.claimed = client;
    this.claims = 1;
    return { release: async () => this.unclaim() };
  }

  private async readDeliveries(client: pg.PoolClient, runs: readonly string[]): Promise<void> {
    const d = await client.query<{ run: string; entry: Delivery }>('select run, entry from deliveries where run = any($1::text[]) order by id', [runs]);
    this.runDeliveries.clear();
    for (const r of d.rows) {
      const list = this.runDeliveries.get(r.run);
      if (list) list.push(r.entry);
      else this.runDeliveries.set(r.run, [r.entry]);
    }
  }

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

  /** The store is closing: a claim waiting for the right stops waiting (and gets none). */
  stopWaiting(): void {
    this.closing = true;
  }

  /**
   * The right given up before the session ends, so the next process can take it at once: a dropped session frees it
   * too, but only once the server has noticed (a race the takeover test lost under load).
   */
  async close(): Promise<void> {
    if (this.claimed) {
      await this.claimed.query('select pg_advisory_unlock($1)', [PUSH_LOCK]).catch(() => undefined);
      this.claimed.release(true);
    }
    this.claimed = undefined;
  }

  deliveriesOfRun(runKey: string): readonly Delivery[] {
    return this.runDeliveries.get(runKey) ?? [];
  }

  async append(list: readonly Delivery[]): Promise<void> {
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

  async prune(keep: ReadonlySet<string>): Promise<void> {
    await this.bulk.query('delete from deliveries where not (run = any($1::text[]))', [[...keep]]);
    // A removal is kept until every snapshot a process may start from is past it.
    await this.bulk.query(
      `delete from records where data is null and changed < now() - interval '${TOMBSTONE_DAYS} days'
         and xid < coalesce((select horizon from snapshots where id = 1), '0'::xid8)`,
    );
    for (const k of [...this.runDeliveries.keys()]) if (!keep.has(k)) this.runDeliveries.delete(k);
  }

  /** Forget the deliveries read (the state was restored). */
  forget(): void {
    this.runDeliveries.clear();
  }
}
