/**
 * Ticking tasks done. An approved official ticks their own agency's part of a task that assigns it; an admin
 * ticks for any party. Each tick is recorded with who, for which agency, for which period, when, and an
 * optional note; it can be undone within UNDO_MINUTES. Every step is re-checked here, whatever the button said.
 */
import { formatDate } from '../plan/deadline.ts';
import type { Task } from '../plan/schema.ts';
import { requiredParties } from '../plan/status.ts';
import { taskCard } from '../answer/format.ts';
import { encodeAction } from './actions.ts';
import { type Actor, type Button, type CoreDeps, type Result, audit, localTime, rows, today } from './context.ts';
import type { CompletionRecord } from '../store/state.ts';

export interface Target {
  task: Task;
  party: string;
  index: number;
  /** Last day of the period being reported (recurring tasks), else undefined. */
  period?: string;
}

const opts = (deps: CoreDeps) => ({ today: today(deps), completions: deps.store.completions(deps.plan.id) });

function findTask(deps: CoreDeps, id: string): Task | undefined {
  return deps.plan.tasks.find((t) => t.id === id);
}

/** The period a report would be for now: the missed one if the last period is unreported, else the current one. */
function periodFor(deps: CoreDeps, task: Task, party: string): string | undefined {
  if (task.deadline.kind !== 'recurring') return undefined;
  return deps.engine.stateOf(task, opts(deps), party).period?.end;
}

function periodLabel(deps: CoreDeps, period?: string): string {
  return period ? deps.t('tick.periodLabel', { date: formatDate(period) }) : '';
}

/** The live completion of a party's part for a period, if reported. */
function reported(deps: CoreDeps, task: Task, party: string, period?: string): CompletionRecord | undefined {
  return deps.store.state.completions.find(
    (c) => c.planId === deps.plan.id && c.taskId === task.id && c.party === party && !c.undoneAt && (task.deadline.kind !== 'recurring' || c.period === period),
  );
}

/** Why this actor may not tick this party of this task, or undefined if they may. */
function refusal(deps: CoreDeps, actor: Actor, task: Task, party: string): string | undefined {
  if (actor.admin) return undefined;
  if (!actor.official) return actor.pending ? deps.t('auth.pending') : deps.t('auth.notRegistered');
  if (actor.official.agency !== party) return deps.t('auth.notYourTask', { id: task.id, agency: deps.dir.label(actor.official.agency) });
  return undefined;
}

/** The card of a task as one agency sees it, with the button that fits: ✅ to tick, ↩️ to undo. */
export function partCard(deps: CoreDeps, actor: Actor, task: Task, party: string): { text: string; buttons?: Button[][] } {
  const o = opts(deps);
  const index = requiredParties(task, deps.dir).indexOf(party);
  const state = deps.engine.stateOf(task, o, party);
  const whole = deps.engine.stateOf(task, o);
  const text = [
    taskCard(deps.plan, task, whole, deps.t, o.today),
    deps.t('tick.partStatus', { agency: deps.dir.label(party), status: deps.t(`status.${state.status}`) + periodLabel(deps, state.period?.end) }),
  ].join('\n');
  const done = reported(deps, task, party, periodFor(deps, task, party));
  if (done) {
    const undoable = canUndo(deps, actor, done) === undefined;
    return { text, ...(undoable ? { buttons: [[{ label: deps.t('button.undo'), action: encodeAction({ kind: 'undo', completionId: done.id }) }]] } : {}) };
  }
  if (index < 0 || refusal(deps, actor, task, party)) return { text };
  return {
    text,
    buttons: [
      [
        {
          label: deps.t('button.tick', { id: task.id }),
          action: encodeAction({ kind: 'tick', taskId: task.id, ...(actor.admin && actor.official?.agency !== party ? { party: index } : {}) }),
        },
      ],
    ],
  };
}

/** ✅ buttons for the tasks of a reply that this actor may tick now. */
export function tickButtons(deps: CoreDeps, actor: Actor, taskIds: readonly string[]): Button[][] {
  const out: Button[] = [];
  for (const id of taskIds) {
    const task = findTask(deps, id);
    if (!task) continue;
    const parties = requiredParties(task, deps.dir);
    if (actor.official && parties.includes(actor.official.agency)) {
      if (!reported(deps, task, actor.official.agency, periodFor(deps, task, actor.official.agency))) {
        out.push({ label: deps.t('button.tick', { id }), action: encodeAction({ kind: 'tick', taskId: id }) });
      }
    } else if (actor.admin && parties.some((p) => !reported(deps, task, p, periodFor(deps, task, p)))) {
      out.push({ label: deps.t('button.tick', { id }), action: encodeAction({ kind: 'tick', taskId: id }) });
    }
    if (out.length >= 8) break;
  }
  return rows(out, 4);
}

