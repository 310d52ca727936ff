/**
 * Task status in the government's categories: hoàn thành đúng hạn / hoàn thành quá hạn / đang thực hiện trong
 * hạn / quá hạn. A task led by several agencies, or by a group with listed members, is done when each of them
 * has reported its part. A recurring task is reported per period; its first period is the first one that
 * begins on or after the day it starts (its "từ …" date, else the plan's date) — for a yearly task due on a named
 * day ("Tháng 11 hằng năm"), the first year whose day falls on or after it. A period falls due on its last day, or on
 * that named day.
 */
import { type Directory, partyId } from './agencies.ts';
import { type Span, addDays, nextPeriod, periodContaining } from './deadline.ts';
import type { Task } from './schema.ts';

export type Status = 'done_on_time' | 'done_late' | 'in_progress' | 'overdue';

/** One agency's report that its part of a task (for one period, if recurring) is done. */
export interface Completion {
  taskId: string;
  /** Directory id, or "name:<as written>" for a party the directory does not know. */
  party: string;
  /** Last day of the reported period, for recurring tasks. */
  period?: string;
  /** Day reported, YYYY-MM-DD. */
  on: string;
}

export interface TaskState {
  status: Status;
  /** The due date before an extension moved it (one agency's part). */
  extendedFrom?: string;
  /** The due date that decides the status: the task's, or the current (or missed) period's end. */
  due?: string;
  /** The period in question, for recurring tasks. */
  period?: Span;
  /** A recurring task whose first period has not begun yet (the plan's first "hằng năm" is next year's). */
  firstAhead?: true;
  done: number;
  required: number;
}

/**
 * Completions of a plan by task id; `dues` holds the due dates moved by approved extensions, by
 * "<task id>|<party>". One object, so that status caches keyed by it see either change.
 */
export interface CompletionMap extends ReadonlyMap<string, readonly Completion[]> {
  readonly dues?: ReadonlyMap<string, string>;
}

export interface StatusContext {
  today: string;
  planDate: string;
  dir: Directory;
  completions: CompletionMap;
}

/** The parties that must each report: lead agencies, a group's listed members in place of the group. */
const partiesCache = new WeakMap<Task, string[]>();

export function requiredParties(task: Task, dir: Directory): string[] {
  const cached = partiesCache.get(task);
  if (cached) return cached;
  const out = new Set<string>();
  for (const p of task.lead) {
    if (!p.agency) out.add(partyId(p));
    else if (dir.isGroup(p.agency) && dir.members(p.agency).length > 0) {
      for (const m of dir.members(p.agency)) out.add(m);
    } else out.add(p.agency);
  }
  const list = [...out];
  partiesCache.set(task, list);
  return list;
}

const firstPeriodCache = new WeakMap<Task, { planDate: string; span: Span }>();

/**
 * The day a recurring task falls due for one of its periods: the period's last day, or for a yearly task the day of
 * the year its plan names ("Tháng 11 hằng năm": 30/11 of that year).
 */
export function periodDue(task: Task, period: Span): string {
  const { every, day } = task.deadline;
  return every === 'year' && day ? `${period.end.slice(0, 4)}-${day}` : period.end;
}

function firstPeriod(task: Task, planDate: string): Span {
  const hit = firstPeriodCache.get(task);
  if (hit && hit.planDate === planDate) return hit.span;
  const span = computeFirstPeriod(task, planDate);
  firstPeriodCache.set(task, { planDate, span });
  return span;
}

function computeFirstPeriod(task: Task, planDate: string): Span {
  const every = task.deadline.every!;
  const start = task.deadline.start ?? planDate;
  const containing = periodContaining(every, start);
  // A named day of the year ("Tháng 11 hằng năm") first falls due on its first return on or after the start.
  if (task.deadline.day) return periodDue(task, containing) >= start ? containing : nextPeriod(every, containing);
  return containing.start === start ? containing : nextPeriod(every, containing);
}

function judge(parties: string[], reports: readonly Completion[], due: string | undefined, today: string): Omit<TaskState, 'period'> {
  const byParty = new Map<string, string>();
  for (const r of reports) if (parties.includes(r.party)) byParty.set(r.party, r.on);
  const done = byParty.size;
  const required = parties.length;
  if (required > 0 && done === required) {
    const last = [...byParty.values()].sort().at(-1)!;
    return { status: due && last > due ? 'done_late' : 'done_on_time', ...(due ? { due } : {}), done, required };
  }
  return { status: due && today > due ? 'overdue' : 'in_progress', ...(due ? { due } : {}), done, required };
}

