/**
 * The PostgreSQL schema: versioned migrations, applied in order at start-up by whichever process gets there first
 * (one at a time, under an advisory lock), each in its own transaction; `schema_migrations` lists those applied. A
 * database from a newer version of the bot is refused.
 */
import type pg from 'pg';

/** Versioned migrations, applied in order at start-up, each in its own transaction; never edit one that shipped. */
export const MIGRATIONS: readonly string[] = [
  `create table records (
     section text not null,
     key text not null,
     data jsonb,
     xid xid8 not null default pg_current_xact_id(),
     changed timestamptz not null default now(),
     n bigint generated always as identity,
     primary key (section, key)
   );
   create index records_xid on records (xid);
   create unique index records_one_live_tick on records ((data->>'planId'), (data->>'taskId'), (data->>'party'), (coalesce(data->>'period', '')))
     where section = 'completions' and data is not null and data->>'undoneAt' is null;
   create unique index records_one_pending_extension on records ((data->>'planId'), (data->>'taskId'), (data->>'party'))
     where section = 'extensions' and data is not null and data->>'status' = 'pending';
   create table audit (id bigint generated always as identity primary key, entry jsonb not null);
   create table deliveries (id bigint generated always as identity primary key, run text not null, entry jsonb not null);
   create index deliveries_run on deliveries (run);
   create sequence ids increment by 100 minvalue 1 start 1;`,
  // The picture as one text, with the transaction horizon it is complete up to: start-up reads it and catches up.
  `create table snapshots (id int primary key, horizon xid8 not null, taken timestamptz not null default now(), body text not null);`,
  // The picture packed (./packed.ts): columns per section, gzip'd; stored as it is (already compressed).
  `alter table snapshots add column packed bytea, alter column body drop not null;
   alter table snapshots alter column packed set storage external;`,
];

/** Advisory lock key: migrations at start-up. */
const MIGRATE_LOCK = 4561_0001;

/** Apply the migrations not yet applied, one process at a time. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await client.query('create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())');
    const { rows } = await client.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    const done = rows[0]?.v ?? 0;
    if (done > MIGRATIONS.length) throw new Error(`the database is at schema version ${done}; this version of the bot knows ${MIGRATIONS.length}`);
    for (let v = done + 1; v <= MIGRATIONS.length; v++) {
      await client.query('begin');
      try {
        await client.query(MIGRATIONS[v - 1]!);
        await client.query('insert into schema_migrations (version) values ($1)', [v]);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw e;
      }
    }
    return MIGRATIONS.length - done;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
}
