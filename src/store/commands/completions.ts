/**
 * Ticks: a party's report that its part of a task (for one period of a recurring task) is done, its undo, and the
 * ticks a corrected plan voids. One live report per task, party and period, checked inside the change.
 */
import type { NewCompletion } from '../inputs.ts';
import type { CompletionRecord } from '../schema.ts';
import { audit, copy, type Ops } from './context.ts';

/** Live reports of one party made on days from `from` (inclusive) to `to` (exclusive). */
export function reportsBetween(ops: Ops, planId: string, party: string, from: string, to: string): readonly CompletionRecord[] {
  return ops.state().completions.filter((c) => c.planId === planId && c.party === party && !c.undoneAt && c.on >= from && c.on < to);
}

/** Every report of one task, live and undone, every party and period, in the order they were made (the desk's history). */
export function taskReports(ops: Ops, planId: string, taskId: string): readonly CompletionRecord[] {
  return ops
    .state()
    .completions.filter((c) => c.planId === planId && c.taskId === taskId)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/**
 * Record a report, unless the same part (and period) is already reported: then the existing record comes back and
 * nothing is written. Checked inside the change, so two taps at once record one.
 */
export async function recordCompletion(ops: Ops, input: NewCompletion, at: Date): Promise<{ record: CompletionRecord; existing: boolean }> {
  return ops.change(
    (d, w) => {
      const existing = ops.lookups.liveCompletion(input);
      if (existing) return { record: copy(existing), existing: true };
      const rec: CompletionRecord = {
        id: w.newId('c'),
        planId: input.planId,
        taskId: input.taskId,
        party: input.party,
        on: input.on,
        at: at.toISOString(),
        by: input.by,
        ...(input.period ? { period: input.period } : {}),
        ...(input.note ? { note: input.note } : {}),
      };
      w.insert('completions', rec);
      audit(d, at, input.by, 'tick', `${input.taskId}/${input.party}${input.period ? `/${input.period}` : ''}`, null, rec);
      return { record: copy(rec), existing: false };
    },
    ['completions', 'audit'],
    [input.planId],
  );
}

/** Undo a report; undefined when it is unknown or already undone (nothing written). */
export async function undoCompletion(ops: Ops, id: string, by: string, at: Date): Promise<CompletionRecord | undefined> {
  const rec = ops.lookups.completion(id);
  if (!rec || rec.undoneAt) return undefined;
  return ops.change(
    (d, w) => {
      const live = ops.lookups.completion(id);
      if (!live || live.undoneAt) return undefined;
      const before = { ...live };
      live.undoneAt = at.toISOString();
      live.undoneBy = by;
      w.put('completions', live);
      audit(d, at, by, 'undo', `${live.taskId}/${live.party}`, before, { ...live });
      return copy(live);
    },
    ['completions', 'audit'],
    [rec.planId],
  );
}

/**
 * A plan replaced by a corrected file: the live ticks of tasks that changed or went are undone (kept, marked undone
 * by the replacement) in one write with the audit entry. Returns how many.
 */
export async function voidCompletions(ops: Ops, planId: string, taskIds: readonly string[], by: string, at: Date, why: string): Promise<number> {
  const ids = new Set(taskIds);
  if (!ops.state().completions.some((c) => c.planId === planId && ids.has(c.taskId) && !c.undoneAt)) return 0;
  return ops.change(
    (d, w) => {
      let n = 0;
      for (const c of d.completions) {
        if (c.planId !== planId || !ids.has(c.taskId) || c.undoneAt) continue;
        c.undoneAt = at.toISOString();
        c.undoneBy = by;
        w.put('completions', c);
        n++;
      }
      audit(d, at, by, 'void-ticks', planId, null, { why, tasks: [...ids], n });
      return n;
    },
    ['completions', 'audit'],
    [planId],
  );
}
