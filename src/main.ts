/**
 * Composition root. With no messenger token: the terminal chat on the embedded store and the bundled plan.
 */
import { ConfigError, loadConfig } from './config.ts';
import { Engine } from './core/engine.ts';
import { runConsoleChat } from './channels/console/chat.ts';
import { translator } from './i18n.ts';
import { todayIn } from './plan/deadline.ts';
import { DataFileError, loadDirectory, loadPlan, loadPlans } from './plan/load.ts';
import { StateFileError, Store } from './store/state.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const t = translator(config.BOT_LANG);
  const plan = config.PLAN_FILE ? loadPlan(config.PLAN_FILE) : loadPlans()[0]!;
  const engine = new Engine(plan, loadDirectory(), { lang: config.BOT_LANG, upcomingDays: config.REMIND_DAYS });
  const store = await Store.open(config.STATE_FILE);
  console.error(t(config.BOT_TOKEN ? 'start.telegramNotYet' : 'start.noToken'));
  console.error(t('start.console', { plan: plan.number, tasks: plan.tasks.length, state: store.file }));
  await runConsoleChat({
    engine,
    t,
    today: () => todayIn(new Date()),
    completions: () => store.completions(plan.id),
    input: process.stdin,
    output: process.stdout,
  });
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataFileError || e instanceof StateFileError) {
    console.error(`${translator('vi')('start.failed')}: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error(e);
    process.exitCode = 1;
  }
});
