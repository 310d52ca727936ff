/**
 * The whole state in and out of the database (`npm run state -- export|import`): read in one consistent view, and
 * replaced in one transaction — nothing changes when it is refused.
 */
import type pg from 'pg';
import { StateWriteError } from '../errors.ts';
import { RECORD_SECTIONS, type RecordSection, recordKey } from '../records.ts';
import type { AuditEntry, Delivery, State } from '../schema.ts';
import { emptyState, STATE_VERSION } from '../schema.ts';
import { ID_BLOCK } from './ids.ts';

/** Every record, the audit log and the deliveries, as one state; its id counter above every id in use. */
export async function exportState(pool: pg.Pool): Promise<State> {
  const client = await pool.connect();
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

/** The database's state replaced by this one, in one transaction; the id sequence set past its counter. */
export async function restoreState(pool: pg.Pool, state: State): Promise<void> {
  const client = await pool.connect();
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
}
