/** One composer per kind of question: Question + plan + state + today → Reply. */
import type { T } from '../i18n.ts';
import { type Directory, partyId } from '../plan/agencies.ts';
import { addDays, daysBetween, formatDate, type Span } from '../plan/deadline.ts';
import type { Assignment, Plan, Task } from '../plan/schema.ts';
import { type CompletionMap, type Status, type TaskState, dueWithin, taskState } from '../plan/status.ts';
import { agencyRows, type Counts, countsOf, partsOf, type StateOf, taskCounts } from '../plan/progress.ts';
import { deadlineEn, periodLabelEn } from '../understand/english.ts';
import { ROMAN } from '../understand/periods.ts';
import { type Question, withoutPlanRef } from '../understand/intents.ts';
import { language, namesImplementation } from '../understand/language.ts';
import { canonicalTokens } from '../text/canonical.ts';
import { fold } from '../text/fold.ts';
import type { SearchHit, TaskSearch } from '../understand/search.ts';
import { type TaskView, deadlineNow, deadlineWords, excerpt, statusText, taskCard, taskLine, taskView } from './format.ts';

export interface Reply {
  intent: string;
  text: string;
  tasks: TaskView[];
  /** How many tasks matched; `tasks` holds those the text shows. */
  total?: number;
  /** Names of the agencies the reply is about. */
  agencies: string[];
  /** The day the reply is as of, when it depends on today. */
  asOf?: string;
  /** Further pages when the whole answer is longer than one message. */
  more?: string[];
  /** What the chat has now been shown, for follow-ups. */
  context?: import('../understand/followup.ts').ChatContext;
  /** The plans (by number) whose passed period this reply says: said once a conversation, not in every answer. */
  horizonSaid?: string[];
  /**
   * The one article the item chosen cites, when the question asked which ("theo điều mấy"): the engine answers with
   * where the plan cites it (answer/document.ts), not with the item's card.
   */
  citesArticle?: string;
}

/** What search finds: a task of the appendix, or an assignment of the body's "Tổ chức thực hiện". */
export type SearchItem = { kind: 'task'; task: Task } | { kind: 'assignment'; assignment: Assignment };

export interface AnswerContext {
  plan: Plan;
  dir: Directory;
  /** The word index of the plan's tasks and assignments (built on first use: most questions need none). */
  finder(): TaskSearch<SearchItem>;
  /** The words of the plan's title (what names the plan after "kế hoạch"), made once per plan. */
  planName(): ReadonlySet<string>;
  t: T;
  today: string;
  /** Reports by task, and the due dates approved extensions moved (`dues`): the store's facts, passed in. */
  completions: CompletionMap;
  /** Days ahead that count as "coming due". */
  upcomingDays: number;
  /** Most tasks listed in one reply. */
  maxList: number;
  /** Task states for this day and these completions (shared across questions). */
  states: Map<Task, TaskState>;
  /** The states of agencies' own parts of tasks, by agency, for this day and these completions. */
  parts: Map<string, Map<Task, TaskState>>;
  /**
   * Lists worked out from those states (the overdue tasks of a scope, in order): kept, like the states, for as long
   * as the day and the completions are the same, so the same question asked again does not filter and sort anew.
   */
  lists: Map<string, Task[]>;
  /** An agency's lead and coordinate tasks, which do not depend on the day (kept for the life of the plan). */
  roles: Map<string, Roles>;
  /** Only how many tasks answer: composers may skip their text (see AskOptions.tally). */
  tally: boolean;
  /** Positions of the tasks naming an agency or group as lead or coordinator (built once per plan). */
  byAgency: ReadonlyMap<string, readonly number[]>;
}

/** An agency's tasks by role and the body's assignments naming it: they do not depend on the day. */
export interface Roles {
  lead: Task[];
  coordinate: Task[];
  assigned: Assignment[];
}

/** Tasks that name any of an agency's identities (itself or its groups), in plan order. */
function candidates(ctx: AnswerContext, agency: string): Task[] {
  const positions = new Set<number>();
  for (const id of ctx.dir.identities(agency)) for (const i of ctx.byAgency.get(id) ?? []) positions.add(i);
  return [...positions].sort((a, b) => a - b).map((i) => ctx.plan.tasks[i]!);
}

/** Index tasks by every agency they name: agency id → positions in plan.tasks, ascending. */
export function indexByAgency(plan: Plan): Map<string, number[]> {
  const out = new Map<string, number[]>();
  plan.tasks.forEach((task, i) => {
    const ids = new Set([...task.lead, ...task.coordinate].map(partyId));
    for (const id of ids) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(i);
    }
  });
  return out;
}

/** Compare ISO dates (or ''), which sort as text; cheaper than localeCompare. */
const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Confident when the best task matched this share of the question's weight (and two words or more). */
const STRONG = 0.6;
const WEAK = 0.35;

export function stateOf(ctx: AnswerContext, task: Task): TaskState {
  let s = ctx.states.get(task);
  if (!s) ctx.states.set(task, (s = taskState(task, { today: ctx.today, planDate: ctx.plan.date, dir: ctx.dir, completions: ctx.completions })));
  return s;
}

/** The state of one agency's own part of a task. */
function partState(ctx: AnswerContext, task: Task, agency: string): TaskState {
  let mine = ctx.parts.get(agency);
  if (!mine) ctx.parts.set(agency, (mine = new Map()));
  let s = mine.get(task);
  if (!s) mine.set(task, (s = taskState(task, { today: ctx.today, planDate: ctx.plan.date, dir: ctx.dir, completions: ctx.completions }, agency)));
  return s;
}

/** A task's state for this reply: computed on first use (and cached for the day by stateOf/partState). */
type States = { get(task: Task): TaskState | undefined };

/** What a long list may take of a page, its head and notes beside it (a page is PAGE_CHARS, 1,900). */
const LIST_CHARS = 1650;

/** Lines for at most maxList tasks; the tasks shown are collected so the reply carries exactly those. */
function list(
  ctx: AnswerContext,
  tasks: Task[],
  states: States,
  opts: { lead?: boolean; dueOf?: ReadonlyMap<Task, string>; compact?: boolean } = {},
  shownOut?: Task[],
): string {
  const visible = tasks.slice(0, ctx.maxList);
  shownOut?.push(...visible);
  // A long list is read on a phone: each task in two short lines, the whole card one question away.
  const compact = opts.compact ?? tasks.length > 3;
  // A long list keeps each line shorter, so that the first message holds the whole list (a page is PAGE_CHARS).
  const long = visible.length > 8;
  // Every one of a long list late (the overdue list says so in its head): "Quá hạn" on each line says nothing more.
  const allLate = long && visible.every((task) => states.get(task)!.status === 'overdue' && task.deadline.kind !== 'recurring');
  const lines = (width: number) =>
    visible.map((task) => {
      const due = opts.dueOf?.get(task);
      return taskLine(task, states.get(task)!, ctx.t, {
        ...(opts.lead === false ? { lead: false } : {}),
        compact,
        ...(due ? { due } : {}),
        ...(long ? { width, phrase: 0 } : {}),
        ...(allLate ? { status: false } : {}),
      });
    });
  // (Too long still for a page with its head: shorter, so the fourteen late tasks of a plan's end fit one message.)
  let shown = lines(75);
  if (long && shown.join('\n').length > LIST_CHARS) shown = lines(58);
  if (tasks.length > ctx.maxList) shown.push(ctx.t('list.more', { n: tasks.length - ctx.maxList }));
  return shown.join('\n');
}

/** `tasks` are the tasks the text shows (at most maxList a list); `total` counts all that matched. */
function reply(ctx: AnswerContext, intent: string, text: string, tasks: Task[], states: States, agencies: string[] = [], total = tasks.length): Reply {
  return {
    intent,
    text,
    tasks: tasks.map((task) => taskView(task, states.get(task)!)),
    total,
    agencies: agencies.map((a) => ctx.dir.label(a)),
    asOf: ctx.today,
  };
}

const asOf = (ctx: AnswerContext) => formatDate(ctx.today);
/** A period as the sentence takes it: "trong tháng 9/2025", but a limit as it is ("chậm nhất ngày 30/6/2019", "từ nay đến …"). */
const periodPhrase = (ctx: AnswerContext, label: string) => (/^(?:chậm nhất|từ |by |from )/u.test(label) ? label : ctx.t('period.in', { label }));
const scopeOf = (ctx: AnswerContext, agency?: string) => (agency ? ctx.t('scope.agency', { agency: ctx.dir.label(agency) }) : '');

/** How an agency is involved in a task: lead or coordinate, directly or through one of its groups. */
export function roleIn(ctx: AnswerContext, task: Task, agency: string): { role: 'lead' | 'coordinate'; via?: string } | undefined {
  const ids = ctx.dir.identities(agency);
  const direct = (parties: Task['lead']) => parties.some((p) => partyId(p) === agency);
  const viaGroup = (parties: Task['lead']) => parties.find((p) => p.agency && p.agency !== agency && ids.includes(p.agency))?.agency;
  if (direct(task.lead)) return { role: 'lead' };
  if (direct(task.coordinate)) return { role: 'coordinate' };
  const leadVia = viaGroup(task.lead);
  if (leadVia) return { role: 'lead', via: leadVia };
  const coordVia = viaGroup(task.coordinate);
  if (coordVia) return { role: 'coordinate', via: coordVia };
  return undefined;
}

/** The groups ("các sở, ban, ngành") through which alone an agency has these tasks and assignments; none if it is named. */
function groupsOnly(ctx: AnswerContext, agency: string, tasks: readonly Task[], assigned: readonly Assignment[]): string[] {
  const ids = ctx.dir.identities(agency);
  const groups = new Set<string>();
  for (const task of tasks) {
    const via = roleIn(ctx, task, agency)?.via;
    if (!via) return [];
    groups.add(via);
  }
  for (const a of assigned) {
    const parties = [...a.lead, ...a.coordinate];
    if (parties.some((p) => partyId(p) === agency)) return [];
    const group = parties.map(partyId).find((id) => id !== agency && ids.includes(id));
    if (group) groups.add(group);
  }
  return [...groups];
}

function assignmentsOf(ctx: AnswerContext, agency: string): Assignment[] {
  const ids = ctx.dir.identities(agency);
  return ctx.plan.assignments.filter((a) => [...a.lead, ...a.coordinate].some((p) => ids.includes(partyId(p))));
}

/**
 * States of these tasks. With `ownPartOf`, every task is led by that agency and its own part is what counts;
 * without, the task as a whole.
 */
function statesFor(ctx: AnswerContext, tasks: readonly Task[], ownPartOf?: string): States {
  // Made on first use: a tally (or an empty list) never looks a state up.
  let mine: Set<Task> | undefined;
  return {
    get(task) {
      mine ??= new Set(tasks);
      if (!mine.has(task)) return undefined;
      return ownPartOf ? partState(ctx, task, ownPartOf) : stateOf(ctx, task);
    },
  };
}

/** States from several sources, first match wins; sources added to the array later are seen too. */
function merged(sources: readonly States[]): States {
  return { get: (task) => sources.reduce<TaskState | undefined>((hit, s) => hit ?? s.get(task), undefined) };
}

