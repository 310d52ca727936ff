/**
 * What waits on an admin — a registration, a request for more time — as admins see it: the card with its stable
 * number and ✅/❌, and the button data of the decisions. A request's number is the number in its record's id
 * ("o57" → 57, "e58" → 58): ids come from one counter, so the number is bound to the request for good, whatever
 * was shown since, and "duyệt 57" means the same request in every chat. The approvals inbox and the features that
 * make requests (registration, extensions) build cards here.
 */
import { z } from 'zod';
import { excerpt } from '../../answer/format.ts';
import { formatDate } from '../../plan/deadline.ts';
import type { Extension, Official, ReadonlyDeep } from '../../store/port.ts';
import type { CoreDeps } from '../kernel/deps.ts';
import { cancelAction, endSession, sessionOf, setSession } from '../kernel/conversation.ts';
import { type Ctx, defineCodec } from '../kernel/feature.ts';
import { localTime } from '../kernel/time.ts';
import { type Button, edit, type Outcome, type Post, reply, say, type Text } from '../kernel/outcome.ts';
import { recordId } from './fields.ts';

export const DECISIONS = { ok: 'approved', no: 'rejected', rv: 'revoked' } as const;
export type Code = keyof typeof DECISIONS;

/** ✅/❌ on a registration (and ⛔ revoking an approved official): "a:ok:o57". */
export const decideOfficial = defineCodec<{ decision: Code; officialId: string }>({
  tag: 'a',
  fields: [z.enum(['ok', 'no', 'rv']), recordId],
  decode: ([d, id]) => (d === undefined || id === undefined ? undefined : { decision: d as Code, officialId: id as string }),
  encode: (a) => [a.decision, a.officialId],
});

/** ✅/❌ on a request for more time: "ed:e58:ok". */
export const decideExtension = defineCodec<{ id: string; ok: boolean }>({
  tag: 'ed',
  fields: [z.string().regex(/^e\d{1,12}$/), z.enum(['ok', 'no'])],
  decode: ([id, d]) => (id === undefined || d === undefined ? undefined : { id: id as string, ok: d === 'ok' }),
  encode: (a) => [a.id, a.ok ? 'ok' : 'no'],
});

/** A request's number as admins type it: the digits of its id. */
export function requestNumber(id: string): number | undefined {
  const m = id.match(/^[a-z]+(\d{1,12})$/);
  return m ? Number(m[1]) : undefined;
}

/** The action that approves or rejects request `ref` ("o57", "e58"), or undefined when it is no request. */
export function decisionAction(ref: string, approve: boolean): string | undefined {
  if (/^o\d{1,12}$/.test(ref)) return decideOfficial.id({ decision: approve ? 'ok' : 'no', officialId: ref });
  if (/^e\d{1,12}$/.test(ref)) return decideExtension.id({ id: ref, ok: approve });
  return undefined;
}

const when = (iso: string) => localTime(new Date(iso));

/** A registration waiting: who, for which agency, when, and its number; ✅/❌. */
export function registrationCard(deps: CoreDeps, o: Pick<Official, 'id' | 'name' | 'position' | 'agency' | 'requestedAt'>): Post {
  const n = requestNumber(o.id) ?? 0;
  return {
    text: [
      say('register.request', { n, name: o.name, position: o.position || '—', agency: deps.dir.label(o.agency), at: when(o.requestedAt) }),
      say('inbox.howTo', { n }),
    ],
    buttons: [
      [
        decideOfficial.button('approve', say('button.approve'), { decision: 'ok', officialId: o.id }),
        decideOfficial.button('reject', say('button.reject'), { decision: 'no', officialId: o.id }),
      ],
    ],
    decision: o.id,
  };
}

/** A request for more time waiting: which part, the dates, who asked, why, when, and its number; ✅/❌. */
export function extensionCard(deps: CoreDeps, e: ReadonlyDeep<Extension>): Post {
  const n = requestNumber(e.id) ?? 0;
  const entry = deps.plans.byId(e.planId);
  const task = entry?.plan.tasks.find((t) => t.id === e.taskId);
  const text: Text = [
    say('extension.request', {
      n,
      agency: deps.dir.label(e.party),
      id: e.taskId,
      plan: entry?.plan.number ?? e.planId,
      from: formatDate(e.from),
      to: formatDate(e.to),
      name: deps.store.official(e.by)?.name ?? '',
      at: when(e.at),
    }),
    task ? excerpt(task.content, 200) : '',
    say('extension.reason', { reason: e.reason }),
    say('inbox.howTo', { n }),
  ];
  const buttons: Button[] = [
    decideExtension.button('approve', say('button.approveExtension'), { id: e.id, ok: true }),
    decideExtension.button('reject', say('button.reject'), { id: e.id, ok: false }),
  ];
  return { text, buttons: [buttons], decision: e.id };
}

/** The longest reason a rejection may carry (what the official is told, and the report keeps). */
export const REASON_MAX = 300;

/** The conversation step that waits for a rejection's reason; its text runs `action` with that reason. */
export const REASON_STEP = 'decision-reason';

/**
 * The reason a rejection carries, checked: undefined when none was given (ask for it); a reply when it is too long.
 */
export function checkReason(reason: string | undefined): { reason?: string } | { refused: Outcome } {
  const r = reason?.trim();
  if (!r) return {};
  if (r.length > REASON_MAX) return { refused: reply({ text: say('inbox.reasonTooLong', { n: r.length, max: REASON_MAX }) }) };
  return { reason: r };
}

/** A rejection without a reason: ask for one; the next text typed is the reason, ✖ Hủy decides nothing. */
export async function askReason(ctx: Ctx, action: string, ref: string): Promise<Outcome> {
  await setSession(ctx, { kind: REASON_STEP, action });
  return edit({
    text: say('inbox.askReason', { n: requestNumber(ref) ?? 0, max: REASON_MAX }),
    buttons: [[cancelAction.button('cancel', say('button.cancel'), {})]],
  });
}

/** A decision made: a reason still awaited (for this request or another one) is no longer, so no later text is taken for it. */
export async function endReasonStep(ctx: Ctx): Promise<void> {
  if (sessionOf(ctx)?.kind === REASON_STEP) await endSession(ctx);
}
