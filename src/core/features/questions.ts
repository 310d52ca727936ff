/** Questions about the plan, and the commands that are questions in a word: /start, /trogiup, /quahan, /tiendo. */
import { canonicalTokens } from '../../text/canonical.ts';
import type { Question } from '../../understand/intents.ts';
import { menuOf } from '../conversation.ts';
import type { Ctx, Feature } from '../feature.ts';
import { reply, say, type Say } from '../outcome.ts';
import { tickButtons } from './ticking.ts';

const question = (intent: Question['intent'], agencies: string[] = []): Question => ({ intent, focus: 'all', agencies, agencyFuzzy: false, words: [] });

const opts = (ctx: Ctx) => ({ today: ctx.today, completions: ctx.deps.store.completions(ctx.deps.plan.id) });

/** /quahan and /tiendo: for an official, their agency; for an admin, the plan or the agency named. */
function scoped(ctx: Ctx, intent: 'overdue' | 'progress', args: string) {
  const { actor, deps } = ctx;
  let agencies: string[] = [];
  if (args && actor.admin) agencies = [...new Set(deps.dir.find(canonicalTokens(args)).flatMap((m) => m.agencies))].slice(0, 1);
  else if (actor.official && !actor.admin) agencies = [actor.official.agency];
  const answer = deps.engine.answer(question(intent, agencies), opts(ctx));
  return reply({
    text: answer.text,
    buttons: tickButtons(
      ctx,
      answer.tasks.map((x) => x.id),
    ),
  });
}

export function questionsFeature(help: (ctx: Ctx) => Say[]): Feature {
  return {
    name: 'questions',
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
    onQuestion(ctx, text) {
      const answer = ctx.deps.engine.ask(text, opts(ctx));
      // While a confirmation is pending in a numbered menu, an answer brings no menu of its own: "1" still confirms.
      const menu = menuOf(ctx.deps.store, ctx.from.channel, ctx.from.chatId, ctx.now);
      if (menu?.some((e) => e?.kind === 'confirm')) return reply({ text: answer.text });
      return reply({
        text: answer.text,
        buttons: tickButtons(
          ctx,
          answer.tasks.map((t) => t.id),
        ),
      });
    },
  };
}