/** "A và B cùng chủ trì những việc nào": the tasks every named agency shares (in the role asked, if any). */
function togetherAnswer(ctx: AnswerContext, q: Question): Reply | undefined {
  const agencies = q.agencies.slice(0, 3);
  const inRole = (task: Task, a: string) => {
    const r = roleIn(ctx, task, a);
    return r !== undefined && (!q.role || r.role === q.role);
  };
  const shared = ctx.plan.tasks.filter((task) => agencies.every((a) => inRole(task, a)));
  const names = agencies.map((a) => ctx.dir.label(a)).join(` ${ctx.t('word.and')} `);
  const role = ctx.t(q.role === 'lead' ? 'together.lead' : q.role === 'coordinate' ? 'together.coordinate' : 'together.any');
  if (shared.length === 0) return undefined;
  const states = statesFor(ctx, shared);
  const text = `${ctx.t('together.header', { names, role, n: shared.length })}\n${list(ctx, shared, states)}`;
  return reply(ctx, 'agency', text, shared.slice(0, ctx.maxList), states, agencies, shared.length);
}

/** "Công an tỉnh phối hợp với những cơ quan nào": for each of its tasks, who leads it and who else coordinates. */
function partnersAnswer(ctx: AnswerContext, agency: string): Reply {
  const roles = rolesOf(ctx, agency);
  const tasks = [...roles.lead, ...roles.coordinate];
  const states = statesFor(ctx, tasks, agency);
  const label = ctx.dir.label(agency);
  const others = (ps: Task['lead']) => ps.filter((p) => partyId(p) !== agency).map((p) => p.name);
  const names = new Set<string>();
  const lines = tasks.map((task) => {
    const leads = roles.lead.includes(task);
    const lead = others(task.lead);
    const coordinate = others(task.coordinate);
    for (const n of [...lead, ...coordinate]) names.add(n);
    // Leading: who leads with it, who coordinates; coordinating: who leads, who coordinates with it.
    const parts = [
      ...(lead.length > 0 ? [ctx.t(leads ? 'partners.coLead' : 'task.leadShort', { names: lead.join(', ') })] : []),
      ...(coordinate.length > 0 ? [ctx.t(leads ? 'task.coordinate' : 'partners.with', { names: coordinate.join(', ') })] : []),
    ];
    return `• ${task.id} — ${excerpt(task.content, 70)}\n   ${parts.join(' · ') || ctx.t('partners.alone')}`;
  });
  const head =
    tasks.length > 0
      ? ctx.t('partners.header', { agency: label, plan: ctx.plan.number, n: names.size })
      : ctx.t('agency.none', { agency: label, plan: ctx.plan.number, period: '' });
  return reply(ctx, 'agency', [head, ...lines].join('\n'), tasks.slice(0, ctx.maxList), states, [agency], tasks.length);
}

export function agencyAnswer(ctx: AnswerContext, q: Question): Reply {
  if (q.partners && q.agencies.length === 1 && !q.period && !q.section && !q.yesNo) return partnersAnswer(ctx, q.agencies[0]!);
  if (q.together) {
    const shared = togetherAnswer(ctx, q);
    if (shared) return shared;
    // Nothing shared: said so, then what each has.
    const each = agencyAnswer(ctx, { ...q, together: false });
    const names = q.agencies.map((a) => ctx.dir.label(a)).join(` ${ctx.t('word.and')} `);
    return { ...each, text: `${ctx.t('together.none', { names })}\n\n${each.text}` };
  }
  if (q.implementation && !ctx.tally) {
    const answered = implementationAnswer(ctx, q);
    if (answered) return answered;
  }
  const sections: string[] = [];
  const all: Task[] = [];
  const shown: Task[] = [];
  const sources: States[] = [];
  const statesAll = merged(sources);
  for (const agency of q.agencies.slice(0, 3)) {
    const label = ctx.dir.label(agency);
    const roles = rolesOf(ctx, agency);
    const due = q.period ? within(ctx, q.period) : undefined;
    // "Sở Nội vụ có chủ trì việc nào ở mục III không": a section of the appendix narrows like a period.
    const inPeriod = (task: Task) => (!due || due.has(task)) && (!q.section || task.section === q.section);
    const scoped = q.period !== undefined || q.section !== undefined;
    // Each role's tasks within the period or section asked (a count gives both, whichever role was asked).
    const leadInScope = scoped ? roles.lead.filter(inPeriod) : roles.lead;
    const coordInScope = scoped ? roles.coordinate.filter(inPeriod) : roles.coordinate;
    let lead = q.role === 'coordinate' ? [] : leadInScope;
    let coord = q.role === 'lead' ? [] : coordInScope;
    // Never a false "no": a role the agency does not have is said so, with what it does have.
    let roleNote = '';
    // A role asked ("có chủ trì việc nào không") is answered by the appendix's tasks; otherwise assignments count too.
    const any = lead.length + coord.length + (q.role || q.section ? 0 : roles.assigned.length) > 0;
    if (q.role && !scoped && lead.length + coord.length === 0 && roles.lead.length + roles.coordinate.length > 0) {
      roleNote = ctx.t(q.role === 'lead' ? 'agency.noLead' : 'agency.noCoordinate', { agency: label, plan: ctx.plan.number });
      lead = roles.lead;
      coord = roles.coordinate;
    }
    // "Sở Công Thương có được giao việc gì không": only through a group ("các sở, ban, ngành") is said so.
    const groups = q.yesNo && !q.count && any && !roleNote ? groupsOnly(ctx, agency, [...lead, ...coord], q.role ? [] : roles.assigned) : [];
    // "Sở KHĐT có chủ trì nv nào ko hay chỉ phối hợp": the role asked held only through a group — what the body is
    // named for in the other role is shown beside it.
    if (groups.length > 0 && q.role && !scoped) {
      lead = roles.lead;
      coord = roles.coordinate;
    }
    const assigned = scoped || q.role === 'coordinate' ? [] : roles.assigned;
    const scope = q.period ? periodPhrase(ctx, q.period.label) : '';
    // " thuộc mục III": a section without a period has its own header.
    const inSection = q.section && !q.period ? ctx.t('scope.section', { section: q.section }) : undefined;
    all.push(...lead, ...coord);
    if (ctx.tally) continue;
    sources.push(statesFor(ctx, lead, agency), statesFor(ctx, coord));
    const head = inSection
      ? ctx.t('agency.headerSection', { agency: label, section: inSection, date: asOf(ctx) })
      : ctx.t(scoped ? 'agency.headerPeriod' : 'agency.header', { agency: label, plan: ctx.plan.number, period: scope, date: asOf(ctx) });
    const parts = [(q.agencyFuzzy ? `${ctx.t('agency.understoodAs', { agency: label })}\n` : '') + head];
    if (q.count) {
      // Both numbers are real whichever role was asked ("chủ trì mấy việc" is no "phối hợp 0").
      // (Within the period or the section asked: "mục III … VP UBND tỉnh chủ trì mấy việc" counts mục III's.)
      const [leads, coordinates] = [leadInScope.length, coordInScope.length];
      // "Sở Nội vụ chủ trì 5 nhiệm vụ (4 được giao đích danh, 1 cùng các cơ quan chuyên môn tỉnh)": what is held only as
      // one of a group named in the task is counted apart.
      const note = (tasks: readonly Task[]) => {
        const via = new Map<string, number>();
        for (const task of tasks) {
          const group = roleIn(ctx, task, agency)?.via;
          if (group) via.set(group, (via.get(group) ?? 0) + 1);
        }
        const throughGroups = [...via.values()].reduce((a, b) => a + b, 0);
        if (throughGroups === 0) return '';
        const groups = [...via.keys()].map((g) => ctx.dir.label(g).replace(/^Các /u, 'các ')).join(', ');
        const named = tasks.length - throughGroups;
        return ` ${named > 0 ? ctx.t('agency.countSplit', { named, via: throughGroups, groups }) : ctx.t('agency.countVia', { groups })}`;
      };
      // No role asked ("tham gia tổng cộng mấy việc"): the total first, then each role's.
      const numbers = { agency: label, lead: leads, coordinate: coordinates, leadNote: note(leadInScope), coordinateNote: note(coordInScope) };
      parts.unshift(
        !q.role && leads > 0 && coordinates > 0 ? ctx.t('agency.countAll', { ...numbers, total: leads + coordinates }) : ctx.t('agency.count', numbers),
      );
    }
    if (roleNote) parts.unshift(roleNote);
    if (q.yesNo && !q.count) {
      const groupNames = groups.map((g) => ctx.dir.label(g).replace(/^Các /u, 'các ')).join(', ');
      const verdict =
        groups.length > 0
          ? q.role
            ? ctx.t(q.role === 'lead' ? 'yesno.leadViaGroup' : 'yesno.coordinateViaGroup', { agency: label, groups: groupNames })
            : ctx.t('yesno.yesViaGroup', { agency: label, groups: groupNames })
          : ctx.t(any ? 'yesno.yes' : 'yesno.no');
      // "Không. UBND cấp huyện không phối hợp nhiệm vụ nào …": the verdict and why, in one first line.
      if (roleNote) parts[0] = `${verdict} ${roleNote}`;
      else parts.unshift(verdict);
    }
    if (lead.length + coord.length + assigned.length === 0) {
      parts.push(
        ctx.t(inSection ? 'agency.noneInSection' : scoped ? 'agency.noneInPeriod' : 'agency.none', {
          agency: label,
          plan: ctx.plan.number,
          period: scope,
          section: inSection ?? '',
        }),
      );
      // In a period with nothing due: what the agency does have, and when.
      if (scoped && roles.lead.length + roles.coordinate.length > 0) {
        const own = [...roles.lead, ...roles.coordinate];
        // The reply's tasks read their states from statesAll: these tasks' states must be among its sources.
        sources.push(statesFor(ctx, roles.lead, agency), statesFor(ctx, roles.coordinate));
        parts.push(`${ctx.t('agency.otherwise', { agency: label, n: own.length })}\n${list(ctx, own, statesAll, {}, shown)}`);
      }
    }
    if (lead.length > 0) parts.push(`${ctx.t('agency.asLead', { n: lead.length })}\n${list(ctx, lead, statesAll, {}, shown)}`);
    if (coord.length > 0) parts.push(`${ctx.t('agency.asCoordinate', { n: coord.length })}\n${list(ctx, coord, statesAll, {}, shown)}`);
    if (assigned.length > 0) {
      const lines = assigned.map((a) => `• ${ctx.t('agency.assignmentLine', { number: a.number, text: excerpt(a.text, 140) })}`);
      parts.push(`${ctx.t('agency.assignments', { n: assigned.length })}\n${lines.join('\n')}`);
    }
    sections.push(parts.join('\n\n'));
  }
  return reply(ctx, 'agency', sections.join('\n\n———\n\n'), shown, statesAll, q.agencies, all.length);
}

/**
 * "Theo phần Tổ chức thực hiện, Sở X phải làm gì": the body's assignments naming the agency, in full (they are the
 * answer, not a pointer to it). None for an agency the part does not name: its tasks are answered instead, said so.
 */