/** The state of a task, or with `only`, of one party's own part of it. */
export function taskState(task: Task, ctx: StatusContext, only?: string): TaskState {
  const parties = only ? [only] : requiredParties(task, ctx.dir);
  const all = ctx.completions.get(task.id) ?? [];
  const reports = only ? all.filter((c) => c.party === only) : all;
  const d = task.deadline;
  if (d.kind === 'recurring' && d.every) {
    const first = firstPeriod(task, ctx.planDate);
    if (ctx.today < first.start) return { ...judge(parties, [], periodDue(task, first), ctx.today), period: first, firstAhead: true };
    const current = periodContaining(d.every, ctx.today);
    const previous = periodContaining(d.every, addDays(current.start, -1));
    if (previous.start >= first.start) {
      const missed = judge(
        parties,
        reports.filter((r) => r.period === previous.end),
        periodDue(task, previous),
        ctx.today,
      );
      if (missed.status === 'overdue') return { ...missed, period: previous };
    }
    return {
      ...judge(
        parties,
        reports.filter((r) => r.period === current.end),
        periodDue(task, current),
        ctx.today,
      ),
      period: current,
    };
  }
  if (d.kind === 'continuous' || d.kind === 'unknown') {
    // Never due, so never overdue; reports count towards progress only.
    const j = judge(parties, reports, undefined, ctx.today);
    return { ...j, status: 'in_progress' };
  }
  // One-off: each agency's part is due on its own date where an extension moved it.
  const dues = ctx.completions.dues;
  // Most parts were never extended: judged on the plan's date without more ado.
  if (only && !dues?.has(`${task.id}|${only}`)) return judge(parties, reports, d.due, ctx.today);
  if (only) {
    const { due, extendedFrom } = effectiveDue(task, dues, [only]);
    return { ...judge(parties, reports, due, ctx.today), ...(extendedFrom ? { extendedFrom } : {}) };
  }
  if (!dues || !parties.some((p) => dues.has(`${task.id}|${p}`))) return judge(parties, reports, d.due, ctx.today);
  const each = parties.map((p) => judge([p], reports, effectiveDue(task, dues, [p]).due, ctx.today));
  const done = each.filter((s) => s.status === 'done_on_time' || s.status === 'done_late').length;
  const { due, extendedFrom } = effectiveDue(task, dues, parties);
  const status: Status =
    done === parties.length
      ? each.some((s) => s.status === 'done_late')
        ? 'done_late'
        : 'done_on_time'
      : each.some((s) => s.status === 'overdue')
        ? 'overdue'
        : 'in_progress';
  return { status, ...(due ? { due } : {}), ...(extendedFrom ? { extendedFrom } : {}), done, required: parties.length };
}

/**
 * The one place a one-off task's deadline is worked out: the plan's due date, or the later one that approved
 * extensions set (`dues`, by "<task id>|<party>", from the store). For several parties, the latest of their dates
 * (the task is due when the last part is); `extendedFrom` is the plan's date when an extension moved it.
 */
export function effectiveDue(task: Task, dues: ReadonlyMap<string, string> | undefined, parties: readonly string[]): { due?: string; extendedFrom?: string } {
  const planned = task.deadline.due;
  if (task.deadline.kind !== 'date' && task.deadline.kind !== 'period') return planned ? { due: planned } : {};
  if (!dues || dues.size === 0) return planned ? { due: planned } : {};
  const due = parties
    .map((p) => dues.get(`${task.id}|${p}`) ?? planned)
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  if (!due) return {};
  return { due, ...(planned && due !== planned ? { extendedFrom: planned } : {}) };
}

/**
 * The days on which a task falls due within a span: its due date, or the end of each of its periods.
 * Continuous and unknown deadlines never fall due.
 */
export function dueDatesWithin(task: Task, span: Span, planDate: string): string[] {
  const d = task.deadline;
  if ((d.kind === 'date' || d.kind === 'period') && d.due) return d.due >= span.start && d.due <= span.end ? [d.due] : [];
  if (d.kind !== 'recurring' || !d.every) return [];
  const out: string[] = [];
  const first = firstPeriod(task, planDate);
  let p = first.start >= span.start ? first : periodContaining(d.every, span.start);
  for (let guard = 0; p.start <= span.end && guard < 1000; guard++) {
    const due = periodDue(task, p);
    if (due >= span.start && due <= span.end) out.push(due);
    p = nextPeriod(d.every, p);
  }
  return out;
}

/** A plan's tasks with a fixed due date sorted by it, and its recurring tasks: built once per task list. */
const dueIndexes = new WeakMap<readonly Task[], DueIndex>();

interface DueIndex {
  dues: string[];
  fixed: Task[];
  recurring: Task[];
  /** The answers for the spans asked lately ("năm 2019", the next 30 days …), newest last. */
  recent: Map<string, ReadonlyMap<Task, string>>;
}

/** Spans remembered per task list: the periods people ask about repeat (this quarter, this year, the coming days). */
const RECENT_SPANS = 16;

