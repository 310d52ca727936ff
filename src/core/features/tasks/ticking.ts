/**
 * Ticking tasks done. An approved official ticks their own agency's part of a task that assigns it; an admin ticks
 * for any party. A tick is recorded only by an explicit confirmation: ✅ Xác nhận (a button, or its menu number),
 * or "xong N" / "/xong I.4", which say it plainly. A note is attached only when the official chose "📝 Thêm ghi
 * chú"; any other text typed meanwhile is answered as what it is, and the confirmation stays pending. After a
 * tick (or undo, or cancel) the list the official was working from is shown again with the new state, so several
 * tasks can be ticked in a row. Every step is re-checked here, whatever the button said.
 */
import { z } from 'zod';
import { excerpt, taskCard } from '../../../answer/format.ts';
import { formatDate } from '../../../plan/deadline.ts';
import type { Task } from '../../../plan/schema.ts';
import { requiredParties } from '../../../plan/status.ts';
import type { CompletionRecord, ReadonlyDeep } from '../../../store/port.ts';
import type { Actor } from '../../kernel/actor.ts';
import { endSession, setSession } from '../../kernel/conversation.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { completionId, period, source, taskId } from '../../actions/fields.ts';
import { type Source, tick } from '../../actions/tasks.ts';
import { type Ctx, defineAction, type Feature, handle, rows } from '../../kernel/feature.ts';
import { type Button, edit, type ListItem, type Outcome, type Post, type RefusalCode, refuse, reply, say, type Text } from '../../kernel/outcome.ts';
import { localTime } from '../../kernel/time.ts';
import { cancelAction } from '../officials/account.ts';
import { attachButton, evidenceButtons, evidenceLines } from './evidence.ts';
import { extensionButton, extensionLine } from './extensions.ts';

/** Where a tick was started: the /viec list ('l'), or a card, an answer, a digest ('a'). What follows shows it again. */
const NOTE_MAX = 300;
const LIST_MAX = 60;

interface Target {
  taskId: string;
  party: number;
  /** Last day of the period being reported (recurring tasks), else undefined. */
  period?: string;
  src: Source;
}

const toIso = (p: unknown) => (p === '-' || p === undefined ? undefined : `${String(p).slice(0, 4)}-${String(p).slice(4, 6)}-${String(p).slice(6, 8)}`);
const fromIso = (p?: string) => (p ? p.replace(/-/g, '') : '-');
const targetFields = [taskId, z.coerce.number().int().min(0).max(999), period, source] as const;
const decodeTarget = ([t, p, per, src]: readonly unknown[]): Target | undefined =>
  t === undefined || p === undefined || per === undefined
    ? undefined
    : { taskId: t as string, party: p as number, ...(toIso(per) ? { period: toIso(per)! } : {}), src: (src as Source | undefined) ?? 'a' };
const encodeTarget = (a: Target) => [a.taskId, a.party, fromIso(a.period), a.src];

// ——— the actions ———

/** ✅ pressed (its button data in actions/tasks.ts: other modules make it too). */
const tickHandler = handle(tick, (ctx, a, how) => startTick(ctx, a.taskId, a.party, a.src, how.explicit));

/** An action on a confirmation's target (confirm, add a note, cancel): same fields, its own tag and step. */
const onTarget = (tag: string, run: (ctx: Ctx, t: Target) => Promise<Outcome>) =>
  defineAction<Target>({ tag, planScoped: true, fields: targetFields, decode: decodeTarget, encode: encodeTarget, run: (ctx, a) => run(ctx, a) });

const confirm = onTarget('c', (ctx, t) => record(ctx, t));
const askNote = onTarget('n', startNote);
const cancelTick = onTarget('k', cancel);

const undo = defineAction<{ completionId: string; src: Source }>({
  tag: 'u',
  planScoped: true,
  fields: [completionId, source],
  decode: ([c, src]) => ({ completionId: c as string, src: (src as Source | undefined) ?? 'a' }),
  encode: (a) => (a.src === 'a' ? [a.completionId] : [a.completionId, a.src]),
  run: (ctx, a) => undoTick(ctx, a.completionId, a.src),
});

