/**
 * The question engine, free of any channel: text and today in, a structured reply out. Channels render the
 * reply's plain text with their own markup (escaping it), and its tasks as buttons or menus.
 */
import {
  type AnswerContext,
  type Reply,
  type SearchItem,
  agencyAnswer,
  indexByAgency,
  leadTasksOf,
  partStateOf,
  stateOf,
  helpAnswer,
  overdueAnswer,
  periodAnswer,
  progressAnswer,
  recurringAnswer,
  taskAnswer,
  upcomingAnswer,
} from '../answer/answers.ts';
import { type Lang, translator } from '../i18n.ts';
import type { Directory } from '../plan/agencies.ts';
import type { Plan, Task } from '../plan/schema.ts';
import type { Completion, TaskState } from '../plan/status.ts';
import { type Question, understand } from '../understand/intents.ts';
import { TaskSearch } from '../understand/search.ts';
import { looksLikeLegacyEncoding } from '../text/legacy.ts';

export type { Reply } from '../answer/answers.ts';

/** Questions longer than this are refused with a message rather than searched. */
export const MAX_QUESTION_LENGTH = 1000;

export interface EngineOptions {
  lang?: Lang;
  upcomingDays?: number;
  maxList?: number;
}

export interface AskOptions {
  today: string;
  completions?: ReadonlyMap<string, readonly Completion[]>;
}

export class Engine {
  readonly search: TaskSearch<SearchItem>;
  private readonly byAgency: ReadonlyMap<string, readonly number[]>;
  /**
   * Task states depend only on the day and the completions: computed once per (day, completions map) and
   * shared by every question until either changes. A store hands out a new map after each change.
   */
  private readonly stateCache = new WeakMap<object, { today: string; states: Map<string, TaskState> }>();
  private readonly noCompletions = new Map<string, readonly Completion[]>();
  private readonly roles = new Map<string, { lead: Task[]; coordinate: Task[] }>();
  private readonly lang: Lang;
  private readonly upcomingDays: number;
  private readonly maxList: number;

  constructor(
    readonly plan: Plan,
    readonly dir: Directory,
    opts: EngineOptions = {},
  ) {
    // Tasks of the appendix and assignments of the body; an assignment loses close calls to a task.
    const items: SearchItem[] = [
      ...plan.tasks.map((task) => ({ kind: 'task' as const, task })),
      ...plan.assignments.map((assignment) => ({ kind: 'assignment' as const, assignment })),
    ];
    this.search = new TaskSearch(
      items,
      (i) => (i.kind === 'task' ? i.task.content : i.assignment.text),
      (i) => (i.kind === 'task' ? 1 : 0.8),
    );
    this.byAgency = indexByAgency(plan);
    this.lang = opts.lang ?? 'vi';
    this.upcomingDays = opts.upcomingDays ?? 30;
    this.maxList = opts.maxList ?? 20;
  }

  understand(text: string, today: string): Question {
    return understand(text, today, this.dir);
  }

  private statesFor(today: string, completions: object): Map<string, TaskState> {
    const hit = this.stateCache.get(completions);
    if (hit && hit.today === today) return hit.states;
    const states = new Map<string, TaskState>();
    this.stateCache.set(completions, { today, states });
    return states;
  }

  /** The context every composer reads: this plan, this day, these completions. */
  context(opts: AskOptions): AnswerContext {
    const completions = opts.completions ?? this.noCompletions;
    return {
      plan: this.plan,
      dir: this.dir,
      search: this.search,
      t: translator(this.lang),
      today: opts.today,
      completions,
      states: this.statesFor(opts.today, completions),
      upcomingDays: this.upcomingDays,
      maxList: this.maxList,
      byAgency: this.byAgency,
      roles: this.roles,
    };
  }

  /** The state of a task, or of one agency's own part of it. */
  stateOf(task: Task, opts: AskOptions, party?: string): TaskState {
    const ctx = this.context(opts);
    return party ? partStateOf(ctx, task, party) : stateOf(ctx, task);
  }

  /** Tasks an agency leads (itself or through one of its groups), in plan order. */
  ledBy(agency: string): Task[] {
    return leadTasksOf(this.context({ today: '1970-01-01' }), agency);
  }

  /** Answer a question already understood (commands build these directly). */
  answer(q: Question, opts: AskOptions): Reply {
    const ctx = this.context(opts);
    switch (q.intent) {
      case 'empty':
      case 'help':
        return helpAnswer(ctx, q.intent);
      case 'agency':
        return agencyAnswer(ctx, q);
      case 'overdue':
        return overdueAnswer(ctx, q);
      case 'upcoming':
        return upcomingAnswer(ctx, q);
      case 'period':
        return periodAnswer(ctx, q);
      case 'recurring':
        return recurringAnswer(ctx, q);
      case 'progress':
        return progressAnswer(ctx, q);
      case 'task':
        return taskAnswer(ctx, q) ?? (q.agencies.length > 0 ? agencyAnswer(ctx, q) : helpAnswer(ctx, 'unknown'));
      case 'thanks':
        return { intent: 'thanks', text: ctx.t('reply.thanks'), tasks: [], agencies: [] };
      case 'unknown':
        return helpAnswer(ctx, 'unknown');
    }
  }

  ask(text: string, opts: AskOptions): Reply {
    const t = translator(this.lang);
    if (text.length > MAX_QUESTION_LENGTH) {
      return { intent: 'too-long', text: t('error.tooLong', { n: text.length, max: MAX_QUESTION_LENGTH }), tasks: [], agencies: [] };
    }
    if (looksLikeLegacyEncoding(text)) return { intent: 'legacy-encoding', text: t('error.legacyEncoding'), tasks: [], agencies: [] };
    return this.answer(this.understand(text, opts.today), opts);
  }
}
