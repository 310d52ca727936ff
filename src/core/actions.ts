/**
 * Button actions as short ids (well under Telegram's 64-byte callback_data). They carry ids, never meaning:
 * whatever a button says, the server re-checks who may do it on every call. Anything that does not parse is
 * refused.
 *
 *   t:<task>              tick: an official's own agency, or (admin) choose the agency
 *   t:<task>:<party>      admin: tick for the party at this index of the task's required parties
 *   c:<task>:<party>:<p>  confirm; <p> is the period's last day as YYYYMMDD, or "-" for a one-off task
 *   u:<completion>        undo
 *   a:ok|no|rv:<official> approve, reject, revoke
 *   r:<agency>            registration: this agency
 *   x                     cancel
 */
import { z } from 'zod';

const taskId = z.string().regex(/^[A-Za-z0-9.-]{1,20}$/);
const index = z.coerce.number().int().min(0).max(999);
const period = z.union([z.literal('-'), z.string().regex(/^\d{8}$/)]);
const id = z.string().regex(/^[a-z0-9-]{1,40}$/);

export type Action =
  | { kind: 'tick'; taskId: string; party?: number }
  | { kind: 'confirm'; taskId: string; party: number; period?: string }
  | { kind: 'undo'; completionId: string }
  | { kind: 'decide'; decision: 'ok' | 'no' | 'rv'; officialId: string }
  | { kind: 'register'; agency: string }
  | { kind: 'cancel' };

const MAX_BYTES = 64;

export function parseAction(data: string): Action | undefined {
  if (Buffer.byteLength(data, 'utf8') > MAX_BYTES) return undefined;
  const [head, ...rest] = data.split(':');
  try {
    switch (head) {
      case 't':
        if (rest.length === 1) return { kind: 'tick', taskId: taskId.parse(rest[0]) };
        if (rest.length === 2) return { kind: 'tick', taskId: taskId.parse(rest[0]), party: index.parse(rest[1]) };
        return undefined;
      case 'c': {
        if (rest.length !== 3) return undefined;
        const p = period.parse(rest[2]);
        const iso = p === '-' ? undefined : `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6, 8)}`;
        return { kind: 'confirm', taskId: taskId.parse(rest[0]), party: index.parse(rest[1]), ...(iso ? { period: iso } : {}) };
      }
      case 'u':
        return rest.length === 1 ? { kind: 'undo', completionId: id.parse(rest[0]) } : undefined;
      case 'a':
        return rest.length === 2 ? { kind: 'decide', decision: z.enum(['ok', 'no', 'rv']).parse(rest[0]), officialId: id.parse(rest[1]) } : undefined;
      case 'r':
        return rest.length === 1 ? { kind: 'register', agency: id.parse(rest[0]) } : undefined;
      case 'x':
        return rest.length === 0 ? { kind: 'cancel' } : undefined;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

export function encodeAction(a: Action): string {
  let s: string;
  switch (a.kind) {
    case 'tick':
      s = a.party === undefined ? `t:${a.taskId}` : `t:${a.taskId}:${a.party}`;
      break;
    case 'confirm':
      s = `c:${a.taskId}:${a.party}:${a.period ? a.period.replace(/-/g, '') : '-'}`;
      break;
    case 'undo':
      s = `u:${a.completionId}`;
      break;
    case 'decide':
      s = `a:${a.decision}:${a.officialId}`;
      break;
    case 'register':
      s = `r:${a.agency}`;
      break;
    case 'cancel':
      s = 'x';
      break;
  }
  if (Buffer.byteLength(s, 'utf8') > MAX_BYTES) throw new Error(`action over ${MAX_BYTES} bytes: ${s}`);
  return s;
}
