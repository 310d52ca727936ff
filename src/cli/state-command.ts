/**
 * npm run state -- export [-o FILE]        the whole state (officials, ticks, audit log, deliveries, …) as JSON
 * npm run state -- import FILE [--force]   replace the state with an exported one
 *
 * Backup and restore, and the way to move state between stores: the store is the configured one (DATABASE_URL, else
 * STATE_FILE), so exporting with one and importing with the other moves everything. Export reads without taking the
 * embedded store's lock (safe beside a running bot; the file written is fsync'd and renamed into place). Import
 * validates the whole file first (the same gate as the state file: schema version, every record), refuses while a
 * bot holds the state file, and refuses to replace state that has officials or ticks unless --force; nothing is
 * changed when it refuses. On PostgreSQL the replacement is one transaction.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, loadEnvFile, storeSetting } from '../config.ts';
import { writeFileAtomic } from '../fsutil.ts';
import { t } from '../i18n.ts';
import { checkState, describeProblems } from '../store/check.ts';
import { describeStore, openStore } from '../store/open.ts';
import { migrate, stateSchema } from '../store/schema.ts';
import { LockHeldError, StateFileError, StateWriteError, StoreConnectError } from '../store/port.ts';
import { parseArgs, runCli, UsageError } from './args.ts';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['-o', '--out'], ['--force']);
  loadEnvFile();
  const setting = storeSetting();
  const where = await describeStore(setting);
  const [verb, source] = args.positional;
  if (verb === 'export') {
    const store = await openStore(setting, 'reader');
    const s = await store.exportState();
    await store.close();
    const json = `${JSON.stringify(s, null, 1)}\n`;
    const out = args.values.get('-o') ?? args.values.get('--out');
    if (out) {
      writeFileAtomic(out, json);
      console.error(t('state.exported', { file: out, officials: s.officials.length, completions: s.completions.length, audit: s.audit.length }));
    } else process.stdout.write(json);
    return;
  }
  if (verb === 'import' && source) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(source, 'utf8'));
    } catch (e) {
      throw new UsageError(t('state.unreadable', { file: source, why: (e as Error).message.slice(0, 120) }));
    }
    const parsed = stateSchema.safeParse(migrate(raw));
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new UsageError(t('state.invalid', { file: source, problems: problems.join('; ') }));
    }
    // The rules between records (unique ids and accounts, one live tick per part, references, the id counter).
    const inconsistent = checkState(parsed.data);
    if (inconsistent.length > 0) throw new UsageError(t('state.invalid', { file: source, problems: describeProblems(inconsistent) }));
    const existed = Boolean(setting.databaseUrl) || existsSync(setting.stateFile);
    const store = await openStore(setting, 'writer');
    try {
      const current = await store.exportState();
      if (existed && (current.officials.length > 0 || current.completions.length > 0) && !args.flags.has('--force'))
        throw new UsageError(t('state.notEmpty', { file: where, officials: current.officials.length, completions: current.completions.length }));
      await store.restore(parsed.data);
    } finally {
      await store.close();
    }
    console.error(
      t('state.imported', {
        file: where,
        officials: parsed.data.officials.length,
        completions: parsed.data.completions.length,
        audit: parsed.data.audit.length,
      }),
    );
    return;
  }
  throw new UsageError(t('state.usage'));
}

runCli(main, [ConfigError, StateFileError, LockHeldError, StoreConnectError, StateWriteError]);
