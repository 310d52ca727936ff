/** Start-up, step 3: the plans served and the core that answers on them (after the store: it knows what is archived). */
import type { CoreDeps } from '../core/kernel/deps.ts';
import { createCore } from '../core/features/index.ts';
import { openCatalog, type PlanCatalog } from '../core/kernel/catalog.ts';
import type { Router } from '../core/kernel/router.ts';
import type { Plan } from '../plan/schema.ts';
import type { Settings } from './config.ts';

export interface Served {
  plans: PlanCatalog;
  /** What the core is built from; the schedules step adds `push` and `tell` to it. */
  deps: CoreDeps;
  core: Router;
  /** The plan named when the terminal chat starts. */
  plan: Plan;
}

/** PLAN_FILE alone, or every plan under the plans folder; none at all stops start-up ("no plans"). */
export function openPlans({ config, dir, roster, plansDir, t, log, terminal }: Settings, store: CoreDeps['store']): Served {
  const plans = openCatalog({
    dir,
    plansDir,
    ...(config.PLAN_FILE ? { only: config.PLAN_FILE } : {}),
    engine: { lang: config.BOT_LANG, upcomingDays: config.REMIND_DAYS },
    archived: (id) => store.planArchived(id),
  });
  const plan = plans.default().plan;
  const deps: CoreDeps = {
    plans,
    plansDir,
    store,
    dir,
    admins: { telegram: config.ADMIN_TELEGRAM_IDS, zalo: config.ADMIN_ZALO_IDS },
    roster,
    undoMinutes: config.UNDO_MINUTES,
    now: () => new Date(),
    random: Math.random,
    lang: config.BOT_LANG,
    t,
    log,
    // The desk page is served by the bot's HTTP server, which the terminal chat does not start.
    ...(config.PUBLIC_URL && !terminal ? { web: { base: config.PUBLIC_URL } } : {}),
  };
  return { plans, deps, core: createCore(deps), plan };
}
