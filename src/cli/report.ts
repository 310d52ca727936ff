/**
 * npm run report -- [--plan P] [--today YYYY-MM-DD] [-o FILE]
 * The plan office's report as an .xlsx file (summary per agency, detail per task and agency), with the status
 * recorded in STATE_FILE as of the day (read without the lock); plans from PLANS_DIR, as the bot serves them. Default
 * file: report-<number>-<day>.xlsx.
 */
import { ConfigError, loadEnvFile, storeSetting } from '../config.ts';
import { Engine } from '../answer/engine.ts';
import { writeFileAtomic } from '../fsutil.ts';
import { t, translator } from '../i18n.ts';
import { formatDate } from '../plan/deadline.ts';
import { choosePlan, DataFileError, loadDirectory, loadPlans, PLANS_DIR } from '../plan/load.ts';
import { buildReport } from '../report/xlsx.ts';
import { openStore } from '../store/open.ts';
import { StateFileError, StoreConnectError } from '../store/port.ts';
import { parseArgs, parseToday, runCli } from './args.ts';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['--plan', '--today', '-o', '--out']);
  const today = parseToday(args.values.get('--today'));
  const which = args.values.get('--plan');
  loadEnvFile();
  // The plans the bot serves: PLANS_DIR as the other commands read it (plans published in chat live there).
  const plansDir = process.env.PLANS_DIR || PLANS_DIR;
  const plan = which ? choosePlan(which, plansDir) : loadPlans(plansDir)[0]!;
  const dir = loadDirectory();
  const store = await openStore(storeSetting(), 'reader');
  const engine = new Engine(plan, dir);
  const bytes = await buildReport({ plan: engine.plan, dir, engine, store, t: translator('vi') }, today);
  const out = args.values.get('-o') ?? args.values.get('--out') ?? `report-${plan.number.replace(/[^A-Za-z0-9]+/g, '-')}-${today}.xlsx`;
  writeFileAtomic(out, bytes);
  console.error(t('report.written', { file: out, plan: plan.number, date: formatDate(today) }));
}

runCli(main, [DataFileError, ConfigError, StateFileError, StoreConnectError]);
