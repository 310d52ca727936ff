/** Questions about the plan, and the commands that are questions in a word: /start, /trogiup, /quahan, /tiendo. */
import type { Reply } from '../../../answer/answers.ts';
import { canonicalTokens } from '../../../text/canonical.ts';
import type { Question } from '../../../understand/intents.ts';
import { z } from 'zod';
import type { ChatContext } from '../../../understand/followup.ts';
import { type PlansReply, askPlans, replyPlans } from './ask.ts';
import { menuOf } from '../../kernel/conversation.ts';
import { keepPages, nextPage, showMore } from '../../kernel/paging.ts';
import type { PlanEntry } from '../../kernel/catalog.ts';
import { progressPhoto } from '../../../report/chart.ts';
import { type Ctx, type Feature, rows } from '../../kernel/feature.ts';
import { type Button, type Outcome, reply, type Say, say, type Text } from '../../kernel/outcome.ts';
import { tickButtons } from '../tasks/card.ts';

const question = (intent: Question['intent'], agencies: string[] = []): Question => ({ intent, focus: 'all', agencies, agencyFuzzy: false, words: [] });

const across = (ctx: Ctx) => ({ today: ctx.today, completionsOf: (id: string) => ctx.deps.store.completions(id) });

/** ✅ buttons for the tasks of an answer, each naming its plan where several are served (at most eight). */
function ticksOf(ctx: Ctx, answer: PlansReply): Button[][] {
  // Each made in its plan's scope: where several plans are served, it carries that plan's key.
  const buttons = answer.blocks.flatMap((b) =>
    tickButtons(
      ctx.inPlan(b.entry),
      b.reply.tasks.map((x) => x.id),
    ).flat(),
  );
  return rows(buttons.slice(0, 8), 4);
}

/** /quahan and /tiendo: for an official, their agency; for an admin, the plan or the agency named. */
async function scoped(ctx: Ctx, intent: 'overdue' | 'progress', args: string): Promise<Outcome> {
  const { actor, deps } = ctx;
  let agencies: string[] = [];
  // An admin may name a plan ("/tiendo 1234", "/tiendo KH 1234 Sở Nội vụ") and an agency.
  const named = actor.admin ? deps.plans.named(args) : undefined;
  const rest = named ? named.rest : args;
  if (rest && actor.admin) agencies = [...new Set(deps.dir.find(canonicalTokens(rest)).flatMap((m) => m.agencies))].slice(0, 1);
  else if (actor.official && !actor.admin) agencies = [actor.official.agency];
  const q = question(intent, agencies);
  const answer = named ? askOne(named.entry, q, ctx) : replyPlans(deps.plans, q, across(ctx));
  const post = await answerPost(ctx, answer, answer.text, ticksOf(ctx, answer));
  // The admins' progress comes with its picture: per agency, stacked by status, furthest behind first.
  if (intent !== 'progress' || !actor.admin || agencies.length > 0) return post;
  const entry = named?.entry ?? ctx.plan;
  const photo = progressPhoto({ plan: entry.plan, engine: entry.engine, dir: deps.dir, store: deps.store, t: deps.t }, ctx.today);
  const [first_, ...more] = post.replies;
  return first_ ? { ...post, replies: [{ ...first_, photo }, ...more] } : post;
}

/** A question already understood, asked of one plan (named in a command). */
function askOne(entry: PlanEntry, q: Question, ctx: Ctx): PlansReply {
  const r = entry.engine.reply(q, { today: ctx.today, completions: ctx.deps.store.completions(entry.plan.id) });
  return { ...r, blocks: [{ entry, reply: r }] };
}

const CONTEXT_MS = 30 * 60_000;
const contextSchema = z.object({ intent: z.string(), agencies: z.array(z.string()), tasks: z.array(z.string()) }).loose();
/** An answer as a post: its first page, ✅ buttons, and "Xem thêm" when more pages are kept for this chat. */
async function answerPost(ctx: Ctx, answer: Reply, body: Text, ticks: Button[][]): Promise<Outcome> {
  const pages = answer.more ?? [];
  const more = pages.length > 0 && !ctx.deps.store.readOnly ? await keepPages(ctx, pages) : [];
  return reply({ text: body, ...(more.length > 0 ? { footer: say('page.more', { n: pages.length }) } : {}), buttons: [...ticks, ...more] });
}

export function questionsFeature(help: (ctx: Ctx) => Say[]): Feature {
  return {
    name: 'questions',
    actions: [nextPage.def],
    // "thêm", "xem thêm", "xem tiếp": the next page, where messengers have no button for it.
    phrases: [{ match: (f) => (/^(xem )?(them|tiep)$/.test(f) ? '' : undefined), run: (ctx) => showMore(ctx) }],
    commands: [
      {
        names: ['start'],
        audience: 'everyone',
        run: (ctx) => reply({ text: [say('start.greeting'), '', askPlans(ctx.deps.plans, '', across(ctx)).text] }),
      },
      {
        names: ['trogiup', 'help'],
        audience: 'everyone',
        run: (ctx) => reply({ text: [replyPlans(ctx.deps.plans, question('help'), across(ctx)).text, '', ...help(ctx)] }),
      },
      { names: ['quahan', 'overdue'], audience: 'everyone', run: (ctx, args) => scoped(ctx, 'overdue', args) },
      { names: ['tiendo', 'progress'], audience: 'everyone', run: (ctx, args) => scoped(ctx, 'progress', args) },
    ],
    async onQuestion(ctx, text) {
      const { store } = ctx.deps;
      const key = (what: string) => `${what}:${ctx.from.channel}:${ctx.from.chatId}`;
      const previous = contextSchema.safeParse(store.conversation(key('context'), ctx.now));
      const answer = askPlans(ctx.deps.plans, text, { ...across(ctx), ...(previous.success ? { context: previous.data as unknown as ChatContext } : {}) });
      let body: Text = answer.text;
      if (!store.readOnly) {
        if (answer.context) await store.putConversation(key('context'), { ...answer.context }, new Date(ctx.now.getTime() + CONTEXT_MS), ctx.now);
        // The long fallback with examples once a day; after that a short line.
        if (answer.intent === 'unknown') {
          if (store.conversation(key('fallback'), ctx.now)) body = say('help.short');
          else await store.putConversation(key('fallback'), { shown: true }, new Date(ctx.now.getTime() + 24 * 3_600_000), ctx.now);
        }
      }
      // While a confirmation is pending in a numbered menu, an answer brings no menu of its own: "1" still confirms.
      const menu = menuOf(store, ctx.from.channel, ctx.from.chatId, ctx.now);
      const ticks = menu?.entries.some((e) => e?.kind === 'confirm') ? [] : ticksOf(ctx, answer);
      return answerPost(ctx, answer, body, ticks);
    },
  };
}
