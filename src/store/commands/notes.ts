/**
 * What an agency adds to its part of a task besides a tick: progress notes short of done ("đang thực hiện 60%"), the
 * latest shown on cards, digests and reports; and evidence, a file that proves a tick, kept by the messenger's
 * reference, never its bytes.
 */
import type { Evidence, ProgressNote } from '../schema.ts';
import { audit, copy, type Ops } from './context.ts';

/** The latest progress note on one agency's part of a task, if any. */
export function latestProgress(ops: Ops, planId: string, taskId: string, party: string): ProgressNote | undefined {
  return ops.state().progress.findLast((p) => p.planId === planId && p.taskId === taskId && p.party === party);
}

/** Every progress note on one agency's part of a task, oldest first (the desk page's history). */
export function progressNotes(ops: Ops, planId: string, taskId: string, party: string): readonly ProgressNote[] {
  return ops.state().progress.filter((p) => p.planId === planId && p.taskId === taskId && p.party === party);
}

export async function addProgress(ops: Ops, input: Omit<ProgressNote, 'id' | 'at'>, at: Date): Promise<ProgressNote> {
  return ops.change(
    (d, w) => {
      const note: ProgressNote = { ...input, id: w.newId('p'), at: at.toISOString() };
      w.insert('progress', note);
      audit(d, at, input.by, 'progress', `${input.taskId}/${input.party}`, null, note);
      return copy(note);
    },
    ['progress', 'audit'],
  );
}

export function evidence(ops: Ops, id: string): Evidence | undefined {
  return ops.state().evidence.find((e) => e.id === id);
}

export function evidenceOf(ops: Ops, completionId: string): readonly Evidence[] {
  return ops.state().evidence.filter((e) => e.completionId === completionId);
}

export async function addEvidence(ops: Ops, input: Omit<Evidence, 'id' | 'at'>, at: Date): Promise<Evidence> {
  return ops.change(
    (d, w) => {
      // Checked by the insert against the schema it loads with: a value accepted here can never stop the next start.
      const e: Evidence = { ...input, id: w.newId('f'), at: at.toISOString() };
      w.insert('evidence', e);
      audit(d, at, input.by, 'evidence', input.completionId, null, { name: e.name, kind: e.kind, size: e.size });
      return copy(e);
    },
    ['evidence', 'audit'],
  );
}
