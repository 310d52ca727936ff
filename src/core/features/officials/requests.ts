/**
 * A registration request as admins see it, with its ✔/✖ buttons: made when an official registers and when an
 * admin lists the requests waiting (/choduyet). The decision's button data; approvals run it.
 */
import { recordId } from '../../actions/fields.ts';
import { z } from 'zod';
import type { Official } from '../../../store/port.ts';
import type { Decision } from '../../../store/port.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { defineCodec } from '../../kernel/feature.ts';
import { type Button, say } from '../../kernel/outcome.ts';

export const DECISIONS = { ok: 'approved', no: 'rejected', rv: 'revoked' } as const satisfies Record<string, Decision>;
export type Code = keyof typeof DECISIONS;
const KIND = { ok: 'approve', no: 'reject', rv: 'revoke' } as const;

export const decide = defineCodec<{ decision: Code; officialId: string }>({
  tag: 'a',
  fields: [z.enum(['ok', 'no', 'rv']), recordId],
  decode: ([d, id]) => (d === undefined || id === undefined ? undefined : { decision: d as Code, officialId: id as string }),
  encode: (a) => [a.decision, a.officialId],
});

export function decisionButtons(officialId: string): Button[] {
  return [
    decide.button(KIND.ok, say('button.approve'), { decision: 'ok', officialId }),
    decide.button(KIND.no, say('button.reject'), { decision: 'no', officialId }),
  ];
}

export function requestCard(deps: CoreDeps, o: Pick<Official, 'id' | 'name' | 'position' | 'agency'>) {
  return {
    text: say('register.request', { name: o.name, position: o.position || '—', agency: deps.dir.label(o.agency) }),
    buttons: [decisionButtons(o.id)],
  };
}