function dueIndex(tasks: readonly Task[]): DueIndex {
  let index = dueIndexes.get(tasks);
  if (index) return index;
  const dated = tasks.filter((t) => (t.deadline.kind === 'date' || t.deadline.kind === 'period') && t.deadline.due);
  const keyed = dated.map((task) => ({ task, due: task.deadline.due! }));
  keyed.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  index = {
    dues: keyed.map((k) => k.due),
    fixed: keyed.map((k) => k.task),
    recurring: tasks.filter((t) => t.deadline.kind === 'recurring' && t.deadline.every),
    recent: new Map(),
  };
  dueIndexes.set(tasks, index);
  return index;
}

/**
 * Every task of a list that falls due within a span, with the first day it does: the same as `firstDueWithin` for
 * each task (with `moved`, on the dates approved extensions set), but found by binary search among the fixed due
 * dates (a question about a year of a 10,000-task plan touches the tasks of that year, not all of them); recurring
 * tasks are worked out once per period rule.
 */
export function dueWithin(
  tasks: readonly Task[],
  span: Span,
  planDate: string,
  moved?: { dues: ReadonlyMap<string, string> | undefined; dir: Directory },
): ReadonlyMap<Task, string> {
  const found = plannedDueWithin(tasks, span, planDate);
  if (!moved?.dues || moved.dues.size === 0) return found;
  // Kept per set of dues (a new one with each change) and per span's answer, as the spans asked repeat.
  let kept = movedCache.get(moved.dues);
  if (!kept) movedCache.set(moved.dues, (kept = new WeakMap()));
  let out = kept.get(found);
  if (!out) kept.set(found, (out = moveDues(tasks, span, found, moved.dues, moved.dir)));
  return out;
}

const movedCache = new WeakMap<ReadonlyMap<string, string>, WeakMap<ReadonlyMap<Task, string>, ReadonlyMap<Task, string>>>();

/** Tasks an approved extension moved fall due on their new date (effectiveDue): in or out of the span by it. */
function moveDues(
  tasks: readonly Task[],
  span: Span,
  found: ReadonlyMap<Task, string>,
  dues: ReadonlyMap<string, string>,
  dir: Directory,
): ReadonlyMap<Task, string> {
  let out: Map<Task, string> | undefined;
  const byId = taskIndex(tasks);
  for (const key of dues.keys()) {
    const task = byId.get(key.slice(0, key.lastIndexOf('|')));
    if (!task) continue;
    const { due } = effectiveDue(task, dues, requiredParties(task, dir));
    out ??= new Map(found);
    if (due && due >= span.start && due <= span.end) out.set(task, due);
    else out.delete(task);
  }
  return out ?? found;
}

const taskIndexes = new WeakMap<readonly Task[], Map<string, Task>>();

function taskIndex(tasks: readonly Task[]): Map<string, Task> {
  let index = taskIndexes.get(tasks);
  if (!index) taskIndexes.set(tasks, (index = new Map(tasks.map((t) => [t.id, t]))));
  return index;
}

function plannedDueWithin(tasks: readonly Task[], span: Span, planDate: string): ReadonlyMap<Task, string> {
  const index = dueIndex(tasks);
  const key = `${span.start}|${span.end}|${planDate}`;
  let found = index.recent.get(key);
  if (!found) {
    found = findDueWithin(index, span, planDate);
    if (index.recent.size >= RECENT_SPANS) index.recent.delete(index.recent.keys().next().value!);
  } else index.recent.delete(key);
  index.recent.set(key, found);
  return found;
}

function findDueWithin({ dues, fixed, recurring }: DueIndex, span: Span, planDate: string): Map<Task, string> {
  const out = new Map<Task, string>();
  let lo = 0;
  let hi = dues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dues[mid]! < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < dues.length && dues[i]! <= span.end; i++) out.set(fixed[i]!, dues[i]!);
  const byRule = new Map<string, string | undefined>();
  for (const task of recurring) {
    const rule = `${task.deadline.every}|${task.deadline.start ?? ''}`;
    let due = byRule.get(rule);
    if (!byRule.has(rule)) byRule.set(rule, (due = firstDueWithin(task, span, planDate)));
    if (due) out.set(task, due);
  }
  return out;
}

/** The first day within a span on which a task falls due, or undefined; allocation-free for one-off tasks. */
export function firstDueWithin(task: Task, span: Span, planDate: string): string | undefined {
  const d = task.deadline;
  if (d.kind === 'date' || d.kind === 'period') return d.due && d.due >= span.start && d.due <= span.end ? d.due : undefined;
  if (d.kind !== 'recurring' || !d.every) return undefined;
  const first = firstPeriod(task, planDate);
  let p = first.start >= span.start ? first : periodContaining(d.every, span.start);
  if (periodDue(task, p) < span.start) p = nextPeriod(d.every, p);
  const due = periodDue(task, p);
  return due >= span.start && due <= span.end ? due : undefined;
}
