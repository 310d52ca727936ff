/**
 * What the weekly digest and the deadline reminders say. Pure: plan, state and today in, text and buttons out.
 */
import { deadlineNow, deadlineWords, excerpt } from '../answer/format.ts';
import type { CoreDeps } from '../core/kernel/deps.ts';
import { type PlanScope, rows } from '../core/kernel/feature.ts';
import { tick } from '../core/actions/tasks.ts';
import { type Button, type Post, say } from '../core/kernel/outcome.ts';
import { addDays, daysBetween, formatDate } from '../plan/deadline.ts';
import type { Plan, Task } from '../plan/schema.ts';
import type { Engine } from '../answer/engine.ts';
import { type PlanEntry, planProgress } from '../core/kernel/catalog.ts';
import { countsOf, type Part, partsOf } from '../plan/progress.ts';
import { progressPhoto } from '../report/chart.ts';
import type { Official, ReadonlyDeep } from '../store/port.ts';

/** What a digest is composed from: one plan, the state, the directory and the language. */
export type DigestDeps = Pick<CoreDeps, 'store' | 'dir' | 't'> & {
  plan: Plan;
  engine: Engine;
  /** The plan's scope for its ✅ buttons: they carry its key where several plans are served. */
  scope: PlanScope;
};

/** The digest deps of one plan of the catalog. */
export const planDeps = (deps: Pick<CoreDeps, 'store' | 'dir' | 't' | 'plans'>, entry: PlanEntry): DigestDeps => ({
  store: deps.store,
  dir: deps.dir,
  t: deps.t,
  plan: entry.plan,
  engine: entry.engine,
  scope: { plan: entry, deps: { plans: deps.plans } },
});

/** A digest or a reminder: a post like any reply, rendered by each messenger's presenter. */
export type Digest = Post;

/** ✅ for a task, in its plan's scope. */
const tickButton = (deps: DigestDeps, id: string): Button => tick.button('tick', say('button.tick', { id }), { taskId: id, src: 'a' }, deps.scope);

const CONTENT = 140;
/**
 * Tasks a digest lists at most, each with its ✅ (a numbered choice on Zalo), overdue first: the rest are counted,
 * and /viec lists them all. Twenty lines keep a digest within two Telegram messages and three Zalo ones.
 */
export const DIGEST_TASKS = 20;

/** A task's line: its deadline as it stands (an approved extension's date, with the plan's), status, latest progress. */
function line(deps: DigestDeps, task: Task, part: Pick<Part, 'due' | 'extendedFrom'>, statusKey: string, agency?: string): string {
  const note = agency ? deps.store.latestProgress(deps.plan.id, task.id, agency) : undefined;
  const progress = note ? `\n   ${deps.t('progress.line', { date: formatDate(note.at.slice(0, 10)), text: excerpt(note.text, 120) })}` : '';
  // An approved extension is the deadline: "30/06/2027 (gia hạn; hạn gốc 31/03/2019)".
  // The date once: "Quý I/2019 (31/03/2019)", but "31/03/2019", not "31/03/2019 (31/03/2019)".
  const words = deadlineWords(task, deps.t);
  const date = part.due ? formatDate(part.due) : '';
  const deadline = part.extendedFrom ? deadlineNow(task, part, deps.t) : date && !words.includes(date) ? `${words} (${date})` : words;
  // A late recurring task names the period that is late (its due date is that period's end).
  const missed =
    task.deadline.kind === 'recurring' && statusKey === 'status.overdue' && part.due ? ` · ${deps.t('task.periodMissed', { date: formatDate(part.due) })}` : '';
  return `• ${task.id} — ${excerpt(task.content, CONTENT)}\n   ${deps.t('task.deadlineShort', { deadline })} · ${deps.t(statusKey)}${missed}${progress}`;
}

