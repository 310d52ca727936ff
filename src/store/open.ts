/**
 * The store the configuration names: PostgreSQL when DATABASE_URL is set, else the embedded store at STATE_FILE.
 * Loaded lazily, so that the embedded path never loads the database client.
 */
import type { Store } from './port.ts';

export interface StoreSetting {
  /** postgres://… : the shared database. */
  databaseUrl?: string | undefined;
  /** The most one database call of the bot's work may take (DB_TIMEOUT_SECONDS), in ms. */
  timeoutMs?: number | undefined;
  stateFile: string;
}

/**
 * `writer`: the bot (the embedded store is locked for this process); `shared`: the terminal chat (embedded: read-only
 * beside a running bot); `reader`: the read-only commands (embedded: no lock, nothing written).
 */
export type StoreMode = 'writer' | 'shared' | 'reader';

export async function openStore(setting: StoreSetting, mode: StoreMode): Promise<Store> {
  if (setting.databaseUrl) {
    const { PgStore } = await import('./postgres/pg-store.ts');
    return PgStore.connect(setting.databaseUrl, {
      max: mode === 'writer' ? 10 : 2,
      reader: mode === 'reader',
      ...(setting.timeoutMs ? { timeoutMs: setting.timeoutMs } : {}),
    });
  }
  const { FileStore } = await import('./embedded/file-store.ts');
  if (mode === 'shared') return FileStore.openShared(setting.stateFile);
  return FileStore.open(setting.stateFile, mode === 'writer' ? { lock: true } : { readOnly: true });
}

/** Where the state lives, for messages (the database without its password). */
export async function describeStore(setting: StoreSetting): Promise<string> {
  if (!setting.databaseUrl) return setting.stateFile;
  return (await import('./postgres/pg-store.ts')).describeUrl(setting.databaseUrl);
}
