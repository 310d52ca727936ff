/**
 * Requests for more time on one agency's part of a task, and the admin's decision: one pending request at a time per
 * part; an approved one moves the part's due date (the status maps follow), and the audit log keeps both dates.
 */
import type { Extension } from '../schema.ts';
import { audit, copy, type Ops } from './context.ts';

export function extension(ops: Ops, id: string): Extension | undefined {
  return ops.state().extensions.find((e) => e.id === id);
}

/** Every request still waiting for an admin, oldest first. */
export function pendingExtensions(ops: Ops): readonly Extension[] {
  return ops.state().extensions.filter((e) => e.status === 'pending');
}

/** The latest request on one agency's part of a task (pending or decided), if any. */
export function latestExtension(ops: Ops, planId: string, taskId: string, party: string): Extension | undefined {
  return ops.state().extensions.findLast((e) => e.planId === planId && e.taskId === taskId && e.party === party);
}

/** Every extension request on one agency's part of a task, oldest first (the desk page's history). */
export function extensionsOf(ops: Ops, planId: string, taskId: string, party: string): readonly Extension[] {
  return ops.state().extensions.filter((e) => e.planId === planId && e.taskId === taskId && e.party === party);
}

/** Ask for more time; refused (nothing written) while another request on the same part is pending. */
export async function requestExtension(
  ops: Ops,
  input: Omit<Extension, 'id' | 'status' | 'at'>,
  at: Date,
): Promise<{ extension: Extension } | { refused: 'pending' }> {
  if (latestExtension(ops, input.planId, input.taskId, input.party)?.status === 'pending') return { refused: 'pending' };
  return ops.change(
    (d, w) => {
      const e: Extension = { ...input, id: w.newId('e'), status: 'pending', at: at.toISOString() };
      w.insert('extensions', e);
      audit(d, at, input.by, 'extension-request', `${input.taskId}/${input.party}`, { due: input.from }, { due: input.to, reason: input.reason });
      return { extension: copy(e) };
    },
    ['extensions', 'audit'],
  );
}

/** Approve or reject a pending request; the audit log keeps the date before and after. */
export async function decideExtension(
  ops: Ops,
  id: string,
  approve: boolean,
  by: string,
  at: Date,
  reason?: string,
): Promise<{ extension: Extension } | { refused: 'unknown' | 'decided' }> {
  const e = extension(ops, id);
  if (!e) return { refused: 'unknown' };
  if (e.status !== 'pending') return { refused: 'decided' };
  return ops.change(
    (d, w) => {
      const live = d.extensions.find((x) => x.id === id)!;
      // Decided meanwhile (another admin, another process): nothing written.
      if (live.status !== 'pending') return { refused: 'decided' as const };
      live.status = approve ? 'approved' : 'rejected';
      live.decidedAt = at.toISOString();
      live.decidedBy = by;
      if (reason && !approve) live.decisionReason = reason;
      w.put('extensions', live);
      audit(
        d,
        at,
        by,
        approve ? 'extension-approved' : 'extension-rejected',
        `${live.taskId}/${live.party}`,
        { due: live.from },
        { due: approve ? live.to : live.from, ...(reason && !approve ? { reason } : {}) },
      );
      return { extension: copy(live) };
    },
    ['extensions', 'audit'],
  );
}