/** /viec: the tasks the official's agency leads, each with its status and button. */
export function myTasks(deps: CoreDeps, actor: Actor): { text: string; buttons?: Button[][] } {
  if (!actor.official) return { text: deps.t(actor.admin ? 'mytasks.admin' : actor.pending ? 'auth.pending' : 'auth.notRegistered') };
  const agency = actor.official.agency;
  const o = opts(deps);
  const tasks = deps.engine.ledBy(agency).filter((t) => requiredParties(t, deps.dir).includes(agency));
  const lines: string[] = [deps.t('mytasks.header', { agency: deps.dir.label(agency), n: tasks.length, date: formatDate(o.today) })];
  const buttons: Button[] = [];
  for (const task of tasks) {
    const state = deps.engine.stateOf(task, o, agency);
    const period = periodFor(deps, task, agency);
    const done = reported(deps, task, agency, period);
    lines.push(
      `• ${task.id} — ${task.content}\n   ${deps.t('task.deadlineShort', { deadline: task.deadline.text || deps.t('deadline.none') })} · ${deps.t(`status.${state.status}`)}${periodLabel(deps, state.period?.end)}`,
    );
    if (done && canUndo(deps, actor, done) === undefined)
      buttons.push({ label: deps.t('button.undoId', { id: task.id }), action: encodeAction({ kind: 'undo', completionId: done.id }) });
    else if (!done) buttons.push({ label: deps.t('button.tick', { id: task.id }), action: encodeAction({ kind: 'tick', taskId: task.id }) });
  }
  if (tasks.length === 0) lines.push(deps.t('mytasks.none'));
  return { text: lines.join('\n'), buttons: rows(buttons.slice(0, 60), 3) };
}

/** ✅ pressed: for an official, ask to confirm (and take a note); for an admin without a party, choose one. */
export function startTick(deps: CoreDeps, actor: Actor, taskId: string, partyIndex?: number): Result & { awaitNote?: Target } {
  const task = findTask(deps, taskId);
  if (!task) return { messages: [], toast: deps.t('tick.unknownTask', { id: taskId }) };
  const parties = requiredParties(task, deps.dir);
  let party: string | undefined;
  if (partyIndex !== undefined) {
    if (!actor.admin) return { messages: [], toast: deps.t('auth.adminOnly') };
    party = parties[partyIndex];
    if (!party) return { messages: [], toast: deps.t('tick.stale') };
  } else if (actor.official && parties.includes(actor.official.agency)) {
    party = actor.official.agency;
  } else if (actor.admin) {
    const open = parties.map((p, i) => ({ p, i })).filter(({ p }) => !reported(deps, task, p, periodFor(deps, task, p)));
    if (open.length === 0) return { messages: [], toast: deps.t('tick.allDone', { id: task.id }) };
    const buttons = open
      .slice(0, 40)
      .map(({ p, i }) => ({ label: deps.dir.label(p.replace(/^name:/, '')), action: encodeAction({ kind: 'tick', taskId: task.id, party: i }) }));
    return {
      messages: [],
      edit: {
        text: deps.t('tick.choosePart', { id: task.id }),
        buttons: [...rows(buttons, 2), [{ label: deps.t('button.cancel'), action: encodeAction({ kind: 'cancel' }) }]],
      },
    };
  } else {
    return {
      messages: [],
      toast:
        refusal(deps, actor, task, parties[0] ?? '') ??
        deps.t('auth.notYourTask', { id: task.id, agency: actor.official ? deps.dir.label(actor.official.agency) : '' }),
    };
  }
  const why = refusal(deps, actor, task, party);
  if (why) return { messages: [], toast: why };
  const period = periodFor(deps, task, party);
  if (reported(deps, task, party, period)) return { messages: [], toast: deps.t('tick.already', { id: task.id }) };
  const index = parties.indexOf(party);
  const confirm = encodeAction({ kind: 'confirm', taskId: task.id, party: index, ...(period ? { period } : {}) });
  return {
    messages: [],
    edit: {
      text: deps.t('tick.confirm', {
        agency: deps.dir.label(party.replace(/^name:/, '')),
        id: task.id,
        content: task.content,
        period: periodLabel(deps, period),
      }),
      buttons: [
        [
          { label: deps.t('button.confirm'), action: confirm },
          { label: deps.t('button.cancel'), action: encodeAction({ kind: 'cancel' }) },
        ],
      ],
    },
    awaitNote: { task, party, index, ...(period ? { period } : {}) },
  };
}

