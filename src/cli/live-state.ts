/**
 * The live state as the read-only commands see it (npm run ask, npm run export): STATE_FILE (or the configured
 * store) opened read-only — no lock taken, nothing written — and reports counted as of a day, so that `--today`
 * shows the status on that day.
 */
import { existsSync } from 'node:fs';
import { loadEnvFile, storeSetting } from '../config.ts';
import type { Completion, CompletionMap } from '../plan/status.ts';

/** Reports made on or before `today`, by task (due dates moved by extensions kept). */
export function asOf(map: CompletionMap, today: string): CompletionMap {
  const out = new Map<string, Completion[]>();
  for (const [task, list] of map) {
    const kept = list.filter((c) => c.on <= today);
    if (kept.length > 0) out.set(task, kept);
  }
  return map.dues ? Object.assign(out, { dues: map.dues }) : out;
}

/** The plans the read-only commands answer from: --plan (a number or a file) alone, else every active plan. */
export async function livePlans(today: string, only: string | undefined, lang: import('../i18n.ts').Lang = 'vi') {
  loadEnvFile();
  const { openCatalog } = await import('../core/kernel/catalog.ts');
  const { loadDirectory, PLANS_DIR } = await import('../plan/load.ts');
  const setting = storeSetting();
  // An embedded store not yet created reads as empty; a database is always opened (its migrations run).
  const store = setting.databaseUrl || existsSync(setting.stateFile) ? await (await import('../store/open.ts')).openStore(setting, 'reader') : undefined;
  const plans = openCatalog({
    dir: loadDirectory(),
    plansDir: process.env.PLANS_DIR || PLANS_DIR,
    ...(only ? { only } : {}),
    engine: { lang },
    archived: (id) => store?.planArchived(id) ?? false,
  });
  const cache = new Map<string, CompletionMap>();
  const completionsOf = (planId: string) => {
    let map = cache.get(planId);
    if (!map) cache.set(planId, (map = store ? asOf(store.completions(planId), today) : new Map()));
    return map;
  };
  return { plans, completionsOf };
}
