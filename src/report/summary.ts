/**
 * Where a plan stands, per agency: every task × agency that must report, with its state as of a day, and the
 * count per status for each agency, furthest behind first. The Excel report and the progress chart both read it.
 */
import type { Engine } from '../answer/engine.ts';
import type { T } from '../i18n.ts';
import type { Directory } from '../plan/agencies.ts';
import type { Plan, Task } from '../plan/schema.ts';
import { requiredParties, type Status } from '../plan/status.ts';
import type { Store } from '../store/port.ts';

export interface ReportDeps {
  plan: Plan;
  dir: Directory;
  engine: Engine;
  store: Store;
  t: T;
}

export const STATUSES: readonly Status[] = ['done_on_time', 'done_late', 'in_progress', 'overdue'];

export interface Part {
  task: Task;
  party: string;
  status: Status;
  due?: string;
  /** The period in question, for a recurring task. */
  period?: string;
}

export interface AgencyRow {
  party: string;
  label: string;
  c: Record<Status, number>;
  total: number;
  /** Share done on time, in whole percent. */
  pct: number;
}

/** Every task × agency that must report (with `agency`, that agency's only), with its state on `today`. */
export function partsOf(deps: Pick<ReportDeps, 'plan' | 'dir' | 'engine' | 'store'>, today: string, agency?: string): Part[] {
  const opts = { today, completions: deps.store.completions(deps.plan.id) };
  const parts: Part[] = [];
  for (const task of deps.plan.tasks) {
    for (const party of requiredParties(task, deps.dir)) {
      if (agency && party !== agency) continue;
      const s = deps.engine.stateOf(task, opts, party);
      parts.push({ task, party, status: s.status, ...(s.due ? { due: s.due } : {}), ...(s.period ? { period: s.period.end } : {}) });
    }
  }
  return parts;
}

/** Counts per agency, furthest behind first: the most overdue, then the lowest share done on time, then by name. */
export function agencyRows(parts: readonly Part[], label: (party: string) => string): AgencyRow[] {
  const byAgency = new Map<string, Record<Status, number>>();
  for (const p of parts) {
    const row = byAgency.get(p.party) ?? { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 };
    row[p.status]++;
    byAgency.set(p.party, row);
  }
  const rows = [...byAgency.entries()].map(([party, c]) => {
    const total = STATUSES.reduce((n, s) => n + c[s], 0);
    return { party, label: label(party), c, total, pct: total === 0 ? 0 : Math.round((100 * c.done_on_time) / total) };
  });
  rows.sort((a, b) => b.c.overdue - a.c.overdue || a.pct - b.pct || a.label.localeCompare(b.label, 'vi'));
  return rows;
}