/** Record a tick after re-checking everything; the change is on disk before this resolves. */
export async function confirmTick(
  deps: CoreDeps,
  actor: Actor,
  taskId: string,
  partyIndex: number,
  period: string | undefined,
  note?: string,
): Promise<Result> {
  const task = findTask(deps, taskId);
  if (!task) return { messages: [], toast: deps.t('tick.unknownTask', { id: taskId }) };
  const party = requiredParties(task, deps.dir)[partyIndex];
  if (!party) return { messages: [], toast: deps.t('tick.stale') };
  const why = refusal(deps, actor, task, party);
  if (why) return { messages: [], toast: why };
  if (periodFor(deps, task, party) !== period) return { messages: [], toast: deps.t('tick.stale') };
  const now = deps.now();
  const on = today(deps);
  const record = await deps.store.mutate(
    (draft) => {
      // Checked again inside the change: two taps at once record one tick.
      if (
        draft.completions.some(
          (c) => c.planId === deps.plan.id && c.taskId === task.id && c.party === party && !c.undoneAt && (period === undefined || c.period === period),
        )
      )
        return undefined;
      const rec: CompletionRecord = {
        id: deps.store.nextId('c', draft),
        planId: deps.plan.id,
        taskId: task.id,
        party,
        on,
        at: now.toISOString(),
        by: actor.ref,
        ...(period ? { period } : {}),
        ...(note ? { note } : {}),
      };
      draft.completions.push(rec);
      audit(draft, now, actor.ref, 'tick', `${task.id}/${party}${period ? `/${period}` : ''}`, null, rec);
      return rec;
    },
    ['completions', 'audit'],
  );
  if (!record) return { messages: [], toast: deps.t('tick.already', { id: task.id }) };
  const card = partCard(deps, actor, task, party);
  const head =
    deps.t('tick.done', { agency: deps.dir.label(party.replace(/^name:/, '')), id: task.id, period: periodLabel(deps, period), time: localTime(now) }) +
    (note ? `\n${deps.t('tick.noteLine', { note })}` : '');
  return { messages: [], edit: { text: `${head}\n\n${card.text}`, ...(card.buttons ? { buttons: card.buttons } : {}) }, toast: deps.t('tick.toastDone') };
}

function canUndo(deps: CoreDeps, actor: Actor, rec: CompletionRecord): string | undefined {
  if (rec.undoneAt) return deps.t('undo.already');
  if (!actor.admin && rec.by !== actor.official?.id) return deps.t('undo.notYours');
  const age = deps.now().getTime() - Date.parse(rec.at);
  if (age > deps.undoMinutes * 60_000) return deps.t('undo.tooLate', { minutes: deps.undoMinutes });
  return undefined;
}

export async function undoTick(deps: CoreDeps, actor: Actor, completionId: string): Promise<Result> {
  const rec = deps.store.state.completions.find((c) => c.id === completionId && c.planId === deps.plan.id);
  if (!rec) return { messages: [], toast: deps.t('tick.stale') };
  const why = canUndo(deps, actor, rec);
  if (why) return { messages: [], toast: why };
  const now = deps.now();
  const ok = await deps.store.mutate(
    (draft) => {
      const live = draft.completions.find((c) => c.id === completionId);
      if (!live || live.undoneAt) return false;
      const before = { ...live };
      live.undoneAt = now.toISOString();
      live.undoneBy = actor.ref;
      audit(draft, now, actor.ref, 'undo', `${live.taskId}/${live.party}`, before, { ...live });
      return true;
    },
    ['completions', 'audit'],
  );
  if (!ok) return { messages: [], toast: deps.t('undo.already') };
  const task = findTask(deps, rec.taskId);
  const card = task ? partCard(deps, actor, task, rec.party) : { text: '' };
  return {
    messages: [],
    edit: { text: `${deps.t('undo.done', { id: rec.taskId })}\n\n${card.text}`, ...(card.buttons ? { buttons: card.buttons } : {}) },
    toast: deps.t('undo.toast'),
  };
}
