/** The database cannot be reached or used at start-up (PostgreSQL): the message names it, never its password. */
export class StoreConnectError extends Error {}