function implementationAnswer(ctx: AnswerContext, q: Question): Reply | undefined {
  const agency = q.agencies[0]!;
  const assigned = rolesOf(ctx, agency).assigned;
  const label = ctx.dir.label(agency);
  if (assigned.length === 0) {
    if (ctx.plan.assignments.length === 0) return undefined;
    const rest = agencyAnswer(ctx, { ...q, implementation: false });
    const none = ctx.t('implementation.none', { agency: label, plan: ctx.plan.number });
    return { ...rest, text: `${q.yesNo ? `${ctx.t('yesno.no')} ` : ''}${none}\n\n${rest.text}` };
  }
  // Those naming the agency itself before those reaching it through a group ("Các sở, ban ngành").
  const direct = (a: (typeof assigned)[number]) => [...a.lead, ...a.coordinate].some((p) => partyId(p) === agency);
  const ordered = [...assigned.filter(direct), ...assigned.filter((a) => !direct(a))];
  const lines = ordered.map((a) => `• ${ctx.t('agency.assignmentLine', { number: a.number, text: a.text })}`);
  const head = ctx.t('implementation.header', { agency: label, plan: ctx.plan.number, n: assigned.length });
  return {
    intent: 'assignment',
    text: [q.yesNo ? `${ctx.t('yesno.yes')} ${head}` : head, ...lines].join('\n'),
    tasks: [],
    agencies: [agency],
    asOf: ctx.today,
  };
}

export { partState as partStateOf };

/** An agency's tasks by role, computed once per plan. */
function rolesOf(ctx: AnswerContext, agency: string): Roles {
  let r = ctx.roles.get(agency);
  if (!r) {
    r = { lead: [], coordinate: [], assigned: assignmentsOf(ctx, agency) };
    for (const task of candidates(ctx, agency)) {
      const role = roleIn(ctx, task, agency)?.role;
      if (role) r[role].push(task);
    }
    ctx.roles.set(agency, r);
  }
  return r;
}

function leadTasks(ctx: AnswerContext, agency: string): Task[] {
  return rolesOf(ctx, agency).lead;
}

/**
 * The tasks a status question is about: the agency's (in the role asked: lead by default), within the period and the
 * section asked ("mục I có việc nào quá hạn không": section I's).
 */
function pool(ctx: AnswerContext, q: Question): { tasks: Task[]; own?: string } {
  const agency = q.agencies[0];
  let tasks = !agency ? ctx.plan.tasks : q.role === 'coordinate' ? rolesOf(ctx, agency).coordinate : leadTasks(ctx, agency);
  if (q.period) {
    const due = within(ctx, q.period);
    tasks = tasks.filter((task) => due.has(task));
  }
  const section = sectionAsked(ctx, q);
  if (section) tasks = tasks.filter((task) => task.section === section);
  return { tasks, ...(agency && q.role !== 'coordinate' ? { own: agency } : {}) };
}

/** The appendix's section a list is narrowed to, when the question names one the plan has. */
function sectionAsked(ctx: AnswerContext, q: Question): string | undefined {
  return q.section && ctx.plan.sections.some((x) => x.id === q.section && !x.missingInSource) ? q.section : undefined;
}

/** " thuộc mục I" after a list's name when the question narrowed it to a section; nothing otherwise. */
const sectionScope = (ctx: AnswerContext, q: Question) => {
  const section = sectionAsked(ctx, q);
  return section ? ctx.t('scope.section', { section }) : '';
};

export function overdueAnswer(ctx: AnswerContext, q: Question): Reply {
  const agency = q.agencies[0];
  // Never a false "no": an agency with no task in the role asked is said so, and its other role answered.
  if (agency && q.role) {
    const roles = rolesOf(ctx, agency);
    const other = q.role === 'lead' ? 'coordinate' : 'lead';
    if (roles[q.role].length === 0 && roles[other].length > 0) {
      const note = ctx.t(q.role === 'lead' ? 'agency.noLead' : 'agency.noCoordinate', { agency: ctx.dir.label(agency), plan: ctx.plan.number });
      const r = overdueAnswer(ctx, { ...q, role: other });
      return { ...r, text: `${note}\n${r.text}` };
    }
  }
  const { tasks: candidates, own } = pool(ctx, q);
  const states = statesFor(ctx, candidates, own);
  const section = sectionAsked(ctx, q);
  const key = `overdue|${agency ?? ''}|${q.role ?? ''}|${q.period ? `${q.period.start}|${q.period.end}` : ''}|${section ?? ''}`;
  let tasks = ctx.lists.get(key);
  if (!tasks) {
    tasks = candidates.filter((task) => states.get(task)!.status === 'overdue');
    tasks.sort((a, b) => byDate(states.get(a)!.due ?? '', states.get(b)!.due ?? ''));
    ctx.lists.set(key, tasks);
  }
  const scope =
    scopeOf(ctx, agency) +
    (q.role === 'coordinate' ? ctx.t('scope.coordinating') : '') +
    sectionScope(ctx, q) +
    (q.period ? ctx.t('scope.period', { period: periodPhrase(ctx, q.period.label) }) : '');
  // An agency asked with no role: the overdue tasks it coordinates follow its own, for late help is late work too.
  const helping = agency && !q.role ? overdueCoordinated(ctx, q, agency) : undefined;
  if (helping && helping.tasks.length > 0) {
    const all = merged([states, helping.states]);
    const part = `${ctx.t('overdue.coordinating', { agency: ctx.dir.label(agency!), n: helping.tasks.length })}\n${list(ctx, helping.tasks, all)}`;
    const own = overdueBlock(ctx, scope, tasks, states);
    const head = tasks.length === 0 ? ctx.t('overdue.noneLead', { agency: ctx.dir.label(agency!), date: asOf(ctx) }) : own.text;
    const shown = [...own.tasks, ...helping.tasks];
    return reply(ctx, 'overdue', `${head}\n\n${part}`, shown.slice(0, ctx.maxList), all, [agency!], own.counted + helping.tasks.length);
  }
  if (tasks.length === 0 && (agency || q.period || section) && candidates.length > 0) {
    // Never a bare "no": what is in scope, and where each stands; the nearest due first.
    const counts = new Map<string, number>();
    for (const task of candidates) counts.set(states.get(task)!.status, (counts.get(states.get(task)!.status) ?? 0) + 1);
    const summary = [...counts].map(([status, n]) => `${n} ${ctx.t(`status.${status}`).toLowerCase()}`).join(', ');
    const open = candidates
      .filter((task) => states.get(task)!.status === 'in_progress' && states.get(task)!.due)
      .sort((a, b) => byDate(states.get(a)!.due!, states.get(b)!.due!));
    const text = [
      ctx.t('overdue.none', { scope, date: asOf(ctx) }),
      ctx.t('overdue.inScope', { scope, n: candidates.length, summary }),
      ...(open.length > 0 ? [ctx.t('overdue.nextDue', { n: Math.min(open.length, 3) }), list(ctx, open.slice(0, 3), states)] : []),
    ].join('\n');
    return reply(ctx, 'overdue', text, open.slice(0, 3), states, agency ? [agency] : [], 0);
  }
  if (tasks.length === 0) return reply(ctx, 'overdue', ctx.t('overdue.none', { scope, date: asOf(ctx) }), [], states, agency ? [agency] : [], 0);
  const block = overdueBlock(ctx, scope, tasks, states);
  return reply(ctx, 'overdue', block.text, block.tasks.slice(0, ctx.maxList), states, agency ? [agency] : [], block.counted);
}

/** Tasks with a deadline of their own, and apart the recurring ones: what the overdue and period lists count, and not. */
function ownDeadlineFirst(tasks: readonly Task[]): [Task[], Task[]] {
  const dated: Task[] = [];
  const recurring: Task[] = [];
  for (const task of tasks) (task.deadline.kind === 'recurring' ? recurring : dated).push(task);
  return [dated, recurring];
}

/**
 * The overdue tasks listed: work with a deadline of its own is what is late; a recurring task whose latest turn is not
 * done is said apart and not counted among them — every official asked counted "việc quá hạn" so (as a period's list
 * counts its work). Only recurring turns late: still a "yes" to "có việc gì trễ không", and their number the count.
 */
function overdueBlock(ctx: AnswerContext, scope: string, tasks: readonly Task[], states: States): { text: string; tasks: Task[]; counted: number } {
  const [dated, missed] = ownDeadlineFirst(tasks);
  const turns = missed.length > 0 ? list(ctx, missed, states, { compact: true }) : '';
  const text =
    dated.length === 0
      ? `${ctx.t('overdue.onlyRecurring', { scope, n: missed.length, date: asOf(ctx) })}\n${turns}`
      : [
          `${ctx.t('overdue.header', { scope, n: dated.length, date: asOf(ctx) })}\n${list(ctx, dated, states)}`,
          ...(turns ? [`${ctx.t('overdue.recurringMissed', { n: missed.length })}\n${turns}`] : []),
        ].join('\n');
  return { text, tasks: [...dated, ...missed], counted: dated.length > 0 ? dated.length : missed.length };
}

/** The overdue tasks an agency coordinates (in the period asked), by their overall state, earliest due first. */
function overdueCoordinated(ctx: AnswerContext, q: Question, agency: string): { tasks: Task[]; states: States } {
  let tasks = rolesOf(ctx, agency).coordinate;
  if (q.period) {
    const due = within(ctx, q.period);
    tasks = tasks.filter((task) => due.has(task));
  }
  const section = sectionAsked(ctx, q);
  if (section) tasks = tasks.filter((task) => task.section === section);
  const states = statesFor(ctx, tasks);
  const late = tasks.filter((task) => states.get(task)!.status === 'overdue');
  late.sort((a, b) => byDate(states.get(a)!.due ?? '', states.get(b)!.due ?? ''));
  return { tasks: late, states };
}

export function upcomingAnswer(ctx: AnswerContext, q: Question): Reply {
  const agency = q.agencies[0];
  // "sắp đến hạn trong tháng tới": coming due is from today, up to the period's end (the answer says "từ nay đến …").
  const span = q.period
    ? { start: [q.period.start, ctx.today].sort()[0]!, end: q.period.end }
    : q.notYet
      ? { start: ctx.today, end: '9999-12-31' }
      : { start: ctx.today, end: addDays(ctx.today, ctx.upcomingDays) };
  const notYet = q.notYet && !q.period;
  const { tasks: candidates, own } = pool(ctx, { ...q, period: undefined } as Question);
  const states = statesFor(ctx, candidates, own);
  const key = `upcoming|${agency ?? ''}|${q.role ?? ''}|${span.start}|${span.end}|${sectionAsked(ctx, q) ?? ''}`;
  let tasks = ctx.lists.get(key);
  if (!tasks) {
    const dueSoon = within(ctx, span);
    tasks = candidates.filter((task) => states.get(task)!.status === 'in_progress' && dueSoon.has(task));
    tasks.sort((a, b) => byDate(states.get(a)!.due ?? '', states.get(b)!.due ?? ''));
    ctx.lists.set(key, tasks);
  }
  const params = { scope: scopeOf(ctx, agency) + sectionScope(ctx, q), n: tasks.length, days: ctx.upcomingDays, date: asOf(ctx), end: formatDate(span.end) };
  if (tasks.length === 0) {
    // Never a bare "no": the next ones due after the window, nearest first.
    const next = nextDue(candidates, states, span.end);
    const text = [
      ctx.t(notYet ? 'upcoming.notYetNone' : 'upcoming.none', params),
      ...(next.length > 0 ? [ctx.t('upcoming.nextAfter', { n: next.length }), list(ctx, next, states)] : []),
    ].join('\n');
    // Named in the text only: the reply's tasks are those that answer (none), as a question over many plans counts them.
    return reply(ctx, 'upcoming', text, [], states, agency ? [agency] : [], 0);
  }
  const text = `${ctx.t(notYet ? 'upcoming.notYet' : 'upcoming.header', params)}\n${list(ctx, tasks, states)}`;
  return reply(ctx, 'upcoming', text, tasks.slice(0, ctx.maxList), states, agency ? [agency] : [], tasks.length);
}

