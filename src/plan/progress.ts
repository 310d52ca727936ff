/**
 * One truth for progress: every place that counts how far a plan or an agency has come (/tiendo's text, the progress
 * chart, the digests, the Excel report, the desk page) counts here, so their numbers and orders cannot drift apart.
 *
 * The unit of an agency's progress is its **part**: a task × an agency that must report on it itself — the task's
 * lead agencies, with a group that lists its members (the 9 districts) replaced by each member, and a group without a
 * member list (UBND cấp xã) counted as one party (`requiredParties`). Exactly the parts an official can tick.
 * - **Lead only**: coordinating agencies report nothing, so a task an agency only coordinates is never its part; a
 *   task it coordinates and also leads through a group that lists it is its part (it must report).
 * - **A group with listed members**, asked about as a whole, is the sum of its members' parts.
 * - **A plan's progress counts tasks**, each in the state of the whole task (done when every part is done).
 * - **Furthest behind first**: the most overdue parts first, then the lowest share done on time, then the fewest
 *   done, then by name.
 * Statuses come from the caller's state function (the engine's, with extensions and recurring periods), never
 * recomputed here.
 */
import type { Directory } from './agencies.ts';
import type { Task } from './schema.ts';
import { requiredParties, type Status, type TaskState } from './status.ts';

export const STATUSES: readonly Status[] = ['done_on_time', 'done_late', 'in_progress', 'overdue'];

/** Counts by status, their total, and the shares done (on time or late) and done on time, in whole percent. */
export interface Counts {
  c: Record<Status, number>;
  total: number;
  done: number;
  pct: number;
  pctOnTime: number;
}

export interface Part {
  task: Task;
  party: string;
  status: Status;
  due?: string;
  /** The period in question (its last day), for a recurring task. */
  period?: string;
  /** The due date before an approved extension moved it. */
  extendedFrom?: string;
}

export interface AgencyRow extends Counts {
  party: string;
  label: string;
}

/** The state of a task (without `party`) or of one party's own part. */
export type StateOf = (task: Task, party?: string) => TaskState;

const percent = (n: number, total: number) => (total === 0 ? 0 : Math.round((100 * n) / total));

/** Counts of a list of statuses. */
export function countsOf(statuses: Iterable<Status>): Counts {
  const c: Record<Status, number> = { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 };
  for (const s of statuses) c[s]++;
  const total = STATUSES.reduce((n, s) => n + c[s], 0);
  const done = c.done_on_time + c.done_late;
  return { c, total, done, pct: percent(done, total), pctOnTime: percent(c.done_on_time, total) };
}

/** The parties an agency stands for: itself, or the members of a group that lists them. */
export function partiesOf(dir: Directory, agency: string): Set<string> {
  return new Set(dir.isGroup(agency) && dir.members(agency).length > 0 ? [agency, ...dir.members(agency)] : [agency]);
}

/** The tasks on which an agency must report itself (its own parts: what its officials tick), in plan order. */
export function tasksWithPart(tasks: readonly Task[], dir: Directory, agency: string): Task[] {
  return tasks.filter((task) => requiredParties(task, dir).includes(agency));
}

/** Every part of the tasks (with `agency`, that agency's only), each with its state. */
export function partsOf(tasks: readonly Task[], dir: Directory, state: StateOf, agency?: string): Part[] {
  const mine = agency ? partiesOf(dir, agency) : undefined;
  const parts: Part[] = [];
  for (const task of tasks) {
    for (const party of requiredParties(task, dir)) {
      if (mine && !mine.has(party)) continue;
      const s = state(task, party);
      parts.push({
        task,
        party,
        status: s.status,
        ...(s.due ? { due: s.due } : {}),
        ...(s.period ? { period: s.period.end } : {}),
        ...(s.extendedFrom ? { extendedFrom: s.extendedFrom } : {}),
      });
    }
  }
  return parts;
}

/** A plan's (or a section's) progress: its tasks, each counted once in the state of the whole task. */
export function taskCounts(tasks: readonly Task[], state: StateOf): Counts {
  return countsOf(tasks.map((task) => state(task).status));
}

/** Furthest behind first: the most overdue, then the lowest share done on time, then the fewest done, then by name. */
export function behindFirst(a: AgencyRow, b: AgencyRow): number {
  return b.c.overdue - a.c.overdue || a.pctOnTime - b.pctOnTime || a.pct - b.pct || a.label.localeCompare(b.label, 'vi');
}

/** Counts per agency, furthest behind first. */
export function agencyRows(parts: readonly Part[], label: (party: string) => string): AgencyRow[] {
  const byAgency = new Map<string, Status[]>();
  for (const p of parts) {
    let list = byAgency.get(p.party);
    if (!list) byAgency.set(p.party, (list = []));
    list.push(p.status);
  }
  return [...byAgency.entries()].map(([party, statuses]) => ({ party, label: label(party), ...countsOf(statuses) })).sort(behindFirst);
}
