/** Rendering tasks as plain text for chat: a compact list line and a full card. Channels add their markup. */
import type { T } from '../i18n.ts';
import { formatDate } from '../plan/deadline.ts';
import type { Plan, Task } from '../plan/schema.ts';
import type { Status, TaskState } from '../plan/status.ts';
import { deadlineEn } from '../understand/english.ts';

/** What a reply says about one task; also the JSON shape of `npm run ask -- --json`. */
export interface TaskView {
  id: string;
  content: string;
  lead: string[];
  coordinate: string[];
  deadline: string;
  /** The due date that decides the status (for recurring tasks, the period in question); null if none. */
  due: string | null;
  status: Status;
  progress: { done: number; required: number };
}

export function taskView(task: Task, state: TaskState): TaskView {
  return {
    id: task.id,
    content: task.content,
    lead: task.lead.map(partyText),
    coordinate: task.coordinate.map(partyText),
    deadline: task.deadline.text,
    due: state.due ?? null,
    status: state.status,
    progress: { done: state.done, required: state.required },
  };
}

function partyText(p: Task['lead'][number]): string {
  return p.note ? `${p.name} (${p.note})` : p.name;
}

/** The deadline as the plan words it ("Quý III/2020"), in the reader's language ("Q3 2020"), or "không ghi". */
export function deadlineWords(task: Task, t: T): string {
  const text = task.deadline.text;
  if (!text) return t('deadline.none');
  return t('lang.code') === 'en' ? deadlineEn(text) : text;
}

/**
 * The deadline as it stands: the date an approved extension set, with the plan's ("30/06/2027 (gia hạn; hạn gốc
 * 31/03/2019)"), else the deadline as the plan words it.
 */
export function deadlineNow(task: Task, state: Pick<TaskState, 'due' | 'extendedFrom'>, t: T): string {
  if (state.extendedFrom && state.due) return t('deadline.extended', { date: formatDate(state.due), from: formatDate(state.extendedFrom) });
  return deadlineWords(task, t);
}

export function deadlineText(task: Task, state: TaskState, t: T): string {
  const d = task.deadline;
  if (state.extendedFrom && state.due) return deadlineNow(task, state, t);
  if (!d.text) return t('deadline.none');
  const text = deadlineWords(task, t);
  switch (d.kind) {
    case 'date':
      return text;
    case 'period':
      return t('deadline.period', { text, date: formatDate(d.due!) });
    case 'recurring':
      return t(state.firstAhead ? 'deadline.recurringFirst' : 'deadline.recurring', { text, date: formatDate(state.due!) });
    case 'continuous':
      return t('deadline.continuous', { text });
    case 'unknown':
      return t('deadline.unknown', { text: d.text });
  }
}

export function statusText(task: Task, state: TaskState, t: T): string {
  const label = t(`status.${state.status}`);
  const parts = [label];
  if (state.required > 1 && state.status !== 'done_on_time' && state.status !== 'done_late') {
    parts.push(t('task.partsDone', { done: state.done, required: state.required }));
  }
  if (task.deadline.kind === 'recurring' && state.period && state.status === 'overdue') {
    parts.push(t('task.periodMissed', { date: formatDate(state.period.end) }));
  }
  return parts.join(' · ');
}

/**
 * "• II.1 — content" then one line of lead · deadline · status. `compact` (a long list read on a phone): content cut
 * short, the deadline as written, the status alone; `due`, the due date this list is about (a recurring task's
 * date within the period asked).
 */
export function taskLine(
  task: Task,
  state: TaskState,
  t: T,
  opts: { lead?: boolean; compact?: boolean; due?: string; width?: number; phrase?: number; status?: boolean } = {},
): string {
  if (opts.compact) {
    const lead = task.lead.map((p) => p.name).join(', ') || t('task.nobody');
    const deadline = state.extendedFrom ? deadlineNow(task, state, t) : deadlineWords(task, t) + (opts.due ? ` (${formatDate(opts.due)})` : '');
    // A recurring task that is late says which period: its date alone would be the next period's.
    const missed = task.deadline.kind === 'recurring' && state.period && state.status === 'overdue';
    const status = t(`status.${state.status}`) + (missed ? ` · ${t('task.periodMissed', { date: formatDate(state.period!.end) })}` : '');
    const meta = [...(opts.lead === false ? [] : [excerpt(lead, 50)]), deadline, ...(opts.status === false ? [] : [status])];
    return `• ${task.id} — ${excerpt(task.content, opts.width ?? 95, opts.phrase ?? 25)}\n   ${meta.join(' · ')}`;
  }
  const meta = [
    ...(opts.lead === false ? [] : [t('task.leadShort', { names: task.lead.map(partyText).join(', ') || t('task.nobody') })]),
    t('task.deadlineShort', { deadline: deadlineText(task, state, t) }),
    statusText(task, state, t),
  ];
  return `• ${task.id} — ${task.content}\n   ${meta.join(' · ')}`;
}

/** Everything about one task: content, lead, coordination, deadline, status. */
export function taskCard(plan: Plan, task: Task, state: TaskState, t: T, today: string): string {
  const section = plan.sections.find((s) => s.id === task.section);
  const lines = [
    t('task.cardTitle', { id: task.id, section: section ? `${section.id}. ${section.title}` : task.section }),
    task.content,
    `• ${t('task.lead', { names: task.lead.map(partyText).join(', ') || t('task.nobody') })}`,
    `• ${t('task.coordinate', { names: task.coordinate.map(partyText).join(', ') || t('task.nobody') })}`,
    `• ${t('task.deadline', { deadline: deadlineText(task, state, t) })}`,
    `• ${t('task.status', { status: statusText(task, state, t), date: formatDate(today) })}`,
  ];
  if (task.product) lines.push(`• ${t('task.product', { text: task.product })}`);
  if (task.note) lines.push(`• ${t('task.note', { text: task.note })}`);
  return lines.join('\n');
}

/** Shorten long body text for a list, at a word boundary. */
export function excerpt(text: string, max: number, phrase = 0): string {
  if (text.length <= max) return text;
  // Up to `phrase` more characters to end the phrase cut into ("… cơ sở dữ liệu quốc gia về dân cư,…", not "… quốc…").
  const end = phrase > 0 ? text.slice(max, max + phrase + 1).search(/[,;:.]/) : -1;
  if (end >= 0) return max + end + 1 >= text.length ? text : `${text.slice(0, max + end)}…`;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