/** The weekly digest of one agency, as its officials receive it. Never empty. */
export function agencyDigest(deps: DigestDeps, agency: string, today: string, remindDays: number): Digest {
  const opts = { today, completions: deps.store.completions(deps.plan.id) };
  // The agency's own parts, counted as /tiendo, the chart and the report count them (plan/progress.ts).
  const mine = partsOf(deps.engine.withPart(agency), deps.dir, (task, party) => deps.engine.stateOf(task, opts, party), agency);
  const horizon = addDays(today, remindDays);
  // Overdue first, then due soon, then a recurring period not yet reported.
  const groups = { overdue: [] as Part[], soon: [] as Part[], recurring: [] as Part[] };
  for (const part of mine) {
    const { task, status, due } = part;
    if (status === 'done_on_time' || status === 'done_late') continue;
    if (status === 'overdue') groups.overdue.push(part);
    else if (task.deadline.kind === 'recurring' && status === 'in_progress') groups.recurring.push(part);
    else if (due && due <= horizon) groups.soon.push(part);
  }
  let room = DIGEST_TASKS;
  const tick: Button[] = [];
  const listed = (group: Part[], statusKey: string) => {
    const shown = group.slice(0, Math.max(0, room));
    room -= shown.length;
    for (const p of shown) tick.push(tickButton(deps, p.task.id));
    const lines = shown.map((p) => line(deps, p.task, p, statusKey, agency));
    return group.length > shown.length ? [...lines, deps.t('digest.moreHere', { n: group.length - shown.length })] : lines;
  };
  const overdue = listed(groups.overdue, 'status.overdue');
  const soon = listed(groups.soon, 'status.in_progress');
  const recurring = listed(groups.recurring, 'status.in_progress');
  const unlisted = groups.overdue.length + groups.soon.length + groups.recurring.length - tick.length;
  const k = countsOf(mine.map((p) => p.status));
  const weekAgo = addDays(today, -7);
  const ticked = deps.store.reportsBetween(deps.plan.id, agency, weekAgo, today);
  // An agency that leads nothing is told so, not "0/0 (0%)".
  const progress = k.total === 0 ? deps.t('digest.progressNone') : deps.t('digest.progress', { done: k.done, total: k.total, pct: k.pct });
  const label = deps.dir.label(agency);
  const tickedText =
    ticked.length > 0 ? `${deps.t('digest.ticked', { n: ticked.length })}\n${ticked.map((c) => `• ${c.taskId} (${formatDate(c.on)})`).join('\n')}` : '';
  if (tick.length === 0) {
    const clear = deps.t('digest.allClear', { agency: label, plan: deps.plan.number, date: formatDate(today), progress });
    return { text: tickedText ? `${clear}\n\n${tickedText}` : clear };
  }
  const parts = [deps.t('digest.header', { agency: label, plan: deps.plan.number, date: formatDate(today) })];
  if (overdue.length > 0) parts.push(`${deps.t('digest.overdue', { n: groups.overdue.length })}\n${overdue.join('\n')}`);
  if (soon.length > 0) parts.push(`${deps.t('digest.soon', { n: groups.soon.length, days: remindDays })}\n${soon.join('\n')}`);
  if (recurring.length > 0) parts.push(`${deps.t('digest.recurring', { n: groups.recurring.length })}\n${recurring.join('\n')}`);
  if (tickedText) parts.push(tickedText);
  parts.push(progress);
  // Every task listed has its ✅; those not listed are counted, and /viec has them all.
  const unlistedOverdue = groups.overdue.length - Math.min(groups.overdue.length, DIGEST_TASKS);
  return {
    text: [
      parts.join('\n\n'),
      '',
      say('digest.footer'),
      // "còn 6 việc quá hạn nữa" when all of them are late, "(2 quá hạn)" when some are, nothing when none is.
      ...(unlisted > 0
        ? [
            unlistedOverdue === unlisted
              ? say('digest.moreOverdueOnViec', { n: unlisted, shown: tick.length })
              : unlistedOverdue === 0
                ? say('digest.moreLaterOnViec', { n: unlisted, shown: tick.length })
                : say('digest.moreOnViec', { n: unlisted, overdue: unlistedOverdue, shown: tick.length }),
          ]
        : []),
    ],
    buttons: rows(tick, 4),
  };
}