/** 📈 Báo tiến độ: the next text typed is a progress note on the agency's part, which is not ticked. */
const progress = defineAction<{ taskId: string; party: number; src: Source }>({
  tag: 'g',
  planScoped: true,
  fields: [taskId, z.coerce.number().int().min(0).max(999), source],
  decode: ([t, p, src]) =>
    t === undefined || p === undefined ? undefined : { taskId: t as string, party: p as number, src: (src as Source | undefined) ?? 'a' },
  encode: (a) => [a.taskId, a.party, a.src],
  run: (ctx, a) => startProgress(ctx, a.taskId, a.party, a.src),
});

const open = defineAction<{ taskId: string }>({
  tag: 'v',
  planScoped: true,
  fields: [taskId],
  decode: ([t]) => ({ taskId: t as string }),
  encode: (a) => [a.taskId],
  run: (ctx, a) => {
    const task = findTask(ctx, a.taskId);
    if (!task) return refuse('unknown-task', { id: a.taskId });
    const party = ownParty(ctx.actor, task, ctx.deps);
    return reply(party ? partCard(ctx, task, party, 'a') : { text: taskCard(ctx.plan.plan, task, state(ctx, task), ctx.deps.t, ctx.today) });
  },
});

// ——— what ticking knows ———

function findTask(ctx: Ctx, id: string): Task | undefined {
  return ctx.plan.plan.tasks.find((t) => t.id === id);
}

/** "I4", "i.4", "II 6b", "iii-3" → the plan's task id, if there is one. */
export function resolveTaskRef(ctx: Ctx, ref: string): Task | undefined {
  const m = ref.trim().match(/^([ivx]+)[\s.-]*(\d+)([a-z]?)$/i);
  const id = m ? `${m[1]!.toUpperCase()}.${m[2]}${m[3]!.toLowerCase()}` : ref.trim();
  return ctx.plan.plan.tasks.find((t) => t.id.toLowerCase() === id.toLowerCase());
}

const statusOpts = (ctx: Ctx) => ({ today: ctx.today, completions: ctx.deps.store.completions(ctx.plan.plan.id) });
const state = (ctx: Ctx, task: Task, party?: string) => ctx.plan.engine.stateOf(task, statusOpts(ctx), party);

/** The period a report would be for now: the missed one if the last period is unreported, else the current one. */
function periodFor(ctx: Ctx, task: Task, party: string): string | undefined {
  if (task.deadline.kind !== 'recurring') return undefined;
  return state(ctx, task, party).period?.end;
}

function reported(ctx: Ctx, task: Task, party: string, p = periodFor(ctx, task, party)): ReadonlyDeep<CompletionRecord> | undefined {
  return ctx.deps.store.liveCompletion(ctx.plan.plan.id, task.id, party, p);
}

const label = (deps: CoreDeps, party: string) => deps.dir.label(party);
/** " (kỳ đến 31/03/2019)" for a recurring task's period, else nothing. */
const periodText = (deps: CoreDeps, p?: string) => (p ? deps.t('tick.periodLabel', { date: formatDate(p) }) : '');
const continuous = (task: Task) => task.deadline.kind === 'continuous';

/** The party an actor ticks by default: their own agency's part, if the task assigns it. */
function ownParty(actor: Actor, task: Task, deps: CoreDeps): string | undefined {
  const agency = actor.official?.agency;
  return agency && requiredParties(task, deps.dir).includes(agency) ? agency : undefined;
}

/** Why this actor may not tick this party of this task, or undefined if they may. */
function refusalFor(ctx: Ctx, task: Task, party: string): { code: RefusalCode; params?: Record<string, string> } | undefined {
  const { actor, deps } = ctx;
  if (actor.admin) return undefined;
  if (!actor.official) return { code: actor.pending ? 'pending-approval' : 'not-registered' };
  if (actor.official.agency !== party) return { code: 'not-your-task', params: { id: task.id, agency: deps.dir.label(actor.official.agency) } };
  return undefined;
}

function canUndo(ctx: Ctx, rec: ReadonlyDeep<CompletionRecord>): { code: RefusalCode; params?: Record<string, number> } | undefined {
  if (rec.undoneAt) return { code: 'already-undone' };
  if (!ctx.actor.admin && rec.by !== ctx.actor.official?.id) return { code: 'undo-not-yours' };
  if (ctx.now.getTime() - Date.parse(rec.at) > ctx.deps.undoMinutes * 60_000) return { code: 'undo-too-late', params: { minutes: ctx.deps.undoMinutes } };
  return undefined;
}

