/**
 * Snapshots of the picture, so that a start reads one packed row (./packed.ts) and then only the rows written since,
 * not the whole history. A process saves one after every SNAPSHOT_EVERY changes of its own and when it stops; a newer
 * snapshot is never replaced by an older one.
 */
import type pg from 'pg';
import { RECORD_SECTIONS, type RecordSection } from '../records.ts';
import { type PackedEntry, pack, unpack } from './packed.ts';
import type { Picture } from './picture.ts';

/** A process saves a snapshot of the picture after this many changes of its own (and when it stops). */
export const SNAPSHOT_EVERY = 5000;

/**
 * Read the picture: the latest snapshot (packed; or one text, as versions before packing saved) and then every row
 * written since its horizon; without a snapshot, every row. `pool`: the bulk pool at start-up, the bot's (within its
 * time limits) when the picture is read again after a lost write; the rows since the snapshot are a catch-up.
 */
export async function loadPicture(pool: pg.Pool, picture: Picture): Promise<void> {
  const snap = await pool.query<{ horizon: string; packed: Buffer | null; body: string | null }>(
    'select horizon::text as horizon, packed, body from snapshots where id = 1',
  );
  const row = snap.rows[0];
  if (!row) return picture.readAll(pool);
  picture.clear();
  const put = (section: RecordSection, key: string, xid: string, rec: Record<string, unknown>) => picture.put(section, key, xid, rec);
  if (row.packed) await unpack(row.packed, put);
  else {
    // Saved before snapshots were packed: one text, [key, xid, record] per record.
    const body = JSON.parse(row.body ?? '{}') as Record<RecordSection, PackedEntry[]>;
    for (const section of RECORD_SECTIONS) for (const [key, xid, rec] of body[section] ?? []) put(section, key, xid, rec);
  }
  picture.loaded(row.horizon);
  await picture.catchUp();
}

/**
 * Save the picture for the next start: every committed record with its transaction, complete up to this process's
 * horizon (what was written after it is read from the rows at start). Records with a change of this process still
 * under way are taken from the database instead. Bulk work (./timeouts.ts): `pool` is the bulk pool.
 */
export async function saveSnapshot(pool: pg.Pool, picture: Picture): Promise<void> {
  const horizon = picture.horizon;
  const { bySection, pending } = picture.committedEntries();
  const body: Partial<Record<RecordSection, PackedEntry[]>> = Object.fromEntries(bySection);
  if (pending.length > 0) for (const r of await picture.rowsOf(pending, { live: true, bulk: true })) body[r.section]!.push([r.key, r.xid, r.data!]);
  await pool.query(
    `insert into snapshots (id, horizon, packed, body) values (1, $1::xid8, $2, null)
     on conflict (id) do update set horizon = excluded.horizon, packed = excluded.packed, body = null, taken = now()
     where snapshots.horizon <= excluded.horizon`,
    [horizon, await pack(body)],
  );
}
