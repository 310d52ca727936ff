/**
 * npm run import -- FILE [-o OUT] [--number N] [--date YYYY-MM-DD] [--issuer TEXT] [--title TEXT]
 * Reads a plan (Word .docx, Excel .xlsx, a text PDF, the text layout or CSV/TSV), writes a validated data file, and lists what
 * it had to judge (including what the file did not say and what was used instead).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fsutil.ts';
import { t } from '../i18n.ts';
import { createdAgencies, describeWarning, idList, ImportError } from '../plan/import/index.ts';
import { importIsolated } from '../plan/import/isolated.ts';
import { DATA_DIR, DataFileError, loadDirectory } from '../plan/load.ts';
import { parseArgs, runCli, UsageError } from './args.ts';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['-o', '--out', '--number', '--date', '--issuer', '--title']);
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError(t('import.usage'));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(t('import.cannotRead', { file }));
  }
  const date = args.values.get('--date');
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(t('cli.badDate', { value: date }));
  let imported: Awaited<ReturnType<typeof importIsolated>>;
  try {
    // In a worker thread, as in chat: bounded in time and memory, so a hostile file ends with a message, not a crash.
    imported = await importIsolated(file, bytes, loadDirectory(), {
      number: args.values.get('--number'),
      date,
      issuer: args.values.get('--issuer'),
      title: args.values.get('--title'),
      source: path.basename(file),
    });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    // What the chat says, then what the reader saw.
    console.error(`${t('cli.error')}: ${t(`import.error.${e.code}`, e.params)}\n  (${e.message})`);
    return 2;
  }
  const { plan, warnings, format } = imported;
  const slug = `${plan.number.replace(/[^A-Za-z0-9]+/g, '-')}-${plan.date.slice(0, 4)}`;
  const out = args.values.get('-o') ?? args.values.get('--out') ?? path.join(DATA_DIR, 'plans', `${slug}.json`);
  writeFileAtomic(out, `${JSON.stringify(plan, null, 1)}\n`);
  console.error(
    t('import.done', { file, format, tasks: plan.tasks.length, assignments: plan.assignments.length, out: path.relative(process.cwd(), out) || out }),
  );
  if (warnings.length > 0) {
    console.error(t('import.judged', { n: warnings.length }));
    for (const w of warnings) console.error(`  - ${describeWarning(w, t)}`);
    const guessed = warnings.flatMap((w) => (w.kind === 'metaGuessed' ? [`--${w.where}`] : []));
    if (guessed.length > 0) console.error(t('import.metaFlags', { flags: guessed.join(' ') }));
  }
  const created = createdAgencies(plan);
  if (created.length > 0) {
    console.error(t('import.created', { n: created.length }));
    for (const a of created)
      console.error(
        `  - ${a.tasks.length > 0 ? t('import.createdOne', { name: a.name, n: a.tasks.length, tasks: idList(a.tasks) }) : t('import.createdBody', { name: a.name, items: idList(a.paragraphs) })}`,
      );
  }
  return 0;
}

runCli(main, [ImportError, DataFileError]);