/** Up to three tasks still open whose fixed due date comes after `day`, nearest first. */
function nextDue(pool: readonly Task[], states: States, day: string): Task[] {
  // The state's due date: an approved extension's where one moved it.
  const due = (task: Task) => (fixedDue(task) ? (states.get(task)?.due ?? fixedDue(task)) : undefined);
  return pool
    .filter((task) => due(task) && due(task)! > day && states.get(task)?.status === 'in_progress')
    .sort((a, b) => byDate(due(a)!, due(b)!))
    .slice(0, 3);
}

export function periodAnswer(ctx: AnswerContext, q: Question): Reply {
  if (q.agencies.length > 0) return { ...agencyAnswer(ctx, q), intent: 'period' };
  const period = q.period!;
  const firstDue = within(ctx, period);
  const all = ctx.plan.tasks.filter((task) => firstDue.has(task));
  all.sort((a, b) => byDate(firstDue.get(a)!, firstDue.get(b)!));
  // Work with a deadline of its own is what falls due in the period; a recurring task whose turn comes then is said
  // apart ("việc định kỳ đến kỳ"), and not counted among them — officials count "what must be done by then" so.
  const [dated, rhythmic] = ownDeadlineFirst(all);
  const states = statesFor(ctx, all);
  const params = { period: periodPhrase(ctx, period.label), n: dated.length, scope: '' };
  // Short lines with the period's own due date, however few.
  const turns = rhythmic.length > 0 ? list(ctx, rhythmic, states, { dueOf: firstDue, compact: true }) : '';
  if (dated.length === 0 && rhythmic.length > 0) {
    const text = `${ctx.t('period.onlyRecurring', { period: params.period, n: rhythmic.length })}\n${turns}`;
    return reply(ctx, 'period', text, rhythmic.slice(0, ctx.maxList), states, [], 0);
  }
  if (dated.length === 0) {
    // Nothing due then: the first tasks due after it, so that the answer says when work does fall due.
    const after = ctx.plan.tasks.filter((task) => fixedDue(task) && fixedDue(task)! > period.end).sort((a, b) => byDate(fixedDue(a)!, fixedDue(b)!));
    const next = after.filter((task) => fixedDue(task) === fixedDue(after[0]!)).slice(0, 3);
    const nextStates = statesFor(ctx, next);
    const text = [ctx.t('period.none', params), ...(next.length > 0 ? [ctx.t('period.nextAfter', { n: next.length }), list(ctx, next, nextStates)] : [])].join(
      '\n',
    );
    return reply(ctx, 'period', text, [], nextStates, [], 0);
  }
  // A recurring task shows its due date within the period asked, not the current period's.
  const text = [
    `${ctx.t('period.header', params)}\n${list(ctx, dated, states, { dueOf: firstDue })}`,
    ...(turns ? [`${ctx.t('period.recurringTurns', { period: params.period, n: rhythmic.length })}\n${turns}`] : []),
  ].join('\n');
  return reply(ctx, 'period', text, [...dated, ...rhythmic].slice(0, ctx.maxList), states, [], dated.length);
}

let rhythm: Set<string> | undefined;
/** The words of rhythm ("hàng năm", "định kỳ") and filler, once: a task named with its rhythm is searched without them. */
function rhythmWords(): Set<string> {
  const { recurring, cues } = language();
  rhythm ??= new Set([...recurring.flatMap(([c]) => c), ...cues.recurringAny, ...cues.filler].flatMap((c) => c.split(' ')));
  return rhythm;
}

const namedRhythms = new WeakMap<Task, string[]>();
/** The rhythms a recurring task's deadline names: "Định kỳ 6 tháng, hằng năm" is half-yearly and yearly both. */
function rhythmsNamed(task: Task): readonly string[] {
  let hit = namedRhythms.get(task);
  if (!hit) {
    const text = ` ${canonicalTokens(task.deadline.text).join(' ')} `;
    hit = language()
      .recurring.filter(([cues]) => cues.some((c) => text.includes(` ${c} `)))
      .map(([, unit]) => unit);
    namedRhythms.set(task, hit);
  }
  return hit;
}

export function recurringAnswer(ctx: AnswerContext, q: Question): Reply {
  // "quan trắc môi trường định kỳ thế nào", "việc rà soát danh mục TTHC hàng năm nói gì": one task named with its
  // rhythm asks about that task. Searched without the rhythm's words, which half the recurring tasks share.
  if (q.words.length >= 3 && !q.agencies.length) {
    // "trong KH du lịch": the plan named by its title is no task's words.
    const words = withoutPlanRef(q.words, ctx.planName()).filter((w) => !rhythmWords().has(w));
    const one = words.length >= 3 ? taskAnswer(ctx, { ...q, words }) : undefined;
    if (one?.intent === 'task') return one;
  }
  // "định kỳ hằng năm, hằng quý": each rhythm named; none named, every recurring or ongoing task.
  const wants = q.recurrences ?? (q.recurrence ? [q.recurrence] : []);
  const agency = q.agencies[0];
  const matches = (task: Task) => {
    const d = task.deadline;
    if (wants.length === 0) return d.kind === 'continuous' || d.kind === 'recurring';
    return wants.some((want) =>
      want === 'continuous' ? d.kind === 'continuous' : d.kind === 'recurring' && (d.every === want || rhythmsNamed(task).includes(want)),
    );
  };
  let tasks = ctx.plan.tasks.filter(matches);
  let states: States;
  if (agency) {
    const involved = new Set(candidates(ctx, agency));
    tasks = tasks.filter((task) => involved.has(task) && roleIn(ctx, task, agency));
    const lead = tasks.filter((task) => roleIn(ctx, task, agency)!.role === 'lead');
    states = merged([statesFor(ctx, lead, agency), statesFor(ctx, tasks)]);
  } else states = statesFor(ctx, tasks);
  const kind = wants.length === 0 ? ctx.t('recurring.kind.any') : wants.map((want) => ctx.t(`recurring.kind.${want}`)).join(ctx.t('list.or'));
  const params = { kind, n: tasks.length, scope: scopeOf(ctx, agency) };
  // "Yearly tasks (2):": the English header begins with the rhythm's word.
  const header = ctx.t('recurring.header', params);
  const text = tasks.length === 0 ? ctx.t('recurring.none', params) : `${header.charAt(0).toUpperCase()}${header.slice(1)}\n${list(ctx, tasks, states)}`;
  return reply(ctx, 'recurring', text, tasks.slice(0, ctx.maxList), states, agency ? [agency] : [], tasks.length);
}

/** The state of a task, or of one party's own part of it, for plan/progress.ts. */
const stateFn =
  (ctx: AnswerContext): StateOf =>
  (task, party) =>
    party ? partState(ctx, task, party) : stateOf(ctx, task);

/** Agencies shown in the plan's progress answer, furthest behind first (the chart and the report show all). */
const PROGRESS_ROWS = 10;

/**
 * "Tiến độ …": the plan's (or a section's) tasks, or an agency's parts, counted by plan/progress.ts — the same counts
 * and order as the chart, the digests and the report.
 */
/**
 * The counts by state, as the chart, the digests and the report count them; the overdue split under them into work with
 * a deadline of its own (what the overdue list counts) and recurring work late for its latest turn (said apart there).
 */
function progressCounts(ctx: AnswerContext, k: Counts, recurringLate: number): string[] {
  const counts = ctx.t('progress.counts', { a: k.c.done_on_time, b: k.c.done_late, c: k.c.in_progress, d: k.c.overdue });
  return recurringLate > 0 ? [counts, ctx.t('progress.overdueSplit', { own: k.c.overdue - recurringLate, n: recurringLate })] : [counts];
}

export function progressAnswer(ctx: AnswerContext, q: Question): Reply {
  const agency = q.agencies[0];
  const section = q.section ? ctx.plan.sections.find((x) => x.id === q.section && !x.missingInSource) : undefined;
  const inScope = section ? ctx.plan.tasks.filter((task) => task.section === section.id) : ctx.plan.tasks;
  const state = stateFn(ctx);
  if (agency) {
    const parts = partsOf(inScope, ctx.dir, state, agency);
    const label = ctx.dir.label(agency);
    if (!section && parts.length === 0) {
      // "Công an tỉnh tiến độ thế nào": it reports on nothing, so no "0/0 (0%)": what it does have instead.
      const roles = rolesOf(ctx, agency);
      const lines = [ctx.t('progress.agencyLeadsNone', { agency: label, plan: ctx.plan.number })];
      if (roles.coordinate.length > 0) lines.push(ctx.t('progress.agencyCoordinates', { n: roles.coordinate.length, agency: label }));
      else if (roles.assigned.length > 0) lines.push(ctx.t('progress.agencyAssigned', { n: roles.assigned.length, agency: label }));
      return { intent: 'progress', text: lines.join('\n'), tasks: [], agencies: [agency], asOf: ctx.today };
    }
    const k = countsOf(parts.map((p) => p.status));
    // A group that lists its members is the sum of its members' parts.
    const group = parts.some((p) => p.party !== agency);
    const head = ctx.t(group ? 'progress.group' : 'progress.agency', { agency: label, done: k.done, total: k.total, pct: k.pct, date: asOf(ctx) });
    const late = parts.filter((p) => p.status === 'overdue' && p.task.deadline.kind === 'recurring').length;
    const lines = [head, ...progressCounts(ctx, k, late)];
    // What is still open, the late first: which tasks the figures are about ("tiến độ mấy việc của sở em").
    const open = new Map<Task, string>();
    for (const p of [...parts].sort((a, b) => Number(b.status === 'overdue') - Number(a.status === 'overdue') || byDate(a.due ?? '', b.due ?? '')))
      if ((p.status === 'overdue' || p.status === 'in_progress') && !open.has(p.task)) open.set(p.task, p.party);
    const tasks = [...open.keys()];
    const states = new Map(tasks.map((task) => [task, partState(ctx, task, open.get(task)!)]));
    if (tasks.length > 0) lines.push(ctx.t('progress.open', { n: tasks.length }), list(ctx, tasks, states));
    return reply(ctx, 'progress', lines.join('\n'), tasks.slice(0, ctx.maxList), states, [agency], k.total);
  }
  const k = taskCounts(inScope, state);
  const head = section
    ? ctx.t('progress.section', { section: section.id, title: excerpt(section.title, 80), done: k.done, total: k.total, pct: k.pct, date: asOf(ctx) })
    : ctx.t('progress.plan', { plan: ctx.plan.number, done: k.done, total: k.total, pct: k.pct, date: asOf(ctx) });
  const late = inScope.filter((task) => task.deadline.kind === 'recurring' && state(task).status === 'overdue').length;
  const lines = [head, ...progressCounts(ctx, k, late)];
  const states = statesFor(ctx, inScope);
  if (section) {
    // A section's few tasks: each with its state, the late ones first.
    const late = [...inScope].sort((a, b) => Number(states.get(b)!.status === 'overdue') - Number(states.get(a)!.status === 'overdue'));
    lines.push(list(ctx, late, states));
    return reply(ctx, 'progress', lines.join('\n'), late.slice(0, ctx.maxList), states, [], k.total);
  }
  if (!ctx.tally) {
    const rows = agencyRows(partsOf(ctx.plan.tasks, ctx.dir, state), (p) => ctx.dir.label(p));
    lines.push(ctx.t('progress.byAgency'));
    for (const r of rows.slice(0, PROGRESS_ROWS))
      lines.push(`• ${ctx.t('progress.agencyRow', { agency: r.label, done: r.done, total: r.total, pct: r.pct, late: r.c.overdue })}`);
    if (rows.length > PROGRESS_ROWS) lines.push(ctx.t('progress.moreAgencies', { n: rows.length - PROGRESS_ROWS }));
  }
  return reply(ctx, 'progress', lines.join('\n'), [], states, [], k.total);
}

