/**
 * A question across the plans served. A question that names a plan ("theo KH 1234 …") is answered from it alone; a
 * follow-up stays in the plan its question was about; any other question spans every active plan, grouped by plan:
 *
 *   lists (an agency's tasks, overdue, coming due, a period …)  → each plan that has some, under its name;
 *   a task asked about in words                                 → the plan whose task matches best;
 *   the plan's progress or size                                 → a line per plan;
 *   a question about the document itself                        → which plan? (the plans are listed);
 *   help, thanks, the fallback                                  → once, with the plans served said.
 *
 * With one active plan, the answer is exactly that plan's engine's.
 */
import type { Reply } from '../../../answer/answers.ts';
import { excerpt } from '../../../answer/format.ts';
import { type T, translator } from '../../../i18n.ts';
import type { Completion } from '../../../plan/status.ts';
import type { ChatContext } from '../../../understand/followup.ts';
import type { Question } from '../../../understand/intents.ts';
import { type AskOptions, contextOf, paginate } from '../../../answer/engine.ts';
import type { PlanCatalog, PlanEntry } from '../../kernel/catalog.ts';

export interface PlanBlock {
  entry: PlanEntry;
  reply: Reply;
}

/** A reply and the plans its tasks come from (for ✅ buttons, which must name their plan). */
export interface PlansReply extends Reply {
  blocks: PlanBlock[];
}

export interface PlansAskOptions {
  today: string;
  completionsOf(planId: string): ReadonlyMap<string, readonly Completion[]>;
  context?: ChatContext;
  lang?: AskOptions['lang'];
}

/** Intents answered once, not per plan. */
const ONCE = new Set(['empty', 'help', 'thanks', 'unknown', 'unknown-agency']);

/** A task asked about in words is searched for in at most this many plans (those sharing most of its words). */
const SEARCHED_PLANS = 12;

/** Up to this many plans answer with their lists in full; past it, a line each. */
const FULL_BLOCKS = 4;

/** Plans listed in a "which plan?" reply. */
const LISTED = 10;

export function planLine(t: T, e: PlanEntry): string {
  return t('plans.line', { number: e.plan.number, title: excerpt(e.plan.title, 90) });
}

export function askPlans(plans: PlanCatalog, text: string, o: PlansAskOptions): PlansReply {
  const active = plans.active();
  const mention = plans.mentioned(text);
  const fallback = mention?.entry ?? active[0] ?? plans.default();
  const base = (e: PlanEntry): AskOptions => ({
    today: o.today,
    completions: o.completionsOf(e.plan.id),
    ...(o.context ? { context: o.context } : {}),
    ...(o.lang ? { lang: o.lang } : {}),
  });
  // "KH 4561" alone: what the plan holds. Otherwise the question whole, to the plan it names: a plan's engine reads its
  // own number and title itself ("kh 88 ngày mấy", "yêu cầu của kế hoạch 4561 là gì", "báo cáo kq kh 88 bao lâu một
  // lần" — the words around the name are part of the question).
  const asked = mention && !mention.rest.replace(/[?.!,]/g, '').trim() ? 'kế hoạch có bao nhiêu nhiệm vụ' : text;
  const prepared = fallback.engine.prepare(asked, base(fallback));
  if ('reply' in prepared) return { ...prepared.reply, blocks: [] };
  const { q, opts, followed } = prepared;
  const inContext = followed && o.context?.plan ? plans.byId(o.context.plan) : undefined;
  const scope = mention ? [mention.entry] : inContext ? [inContext] : active.length > 0 ? active : [fallback];
  return across(scope, q, opts, o, fallback, active.length > 1 && !inContext);
}

/** A question already understood (/quahan, /tiendo), asked of every active plan. */
export function replyPlans(plans: PlanCatalog, q: Question, o: PlansAskOptions): PlansReply {
  const active = plans.active();
  const fallback = active[0] ?? plans.default();
  const opts: AskOptions = { today: o.today, ...(o.lang ? { lang: o.lang } : {}), ...(o.context ? { context: o.context } : {}) };
  return across(active.length > 0 ? active : [fallback], q, opts, o, fallback, active.length > 1);
}

