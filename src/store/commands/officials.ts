/**
 * Officials: who holds an account, registrations and roster approvals, decisions, leaving, notification and messenger
 * preferences, linked accounts, and who pushes can reach.
 */
import type { Channel, Decision, NewOfficial, OfficialStatus } from '../inputs.ts';
import type { Account, Official } from '../schema.ts';
import { audit, copy, type Ops } from './context.ts';

const sameAccount = (a: Account, channel: string, userId: string) => a.channel === channel && a.userId === userId;

/** The approved official and the pending registration behind an account, if any. */
export function holderOf(ops: Ops, channel: Channel, userId: string): { approved?: Official; pending?: Official } {
  const mine = ops.lookups.recordsOf(channel, userId);
  const approved = mine.find((o) => o.status === 'approved');
  const pending = mine.find((o) => o.status === 'pending');
  return { ...(approved ? { approved } : {}), ...(pending ? { pending } : {}) };
}

export function officialsWith(ops: Ops, status: OfficialStatus): readonly Official[] {
  return ops.state().officials.filter((o) => o.status === status);
}

/** When an account had registrations refused or revoked, oldest first (for a pause before asking again). */
export function refusalsOf(ops: Ops, channel: Channel, userId: string): string[] {
  return ops.lookups
    .recordsOf(channel, userId)
    .filter((o) => o.status === 'rejected' || o.status === 'revoked')
    .map((o) => o.decidedAt ?? o.requestedAt)
    .sort();
}

/** When an account last had a registration refused or revoked. */
export function lastRefusalOf(ops: Ops, channel: Channel, userId: string): string | undefined {
  return refusalsOf(ops, channel, userId).at(-1);
}

/**
 * A registration (pending) or a roster approval. An account that already has a pending or approved record gets that
 * record back, unchanged.
 */
export async function addOfficial(ops: Ops, input: NewOfficial, actor: string, at: Date): Promise<{ official: Official; existing: boolean }> {
  return ops.change(
    (d, w) => {
      const existing = d.officials.find(
        (o) => (o.status === 'pending' || o.status === 'approved') && o.accounts.some((a) => sameAccount(a, input.account.channel, input.account.userId)),
      );
      if (existing) return { official: copy(existing), existing: true };
      const o: Official = {
        id: w.newId('o'),
        accounts: [{ ...input.account }],
        name: input.name,
        position: input.position,
        agency: input.agency,
        status: input.approvedBy ? 'approved' : 'pending',
        requestedAt: at.toISOString(),
        notify: true,
        ...(input.phone ? { phone: input.phone } : {}),
        ...(input.approvedBy ? { decidedAt: at.toISOString(), decidedBy: input.approvedBy } : {}),
      };
      w.insert('officials', o);
      audit(d, at, actor, input.approvedBy ? 'approve' : 'register', o.id, null, { ...o });
      return { official: copy(o), existing: false };
    },
    ['officials', 'audit'],
  );
}

/** Many officials at once (a roster import, the benchmark's fixture); a given id is kept if it is free. */
export async function importOfficials(ops: Ops, list: readonly (Omit<Official, 'id'> & { id?: string })[], actor: string, at: Date): Promise<number> {
  return ops.change(
    (d, w) => {
      const taken = new Set(d.officials.map((o) => o.id));
      const records = list.map((o) => {
        const id = o.id && !taken.has(o.id) ? o.id : w.newId('o');
        taken.add(id);
        return { ...o, accounts: o.accounts.map((a) => ({ ...a })), id };
      });
      // All checked before any is added: one that would not load refuses the whole list.
      for (const r of records) w.check('officials', r);
      for (const r of records) {
        // A kept id such as "o7" moves the sequence past it, so later ids never collide.
        const n = Number(r.id.match(/^[a-z]+(\d+)$/)?.[1] ?? 0);
        if (n > d.seq) d.seq = n;
        w.insert('officials', r);
      }
      audit(d, at, actor, 'import-officials', `${list.length}`);
      return list.length;
    },
    ['officials', 'audit'],
    undefined,
    list.length,
  );
}

/**
 * Approve or reject a pending registration, or revoke an approved official. Refused (nothing written) when the record
 * is unknown or no longer in the state the decision expects.
 */
export async function decide(
  ops: Ops,
  officialId: string,
  decision: Decision,
  by: string,
  at: Date,
  reason?: string,
): Promise<{ official: Official } | { refused: 'unknown' } | { refused: 'already'; status: OfficialStatus }> {
  const expected = decision === 'revoked' ? 'approved' : 'pending';
  const o = ops.lookups.official(officialId);
  if (!o) return { refused: 'unknown' };
  if (o.status !== expected) return { refused: 'already', status: o.status };
  return ops.change(
    (d, w) => {
      const live = d.officials.find((x) => x.id === officialId)!;
      if (live.status !== expected) return { refused: 'already' as const, status: live.status };
      live.status = decision;
      live.decidedAt = at.toISOString();
      live.decidedBy = by;
      if (reason) live.decisionReason = reason;
      w.put('officials', live);
      audit(d, at, by, decision, live.id, { status: expected }, { status: decision, ...(reason ? { reason } : {}) });
      return { official: copy(live) };
    },
    ['officials', 'audit'],
  );
}