export function taskAnswer(ctx: AnswerContext, q: Question): Reply | undefined {
  if (q.assignmentNo) {
    const a = ctx.plan.assignments.find((x) => x.number === q.assignmentNo);
    if (a) return assignmentCard(ctx, q, a);
    const text = ctx.t('assignment.notFound', { number: q.assignmentNo, plan: ctx.plan.number, n: ctx.plan.assignments.length });
    return { intent: 'not-stated', text, tasks: [], agencies: [] };
  }
  if (q.nth !== undefined && q.section) {
    const inSection = ctx.plan.tasks.filter((x) => x.section === q.section);
    // "việc số 8 phần II" is the task numbered 8 there (II.8), which is not the 8th when a "6b" stands before it.
    const numbered = q.nth > 0 ? inSection.find((x) => x.id === `${q.section}.${q.nth}`) : undefined;
    const task = numbered ?? (q.nth === -1 ? inSection.at(-1) : inSection[q.nth - 1]);
    if (task) return card(ctx, q, task);
    return { intent: 'task', text: ctx.t('task.notFound', { id: `${q.section}.${q.nth}`, plan: ctx.plan.number }), tasks: [], agencies: [] };
  }
  if (q.taskIds && q.taskIds.length > 1 && q.focus !== 'all') {
    const tasks = q.taskIds.map((id) => ctx.plan.tasks.find((x) => x.id === id)).filter((x): x is Task => x !== undefined);
    if (tasks.length > 1) return eachField(ctx, q, tasks);
  }
  if (q.taskId) {
    const task = ctx.plan.tasks.find((x) => x.id.toLowerCase() === q.taskId!.toLowerCase());
    if (!task) {
      const section = ctx.plan.sections.find((x) => x.missingInSource && q.taskId!.toUpperCase().startsWith(`${x.id}.`));
      const text = section
        ? ctx.t('task.sectionMissing', { id: q.taskId, section: section.id, title: section.title, plan: ctx.plan.number })
        : ctx.t('task.notFound', { id: q.taskId, plan: ctx.plan.number });
      return { intent: 'task', text, tasks: [], agencies: [] };
    }
    return card(ctx, q, task);
  }
  let hits = ctx.finder().search(q.words, 5);
  // "ai lo kinh phí theo phần tổ chức thực hiện": that part's assignments, before the appendix's tasks.
  if (namesImplementation(q.cueWords ?? q.words)) {
    const assigned = hits.filter((h) => h.item.kind === 'assignment');
    if (assigned.length > 0) hits = assigned;
  }
  // "phải đạt chuẩn theo điều mấy": what cites an article answers which one.
  if (q.asksArticle) {
    const citing = hits.filter((h) => /Điều \d/u.test(h.item.kind === 'task' ? h.item.task.content : h.item.assignment.text));
    if (citing.length > 0) hits = citing;
  }
  const involves = (i: SearchItem, a: string) =>
    i.kind === 'task'
      ? roleIn(ctx, i.task, a) !== undefined
      : [...i.assignment.lead, ...i.assignment.coordinate].some((p) => ctx.dir.identities(a).includes(partyId(p)));
  if (q.agencies.length > 0 && !q.agencyFuzzy && !q.yesNo) {
    // Prefer what involves the agency named alongside the task words (not when asked whether it is involved), when
    // it fits the words near as well as the best: "nâng cấp thư viện tỉnh, phòng đọc thiếu nhi" names a task whose
    // lead is another, and what the library merely shares a word with is no answer.
    const top = hits[0]?.score ?? 0;
    const involved = hits.filter((h) => h.score >= top * 0.5 && q.agencies.some((a) => involves(h.item, a)));
    if (involved.length > 0) hits = [...involved, ...hits.filter((h) => !involved.includes(h))];
  }
  // "Sở Y tế có phải cử công chức lên Trung tâm … không": asked whether the agency does a thing, and of the items that
  // fit the words near as well as the best, one only is the agency's (itself or a group it belongs to): that one.
  // (The agency first, "có phải" after it — whether it must; not "có phải Sở Nội vụ ra quy định không", who does it,
  // nor a role named, "có chủ trì … không".)
  const said = ` ${(q.cueWords ?? []).join(' ')} `;
  const mustIt = /^ (?:co )?(?:phai|can|duoc giao|co trach nhiem) /.test(said) && !/ chu tri | phoi hop /.test(said);
  if (q.agencies.length > 0 && !q.agencyFuzzy && q.yesNo && mustIt) {
    const top = hits[0]?.score ?? 0;
    const close = hits.filter((h) => h.score >= top * 0.8 && h.coverage >= WEAK);
    const theirs = close.filter((h) => q.agencies.some((a) => involves(h.item, a)));
    if (theirs.length === 1 && theirs[0]!.matched >= 3)
      return theirs[0]!.item.kind === 'task' ? card(ctx, q, theirs[0]!.item.task) : assignmentCard(ctx, q, theirs[0]!.item.assignment);
  }
  // Two items near alike on the question's words, the second twice as much described by them ("đưa danh sách thủ tục
  // ra công khai ở trung tâm … hạn khi nào" fits II.4's few words whole, and II.6b's many in part): the second.
  if (hits.length >= 2) {
    const [a, b] = [hits[0]!, hits[1]!];
    if (b.score >= a.score * 0.9 && b.precision >= a.precision * 2 && b.pairs >= a.pairs - 1) hits = [b, a, ...hits.slice(2)];
  }
  // One a little behind on score that holds clearly more of the question's words and weight (a long item, its score
  // diluted by its length: "ban hành quy chế tổ chức, hoạt động bộ phận một cửa cấp xã" is the Implementation part's
  // item 3 whole, III.1's "ban hành Quy chế hoạt động" in part): that one.
  const fuller = hits.slice(1, 3).find(
    (h) =>
      h.coverage >= hits[0]!.coverage + 0.15 &&
      h.matched > hits[0]!.matched &&
      h.score >= hits[0]!.score * 0.75 &&
      h.precision >= hits[0]!.precision * 0.5 &&
      h.pairs >= 3 &&
      hits[0]!.pairs >= 2 &&
      // (Not one with far fewer of the question's words in order: "đơn vị cùng làm thực hiện trọn quy trình …" runs as II.6.)
      h.pairs >= hits[0]!.pairs - 2 &&
      // (A deadline or a state asked is a task's: the assignments have none.)
      !(h.item.kind === 'assignment' && (q.focus === 'deadline' || q.focus === 'status')),
  );
  if (fuller) hits = [fuller, ...hits.filter((h) => h !== fuller)];
  const best = hits[0];
  // A long everyday paraphrase ("cái vụ cài đặt phần mềm một cửa cho tất cả cơ quan xài chung") matches little of
  // its own many words, but keeps runs of a task's wording in order: several such pairs are phrase evidence.
  const runs = (h: SearchHit<SearchItem>) => (h.pairs >= 4 && h.coverage >= 0.25) || (h.pairs >= 6 && h.coverage >= 0.18);
  // "ai làm SOC": one word of the question's, found in one item only and nowhere else, names it.
  const sole = best !== undefined && best.matched === 1 && q.words.length === 1 && q.words[0]!.length >= 3 && best.coverage >= 0.99 && hits.length === 1;
  const second = hits[1];
  // A long paraphrase that matches a quarter of its weight in three word pairs of one task, twice the next one's score
  // ("Vẽ ra trình tự giải quyết từng loại hồ sơ, cả bản giấy lẫn trên phần mềm, thì ai …"): that task.
  const far = best !== undefined && best.pairs >= 3 && best.coverage >= 0.25 && (!second || best.score >= second.score * 2);
  if (!best || (best.matched < 2 && !sole) || (best.coverage < WEAK && !runs(best) && !far)) return undefined;
  // Two items that match the question's words equally well are a guess, not an answer: offer both.
  const tie = second && second.coverage >= best.coverage - 0.01 && second.score >= best.score * 0.85;
  // A clear phrase match (several word pairs in order, well ahead of the next item) is an answer too.
  const phrase = best.pairs >= 2 && best.coverage >= 0.45 && (!second || best.score >= second.score * 1.3);
  // So is a task far ahead of every other one on half of the question's weight.
  const dominant = best.coverage >= 0.5 && (!second || best.score >= second.score * 2);
  // Well ahead of the next one on half of the question's weight, with a phrase of it: an answer too.
  const ahead = best.coverage >= 0.5 && best.pairs >= 1 && (!second || best.score >= second.score * 1.2);
  // A third of the weight on three words or more, 1.4× ahead of the next: the long everyday paraphrase of one task
  // ("tiền bồi dưỡng anh em làm một cửa thì ai chịu trách nhiệm"). Fitted on the corpus's train and dev splits:
  // 17 more right answers there, no wrong one.
  const clear = best.coverage >= 0.35 && best.matched >= 3 && (!second || best.score >= second.score * 1.4);
  // Two items the question's words fit alike, but one says little else and the other much ("công bố danh mục TTHC
  // tại trung tâm" is II.4 whole, a part of II.6b): the one the question describes. Fitted on the corpus's train, dev
  // and blind sets: 8 more right answers there, no wrong one (the wrong tops all had precision below 0.17).
  const precise = best.coverage >= WEAK && best.precision >= 0.2 && (!second || best.precision >= second.precision * 1.6);
  const long = runs(best) && (!second || best.score >= second.score * 1.5);
  if ((best.coverage >= STRONG && !tie) || phrase || dominant || ahead || clear || precise || long || far) {
    // "thành lập trung tâm … theo điều mấy của NĐ 61": the article the chosen item cites, and where the plan cites it.
    const cited = q.asksArticle
      ? new Set(
          [...fold(best.item.kind === 'task' ? best.item.task.content : best.item.assignment.text).matchAll(/(?:^|[^a-z])dieu (\d{1,3})(?!\d)/g)].map(
            (m) => m[1]!,
          ),
        )
      : new Set<string>();
    const chosen = best.item.kind === 'task' ? card(ctx, q, best.item.task) : assignmentCard(ctx, q, best.item.assignment);
    // (The engine answers it with where the plan cites that article: see Reply.citesArticle.)
    return cited.size === 1 ? { ...chosen, citesArticle: [...cited][0]! } : chosen;
  }
  // Offer only what shares a phrase with the question, or half its weight: not scattered common words.
  const close = hits
    .filter((h) => h.coverage >= WEAK && h.matched >= 2 && (h.pairs >= 1 || h.coverage >= 0.5))
    .slice(0, 3)
    .map((h) => h.item);
  if (close.length === 0) return undefined;
  // One candidate only, a task of the appendix that shares a phrase: that task, not a list of one.
  const only = hits.filter((h) => h.coverage >= WEAK && h.matched >= 2 && (h.pairs >= 1 || h.coverage >= 0.5));
  // A field asked of it (who leads, by when…) with phrase evidence: the long, rambling way of naming that one task.
  const asked = q.focus !== 'all' && best.pairs >= 2;
  if (only.length === 1 && best.item.kind === 'task' && best.pairs >= 1 && (best.coverage >= 0.45 || asked)) return card(ctx, q, best.item.task);
  const closeTasks = close.flatMap((i) => (i.kind === 'task' ? [i.task] : []));
  const states = statesFor(ctx, closeTasks);
  const lines = close.map((i) =>
    // Did-you-mean shows what each candidate is, in a line: the whole card is one question away.
    // With the field the question asked for, so that a lead or deadline question is answered even while unsure.
    i.kind === 'task'
      ? `• ${i.task.id} — ${excerpt(i.task.content, 120)}${focusNote(ctx, q, i.task)}`
      : `• ${ctx.t('assignment.line', { number: i.assignment.number, text: excerpt(i.assignment.text, 160), lead: i.assignment.lead.map((p) => p.name).join(', ') })}`,
  );
  const text = `${ctx.t('task.weak')}\n${lines.join('\n')}\n${ctx.t('task.weakHint', { id: closeTasks[0]?.id ?? ctx.plan.tasks[0]?.id ?? '' })}`;
  return reply(ctx, 'task-suggest', text, closeTasks, states);
}

