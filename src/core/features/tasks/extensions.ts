/**
 * Extensions: an official asks for more time on their agency's part of a one-off task (a new date and a reason);
 * the admins get ✅/❌; once approved, that agency's due date for the task is the new one — status follows it, the
 * original date stays visible on the card and in the report, and the audit log keeps both. One request at a time
 * per part. Rights are checked again on every step: only the agency's own officials ask, only admins decide.
 */
import { partyAt, taskId } from '../../actions/fields.ts';
import { z } from 'zod';
import { formatDate } from '../../../plan/deadline.ts';
import type { Task } from '../../../plan/schema.ts';
import { requiredParties } from '../../../plan/status.ts';
import { askReason, checkReason, decideExtension, endReasonStep, extensionCard, requestNumber } from '../../actions/decisions.ts';
import { adminChats, isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { endSession, setSession } from '../../kernel/conversation.ts';
import { type Ctx, defineAction, type Feature, handle, type How } from '../../kernel/feature.ts';
import { localTime } from '../../kernel/time.ts';
import { type Button, edit, type Envelope, type Outcome, refuse, reply, say, type Text } from '../../kernel/outcome.ts';
import { cancelAction } from '../../kernel/conversation.ts';
import { resolveTaskRef, taskRef } from './rules.ts';

const REASON_MAX = 300;

/** ⏳ Xin gia hạn on a part card: the next text typed is the new date and the reason. */
export const askExtension = defineAction<{ taskId: string; party: number }>({
  tag: 'e',
  planScoped: true,
  fields: [taskId, partyAt],
  decode: ([t, p]) => (t === undefined || p === undefined ? undefined : { taskId: t as string, party: p as number }),
  encode: (a) => [a.taskId, a.party],
  run: (ctx, a) => start(ctx, a.taskId, a.party),
});

/** ✅/❌ on a request (its button data in actions/decisions.ts: the approvals inbox makes them too). */
const decideHandler = handle(decideExtension, (ctx, a, how) => decideOn(ctx, a.id, a.ok, how));

/** The date a part is due now, if it has one (one-off tasks only: a recurring or continuous task has no single date). */
function dueOf(ctx: Ctx, task: Task, party: string): string | undefined {
  if (task.deadline.kind !== 'date' && task.deadline.kind !== 'period') return undefined;
  return ctx.plan.engine.stateOf(task, { today: ctx.today, completions: ctx.deps.store.completions(ctx.plan.plan.id) }, party).due;
}

/** Why this actor may not ask for more time on this part, or undefined. */
function refusal(ctx: Ctx, task: Task, party: string): Outcome | undefined {
  const { actor, deps } = ctx;
  if (!isOfficial(actor)) return refuseNotOfficial(actor, 'admin-only');
  if (actor.official.agency !== party) return refuse('not-your-task', { id: task.id, agency: deps.dir.label(actor.official.agency) });
  if (!dueOf(ctx, task, party)) return reply({ text: say('extension.noDate', { id: task.id, deadline: task.deadline.text }) });
  if (deps.store.liveCompletion(ctx.plan.plan.id, task.id, party)) return reply({ text: say('extension.done', { id: task.id }) });
  if (deps.store.latestExtension(ctx.plan.plan.id, task.id, party)?.status === 'pending') return reply({ text: say('extension.pending', { id: task.id }) });
  return undefined;
}

/** The line a part card shows about the latest request for more time: approved (with the original date), waiting, or rejected and why. */
export function extensionLine(ctx: Ctx, task: Task, party: string): Text {
  const e = ctx.deps.store.latestExtension(ctx.plan.plan.id, task.id, party);
  if (!e) return '';
  if (e.status === 'pending') return say('extension.lineWaiting', { to: formatDate(e.to) });
  if (e.status === 'approved') return say('extension.lineApproved', { to: formatDate(e.to), from: formatDate(e.from) });
  return say('extension.lineRejected', { to: formatDate(e.to), reason: e.decisionReason ?? '—' });
}

/** The ⏳ button for an official's own, undone, dated part with no request waiting; `short`: "⏳ I.4" (a list). */
export function extensionButton(ctx: Ctx, task: Task, party: string, short = false): Button | undefined {
  if (ctx.actor.official?.agency !== party || refusal(ctx, task, party)) return undefined;
  const label = say(short ? 'button.extendId' : 'button.extend', { id: taskRef(ctx, task.id) });
  return askExtension.button('note', label, { taskId: task.id, party: requiredParties(task, ctx.deps.dir).indexOf(party) }, ctx);
}

async function start(ctx: Ctx, id: string, partyAt: number): Promise<Outcome> {
  const task = ctx.plan.plan.tasks.find((t) => t.id === id);
  if (!task) return refuse('unknown-task', { id });
  const party = requiredParties(task, ctx.deps.dir)[partyAt];
  if (!party) return refuse('stale');
  const why = refusal(ctx, task, party);
  if (why) return why;
  await setSession(ctx, { kind: 'extend', taskId: task.id, party: partyAt });
  return edit({
    text: say('extension.ask', {
      id: task.id,
      due: formatDate(dueOf(ctx, task, party)!),
      max: REASON_MAX,
      example: exampleDate(ctx.today, dueOf(ctx, task, party)),
    }),
    buttons: [[cancelAction.button('cancel', say('button.cancel'), {})]],
  });
}

const DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b[\s,:;-]*/;

/** A date the prompts give as an example: the end of the third month after today or the due date, whichever is later. */
function exampleDate(today: string, due?: string): string {
  const from = due && due > today ? due : today;
  const [y, m] = from.split('-').map(Number) as [number, number];
  const month = m + 3;
  const end = new Date(Date.UTC(y, month, 0));
  return formatDate(end.toISOString().slice(0, 10));
}

/** "30/06/2019 chờ Thông tư của Bộ Tài chính" → the request, after every check; the admins are sent it. */
async function submit(ctx: Ctx, task: Task, party: string, text: string): Promise<Outcome> {
  const why = refusal(ctx, task, party);
  if (why) return why;
  const m = text.trim().match(DATE);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
  const valid = iso && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
  const reason = m ? text.trim().slice(m[0].length).trim() : '';
  if (!valid) return reply({ text: say('extension.badDate', { id: task.id, example: exampleDate(ctx.today, dueOf(ctx, task, party)) }) });
  const due = dueOf(ctx, task, party)!;
  if (iso <= due || iso <= ctx.today) return reply({ text: say('extension.notLater', { date: formatDate(iso), due: formatDate(due) }) });
  if (!reason) return reply({ text: say('extension.noReason', { id: task.id, example: exampleDate(ctx.today, due) }) });
  if (reason.length > REASON_MAX) return reply({ text: say('tick.noteTooLong', { max: REASON_MAX, n: reason.length }) });
  const r = await ctx.deps.store.requestExtension({ planId: ctx.plan.plan.id, taskId: task.id, party, from: due, to: iso, reason, by: ctx.actor.ref }, ctx.now);
  await endSession(ctx);
  if ('refused' in r) return reply({ text: say('extension.pending', { id: task.id }) });
  const others: Envelope[] = adminChats(ctx.deps).map((a) => ({ channel: a.channel, chatId: a.id, ...extensionCard(ctx.deps, r.extension) }));
  const e = r.extension;
  return { ...reply({ text: say('extension.sent', { id: task.id, to: formatDate(e.to) }) }), others };
}

async function decideOn(ctx: Ctx, id: string, ok: boolean, how: How): Promise<Outcome> {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const known = deps.store.extension(id);
  if (!known) return refuse('stale');
  if (known.status !== 'pending') return alreadyDecided(ctx, id);
  const checked = checkReason(how.reason);
  if ('refused' in checked) return checked.refused;
  if (!ok && !checked.reason) return askReason(ctx, decideExtension.id({ id, ok: false }), id);
  const reason = ok ? undefined : checked.reason;
  const r = await deps.store.decideExtension(id, ok, actor.ref, ctx.now, reason);
  if ('refused' in r) return r.refused === 'unknown' ? refuse('stale') : alreadyDecided(ctx, id);
  await endReasonStep(ctx);
  const e = r.extension;
  const params = {
    n: requestNumber(e.id) ?? 0,
    id: e.taskId,
    plan: deps.plans.byId(e.planId)?.plan.number ?? e.planId,
    agency: deps.dir.label(e.party),
    to: formatDate(e.to),
    from: formatDate(e.from),
    reason: reason ?? '',
  };
  // The official who asked is told, on the messengers they use.
  const asker = deps.store.official(e.by);
  const others: Envelope[] = (asker?.accounts ?? []).map((a) => ({
    channel: a.channel,
    chatId: a.chatId,
    text: say(ok ? 'extension.approvedNotice' : 'extension.rejectedNotice', params),
  }));
  return {
    ...edit({ text: say(ok ? 'extension.approved' : 'extension.rejected', params) }, say(ok ? 'extension.approvedToast' : 'extension.rejectedToast')),
    others,
  };
}

/** A request decided before (by another admin, or pressed twice): said so, nothing changes. */
function alreadyDecided(ctx: Ctx, id: string): Outcome {
  const e = ctx.deps.store.extension(id);
  return refuse('already-decided', {
    n: requestNumber(id) ?? 0,
    status: ctx.deps.t(`extension.status.${e?.status ?? 'pending'}`),
    at: e?.decidedAt ? localTime(new Date(e.decidedAt)) : '—',
  });
}

/** "/giahan I.4 30/06/2019 chờ Thông tư của Bộ Tài chính" ("/giahan 1234 I.1 …" names the plan). */
async function command(ctx: Ctx, args: string): Promise<Outcome> {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const named = words.length > 1 && !DATE.test(words[1]!) ? ctx.deps.plans.byNumber(words[0]!) : undefined;
  const c = named ? ctx.inPlan(named) : ctx;
  const [ref = '', ...rest] = named ? words.slice(1) : words;
  const task = ref ? resolveTaskRef(c, ref) : undefined;
  if (!task) return reply({ text: say('extension.usage', { example: exampleDate(ctx.today) }) });
  const party = c.actor.official?.agency;
  if (!party || !requiredParties(task, c.deps.dir).includes(party))
    return refusal(c, task, party ?? '') ?? refuse('not-your-task', { id: task.id, agency: '' });
  if (rest.length === 0) return start(c, task.id, requiredParties(task, c.deps.dir).indexOf(party));
  return submit(c, task, party, rest.join(' '));
}

const extendSession = z.object({ kind: z.literal('extend'), taskId, party: z.number().int().min(0) });

export const extensionsFeature: Feature = {
  name: 'extensions',
  commands: [{ names: ['giahan', 'extend'], audience: 'official', run: command }],
  actions: [askExtension.def, decideHandler],
  steps: [
    {
      kind: 'extend',
      async onText(ctx, session, text) {
        const s = extendSession.safeParse(session);
        const task = s.success ? ctx.plan.plan.tasks.find((t) => t.id === s.data.taskId) : undefined;
        const party = s.success && task ? requiredParties(task, ctx.deps.dir)[s.data.party] : undefined;
        if (!task || !party) {
          await endSession(ctx);
          return undefined;
        }
        // A question typed meanwhile is answered as a question; the request waits for a date.
        const said = text.trim().replace(/^(xin\s+)?(gia\s+hạn\s+)?((đến|tới)\s+)?(ngày\s+)?/i, '');
        if (!DATE.test(said)) return undefined;
        return submit(ctx, task, party, said);
      },
    },
  ],
};