/** An official leaves (or withdraws a pending registration). */
export async function leave(ops: Ops, officialId: string, by: string, at: Date): Promise<boolean> {
  if (!ops.lookups.official(officialId)) return false;
  return ops.change(
    (d, w) => {
      const o = d.officials.find((x) => x.id === officialId)!;
      const before = o.status;
      o.status = 'left';
      o.decidedAt = at.toISOString();
      o.decidedBy = by;
      w.put('officials', o);
      audit(d, at, by, 'leave', o.id, { status: before }, { status: 'left' });
      return true;
    },
    ['officials', 'audit'],
  );
}

/** Weekly digest and reminders on or off; no write when nothing changes. */
export async function setNotify(ops: Ops, officialId: string, on: boolean, at: Date): Promise<void> {
  if (ops.lookups.official(officialId)?.notify === on) return;
  await ops.change(
    (d, w) => {
      const o = d.officials.find((x) => x.id === officialId);
      if (!o || o.notify === on) return;
      audit(d, at, officialId, on ? 'notify-on' : 'notify-off', officialId, { notify: o.notify }, { notify: on });
      o.notify = on;
      w.put('officials', o);
    },
    ['officials', 'audit'],
  );
}

/** The leader role (every agency on the desk page, read-only) granted or withdrawn by an admin; false if no approved official. */
export async function setLeader(ops: Ops, officialId: string, on: boolean, by: string, at: Date): Promise<boolean> {
  const o = ops.lookups.official(officialId);
  if (o?.status !== 'approved') return false;
  if ((o.leader ?? false) === on) return true;
  return ops.change(
    (d, w) => {
      const live = d.officials.find((x) => x.id === officialId);
      if (live?.status !== 'approved') return false;
      audit(d, at, by, on ? 'leader-grant' : 'leader-withdraw', live.id, { leader: live.leader ?? false }, { leader: on });
      if (on) live.leader = true;
      else delete live.leader;
      w.put('officials', live);
      return true;
    },
    ['officials', 'audit'],
  );
}

/** The messenger pushes go to, for an official who has linked more than one. */
export async function setPreferred(ops: Ops, officialId: string, channel: Channel, at: Date): Promise<void> {
  await ops.change(
    (d, w) => {
      const o = d.officials.find((x) => x.id === officialId);
      if (!o) return;
      audit(d, at, officialId, 'preferred', officialId, { preferred: o.preferred }, { preferred: channel });
      o.preferred = channel;
      w.put('officials', o);
    },
    ['officials', 'audit'],
  );
}

/** Add (or replace) an approved official's account on one messenger. */
export async function linkAccount(ops: Ops, officialId: string, account: Account, at: Date): Promise<Official | undefined> {
  return ops.change(
    (d, w) => {
      const o = d.officials.find((x) => x.id === officialId && x.status === 'approved');
      if (!o) return undefined;
      // An account on another live official stays theirs (one account, one official).
      const taken = d.officials.some(
        (x) => x.id !== o.id && (x.status === 'pending' || x.status === 'approved') && x.accounts.some((a) => sameAccount(a, account.channel, account.userId)),
      );
      if (taken) return undefined;
      const before = o.accounts.map((a) => ({ ...a }));
      const accounts = [...o.accounts.filter((a) => a.channel !== account.channel), { ...account }];
      w.check('officials', { ...o, accounts });
      o.accounts = accounts;
      w.put('officials', o);
      audit(d, at, o.id, 'link', o.id, { accounts: before }, { accounts: o.accounts });
      return copy(o);
    },
    ['officials', 'audit'],
  );
}

/** An official whom pushes could not reach wrote again: they can be reached. No write when nothing changes. */
export async function markReachable(ops: Ops, channel: Channel, userId: string, at: Date): Promise<void> {
  const o = ops.lookups.recordsOf(channel, userId).find((x) => x.unreachable);
  if (!o) return;
  await ops.change(
    (d, w) => {
      const live = d.officials.find((x) => x.id === o.id);
      if (!live?.unreachable) return;
      delete live.unreachable;
      w.put('officials', live);
      audit(d, at, live.id, 'reachable', live.id, { unreachable: true }, { unreachable: false });
    },
    ['officials', 'audit'],
  );
}
