/**
 * What a store throws that its callers may catch and show: the messages name the file or the database (never its
 * password) and say what was left as it was.
 */

/** The embedded store's state cannot be read or used (broken, from a newer version, a folder in its place …): start-up stops, nothing is overwritten. */
export class StateFileError extends Error {}

/** Another live process holds the embedded store's state file (its lock names the process). */
export class LockHeldError extends StateFileError {
  constructor(
    readonly file: string,
    readonly owner: { pid: number; since?: string },
  ) {
    super(
      `${file} is in use by process ${owner.pid}${owner.since ? ` (since ${owner.since})` : ''}, most likely the bot. Stop it first; ` +
        'to send the digest now use /guingay in the chat. The terminal chat, npm run ask and npm run export read the file without the lock.',
    );
  }
}

/** A change could not be made durable; nothing of it remains. */
export class StateWriteError extends Error {}

/**
 * A change would store a record its section's schema does not load (a forged negative size, an empty account id …):
 * refused before it is written, so that nothing the bot stores can stop its next start. Nothing of it remains.
 */
export class StoredValueError extends StateWriteError {}

/** A change was asked of a store opened read-only (another process holds the state file). */
export class StateReadOnlyError extends Error {}

/** The database cannot be reached or used at start-up (PostgreSQL): the message names it, never its password. */
export class StoreConnectError extends Error {}
