/**
 * npm run state -- export [-o FILE]        the whole state (officials, ticks, audit log, deliveries, …) as JSON
 * npm run state -- import FILE [--force]   replace the state with an exported one
 *
 * Backup and restore, and the way to move state between stores. Export reads STATE_FILE read-only (safe beside a
 * running bot; the file written is fsync'd and renamed into place). Import validates the whole file first (the same
 * gate as the state file: schema version, every record), refuses while a bot holds the state file, and refuses to
 * replace state that has officials or ticks unless --force; nothing is changed when it refuses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, loadEnvFile, stateFileSetting } from '../config.ts';
import { writeFileAtomic } from '../fsutil.ts';
import { t } from '../i18n.ts';
import { migrate, stateSchema } from '../store/schema.ts';
import { LockHeldError, StateFileError, Store } from '../store/state.ts';
import { parseArgs, runCli, UsageError } from './args.ts';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['-o', '--out'], ['--force']);
  loadEnvFile();
  const file = stateFileSetting();
  const [verb, source] = args.positional;
  if (verb === 'export') {
    const store = await Store.open(file, { readOnly: true });
    const json = `${JSON.stringify(store.snapshot(), null, 1)}\n`;
    const out = args.values.get('-o') ?? args.values.get('--out');
    if (out) {
      writeFileAtomic(out, json);
      const s = store.snapshot();
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
      const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new UsageError(t('state.invalid', { file: source, problems: where.join('; ') }));
    }
    const store = await Store.open(file, { lock: true });
    const current = store.snapshot();
    if (existsSync(file) && (current.officials.length > 0 || current.completions.length > 0) && !args.flags.has('--force'))
      throw new UsageError(t('state.notEmpty', { file, officials: current.officials.length, completions: current.completions.length }));
    await store.restore(parsed.data);
    console.error(
      t('state.imported', { file, officials: parsed.data.officials.length, completions: parsed.data.completions.length, audit: parsed.data.audit.length }),
    );
    return;
  }
  throw new UsageError(t('state.usage'));
}

runCli(main, [ConfigError, StateFileError, LockHeldError]);
