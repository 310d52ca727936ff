/**
 * Every call to PostgreSQL has a time limit, so that a database out of reach (frozen, a network partition) costs a user
 * an error reply within seconds, never a hang. Two pools:
 * - the bot's work (catching up before an update, a change's transaction, ids, deliveries, the push lock): each query
 *   at most DB_TIMEOUT_SECONDS (default 3 s) on the client and on the server, and as long to get a connection;
 * - bulk work (start-up's read of the picture, migrations, snapshots, export and restore of the whole state): each
 *   query at most BULK_TIMEOUT_MS, a connection within DB_TIMEOUT_SECONDS.
 * A transaction left idle (a process frozen part way) is ended by the server after IDLE_IN_TRANSACTION_MS.
 */
import type pg from 'pg';

/** The default limit of one database call on the bot's work (DB_TIMEOUT_SECONDS). */
export const DB_TIMEOUT_MS = 3000;
/** The limit of one query of bulk work (a whole state written or read). */
export const BULK_TIMEOUT_MS = 10 * 60_000;
/** A change writing more records than this (a roster of thousands) is bulk work: its statements get BULK_TIMEOUT_MS. */
export const BULK_RECORDS = 1000;
/** The server ends a transaction left idle this long (its locks go with it). */
export const IDLE_IN_TRANSACTION_MS = 60_000;
/** /healthz waits at most this long for the database to answer. */
export const PROBE_TIMEOUT_MS = 2000;

/** The pool settings of both pools for one database. */
export function poolSettings(url: string, max: number, timeoutMs = DB_TIMEOUT_MS): { work: pg.PoolConfig; bulk: pg.PoolConfig } {
  const common = {
    connectionString: url,
    // Idle connections do not keep a command-line process alive (the bot has its own handles).
    allowExitOnIdle: true,
    connectionTimeoutMillis: timeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    keepAlive: true,
  };
  return {
    work: { ...common, max, query_timeout: timeoutMs, statement_timeout: timeoutMs },
    // Three: the push lock's connection (held for a run), a snapshot and a prune of deliveries may overlap.
    bulk: { ...common, max: 3, query_timeout: BULK_TIMEOUT_MS, statement_timeout: BULK_TIMEOUT_MS },
  };
}

/**
 * Whether an error means the connection, not the statement, failed (a timeout, a reset, the server going away): the
 * database may not have seen the end of it, and the connection is not used again. An answer from the server (an
 * error with a severity) is a failed statement, unless its class says the connection is gone (08, 57P).
 */
export function connectionLost(e: unknown): boolean {
  const err = e as { severity?: unknown; code?: unknown } | null;
  if (!err || typeof err !== 'object') return true;
  if (typeof err.severity !== 'string') return true;
  const code = typeof err.code === 'string' ? err.code : '';
  return code.startsWith('08') || code.startsWith('57P');
}

/** A query with its own client-side limit (node-postgres reads `query_timeout` per query; its types omit it). */
export function quick(text: string, values: unknown[], timeoutMs: number): pg.QueryConfig {
  return { text, values, query_timeout: timeoutMs } as pg.QueryConfig;
}

/** A promise that rejects after `ms` if `p` has not settled (the work it stands for goes on). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
