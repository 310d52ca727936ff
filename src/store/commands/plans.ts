/** Plans as the state knows them: archived by an admin or not, and events with no state of their own (a plan published). */
import { audit, type Ops } from './context.ts';

/** Whether an admin has archived this plan (and not restored it since): the latest entry counts. */
export function planArchived(ops: Ops, planId: string): boolean {
  return ops.state().plans.findLast((p) => p.planId === planId)?.archived ?? false;
}

/** Archive or restore a plan; false (nothing written) when it already is so. */
export async function setPlanArchived(ops: Ops, planId: string, archived: boolean, by: string, at: Date): Promise<boolean> {
  if (planArchived(ops, planId) === archived) return false;
  return ops.change(
    (d, w) => {
      w.insert('plans', { planId, archived, at: at.toISOString(), by });
      audit(d, at, by, archived ? 'archive-plan' : 'restore-plan', planId);
      return true;
    },
    ['plans', 'audit'],
  );
}

/** An event with no state of its own (a plan published), kept in the audit log. */
export async function recordEvent(ops: Ops, actor: string, action: string, subject: string, at: Date, details?: unknown): Promise<void> {
  await ops.change((d) => audit(d, at, actor, action, subject, null, details), ['audit']);
}