/** The plan-wide digest for admins: counts per status, agencies furthest behind first, the overdue list. */
export function adminDigest(deps: DigestDeps, today: string): Digest {
  const opts = { today, completions: deps.store.completions(deps.plan.id) };
  const q = (intent: 'progress' | 'overdue') => deps.engine.answer({ intent, focus: 'all', agencies: [], agencyFuzzy: false, words: [] }, opts).text;
  return {
    text: [deps.t('digest.adminHeader', { plan: deps.plan.number, date: formatDate(today) }), q('progress'), q('overdue')].join('\n\n'),
    // The picture of the same: per agency, stacked by status, furthest behind first.
    photo: progressPhoto(deps, today),
  };
}

/** The admins' digest over several plans: a line per plan (done, overdue), those furthest behind first. */
export function adminDigestOf(deps: Pick<CoreDeps, 'store' | 'dir' | 't'>, plans: readonly PlanEntry[], today: string): Digest {
  const lines = plans.map((entry) => {
    const k = planProgress(entry, { today, completions: deps.store.completions(entry.plan.id) });
    return {
      overdue: k.c.overdue,
      text: deps.t('digest.planLine', { plan: entry.plan.number, done: k.done, total: k.total, pct: k.pct, overdue: k.c.overdue }),
    };
  });
  lines.sort((a, b) => b.overdue - a.overdue);
  return { text: [deps.t('digest.adminHeaderAll', { n: plans.length, date: formatDate(today) }), ...lines.map((l) => l.text)].join('\n') };
}

export interface Reminder {
  official: ReadonlyDeep<Official>;
  task: Task;
  due: string;
  daysLeft: number;
  /** Keys to record: this offset and any larger one, so an earlier reminder is not sent after a later one. */
  keys: string[];
  digest: Digest;
}

/** Reminders due today: REMIND_BEFORE days before a due date, once per task, agency, due date and recipient. */
export function dueReminders(deps: DigestDeps, officials: readonly ReadonlyDeep<Official>[], today: string, before: readonly number[]): Reminder[] {
  const offsets = [...before].sort((a, b) => a - b);
  const sent = deps.store.remindersSent();
  const opts = { today, completions: deps.store.completions(deps.plan.id) };
  const out: Reminder[] = [];
  const byAgency = new Map<string, ReadonlyDeep<Official>[]>();
  for (const o of officials) byAgency.set(o.agency, [...(byAgency.get(o.agency) ?? []), o]);
  for (const [agency, people] of byAgency) {
    for (const task of deps.engine.withPart(agency)) {
      const s = deps.engine.stateOf(task, opts, agency);
      if (s.status !== 'in_progress' || !s.due) continue;
      const daysLeft = daysBetween(today, s.due);
      const offset = offsets.find((d) => daysLeft >= 0 && daysLeft <= d);
      if (offset === undefined) continue;
      for (const official of people) {
        const keys = offsets.filter((d) => d >= offset).map((d) => `${deps.plan.id}|${task.id}|${agency}|${s.due}|${d}|${official.id}`);
        if (sent.has(keys[0]!)) continue;
        const text = deps.t(daysLeft === 0 ? 'reminder.today' : 'reminder.text', {
          n: daysLeft,
          id: task.id,
          content: excerpt(task.content, 200),
          date: formatDate(s.due),
          agency: deps.dir.label(agency),
        });
        out.push({
          official,
          task,
          due: s.due,
          daysLeft,
          keys,
          digest: { text, buttons: [[tickButton(deps, task.id)]] },
        });
      }
    }
  }
  return out;
}