/** " (Chủ trì: …)" after a suggested task when the question asked for that field. */
function focusNote(ctx: AnswerContext, q: Question, task: Task): string {
  const names = (ps: Task['lead']) => ps.map((p) => p.name).join(', ') || ctx.t('task.nobody');
  if (q.focus === 'lead') return ` (${ctx.t('task.leadShort', { names: names(task.lead) })})`;
  if (q.focus === 'coordinate') return ` (${ctx.t('task.coordinate', { names: names(task.coordinate) })})`;
  if (q.focus === 'deadline') return ` (${ctx.t('task.deadlineShort', { deadline: deadlineNow(task, stateOf(ctx, task), ctx.t) })})`;
  if (q.focus === 'status') return ` (${statusText(task, stateOf(ctx, task), ctx.t)})`;
  return '';
}

/**
 * The time an assignment's own words set ("… hoàn thành trước ngày 15/4/2024", "báo cáo trong tháng 6/2024"), as
 * written from its first word ("Trước ngày 15/4/2024"), or undefined when it sets none.
 */
export function ownDeadline(text: string): string | undefined {
  const m = text
    .normalize('NFC')
    .match(/(?:trước|chậm nhất|hạn chót|trong|đến hết|cuối)\s+(?:ngày\s+)?(?:\d{1,2}\/\d{1,2}\/\d{4}|(?:tháng|quý)\s+[\dIVX]{1,4}\/\d{4}|năm\s+\d{4})/iu);
  return m ? m[0].charAt(0).toUpperCase() + m[0].slice(1) : undefined;
}

/** An assignment of the body's "Tổ chức thực hiện", with the field the question asked for first. */
function assignmentCard(ctx: AnswerContext, q: Question, a: Assignment): Reply {
  const names = (ps: Assignment['lead']) => ps.map((p) => p.name).join(', ') || ctx.t('task.nobody');
  const lines: string[] = [];
  // "Sở Y tế có phải cử công chức … không": yes, by name or through a group it belongs to.
  const asked = q.yesNo ? q.agencies[0] : undefined;
  if (asked) {
    const by = a.lead.find((p) => ctx.dir.identities(asked).includes(partyId(p)));
    const agency = ctx.dir.label(asked);
    if (by && partyId(by) === asked) lines.push(`${ctx.t('yesno.yes')} ${ctx.t('yesno.taskLead', { agency })}`);
    else if (by) lines.push(ctx.t('yesno.assignedViaGroup', { group: by.name, agency }));
  }
  if (q.focus === 'lead') lines.push(ctx.t('focus.lead', { names: names(a.lead) }));
  if (q.focus === 'coordinate') lines.push(ctx.t('focus.coordinate', { names: names(a.coordinate) }));
  if (q.focus === 'deadline') {
    const own = ownDeadline(a.text);
    lines.push(
      own
        ? ctx.t('assignment.ownDeadline', { deadline: ctx.t('lang.code') === 'en' ? deadlineEn(own) : own, number: a.number })
        : ctx.t('assignment.noDeadline'),
    );
  }
  lines.push(
    [
      ctx.t('assignment.title', { number: a.number, plan: ctx.plan.number }),
      a.text,
      `• ${ctx.t('task.lead', { names: names(a.lead) })}`,
      ...(a.coordinate.length > 0 ? [`• ${ctx.t('task.coordinate', { names: names(a.coordinate) })}`] : []),
    ].join('\n'),
  );
  return { intent: 'assignment', text: lines.join('\n\n'), tasks: [], agencies: a.lead.map((p) => p.name), asOf: ctx.today };
}

/**
 * The days left (or past) until a fixed due date while the task is open: " — còn 6 ngày". Said when asked ("còn mấy
 * ngày", "bao lâu nữa"), or with the deadline when the day is near (`near`); not "quá hạn 2,800 ngày" unasked.
 */
function daysLeft(ctx: AnswerContext, q: Question, task: Task, state: TaskState, near: boolean): string {
  const due = fixedDue(task) && (state.due ?? fixedDue(task));
  const open = state.status === 'in_progress' || state.status === 'overdue';
  const days = due && open ? daysBetween(ctx.today, due) : undefined;
  const asked = (q.cueWords ?? []).some((w) => w === 'ngay' || w === 'lau');
  if (days === undefined || !(asked || (near && days >= 0 && days <= 90))) return '';
  return days >= 0 ? ctx.t('focus.daysLeft', { n: days }) : ctx.t('focus.daysPast', { n: -days });
}

/** The line answering the field asked of a task ("Chủ trì: …", "Thời hạn: … — còn 20 ngày"), when one is asked. */
function focusLine(ctx: AnswerContext, q: Question, task: Task, state: TaskState): string | undefined {
  const focus = q.focus;
  if (focus === 'lead') return ctx.t('focus.lead', { names: task.lead.map((p) => p.name).join(', ') || ctx.t('task.nobody') });
  if (focus === 'coordinate')
    return ctx.t('focus.coordinate', {
      names: task.coordinate.map((p) => (p.note ? `${p.name} (${p.note})` : p.name)).join(', ') || ctx.t('task.nobody'),
    });
  if (focus === 'deadline') {
    const line = ctx.t('focus.deadline', { deadline: deadlineNow(task, state, ctx.t) }) + daysLeft(ctx, q, task, state, true);
    // "III.5 hạn Q3/2020 à?": whether it falls due in the period asked, yes or no first.
    const due = state.due ?? fixedDue(task);
    // "… làm mỗi năm 1 lần hả": whether the task comes round at the rhythm asked.
    const rhythm = task.deadline.kind === 'continuous' ? 'continuous' : task.deadline.kind === 'recurring' ? task.deadline.every : undefined;
    const within = q.period && q.yesNo && due ? due >= q.period.start && due <= q.period.end : q.recurrence && q.yesNo ? rhythm === q.recurrence : undefined;
    return within === undefined ? line : `${ctx.t(within ? 'yesno.yes' : 'yesno.no')} ${line}`;
  }
  if (focus === 'status') {
    const deadline = deadlineNow(task, state, ctx.t) + daysLeft(ctx, q, task, state, false);
    const line = ctx.t('focus.status', { status: statusText(task, state, ctx.t), deadline, date: asOf(ctx) });
    const verdict = verdictOf(q, state.status);
    return verdict ? `${ctx.t(verdict)} ${line}` : line;
  }
  return undefined;
}

/** "ai chủ trì?" after a short list: the field asked, task by task, in the list's order. */
function eachField(ctx: AnswerContext, q: Question, tasks: Task[]): Reply {
  const states = new Map(tasks.map((task) => [task, stateOf(ctx, task)] as const));
  const lines = tasks.map((task) => `• ${task.id} — ${excerpt(task.content, 70)}\n   ${focusLine(ctx, q, task, states.get(task)!) ?? ''}`);
  return reply(ctx, 'task', [ctx.t('task.each', { n: tasks.length }), ...lines].join('\n'), tasks, states);
}

function card(ctx: AnswerContext, q: Question, task: Task): Reply {
  const state = stateOf(ctx, task);
  const lines: string[] = [];
  const focus = q.focus;
  const line = focusLine(ctx, q, task, state);
  if (line) lines.push(line);
  const asked = q.agencies[0];
  if (q.yesNo && asked && !q.agencyFuzzy) {
    // "Sở Nội vụ có phải chủ trì việc này không?": yes or no first, then who does.
    const role = roleIn(ctx, task, asked)?.role;
    const want = q.role ?? (focus === 'coordinate' ? 'coordinate' : focus === 'lead' ? 'lead' : undefined);
    const yes = want ? role === want : role !== undefined;
    const key = yes
      ? role === 'lead'
        ? 'yesno.taskLead'
        : 'yesno.taskCoordinate'
      : want === 'coordinate'
        ? 'yesno.taskNotCoordinate'
        : want === 'lead'
          ? 'yesno.taskNotLead'
          : 'yesno.taskNone';
    // "Không. VP.UBND tỉnh không phối hợp mà chủ trì việc này.": the role it does hold, said with the no.
    const instead = !yes && role && want && role !== want ? (role === 'lead' ? 'yesno.taskLeadInstead' : 'yesno.taskCoordinateInstead') : undefined;
    // "Có. Sở Tài chính chủ trì việc này." already says who, when it is the only one: no "Chủ trì: Sở Tài chính" after it.
    const alone = (want === 'lead' ? task.lead : want === 'coordinate' ? task.coordinate : []).length === 1;
    if (yes && alone && want === focus) lines.shift();
    lines.unshift(`${ctx.t(yes ? 'yesno.yes' : 'yesno.no')} ${ctx.t(instead ?? key, { agency: ctx.dir.label(asked) })}`);
  }
  lines.push(taskCard(ctx.plan, task, state, ctx.t, ctx.today));
  return reply(ctx, 'task', lines.join('\n\n'), [task], new Map([[task, state]]));
}

/**
 * "… trễ chưa?", "… xong chưa?", "is it still on schedule?": the state asked yes or no, answered so first ("Chưa trễ
 * hạn.", "Đã xong."), from the question's own words; "còn hạn hay đã trễ" asks which of the two ("Còn trong hạn.").
 */
