/**
 * Where a plan stands, per agency: every task × agency that must report, with its state as of a day, and the
 * count per status for each agency, furthest behind first (counted by plan/progress.ts, as /tiendo and the digests
 * are). The Excel report, the progress chart and the desk page read it.
 */
import type { Engine } from '../answer/engine.ts';
import type { T } from '../i18n.ts';
import type { Directory } from '../plan/agencies.ts';
import type { Plan } from '../plan/schema.ts';
import { type Part, partsOf as progressParts } from '../plan/progress.ts';
import type { Store } from '../store/port.ts';

export interface ReportDeps {
  plan: Plan;
  dir: Directory;
  engine: Engine;
  store: Store;
  t: T;
}

export { type AgencyRow, agencyRows, type Part, STATUSES } from '../plan/progress.ts';

/** Every task × agency that must report (with `agency`, that agency's only), with its state on `today`: see plan/progress.ts. */
export function partsOf(deps: Pick<ReportDeps, 'plan' | 'dir' | 'engine' | 'store'>, today: string, agency?: string): Part[] {
  const opts = { today, completions: deps.store.completions(deps.plan.id) };
  return progressParts(deps.plan.tasks, deps.dir, (task, party) => deps.engine.stateOf(task, opts, party), agency);
}