/** The one button that fits a party's part of a task now: ✅ to tick, ↩️ to undo, or none. */
function partButton(ctx: Ctx, task: Task, party: string, src: Source, short: boolean): Button | undefined {
  const done = reported(ctx, task, party);
  if (done)
    return canUndo(ctx, done)
      ? undefined
      : undo.button('undo', say(short ? 'button.undoId' : 'button.undo', { id: task.id }), { completionId: done.id, src }, ctx);
  if (refusalFor(ctx, task, party)) return undefined;
  const parties = requiredParties(task, ctx.deps.dir);
  const index = parties.indexOf(party);
  if (index < 0) return undefined;
  const own = ctx.actor.official?.agency === party;
  return tick.button('tick', say('button.tick', { id: task.id }), { taskId: task.id, ...(own ? {} : { party: index }), src }, ctx);
}

/** The card of a task as one agency sees it, with the button that fits. */
export function partCard(ctx: Ctx, task: Task, party: string, src: Source, head?: Text): Post {
  const s = state(ctx, task, party);
  const done = reported(ctx, task, party);
  const partStatus =
    continuous(task) && done
      ? say('tick.partReported', { agency: label(ctx.deps, party), date: formatDate(done.on) })
      : say('tick.partStatus', {
          agency: label(ctx.deps, party),
          status: ctx.deps.t(`status.${s.status}`) + periodText(ctx.deps, s.period?.end),
        });
  const button = partButton(ctx, task, party, src, false);
  const note = ctx.deps.store.latestProgress(ctx.plan.plan.id, task.id, party);
  const index = requiredParties(task, ctx.deps.dir).indexOf(party);
  const canNote = !done && index >= 0 && !refusalFor(ctx, task, party);
  const extend = extensionButton(ctx, task, party);
  const buttons = [
    ...(button ? [[button]] : []),
    ...(canNote ? [[progress.button('note', say('button.progress'), { taskId: task.id, party: index, src }, ctx)]] : []),
    ...(extend ? [[extend]] : []),
    ...rows(evidenceButtons(ctx, done), 2),
  ];
  return {
    text: [
      ...(head ? [head, ''] : []),
      taskCard(ctx.plan.plan, task, state(ctx, task), ctx.deps.t, ctx.today),
      partStatus,
      extensionLine(ctx, task, party),
      note ? say('progress.line', { date: formatDate(note.at.slice(0, 10)), text: note.text }) : '',
      ...evidenceLines(ctx, done),
    ],
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

/**
 * /viec: the tasks the official's agency must report on in every active plan, one line and one button each
 * (numbers stay put). Where several plans are served, each line names its plan and each button carries it.
 */
export function myTasks(ctx: Ctx, head?: Text): Post | undefined {
  const agency = ctx.actor.official?.agency;
  if (!agency) return undefined;
  const many = ctx.deps.plans.all().length > 1;
  const plans = ctx.deps.plans.active();
  const all = (plans.length > 0 ? plans : [ctx.plan]).flatMap((entry) => {
    const c = ctx.inPlan(entry);
    return c.plan.engine
      .ledBy(agency)
      .filter((t) => requiredParties(t, ctx.deps.dir).includes(agency))
      .map((task) => ({ c, task }));
  });
  const items: ListItem[] = all.slice(0, LIST_MAX).map(({ c, task }) => {
    const s = state(c, task, agency);
    const done = reported(c, task, agency);
    const status =
      continuous(task) && done
        ? ctx.deps.t('tick.reportedOn', { date: formatDate(done.on) })
        : ctx.deps.t(`status.${s.status}`) + periodText(ctx.deps, s.period?.end);
    const note = done ? undefined : ctx.deps.store.latestProgress(c.plan.plan.id, task.id, agency);
    const noted = note ? ` · ${ctx.deps.t('progress.short', { text: excerpt(note.text, 40), date: formatDate(note.at.slice(0, 10)) })}` : '';
    const extended = s.extendedFrom && s.due ? ` · ${ctx.deps.t('extension.short', { to: formatDate(s.due) })}` : '';
    const where = many ? `[${c.plan.plan.number.split('/')[0]}] ` : '';
    const line = `${where}${task.id} — ${excerpt(task.content, 110)}\n   ${ctx.deps.t('task.deadlineShort', { deadline: task.deadline.text || ctx.deps.t('deadline.none') })} · ${status}${extended}${noted}`;
    const button = partButton(c, task, agency, 'l', true) ?? open.button('open', say('button.open', { id: task.id }), { taskId: task.id }, c);
    return { text: line, button };
  });
  const header = say('mytasks.header', { agency: ctx.deps.dir.label(agency), n: all.length, date: formatDate(ctx.today) });
  return {
    text: head ? [head, '', header] : header,
    items,
    ...(all.length === 0 ? { footer: say('mytasks.none') } : all.length > LIST_MAX ? { footer: say('mytasks.more', { n: all.length - LIST_MAX }) } : {}),
  };
}

/**
 * A task named by its number in a command ("I.4", "4561 I.4", "KH 4561 I.4"), in the plan it belongs to: the plan
 * named, else the one active plan that has it for this actor. Several: the actor chooses (a button per plan).
 */
function taskIn(ctx: Ctx, args: string): { c: Ctx; task: Task; rest: string } | { choices: { c: Ctx; task: Task }[] } | undefined {
  const words = args.trim().split(/\s+/);
  let plans = ctx.deps.plans.active();
  let at = 0;
  const named =
    ctx.deps.plans.byNumber(words.slice(0, 2).join(' ')) && /^kh$/i.test(words[0] ?? '')
      ? 2
      : ctx.deps.plans.byNumber(words[0] ?? '') && words.length > 1
        ? 1
        : 0;
  if (named > 0) {
    plans = [ctx.deps.plans.byNumber(words.slice(0, named).join(' '))!];
    at = named;
  }
  const ref = words[at] ?? '';
  const rest = words.slice(at + 1).join(' ');
  const hits = (plans.length > 0 ? plans : [ctx.plan]).flatMap((entry) => {
    const c = ctx.inPlan(entry);
    const task = resolveTaskRef(c, ref);
    return task ? [{ c, task }] : [];
  });
  if (hits.length <= 1) return hits[0] ? { ...hits[0], rest } : undefined;
  const own = hits.filter((h) => ownParty(ctx.actor, h.task, ctx.deps));
  if (own.length === 1) return { ...own[0]!, rest };
  return { choices: own.length > 0 ? own : hits };
}

/** "Which plan's I.4?": a ✅ per plan that has it. */
function choosePlan(choices: readonly { c: Ctx; task: Task }[]): Outcome {
  const buttons = choices.slice(0, 8).map(({ c, task }) => {
    return tick.button('choose', say('button.tickIn', { id: task.id, plan: c.plan.plan.number }), { taskId: task.id, src: 'a' }, c);
  });
  return reply({ text: say('tick.whichPlan', { id: choices[0]!.task.id, n: choices.length }), buttons: rows(buttons, 1) });
}

/** ✅ buttons for the tasks of an answer or a digest that this actor may tick now (at most eight). */
export function tickButtons(ctx: Ctx, taskIds: readonly string[]): Button[][] {
  const out: Button[] = [];
  for (const id of taskIds) {
    const task = findTask(ctx, id);
    if (!task) continue;
    const parties = requiredParties(task, ctx.deps.dir);
    const own = ownParty(ctx.actor, task, ctx.deps);
    const unreported = own ? !reported(ctx, task, own) : ctx.actor.admin && parties.some((p) => !reported(ctx, task, p));
    if (unreported && (own || ctx.actor.admin)) out.push(tick.button('tick', say('button.tick', { id }), { taskId: id, src: 'a' }, ctx));
    if (out.length >= 8) break;
  }
  return rows(out, 4);
}

/** What to show after a change: the list the official came from, or the task's card. */
function after(ctx: Ctx, task: Task, party: string, src: Source, head: Text): Post {
  return (src === 'l' && ctx.actor.official?.agency === party ? myTasks(ctx, head) : undefined) ?? partCard(ctx, task, party, src, head);
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
    const unreported = parties.map((p, i) => ({ p, i })).filter(({ p }) => !reported(ctx, task, p));
    if (unreported.length === 0) return refuse('all-reported', { id: task.id });
    const choices = unreported.slice(0, 40).map(({ p, i }) => tick.button('choose', label(deps, p), { taskId: task.id, party: i, src }, ctx));
    return edit({ text: say('tick.choosePart', { id: task.id }), buttons: [...rows(choices, 2), [cancelAction.button('cancel', say('button.cancel'), {})]] });
  }
  if (!party) {
    const why = refusalFor(ctx, task, parties[0] ?? '');
    return refuse(why?.code ?? 'not-your-task', why?.params ?? { id: task.id, agency: actor.official ? deps.dir.label(actor.official.agency) : '' });
  }
  const why = refusalFor(ctx, task, party);
  if (why) return refuse(why.code, why.params);
  const p = periodFor(ctx, task, party);
  const target: Target = { taskId: task.id, party: parties.indexOf(party), ...(p ? { period: p } : {}), src };
  const done = reported(ctx, task, party, p);
  if (done) return refuse('already-done', doneParams(ctx, task, done), { edit: after(ctx, task, party, src, '') });
  if (explicit) return record(ctx, target);
  const question = say(continuous(task) ? 'tick.confirmContinuous' : 'tick.confirm', {
    agency: label(deps, party),
    id: task.id,
    period: periodText(deps, p),
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
function check(ctx: Ctx, t: Target): { task: Task; party: string } | Outcome {
  const task = findTask(ctx, t.taskId);
  if (!task) return refuse('unknown-task', { id: t.taskId });
  const party = requiredParties(task, ctx.deps.dir)[t.party];
  if (!party) return refuse('stale');
  const why = refusalFor(ctx, task, party);
  if (why) return refuse(why.code, why.params);
  const now = periodFor(ctx, task, party);
  if (now !== t.period) {
    // The period asked about has passed or was reported: say so, and offer the one that is open now.
    return refuse('period-passed', { id: task.id }, { edit: after(ctx, task, party, t.src, '') });
  }
  return { task, party };
}

/** Record a tick after re-checking everything; the change is on disk before the official is told. */
async function record(ctx: Ctx, t: Target, note?: string): Promise<Outcome> {
  const checked = check(ctx, t);
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
      ...(t.period ? { period: t.period } : {}),
      ...(note ? { note } : {}),
    },
    ctx.now,
  );
  if (existing) return refuse('already-done', doneParams(ctx, task, rec), { edit: after(ctx, task, party, t.src, '') });
  const head: Text = [
    say(continuous(task) ? 'tick.doneContinuous' : 'tick.done', {
      agency: label(ctx.deps, party),
      id: task.id,
      period: periodText(ctx.deps, t.period),
      time: localTime(ctx.now),
    }),
    note ? say('tick.noteLine', { note }) : '',
  ];
  // 📎: the document or photo that proves it may follow.
  const withProof = withUndo(ctx, after(ctx, task, party, t.src, head), rec, t.src);
  const proof = attachButton(ctx, rec);
  return edit(proof ? { ...withProof, buttons: [...(withProof.buttons ?? []), [proof]] } : withProof, say('tick.toastDone'));
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
async function startNote(ctx: Ctx, t: Target): Promise<Outcome> {
  const checked = check(ctx, t);
  if (!('task' in checked)) return checked;
  const done = reported(ctx, checked.task, checked.party, t.period);
  if (done) return refuse('already-done', doneParams(ctx, checked.task, done), { edit: after(ctx, checked.task, checked.party, t.src, '') });
  await setSession(ctx, { kind: 'note', ...t });
  return edit({
    text: say('tick.askNote', { id: t.taskId, max: NOTE_MAX }),
    buttons: [[confirm.button('confirm', say('button.confirmNoNote'), t, ctx), cancelTick.button('cancel', say('button.cancel'), t, ctx)]],
  });
}

const noteSession = z.object({ kind: z.literal('note'), taskId, party: z.number().int().min(0), period: z.string().optional(), src: source });

/** ✖ on a confirmation: nothing recorded — unless it already was, which is said, with ↩️ to undo. */
async function cancel(ctx: Ctx, t: Target): Promise<Outcome> {
  await endSession(ctx);
  const task = findTask(ctx, t.taskId);
  const party = task && requiredParties(task, ctx.deps.dir)[t.party];
  if (!task || !party) return edit({ text: say('session.cancelled') });
  const done = reported(ctx, task, party, t.period);
  if (done) return refuse('already-done', doneParams(ctx, task, done), { edit: after(ctx, task, party, t.src, say('tick.cancelTooLate', { id: task.id })) });
  return edit(after(ctx, task, party, t.src, say('tick.cancelled', { id: task.id })));
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

const NOTE_TEXT_MAX = 500;

async function startProgress(ctx: Ctx, id: string, partyAt: number, src: Source): Promise<Outcome> {
  const task = findTask(ctx, id);
  if (!task) return refuse('unknown-task', { id });
  const party = requiredParties(task, ctx.deps.dir)[partyAt];
  if (!party) return refuse('stale');
  const why = refusalFor(ctx, task, party);
  if (why) return refuse(why.code, why.params);
  await setSession(ctx, { kind: 'progress', taskId: task.id, party: partyAt, src });
  return edit({ text: say('progress.ask', { id: task.id, max: NOTE_TEXT_MAX }), buttons: [[cancelAction.button('cancel', say('button.cancel'), {})]] });
}

/** Save a progress note (after re-checking the right) and show the card or list with it. */
async function saveProgress(ctx: Ctx, task: Task, party: string, text: string, src: Source): Promise<Outcome> {
  const why = refusalFor(ctx, task, party);
  if (why) return refuse(why.code, why.params);
  if (text.length > NOTE_TEXT_MAX) return reply({ text: say('tick.noteTooLong', { max: NOTE_TEXT_MAX, n: text.length }) });
  const percent = text.match(/(\d{1,3})\s*%/)?.[1];
  await endSession(ctx);
  await ctx.deps.store.addProgress(
    { planId: ctx.plan.plan.id, taskId: task.id, party, text, by: ctx.actor.ref, ...(percent && Number(percent) <= 100 ? { percent: Number(percent) } : {}) },
    ctx.now,
  );
  return reply(after(ctx, task, party, src, say('progress.saved', { id: task.id, agency: label(ctx.deps, party) })));
}

const progressSession = z.object({ kind: z.literal('progress'), taskId, party: z.number().int().min(0), src: source });

/** "/baotiendo I.4 đang thực hiện 60%, đã trình dự thảo": a progress note on the official's own part. */
async function progressCommand(ctx: Ctx, args: string): Promise<Outcome> {
  if (!ctx.actor.official) return refuse(ctx.actor.admin ? 'admin-only' : ctx.actor.pending ? 'pending-approval' : 'not-registered');
  const found = taskIn(ctx, args);
  if (!found) return reply({ text: say('progress.usage') });
  if ('choices' in found)
    return reply({ text: say('progress.whichPlan', { id: found.choices[0]!.task.id, plans: found.choices.map((x) => x.c.plan.plan.number).join(', ') }) });
  const { c, task } = found;
  const party = ownParty(c.actor, task, c.deps);
  if (!party) return refuse('not-your-task', { id: task.id, agency: c.deps.dir.label(c.actor.official!.agency) });
  const text = found.rest.trim();
  const out = !text ? await startProgress(c, task.id, requiredParties(task, c.deps.dir).indexOf(party), 'a') : await saveProgress(c, task, party, text, 'a');
  return out;
}

/** "xong 2" (an entry of the chat's menu) or "xong I.4" (a task): tick it, stated plainly, so recorded at once. */
async function done(ctx: Ctx, args: string): Promise<Outcome> {
  if (!ctx.actor.official && !ctx.actor.admin) return refuse(ctx.actor.pending ? 'pending-approval' : 'not-registered');
  const arg = args.trim();
  if (!arg) return refuse('no-menu');
  if (/^\d{1,3}$/.test(arg)) return ctx.pick(Number(arg), 'done');
  const found = taskIn(ctx, arg);
  if (!found) return refuse('unknown-task', { id: arg.slice(0, 20) });
  if ('choices' in found) return choosePlan(found.choices);
  return startTick(found.c, found.task.id, undefined, 'a', true);
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
  actions: [tickHandler, confirm.def, askNote.def, cancelTick.def, undo.def, open.def, progress.def],
  steps: [
    {
      kind: 'progress',
      async onText(ctx, session, text) {
        const s = progressSession.safeParse(session);
        const task = s.success ? findTask(ctx, s.data.taskId) : undefined;
        const party = s.success && task ? requiredParties(task, ctx.deps.dir)[s.data.party] : undefined;
        if (!s.success || !task || !party) {
          await endSession(ctx);
          return undefined;
        }
        if (!text) return undefined;
        return saveProgress(ctx, task, party, text, s.data.src);
      },
    },
    {
      kind: 'note',
      async onText(ctx, session, text) {
        const s = noteSession.safeParse(session);
        if (!s.success) {
          await endSession(ctx);
          return undefined;
        }
        if (!text) return undefined;
        if (text.length > NOTE_MAX) return reply({ text: say('tick.noteTooLong', { max: NOTE_MAX, n: text.length }) });
        const { kind: _kind, ...target } = s.data;
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
