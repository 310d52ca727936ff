/**
 * What the tasks feature knows of a task and a party: the task named by its number, its state and period, whether
 * a party reported it, whose part an actor ticks by default, and why an actor may not tick or undo.
 */
import { formatDate } from '../../../plan/deadline.ts';
import type { Task } from '../../../plan/schema.ts';
import { requiredParties } from '../../../plan/status.ts';
import type { CompletionRecord, ReadonlyDeep } from '../../../store/port.ts';
import { type Actor, isOfficial, notOfficialCode } from '../../kernel/actor.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Ctx } from '../../kernel/feature.ts';
import type { RefusalCode } from '../../kernel/outcome.ts';

export function findTask(ctx: Ctx, id: string): Task | undefined {
  return ctx.plan.plan.tasks.find((t) => t.id === id);
}

/** "I4", "i.4", "II 6b", "iii-3" → the plan's task id, if there is one. */
export function resolveTaskRef(ctx: Ctx, ref: string): Task | undefined {
  const m = ref.trim().match(/^([ivx]+)[\s.-]*(\d+)([a-z]?)$/i);
  const id = m ? `${m[1]!.toUpperCase()}.${m[2]}${m[3]!.toLowerCase()}` : ref.trim();
  return ctx.plan.plan.tasks.find((t) => t.id.toLowerCase() === id.toLowerCase());
}

export const statusOpts = (ctx: Ctx) => ({ today: ctx.today, completions: ctx.deps.store.completions(ctx.plan.plan.id) });
export const state = (ctx: Ctx, task: Task, party?: string) => ctx.plan.engine.stateOf(task, statusOpts(ctx), party);

/** The period a report would be for now: the missed one if the last period is unreported, else the current one. */
export function periodFor(ctx: Ctx, task: Task, party: string): string | undefined {
  if (task.deadline.kind !== 'recurring') return undefined;
  return state(ctx, task, party).period?.end;
}

export function reported(ctx: Ctx, task: Task, party: string, p = periodFor(ctx, task, party)): ReadonlyDeep<CompletionRecord> | undefined {
  return ctx.deps.store.liveCompletion(ctx.plan.plan.id, task.id, party, p);
}

export const label = (deps: CoreDeps, party: string) => deps.dir.label(party);
/** A task as a button names it: "III.2", or "III.2 · KH 4561" where several plans are served. */
export const taskRef = (ctx: Ctx, id: string) =>
  ctx.deps.plans.all().length > 1 ? ctx.deps.t('task.ref', { id, plan: ctx.plan.plan.number.split('/')[0]! }) : id;
/** " (kỳ đến 31/03/2019)" for a recurring task's period, else nothing. */
export const periodText = (deps: CoreDeps, p?: string) => (p ? deps.t('tick.periodLabel', { date: formatDate(p) }) : '');
export const continuous = (task: Task) => task.deadline.kind === 'continuous';

/** The party an actor ticks by default: their own agency's part, if the task assigns it. */
export function ownParty(actor: Actor, task: Task, deps: CoreDeps): string | undefined {
  const agency = actor.official?.agency;
  return agency && requiredParties(task, deps.dir).includes(agency) ? agency : undefined;
}

/** Why this actor may not tick this party of this task, or undefined if they may. */
export function refusalFor(ctx: Ctx, task: Task, party: string): { code: RefusalCode; params?: Record<string, string> } | undefined {
  const { actor, deps } = ctx;
  if (actor.admin) return undefined;
  if (!isOfficial(actor)) return { code: notOfficialCode(actor) };
  if (actor.official.agency !== party) return { code: 'not-your-task', params: { id: task.id, agency: deps.dir.label(actor.official.agency) } };
  return undefined;
}

export function canUndo(ctx: Ctx, rec: ReadonlyDeep<CompletionRecord>): { code: RefusalCode; params?: Record<string, number> } | undefined {
  if (rec.undoneAt) return { code: 'already-undone' };
  if (!ctx.actor.admin && rec.by !== ctx.actor.official?.id) return { code: 'undo-not-yours' };
  if (ctx.now.getTime() - Date.parse(rec.at) > ctx.deps.undoMinutes * 60_000) return { code: 'undo-too-late', params: { minutes: ctx.deps.undoMinutes } };
  return undefined;
}

/**
 * A task named by its number in a command ("I.4", "4561 I.4", "KH 4561 I.4"), in the plan it belongs to: the plan
 * named, else the one active plan that has it for this actor. Several: the actor chooses (a button per plan).
 */
export function taskIn(ctx: Ctx, args: string): { inPlan: Ctx; task: Task; rest: string } | { choices: { inPlan: Ctx; task: Task }[] } | undefined {
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
    const inPlan = ctx.inPlan(entry);
    const task = resolveTaskRef(inPlan, ref);
    return task ? [{ inPlan, task }] : [];
  });
  if (hits.length <= 1) return hits[0] ? { ...hits[0], rest } : undefined;
  const own = hits.filter((h) => ownParty(ctx.actor, h.task, ctx.deps));
  if (own.length === 1) return { ...own[0]!, rest };
  return { choices: own.length > 0 ? own : hits };
}