function verdictOf(q: Question, status: Status): string | undefined {
  const words = ` ${(q.cueWords ?? []).join(' ')} `;
  const late = / (?:tre|qua han|cham|tre han|dung han|kip|dung tien do|con han|trong han) /.test(words);
  const done = / (?:xong|hoan thanh|hoan tat) /.test(words);
  // "còn hạn hay đã trễ", "in time or late": one of two asked, the state said, no "yes" before it.
  if (/ (?:con han|trong han|dung han|kip(?: han)?) hay (?:da |bi )?(?:tre|qua han|cham) /.test(words)) return `verdict.either.${status}`;
  if (late) return `verdict.late.${status}`;
  if (done) return `verdict.done.${status}`;
  return undefined;
}

const examplesMemo = new WeakMap<Plan, Map<string, string[]>>();

/** Example questions built from the plan itself, so help fits whatever plan is loaded (memoised per plan and language). */
export function examples(ctx: AnswerContext): string[] {
  const lang = ctx.t('help.examples');
  let byLang = examplesMemo.get(ctx.plan);
  if (!byLang) examplesMemo.set(ctx.plan, (byLang = new Map()));
  let out = byLang.get(lang);
  if (!out) byLang.set(lang, (out = buildExamples(ctx)));
  return out;
}

function buildExamples(ctx: AnswerContext): string[] {
  const count = new Map<string, number>();
  for (const task of ctx.plan.tasks)
    for (const p of task.lead) if (p.agency && ctx.dir.get(p.agency)?.kind === 'department') count.set(p.agency, (count.get(p.agency) ?? 0) + 1);
  const agency = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // Short first clauses of task contents make natural example questions.
  const clauses = ctx.plan.tasks
    .map((task) => task.content.split(/[,.;:(]/)[0]!.trim())
    .filter((c) => c.split(/\s+/).length >= 4 && c.split(/\s+/).length <= 9)
    .map((c) => c.replace(/^./, (ch) => ch.toLowerCase()));
  const dated = ctx.plan.tasks.find((task) => task.deadline.kind === 'period');
  const out: string[] = [];
  if (agency) out.push(ctx.t('example.agency', { agency: ctx.dir.label(agency) }));
  if (clauses[0]) out.push(ctx.t('example.lead', { task: clauses[0] }));
  if (clauses[1]) out.push(ctx.t('example.deadline', { task: clauses[1] }));
  if (dated?.deadline.text) out.push(ctx.t('example.period', { period: dated.deadline.text.replace(/^(dự kiến|du kien)\s*/i, '') }));
  out.push(ctx.t('example.overdue'), ctx.t('example.upcoming'));
  if (agency) out.push(ctx.t('example.progress', { agency: ctx.dir.label(agency) }));
  out.push(ctx.t('example.recurring'));
  return out;
}

/** "Kế hoạch có bao nhiêu nhiệm vụ", "Mục II gồm bao nhiêu": the number first, then what it counts. */
/** Agencies (by the tasks they lead, or coordinate) or sections, ranked by how many tasks they hold. */
/** The quarter, month or year a task with one due date falls due in, as labels say it ("Quý II/2019"). */
function periodOfDue(over: 'quarter' | 'month' | 'year', due: string, en: boolean): { key: string; label: string } {
  const [y, m] = due.split('-').map(Number) as [number, number];
  const q = Math.ceil(m / 3);
  const label = over === 'year' ? `năm ${y}` : over === 'quarter' ? `Quý ${ROMAN[q]}/${y}` : `tháng ${m}/${y}`;
  const key = over === 'year' ? `${y}` : over === 'quarter' ? `${y}-Q${q}` : `${y}-${String(m).padStart(2, '0')}`;
  return { key, label: en ? periodLabelEn(label) : label };
}

function rankingAnswer(ctx: AnswerContext, q: Question, over: NonNullable<Question['superlative']>['over'], most: boolean): Reply {
  // `order` sorts ties: periods by time, the rest by name.
  const counts = new Map<string, { label: string; n: number; order?: string }>();
  const byPeriod = over === 'quarter' || over === 'month' || over === 'year';
  if (byPeriod) {
    // Tasks with one due date only: recurring and ongoing work falls due in every period alike.
    for (const task of ctx.plan.tasks) {
      if ((task.deadline.kind !== 'date' && task.deadline.kind !== 'period') || !task.deadline.due) continue;
      const { key, label } = periodOfDue(over, task.deadline.due, ctx.t('lang.code') === 'en');
      counts.set(key, { label, n: (counts.get(key)?.n ?? 0) + 1, order: key });
    }
  } else if (over === 'section') {
    for (const section of ctx.plan.sections.filter((x) => !x.missingInSource))
      counts.set(section.id, { label: section.id, n: ctx.plan.tasks.filter((t) => t.section === section.id).length });
  } else {
    // Counted as "Sở X chủ trì mấy việc" counts them (a group's tasks are its members' too); a party the directory
    // does not know, by its own rows.
    const role = q.role ?? (q.focus === 'coordinate' ? 'coordinate' : 'lead');
    for (const task of ctx.plan.tasks)
      for (const p of role === 'lead' ? task.lead : task.coordinate) {
        const id = partyId(p);
        if (p.agency) counts.set(id, { label: ctx.dir.label(p.agency), n: rolesOf(ctx, p.agency)[role].length });
        else counts.set(id, { label: p.name, n: (counts.get(id)?.n ?? 0) + 1 });
      }
  }
  const rows = [...counts.values()]
    .filter((c) => c.n > 0)
    .sort((a, b) => (most ? b.n - a.n : a.n - b.n) || (a.order ?? a.label).localeCompare(b.order ?? b.label, 'vi'));
  if (rows.length === 0) return { intent: 'count', text: ctx.t('rank.empty', { plan: ctx.plan.number }), tasks: [], agencies: [] };
  const n = rows[0]!.n;
  const top = rows.filter((r) => r.n === n);
  const role = q.role === 'coordinate' || q.focus === 'coordinate' ? 'coordinate' : 'lead';
  const key = byPeriod
    ? `rank.period.${most ? 'most' : 'least'}`
    : over === 'section'
      ? `rank.section.${most ? 'most' : 'least'}`
      : `rank.${role}.${most ? 'most' : 'least'}`;
  const lines = [ctx.t(key, { plan: ctx.plan.number, names: top.map((r) => r.label).join(', '), n })];
  const rest = rows.filter((r) => r.n !== n).slice(0, 6);
  if (rest.length > 0)
    lines.push(
      ctx.t(byPeriod ? 'rank.otherPeriods' : over === 'section' ? 'rank.otherSections' : 'rank.others', {
        list: rest.map((r) => `${r.label} (${r.n})`).join(', '),
      }),
    );
  // Agencies ranked answer about agencies; sections ranked, about the plan's counts.
  return { intent: over === 'agency' ? 'agency' : 'count', text: lines.join('\n'), tasks: [], agencies: [], asOf: ctx.today };
}

/**
 * "Cơ quan nào chỉ phối hợp chứ không chủ trì việc nào": the agencies named in the table in that role only, by the
 * tasks they hold in it (named directly; groups such as "các cơ quan liên quan" left out).
 */
function onlyRoleAnswer(ctx: AnswerContext, role: 'lead' | 'coordinate'): Reply {
  const held = new Map<string, { label: string; lead: number; coordinate: number }>();
  for (const task of ctx.plan.tasks)
    for (const [parties, r] of [
      [task.lead, 'lead'],
      [task.coordinate, 'coordinate'],
    ] as const)
      for (const p of parties) {
        if (p.agency && ctx.dir.isGroup(p.agency)) continue;
        const id = partyId(p);
        const row = held.get(id) ?? { label: p.agency ? ctx.dir.label(p.agency) : p.name, lead: 0, coordinate: 0 };
        row[r]++;
        held.set(id, row);
      }
  const other = role === 'lead' ? 'coordinate' : 'lead';
  const rows = [...held.values()].filter((x) => x[role] > 0 && x[other] === 0).sort((a, b) => b[role] - a[role] || a.label.localeCompare(b.label, 'vi'));
  const list = rows.map((x) => `${x.label} (${x[role]})`).join(', ');
  const text =
    rows.length > 0 ? ctx.t(`onlyRole.${role}`, { plan: ctx.plan.number, n: rows.length, list }) : ctx.t(`onlyRole.${role}None`, { plan: ctx.plan.number });
  return { intent: 'agency', text, tasks: [], agencies: [], asOf: ctx.today };
}

/** "mục II hay mục III nhiều việc hơn", "Sở TC hay Sở NV nhiều việc hơn": each one's count, and which holds more. */
function compareAnswer(ctx: AnswerContext, q: Question): Reply {
  const role = q.role ?? (q.focus === 'coordinate' ? 'coordinate' : q.focus === 'lead' ? 'lead' : undefined);
  const rows =
    q.compare!.length >= 2
      ? q.compare!.map((id) => ({ label: ctx.t('scope.sectionName', { section: id }), n: ctx.plan.tasks.filter((t) => t.section === id).length }))
      : q.agencies.slice(0, 4).map((a) => {
          const r = rolesOf(ctx, a);
          return { label: ctx.dir.label(a), n: role ? r[role].length : r.lead.length + r.coordinate.length };
        });
  const max = Math.max(...rows.map((r) => r.n));
  const top = rows.filter((r) => r.n === max);
  const what = ctx.t(role === 'lead' ? 'compare.lead' : role === 'coordinate' ? 'compare.coordinate' : 'compare.all');
  const verdict = top.length === rows.length ? ctx.t('compare.equal', { n: max }) : ctx.t('compare.more', { names: top.map((r) => r.label).join(', ') });
  const text = [`${rows.map((r) => `${r.label}: ${r.n}`).join(' · ')} ${what}.`, verdict].join('\n');
  // Agencies compared answer about agencies; sections, about the plan's counts (as ranking does).
  return { intent: q.compare!.length >= 2 ? 'count' : 'agency', text, tasks: [], agencies: [], asOf: ctx.today };
}

export function countAnswer(ctx: AnswerContext, q: Question): Reply {
  if (q.compare) return compareAnswer(ctx, q);
  // ("trừ mục III ra": the sections but that one.)
  const summed = q.exceptSection ? ctx.plan.sections.filter((x) => x.id !== q.exceptSection && !x.missingInSource).map((x) => x.id) : q.sumSections;
  if (summed) {
    const known = summed.filter((id) => ctx.plan.sections.some((x) => x.id === id && !x.missingInSource));
    const parts = known.map((id) => ({ id, n: ctx.plan.tasks.filter((task) => task.section === id).length }));
    const n = parts.reduce((sum, p) => sum + p.n, 0);
    const text = ctx.t('count.sections', {
      sections: known.join(', '),
      n,
      parts: parts.map((p) => ctx.t('count.sectionShort', { section: p.id, n: p.n })).join(', '),
    });
    if (known.length >= 2) return { intent: 'count', text, tasks: [], total: n, agencies: [], asOf: ctx.today };
  }
  if (q.onlyRole && q.agencies.length === 0) return onlyRoleAnswer(ctx, q.onlyRole);
  if (q.superlative) return rankingAnswer(ctx, q, q.superlative.over, q.superlative.most);
  if (q.section) {
    const section = ctx.plan.sections.find((x) => x.id === q.section);
    const tasks = ctx.plan.tasks.filter((task) => task.section === q.section);
    if (!section) return { intent: 'count', text: ctx.t('count.noSection', { section: q.section, plan: ctx.plan.number }), tasks: [], agencies: [] };
    if (section.missingInSource)
      return {
        intent: 'not-stated',
        text: ctx.t('count.sectionMissing', { section: section.id, title: section.title, plan: ctx.plan.number }),
        tasks: [],
        agencies: [],
      };
    // "mục II có mấy việc có hạn chót rõ ràng": the section's work with a deadline of its own; the rest said apart.
    if (q.dated) {
      const dated = tasks.filter((task) => fixedDue(task) !== undefined);
      const states = statesFor(ctx, dated);
      const head = ctx.t('count.sectionDated', {
        section: section.id,
        title: section.title,
        n: dated.length,
        total: tasks.length,
        others: tasks.length - dated.length,
      });
      return reply(ctx, 'count', `${head}\n${list(ctx, dated, states)}`, dated.slice(0, ctx.maxList), states, [], dated.length);
    }
    const states = statesFor(ctx, tasks);
    const text = `${ctx.t('count.section', { section: section.id, title: section.title, n: tasks.length })}\n${list(ctx, tasks, states)}`;
    return reply(ctx, 'count', text, tasks.slice(0, ctx.maxList), states, [], tasks.length);
  }
  if (q.dated) {
    // "bao nhiêu việc có hạn cụ thể": the work with a deadline of its own; the recurring and ongoing said apart.
    const dated = ctx.plan.tasks.filter((task) => fixedDue(task) !== undefined);
    const others = ctx.plan.tasks.length - dated.length;
    const text = ctx.t('count.dated', { plan: ctx.plan.number, n: dated.length, total: ctx.plan.tasks.length, others });
    return { intent: 'count', text, tasks: [], total: dated.length, agencies: [], asOf: ctx.today };
  }
  const bySection = ctx.plan.sections
    .filter((x) => !x.missingInSource)
    .map((x) => ctx.t('count.sectionShort', { section: x.id, n: ctx.plan.tasks.filter((task) => task.section === x.id).length }));
  const missing = ctx.plan.sections.filter((x) => x.missingInSource).map((x) => x.id);
  const lines = [
    ctx.t('count.plan', { plan: ctx.plan.number, n: ctx.plan.tasks.length, sections: bySection.join(', ') }),
    ...(ctx.plan.assignments.length > 0 ? [ctx.t('count.assignments', { n: ctx.plan.assignments.length })] : []),
    ...(missing.length > 0 ? [ctx.t('count.missing', { sections: missing.join(', ') })] : []),
  ];
  return { intent: 'count', text: lines.join('\n'), tasks: [], total: ctx.plan.tasks.length, agencies: [], asOf: ctx.today };
}

/** The tasks falling due within a span, on their dates now (an approved extension's where one moved them). */
const within = (ctx: AnswerContext, span: Span) => dueWithin(ctx.plan.tasks, span, ctx.plan.date, { dues: ctx.completions.dues, dir: ctx.dir });

/** Whether a task has one fixed due date (not recurring, not continuous): what "earliest" and "latest" compare. */
const fixedDue = (task: Task) => (task.deadline.kind === 'recurring' || task.deadline.kind === 'continuous' ? undefined : task.deadline.due);

/** A task's fixed due date as it stands: an approved extension's where one moved it (the state's), else the plan's. */
const dueNow = (ctx: AnswerContext, task: Task) => (fixedDue(task) && ctx.completions.dues?.size ? (stateOf(ctx, task).due ?? fixedDue(task)) : fixedDue(task));

/** "Việc nào hạn sớm nhất", "hạn cuối cùng của VP UBND": the task(s) with the earliest or latest fixed deadline. */
export function firstLastAnswer(ctx: AnswerContext, q: Question): Reply {
  const agency = q.agencies[0];
  let pool = agency ? [...rolesOf(ctx, agency).lead, ...rolesOf(ctx, agency).coordinate] : ctx.plan.tasks;
  if (q.role && agency) pool = rolesOf(ctx, agency)[q.role];
  if (q.section) pool = pool.filter((task) => task.section === q.section);
  if (q.period) {
    const due = within(ctx, q.period);
    pool = pool.filter((task) => due.has(task));
  }
  const dated = pool.filter((task) => fixedDue(task));
  const dueOf = new Map(dated.map((task) => [task, dueNow(ctx, task)!]));
  const scope =
    scopeOf(ctx, agency) +
    (q.section ? ctx.t('scope.section', { section: q.section }) : '') +
    (q.period ? ctx.t('scope.period', { period: periodPhrase(ctx, q.period.label) }) : '');
  if (dated.length === 0) return { intent: 'first-last', text: ctx.t('rank.none', { scope }), tasks: [], agencies: agency ? [ctx.dir.label(agency)] : [] };
  const days = [...dueOf.values()].sort(byDate);
  const day = q.rank === 'last' ? days.at(-1)! : days[0]!;
  const hits = dated.filter((task) => dueOf.get(task) === day);
  const states = statesFor(ctx, hits);
  const extendedFrom = states.get(hits[0]!)?.extendedFrom;
  const head = ctx.t(q.rank === 'last' ? 'rank.last' : 'rank.first', {
    scope,
    deadline: extendedFrom ? ctx.t('deadline.extendedFrom', { from: formatDate(extendedFrom) }) : deadlineWords(hits[0]!, ctx.t),
    date: formatDate(day),
    n: hits.length,
  });
  return reply(ctx, 'first-last', `${head}\n${list(ctx, hits, states)}`, hits, states, agency ? [agency] : [], hits.length);
}

/**
 * What the plan does not state (a sum of money, an address, a named person, rows our copy lacks): said so, never
 * invented, with what the plan does say nearby.
 */
export function notStatedAnswer(ctx: AnswerContext, q: Question): Reply {
  const section = q.section ? ctx.plan.sections.find((x) => x.id === q.section) : undefined;
  if (section?.missingInSource)
    return {
      intent: 'not-stated',
      text: ctx.t('count.sectionMissing', { section: section.id, title: section.title, plan: ctx.plan.number }),
      tasks: [],
      agencies: [],
    };
  const lines = [ctx.t('notStated.head', { plan: ctx.plan.number })];
  const near =
    q.words.length > 0
      ? ctx
          .finder()
          .search(q.words, 2)
          .filter((h) => h.matched >= 2 && h.coverage >= WEAK)
      : [];
  const tasks: Task[] = [];
  if (near.length > 0) {
    lines.push(ctx.t('notStated.near'));
    for (const h of near) {
      if (h.item.kind === 'task') {
        tasks.push(h.item.task);
        lines.push(
          `• ${h.item.task.id} — ${excerpt(h.item.task.content, 140)} (${ctx.t('task.leadShort', { names: h.item.task.lead.map((p) => p.name).join(', ') })}; ${deadlineWords(h.item.task, ctx.t)})`,
        );
      } else lines.push(`• ${ctx.t('agency.assignmentLine', { number: h.item.assignment.number, text: excerpt(h.item.assignment.text, 160) })}`);
    }
  }
  const states = statesFor(ctx, tasks);
  return reply(ctx, 'not-stated', lines.join('\n'), tasks, states, [], tasks.length);
}

/** An agency's name the directory does not know: said so, with the names it may have meant. */
export function unknownAgencyAnswer(ctx: AnswerContext, q: Question): Reply {
  const typed = q.unresolved ?? '';
  const [, ...rest] = typed.split(' ');
  const initials = rest.join('');
  // Names whose words after the first start with the typed letters ("sở nv" → Sở Nội vụ), or that contain them.
  const guesses = ctx.dir.agencies
    .filter((a) => a.kind !== 'group')
    .filter((a) => {
      const words = a.name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase()
        .split(/\s+/);
      const tail = words
        .slice(1)
        .map((w) => w[0])
        .join('');
      return initials.length >= 2 ? tail.startsWith(initials) : words.slice(1).some((w) => w.startsWith(initials));
    })
    .slice(0, 4)
    .map((a) => a.name);
  const text = [
    ctx.t('agency.unresolved', { typed }),
    guesses.length > 0 ? ctx.t('agency.didYouMean', { names: guesses.join('; ') }) : ctx.t('agency.askAgain'),
  ].join('\n');
  return { intent: 'unknown-agency', text, tasks: [], agencies: [] };
}

/** Tasks that wait on another document or guidance ("khi có Thông tư…"), with the condition as the plan states it. */
export function waitingAnswer(ctx: AnswerContext, q: Question): Reply {
  const WAIT = /\(?(khi (?:có|được)[^;.)]*)\)?/i;
  const all = ctx.plan.tasks.flatMap((task) => {
    const where = [task.content, task.note ?? '', ...[...task.lead, ...task.coordinate].map((p) => p.note ?? '')].map((x) => x.match(WAIT)?.[1]).find(Boolean);
    return where ? [{ task, where }] : [];
  });
  // "việc nào đợi hướng dẫn của NHNN", "Sở Tài chính có việc nào chờ thông tư không": the agency awaited, or the one
  // whose task waits. (Where it is neither, every waiting task is still the answer a user can use.)
  const asked = q.agencies;
  const named = (where: string) => ctx.dir.scan(canonicalTokens(where)).some((m) => m.agencies.some((a) => asked.includes(a)));
  const held = new Set(asked.flatMap((a) => [...rolesOf(ctx, a).lead, ...rolesOf(ctx, a).coordinate]));
  const own = (task: Task) => held.has(task);
  const narrowed = asked.length > 0 ? all.filter(({ task, where }) => named(where) || own(task)) : all;
  const found = narrowed.length > 0 ? narrowed : all;
  if (found.length === 0) return { intent: 'waiting', text: ctx.t('waiting.none', { plan: ctx.plan.number }), tasks: [], agencies: [] };
  // Asked of an agency none of them concerns: say so, yes or no first, then what does wait.
  const first =
    asked.length > 0 && narrowed.length === 0
      ? `${q.yesNo ? `${ctx.t('yesno.no')} ` : ''}${ctx.t('waiting.noneFor', { agency: asked.map((a) => ctx.dir.label(a)).join(', ') })}\n`
      : q.yesNo
        ? `${ctx.t('yesno.yes')} `
        : '';
  const states = statesFor(
    ctx,
    found.map((f) => f.task),
  );
  const lines = found.map(({ task, where }) => `${list(ctx, [task], states)}\n   ${ctx.t('waiting.condition', { condition: where })}`);
  return reply(
    ctx,
    'waiting',
    `${first}${ctx.t('waiting.header', { n: found.length })}\n${lines.join('\n')}`,
    found.map((f) => f.task),
    states,
  );
}

export function helpAnswer(ctx: AnswerContext, intent: 'help' | 'empty' | 'unknown'): Reply {
  const key = intent === 'help' ? 'help.intro' : intent === 'empty' ? 'help.empty' : 'help.fallback';
  const text = [ctx.t(key, { plan: ctx.plan.number, issuer: ctx.plan.issuer }), ctx.t('help.examples'), ...examples(ctx).map((e) => `• ${e}`)].join('\n');
  return { intent, text, tasks: [], agencies: [] };
}
