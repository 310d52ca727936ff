/** Questions about the plan, and the commands that are questions in a word: /start, /trogiup, /quahan, /tiendo. */
import type { Reply } from '../../answer/answers.ts';
import { canonicalTokens } from '../../text/canonical.ts';
import type { Question } from '../../understand/intents.ts';
import { z } from 'zod';
import type { ChatContext } from '../../understand/followup.ts';
import { menuOf } from '../conversation.ts';
import { type Ctx, defineAction, type Feature } from '../feature.ts';
import { type Button, type Outcome, reply, type Say, say, type Text } from '../outcome.ts';
import { tickButtons } from './ticking.ts';

const question = (intent: Question['intent'], agencies: string[] = []): Question => ({ intent, focus: 'all', agencies, agencyFuzzy: false, words: [] });

const opts = (ctx: Ctx) => ({ today: ctx.today, completions: ctx.deps.store.completions(ctx.deps.plan.id) });

/** /quahan and /tiendo: for an official, their agency; for an admin, the plan or the agency named. */
async function scoped(ctx: Ctx, intent: 'overdue' | 'progress', args: string): Promise<Outcome> {
  const { actor, deps } = ctx;
  let agencies: string[] = [];
  if (args && actor.admin) agencies = [...new Set(deps.dir.find(canonicalTokens(args)).flatMap((m) => m.agencies))].slice(0, 1);
  else if (actor.official && !actor.admin) agencies = [actor.official.agency];
  const answer = deps.engine.reply(question(intent, agencies), opts(ctx));
  return answerPost(
    ctx,
    answer,
    answer.text,
    tickButtons(
      ctx,
      answer.tasks.map((x) => x.id),
    ),
  );
}

const CONTEXT_MS = 30 * 60_000;
const contextSchema = z.object({ intent: z.string(), agencies: z.array(z.string()), tasks: z.array(z.string()) }).loose();
const pagesSchema = z.object({ pages: z.array(z.string()) });

/** Keep the further pages of a long answer for "Xem thêm" / "thêm"; the button that asks for the next one. */
async function keepPages(ctx: Ctx, pages: readonly string[]): Promise<Button[][]> {
  await ctx.deps.store.putConversation(
    `pages:${ctx.from.channel}:${ctx.from.chatId}`,
    { pages: [...pages] },
    new Date(ctx.now.getTime() + 24 * 3_600_000),
    ctx.now,
  );
  return [[nextPage.button('more', say('button.more'), {})]];
}

/** An answer as a post: its first page, ✅ buttons, and "Xem thêm" when more pages are kept for this chat. */
async function answerPost(ctx: Ctx, answer: Reply, body: Text, ticks: Button[][]): Promise<Outcome> {
  const pages = answer.more ?? [];
  const more = pages.length > 0 && !ctx.deps.store.readOnly ? await keepPages(ctx, pages) : [];
  return reply({ text: body, ...(more.length > 0 ? { footer: say('page.more', { n: pages.length }) } : {}), buttons: [...ticks, ...more] });
}

/** The next page of the last long answer in this chat. */
async function showMore(ctx: Ctx): Promise<Outcome> {
  const key = `pages:${ctx.from.channel}:${ctx.from.chatId}`;
  const kept = pagesSchema.safeParse(ctx.deps.store.conversation(key, ctx.now));
  if (!kept.success || kept.data.pages.length === 0) return reply({ text: say('page.none') });
  const [page, ...rest] = kept.data.pages;
  if (rest.length > 0) await ctx.deps.store.putConversation(key, { pages: rest }, new Date(ctx.now.getTime() + 24 * 3_600_000), ctx.now);
  else await ctx.deps.store.dropConversation(key);
  return reply({
    text: page!,
    ...(rest.length > 0 ? { footer: say('page.more', { n: rest.length }), buttons: [[nextPage.button('more', say('button.more'), {})]] } : {}),
  });
}

const nextPage = defineAction<Record<string, never>>({ tag: 'p', fields: [], decode: () => ({}), encode: () => [], run: (ctx) => showMore(ctx) });

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
        run: (ctx) => reply({ text: [say('start.greeting'), '', ctx.deps.engine.ask('', opts(ctx)).text] }),
      },
      {
        names: ['trogiup', 'help'],
        audience: 'everyone',
        run: (ctx) => reply({ text: [ctx.deps.engine.answer(question('help'), opts(ctx)).text, '', ...help(ctx)] }),
      },
      { names: ['quahan', 'overdue'], audience: 'everyone', run: (ctx, args) => scoped(ctx, 'overdue', args) },
      { names: ['tiendo', 'progress'], audience: 'everyone', run: (ctx, args) => scoped(ctx, 'progress', args) },
    ],
    async onQuestion(ctx, text) {
      const { store } = ctx.deps;
      const key = (what: string) => `${what}:${ctx.from.channel}:${ctx.from.chatId}`;
      const previous = contextSchema.safeParse(store.conversation(key('context'), ctx.now));
      const answer = ctx.deps.engine.ask(text, { ...opts(ctx), ...(previous.success ? { context: previous.data as unknown as ChatContext } : {}) });
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
      const ticks = menu?.some((e) => e?.kind === 'confirm')
        ? []
        : tickButtons(
            ctx,
            answer.tasks.map((t) => t.id),
          );
      return answerPost(ctx, answer, body, ticks);
    },
  };
}
