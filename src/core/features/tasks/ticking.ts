/**
 * Ticking tasks done. An approved official ticks their own agency's part of a task that assigns it; an admin ticks
 * for any party. A tick is recorded only by an explicit confirmation: ✅ Xác nhận (a button, or its menu number),
 * or "xong N" / "/xong I.4", which say it plainly. A note is attached only when the official chose "📝 Thêm ghi
 * chú"; any other text typed meanwhile is answered as what it is, and the confirmation stays pending. After a
 * tick (or undo, or cancel) the list the official was working from is shown again with the new state, so several
 * tasks can be ticked in a row. Every step is re-checked here, whatever the button said.
 */
import { isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { z } from 'zod';
import { excerpt, taskCard } from '../../../answer/format.ts';
import type { Task } from '../../../plan/schema.ts';
import { requiredParties } from '../../../plan/status.ts';
import type { CompletionRecord, ReadonlyDeep } from '../../../store/port.ts';
import { endSession, setSession } from '../../kernel/conversation.ts';
import { partyAt, period, source, taskId } from '../../actions/fields.ts';
import { openTask, progress, type Source, tick, undo } from '../../actions/tasks.ts';
import { after, myTasks, partCard } from './card.ts';
import { progressCommand, progressStep, startProgress } from './progress.ts';
import { canUndo, continuous, findTask, label, ownParty, periodFor, periodText, refusalFor, reported, state, taskIn } from './rules.ts';
import { type Ctx, defineAction, type Feature, handle, rows } from '../../kernel/feature.ts';
import { edit, type Envelope, type Outcome, type Post, refuse, reply, say, type Text } from '../../kernel/outcome.ts';
import { localTime } from '../../kernel/time.ts';
import { cancelAction } from '../../kernel/conversation.ts';
import { attachButton } from './evidence.ts';

/** The longest note a tick takes. */
const NOTE_MAX = 300;

/** What a confirmation is about: a task, the index of the party reporting, the period, and where it was started. */
interface Target {
  taskId: string;
  party: number;
  /** Last day of the period being reported (recurring tasks), else undefined. */
  period?: string;
  /** Where the tick was started: the /viec list ('l'), or a card, an answer, a digest ('a'). What follows shows it again. */
  src: Source;
}

/** A period's last day as a button carries it ("20251231", "-" for none) and as an ISO date. */
const toIso = (day: unknown) =>
  day === '-' || day === undefined ? undefined : `${String(day).slice(0, 4)}-${String(day).slice(4, 6)}-${String(day).slice(6, 8)}`;
const fromIso = (day?: string) => (day ? day.replace(/-/g, '') : '-');
const targetFields = [taskId, partyAt, period, source] as const;
const decodeTarget = ([task, party, periodEnd, src]: readonly unknown[]): Target | undefined =>
  task === undefined || party === undefined || periodEnd === undefined
    ? undefined
    : {
        taskId: task as string,
        party: party as number,
        ...(toIso(periodEnd) ? { period: toIso(periodEnd)! } : {}),
        src: (src as Source | undefined) ?? 'a',
      };
const encodeTarget = (target: Target) => [target.taskId, target.party, fromIso(target.period), target.src];

// ——— the actions ———

/** ✅ pressed (its button data in actions/tasks.ts: other modules make it too). */
const tickHandler = handle(tick, (ctx, pressed, how) => startTick(ctx, pressed.taskId, pressed.party, pressed.src, how.explicit));
const undoHandler = handle(undo, (ctx, pressed) => undoTick(ctx, pressed.completionId, pressed.src));
/** 📈 Báo tiến độ: the next text typed is a progress note on the agency's part, which is not ticked. */
const progressHandler = handle(progress, (ctx, pressed) => startProgress(ctx, pressed.taskId, pressed.party, pressed.src));
/**
 * A task's card, as the actor's agency sees it. Its menu entry said plainly: "xong N" ticks it at once, "hoàn tác N"
 * undoes the tick (each re-checked as the ✅ or ↩️ it stands for).
 */
const openHandler = handle(openTask, (ctx, pressed, how) => {
  const task = findTask(ctx, pressed.taskId);
  if (!task) return refuse('unknown-task', { id: pressed.taskId });
  if (how.explicit) {
    const own = ownParty(ctx.actor, task, ctx.deps);
    const done = own ? reported(ctx, task, own) : undefined;
    return done ? undoTick(ctx, done.id, pressed.src) : startTick(ctx, task.id, undefined, pressed.src, true);
  }
  const party = ownParty(ctx.actor, task, ctx.deps);
  return reply(party ? partCard(ctx, task, party, pressed.src) : { text: taskCard(ctx.plan.plan, task, state(ctx, task), ctx.deps.t, ctx.today) });
});

/** An action on a confirmation's target (confirm, add a note, cancel): same fields, its own tag and step. */
const onTarget = (tag: string, run: (ctx: Ctx, target: Target) => Promise<Outcome>) =>
  defineAction<Target>({ tag, planScoped: true, fields: targetFields, decode: decodeTarget, encode: encodeTarget, run });

const confirm = onTarget('c', (ctx, target) => record(ctx, target));
const askNote = onTarget('n', startNote);
const cancelTick = onTarget('k', cancel);

/** "Which plan's I.4?": a ✅ per plan that has it. */
function choosePlan(choices: readonly { inPlan: Ctx; task: Task }[]): Outcome {
  const buttons = choices.slice(0, 8).map(({ inPlan, task }) => {
    return tick.button('choose', say('button.tickIn', { id: task.id, plan: inPlan.plan.plan.number }), { taskId: task.id, src: 'a' }, inPlan);
  });
  return reply({ text: say('tick.whichPlan', { id: choices[0]!.task.id, n: choices.length }), buttons: rows(buttons, 1) });
}

// ——— the steps ———

/** ✅ pressed: ask to confirm; an admin without a party first chooses one; `explicit` ("xong N") records at once. */
async function startTick(ctx: Ctx, id: string, partyAt: number | undefined, src: Source, explicit: boolean): Promise<Outcome> {
  const { deps, actor } = ctx;
  const task = findTask(ctx, id);
  if (!task) return refuse('unknown-task', { id });
  const parties = requiredParties(task, deps.dir);
  let party: string | undefined;
  if (partyAt !== undefined) {
    if (!actor.admin) return refuse('admin-only');
    party = parties[partyAt];
    if (!party) return refuse('stale');
  } else party = ownParty(actor, task, deps);
  if (!party && actor.admin) {
    const unreported = parties.map((name, at) => ({ name, at })).filter(({ name }) => !reported(ctx, task, name));
    if (unreported.length === 0) return refuse('all-reported', { id: task.id });
    const choices = unreported.slice(0, 40).map(({ name, at }) => tick.button('choose', label(deps, name), { taskId: task.id, party: at, src }, ctx));
    return edit({ text: say('tick.choosePart', { id: task.id }), buttons: [...rows(choices, 2), [cancelAction.button('cancel', say('button.cancel'), {})]] });
  }
  if (!party) {
    const why = refusalFor(ctx, task, parties[0] ?? '');
    return refuse(why?.code ?? 'not-your-task', why?.params ?? { id: task.id, agency: actor.official ? deps.dir.label(actor.official.agency) : '' });
  }
  const why = refusalFor(ctx, task, party);
  if (why) return refuse(why.code, why.params);
  const periodEnd = periodFor(ctx, task, party);
  const target: Target = { taskId: task.id, party: parties.indexOf(party), ...(periodEnd ? { period: periodEnd } : {}), src };
  const done = reported(ctx, task, party, periodEnd);
  if (done) return refuse('already-done', doneParams(ctx, task, done), { edit: after(ctx, task, party, src, '') });
  if (explicit) return record(ctx, target);
  const question = say(continuous(task) ? 'tick.confirmContinuous' : 'tick.confirm', {
    agency: label(deps, party),
    id: task.id,
    period: periodText(deps, periodEnd),
  });
  return edit({
    text: [question, excerpt(task.content, 300)],
    buttons: [
      [confirm.button('confirm', say('button.confirm'), target, ctx), askNote.button('note', say('button.note'), target, ctx)],
      [cancelTick.button('cancel', say('button.cancel'), target, ctx)],
    ],
  });
}

function doneParams(ctx: Ctx, task: Task, rec: ReadonlyDeep<CompletionRecord>) {
  const by = ctx.deps.store.official(rec.by);
  return { id: task.id, time: localTime(new Date(rec.at)), by: by ? by.name : ctx.deps.t('tick.byAdmin') };
}

/** Re-check a confirmation's target: the task, the party, the actor's right, and that the period is still the one. */
function check(ctx: Ctx, target: Target): { task: Task; party: string } | Outcome {
  const task = findTask(ctx, target.taskId);
  if (!task) return refuse('unknown-task', { id: target.taskId });
  const party = requiredParties(task, ctx.deps.dir)[target.party];
  if (!party) return refuse('stale');
  const why = refusalFor(ctx, task, party);
  if (why) return refuse(why.code, why.params);
  const openPeriod = periodFor(ctx, task, party);
  if (openPeriod !== target.period) {
    // The period asked about has passed or was reported: say so, and offer the one that is open now.
    return refuse('period-passed', { id: task.id }, { edit: after(ctx, task, party, target.src, '') });
  }
  return { task, party };
}

/** Record a tick after re-checking everything; the change is on disk before the official is told. */
async function record(ctx: Ctx, target: Target, note?: string): Promise<Outcome> {
  const checked = check(ctx, target);
  if (!('task' in checked)) return checked;
  const { task, party } = checked;
  await endSession(ctx);
  const { record: rec, existing } = await ctx.deps.store.recordCompletion(
    {
      planId: ctx.plan.plan.id,
      taskId: task.id,
      party,
      on: ctx.today,
      by: ctx.actor.ref,
      ...(target.period ? { period: target.period } : {}),
      ...(note ? { note } : {}),
    },
    ctx.now,
  );
  if (existing) return refuse('already-done', doneParams(ctx, task, rec), { edit: after(ctx, task, party, target.src, '') });
  const head: Text = [
    say(continuous(task) ? 'tick.doneContinuous' : 'tick.done', {
      agency: label(ctx.deps, party),
      id: task.id,
      period: periodText(ctx.deps, target.period),
      time: localTime(ctx.now),
    }),
    note ? say('tick.noteLine', { note }) : '',
  ];
  // 📎: the document or photo that proves it may follow.
  const withProof = withUndo(ctx, after(ctx, task, party, target.src, head), rec, target.src);
  const proof = attachButton(ctx, rec);
  const shown = (withProof.buttons ?? []).flat().some((b) => b.action === proof?.action);
  const out = edit(proof && !shown ? { ...withProof, buttons: [...(withProof.buttons ?? []), [proof]] } : withProof, say('tick.toastDone'));
  return { ...out, others: toldOfAdminTick(ctx, task, party, target.period) };
}

/** A tick an admin made for an agency other than their own: that agency's officials are told, with its card. */
function toldOfAdminTick(ctx: Ctx, task: Task, party: string, periodEnd?: string): Envelope[] {
  if (!ctx.actor.admin || ctx.actor.official?.agency === party) return [];
  const by = ctx.actor.official?.name ?? ctx.deps.t('tick.byAdmin');
  return ctx.deps.store
    .officialsWith('approved')
    .filter((o) => o.agency === party)
    .flatMap((o) =>
      o.accounts.map((a) => ({
        channel: a.channel,
        chatId: a.chatId,
        text: say('tick.adminTickedNotice', {
          by,
          id: task.id,
          plan: ctx.plan.plan.number,
          period: periodText(ctx.deps, periodEnd),
          time: localTime(ctx.now),
          agency: label(ctx.deps, party),
        }),
      })),
    );
}

/**
 * The post after a tick always offers to undo that tick (while it may be undone), even where the task's own button
 * has moved on — a recurring task's missed period, once reported, shows the current period's ✅ as well.
 */
function withUndo(ctx: Ctx, post: Post, rec: CompletionRecord, src: Source): Post {
  const id = undo.id({ completionId: rec.id, src }, ctx);
  const shown = [...(post.items ?? []).map((i) => i.button), ...(post.buttons ?? []).flat()].some((b) => b?.action === id);
  if (shown) return post;
  const text = say('button.undoPeriod', { id: rec.taskId, period: periodText(ctx.deps, rec.period) });
  return { ...post, buttons: [...(post.buttons ?? []), [undo.button('undo', text, { completionId: rec.id, src }, ctx)]] };
}

/** 📝 pressed: the next text typed is the note, and the tick is recorded with it. */
async function startNote(ctx: Ctx, target: Target): Promise<Outcome> {
  const checked = check(ctx, target);
  if (!('task' in checked)) return checked;
  const done = reported(ctx, checked.task, checked.party, target.period);
  if (done) return refuse('already-done', doneParams(ctx, checked.task, done), { edit: after(ctx, checked.task, checked.party, target.src, '') });
  await setSession(ctx, { kind: 'note', ...target });
  return edit({
    text: say('tick.askNote', { id: target.taskId, max: NOTE_MAX }),
    buttons: [[confirm.button('confirm', say('button.confirmNoNote'), target, ctx), cancelTick.button('cancel', say('button.cancel'), target, ctx)]],
  });
}

const noteSession = z.object({ kind: z.literal('note'), taskId, party: z.number().int().min(0), period: z.string().optional(), src: source });

/** ✖ on a confirmation: nothing recorded — unless it already was, which is said, with ↩️ to undo. */
async function cancel(ctx: Ctx, target: Target): Promise<Outcome> {
  await endSession(ctx);
  const task = findTask(ctx, target.taskId);
  const party = task && requiredParties(task, ctx.deps.dir)[target.party];
  if (!task || !party) return edit({ text: say('session.cancelled') });
  const done = reported(ctx, task, party, target.period);
  if (done)
    return refuse('already-done', doneParams(ctx, task, done), { edit: after(ctx, task, party, target.src, say('tick.cancelTooLate', { id: task.id })) });
  return edit(after(ctx, task, party, target.src, say('tick.cancelled', { id: task.id })));
}

async function undoTick(ctx: Ctx, id: string, src: Source): Promise<Outcome> {
  const rec = ctx.deps.store.completion(id);
  if (!rec || rec.planId !== ctx.plan.plan.id) return refuse('stale');
  const why = canUndo(ctx, rec);
  const task = findTask(ctx, rec.taskId);
  if (why) return refuse(why.code, why.params, task ? { edit: after(ctx, task, rec.party, src, '') } : {});
  const undone = await ctx.deps.store.undoCompletion(id, ctx.actor.ref, ctx.now);
  if (!undone) return refuse('already-undone');
  if (!task) return edit({ text: say('undo.done', { id: rec.taskId }) }, say('undo.toast'));
  return edit(after(ctx, task, rec.party, src, say('undo.done', { id: rec.taskId })), say('undo.toast'));
}

/** "xong 2" (an entry of the chat's menu) or "xong I.4" (a task): tick it, stated plainly, so recorded at once. */
async function done(ctx: Ctx, args: string): Promise<Outcome> {
  if (!isOfficial(ctx.actor) && !ctx.actor.admin) return refuseNotOfficial(ctx.actor);
  const arg = args.trim();
  if (!arg) return refuse('no-menu');
  if (/^\d{1,3}$/.test(arg)) return ctx.pick(Number(arg), 'done');
  const found = taskIn(ctx, arg);
  if (!found) return refuse('unknown-task', { id: arg.slice(0, 20) });
  if ('choices' in found) return choosePlan(found.choices);
  return startTick(found.inPlan, found.task.id, undefined, 'a', true);
}

export const tickingFeature: Feature = {
  name: 'ticking',
  commands: [
    {
      names: ['viec', 'mytasks'],
      audience: 'official',
      run: (ctx) => {
        const list = myTasks(ctx);
        if (list) return reply(list);
        return reply({ text: say(ctx.actor.admin ? 'mytasks.admin' : ctx.actor.pending ? 'refusal.pending-approval' : 'refusal.not-registered') });
      },
    },
    { names: ['xong', 'done'], run: done },
    { names: ['baotiendo', 'progressnote'], audience: 'official', run: progressCommand },
  ],
  actions: [tickHandler, confirm.def, askNote.def, cancelTick.def, undoHandler, openHandler, progressHandler],
  steps: [
    progressStep,
    {
      kind: 'note',
      async onText(ctx, session, text) {
        const parsed = noteSession.safeParse(session);
        if (!parsed.success) {
          await endSession(ctx);
          return undefined;
        }
        if (!text) return undefined;
        if (text.length > NOTE_MAX) return reply({ text: say('tick.noteTooLong', { max: NOTE_MAX, n: text.length }) });
        const { kind: _kind, ...target } = parsed.data;
        const { edit: shown, ...out } = await record(ctx, target as Target, text);
        // A typed note has no button message to replace: what would replace it is a new message.
        return shown ? { ...out, replies: [shown, ...out.replies] } : out;
      },
    },
  ],
  phrases: [
    {
      // "xong 1", "xong1", "đã xong 1", "báo xong I.4", "xong I4"
      match: (f) => f.match(/^(?:da\s*)?(?:bao\s*)?xong\s*([0-9]{1,3}|(?:(?:kh\s*)?\d{1,6}\s+)?[ivx]+[\s.-]*\d+[a-z]?)$/)?.[1],
      run: done,
    },
    {
      // "hoàn tác 1", "hoan tac 1", "undo 1"
      match: (f) => f.match(/^(?:hoan\s*tac|undo)\s*(\d{1,3})$/)?.[1],
      run: (ctx, n) => ctx.pick(Number(n), 'undo'),
    },
  ],
};