/** One question asked of several plans: what every step of the merge needs. */
interface Asking {
  q: Question;
  opts: AskOptions;
  o: PlansAskOptions;
  t: T;
}

function across(scope: readonly PlanEntry[], q: Question, opts: AskOptions, o: PlansAskOptions, fallback: PlanEntry, named: boolean): PlansReply {
  const asking: Asking = { q, opts, o, t: translator(opts.lang ?? 'vi') };
  const { t } = asking;
  // One plan: its own answer; named among several, with its name on top.
  if (scope.length === 1) return single(asking, scope[0]!, named ? planLine(t, scope[0]!) : undefined);
  if (ONCE.has(q.intent)) return answeredOnce(asking, scope, fallback);
  if (q.intent === 'document') return whichDocument(t, scope);
  // A task asked about in words: the plan whose task matches best answers.
  if (q.intent === 'task' && !q.taskId) {
    const best = bestTaskPlan(scope, q) ?? fallback;
    return single(asking, best, planLine(t, best));
  }
  // The size or progress of "the plan": a line per plan.
  if ((q.intent === 'progress' || q.intent === 'count') && q.agencies.length === 0 && !q.section) return linePerPlan(asking, scope);
  const blocks = answeringPlans(asking, scope);
  if (blocks.length === 0) {
    const r = single(asking, fallback);
    return { ...r, text: `${t('plans.noneAcross', { n: scope.length })}\n${r.text}`, blocks: [] };
  }
  if (blocks.length === 1) return single(asking, blocks[0]!.entry, planLine(t, blocks[0]!.entry));
  // Many plans answer: a line per plan, most tasks first, and how to see one plan's list — not pages of lists.
  if (blocks.length > FULL_BLOCKS) return countPerPlan(asking, blocks);
  return mergedLists(asking, blocks);
}

/** A plan's own answer to the question (with its name on top when given), paged, its context naming the plan. */
function single({ q, opts, o }: Asking, e: PlanEntry, head?: string): PlansReply {
  const r = e.engine.full(q, { ...opts, completions: o.completionsOf(e.plan.id) });
  const withHead = head ? { ...r, text: `${head}\n${r.text}` } : r;
  return { ...paginate(withHead), context: { ...contextOf(q, r, o.context), plan: e.plan.id }, blocks: [{ entry: e, reply: r }] };
}

/** A plan's answer as one block among several (`tally`: only which tasks and how many, no text). */
function answered({ q, opts, o }: Asking, e: PlanEntry, extra: Partial<AskOptions> = {}): Reply {
  return e.engine.full(q, { ...opts, ...extra, completions: o.completionsOf(e.plan.id) });
}

/** Help, thanks, the fallback: answered once; help and an empty question say which plans are served. */
function answeredOnce(asking: Asking, scope: readonly PlanEntry[], fallback: PlanEntry): PlansReply {
  const { q, t } = asking;
  const r = single(asking, fallback);
  if (q.intent !== 'empty' && q.intent !== 'help') return { ...r, blocks: [] };
  return { ...r, text: `${r.text}\n\n${t('plans.serving', { n: scope.length, example: fallback.plan.number.split('/')[0]! })}`, blocks: [] };
}

/** A question about "the document" among several plans: which one? (the plans listed). */
function whichDocument(t: T, scope: readonly PlanEntry[]): PlansReply {
  const lines = scope.slice(0, LISTED).map((e) => `• ${planLine(t, e)}`);
  const text = [t('plans.whichDocument', { n: scope.length }), ...lines, t('plans.nameOne', { example: scope[0]!.plan.number.split('/')[0]! })].join('\n');
  return { intent: 'which-plan', text, tasks: [], agencies: [], blocks: [] };
}

