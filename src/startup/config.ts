/** Start-up, step 1: the configuration, and what the later steps read with it. */
import { type Config, loadConfig, loadEnvFile } from '../config.ts';
import { type RosterEntry, loadRoster } from '../core/kernel/roster.ts';
import { type T, translator } from '../i18n.ts';
import { type Logger, consoleLogger } from '../log.ts';
import type { Directory } from '../plan/agencies.ts';
import { loadDirectory, PLANS_DIR } from '../plan/load.ts';

export interface Settings {
  config: Config;
  t: T;
  log: Logger;
  dir: Directory;
  roster: RosterEntry[];
  /** Where plan files are read from, and where plans published in chat are written. */
  plansDir: string;
  /** Neither BOT_TOKEN nor ZALO_BOT_TOKEN: the terminal chat instead of the messengers. */
  terminal: boolean;
}

/**
 * `.env` (the environment wins), the variables checked (a bad one throws ConfigError), the agency directory and the
 * roster ROSTER_FILE names (a bad data file throws DataFileError).
 */
export function readSettings(): Settings {
  loadEnvFile();
  const config = loadConfig();
  const t = translator(config.BOT_LANG);
  const terminal = !config.BOT_TOKEN && !config.ZALO_BOT_TOKEN;
  // The terminal chat's screen is the person's: warnings and errors only there.
  const log = consoleLogger(process.stderr, {}, terminal ? 'warn' : 'info');
  const dir = loadDirectory();
  const roster: RosterEntry[] = config.ROSTER_FILE ? loadRoster(config.ROSTER_FILE, dir) : [];
  const plansDir = config.PLANS_DIR ?? PLANS_DIR;
  return { config, t, log, dir, roster, plansDir, terminal };
}