/** The plan whose task matches the question's words best (coverage first, then score); none when no plan matches. */
function bestTaskPlan(scope: readonly PlanEntry[], q: Question): PlanEntry | undefined {
  let best: { e: PlanEntry; coverage: number; score: number } | undefined;
  // Over many plans, only those sharing the most words with the question are searched (typos and all).
  const candidates =
    scope.length > SEARCHED_PLANS
      ? scope
          .map((e) => ({ e, n: e.engine.search.overlap(q.words) }))
          .sort((a, b) => b.n - a.n)
          .slice(0, SEARCHED_PLANS)
          .map((x) => x.e)
      : scope;
  for (const e of candidates) {
    const hit = e.engine.search.search(q.words, 1)[0];
    if (hit && (!best || hit.coverage > best.coverage + 1e-9 || (Math.abs(hit.coverage - best.coverage) < 1e-9 && hit.score > best.score)))
      best = { e, coverage: hit.coverage, score: hit.score };
  }
  return best?.e;
}

/** The size or progress of "the plan" among several: the first line of each plan's answer. */
function linePerPlan(asking: Asking, scope: readonly PlanEntry[]): PlansReply {
  const { q, o, t } = asking;
  const lines = scope.map((entry) => `• ${entry.plan.number}: ${answered(asking, entry).text.split('\n')[0]}`);
  const text = [t('plans.across', { n: scope.length }), ...lines].join('\n');
  return {
    ...paginate({ intent: q.intent, text, tasks: [], agencies: [] }),
    context: contextOf(q, { intent: q.intent, text, tasks: [], agencies: [] }, o.context),
    blocks: [],
  };
}

/**
 * The plans that have tasks to list. Over many plans, first only which plans answer and how many tasks each (no
 * text); in full only when few enough answer to be shown so.
 */
function answeringPlans(asking: Asking, scope: readonly PlanEntry[]): PlanBlock[] {
  const tally = scope.length > FULL_BLOCKS;
  const replies = scope.map((e) => ({ entry: e, reply: answered(asking, e, { tally }) }));
  const blocks = replies.filter(({ reply }) => reply.tasks.length > 0 || (reply.total ?? 0) > 0);
  return tally && blocks.length <= FULL_BLOCKS ? blocks.map((b) => ({ ...b, reply: answered(asking, b.entry) })) : blocks;
}

const countOf = (b: PlanBlock) => b.reply.total ?? b.reply.tasks.length;

/** Many plans answer: how many tasks each, most first, and how to see one plan's list. */
function countPerPlan({ q, o, t }: Asking, blocks: readonly PlanBlock[]): PlansReply {
  const total = blocks.reduce((n, b) => n + countOf(b), 0);
  const lines = [...blocks]
    .sort((a, b) => countOf(b) - countOf(a))
    .map((b) => `• ${t('plans.countLine', { number: b.entry.plan.number, n: countOf(b), title: excerpt(b.entry.plan.title, 60) })}`);
  const text = [
    t('plans.found', { plans: blocks.length, n: total }),
    ...lines,
    t('plans.nameOne', { example: blocks[0]!.entry.plan.number.split('/')[0]! }),
  ].join('\n');
  const merged: Reply = { intent: q.intent, text, tasks: [], total, agencies: blocks[0]!.reply.agencies, asOf: o.today };
  return { ...paginate(merged), context: { ...contextOf(q, merged, o.context), tasks: [] }, blocks: [] };
}

/** A few plans answer: each plan's list under its name, one reply. */
function mergedLists({ q, o, t }: Asking, blocks: PlanBlock[]): PlansReply {
  const total = blocks.reduce((n, b) => n + countOf(b), 0);
  const text = [t('plans.found', { plans: blocks.length, n: total }), ...blocks.map((b) => `\n📋 ${planLine(t, b.entry)}\n${b.reply.text}`)].join('\n');
  const merged: Reply = {
    intent: q.intent,
    text,
    tasks: blocks.flatMap((b) => b.reply.tasks),
    total,
    agencies: blocks.flatMap((b) => b.reply.agencies),
    asOf: o.today,
    horizonSaid: blocks.flatMap((b) => b.reply.horizonSaid ?? []),
  };
  // A follow-up over several plans keeps the agency and the kind of list, not the plan or the task numbers.
  return { ...paginate(merged), context: { ...contextOf(q, merged, o.context), tasks: [] }, blocks };
}
