/**
 * Progress notes (📈, /baotiendo): a line on an agency's part of a task that is not done (refused once it is reported done), shown on its card and in
 * the weekly digest. Declared by the tasks feature (features/tasks/ticking.ts).
 */
import { isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { z } from 'zod';
import type { Task } from '../../../plan/schema.ts';
import { requiredParties } from '../../../plan/status.ts';
import { source, taskId } from '../../actions/fields.ts';
import type { Source } from '../../actions/tasks.ts';
import { cancelAction, endSession, setSession } from '../../kernel/conversation.ts';
import type { Ctx, StepDef } from '../../kernel/feature.ts';
import { edit, type Outcome, refuse, reply, say } from '../../kernel/outcome.ts';
import { after } from './card.ts';
import { findTask, label, ownParty, refusalFor, reported, taskIn } from './rules.ts';
import { formatDate } from '../../../plan/deadline.ts';

const NOTE_TEXT_MAX = 500;

/** Why no note may be added to this part now: the actor's right, or the part already reported done. */
function noteRefusal(ctx: Ctx, task: Task, party: string): Outcome | undefined {
  const why = refusalFor(ctx, task, party);
  if (why) return refuse(why.code, why.params);
  const done = reported(ctx, task, party);
  if (done) return refuse('progress-after-done', { id: task.id, agency: label(ctx.deps, party), date: formatDate(done.on) });
  return undefined;
}

export async function startProgress(ctx: Ctx, id: string, partyAt: number, src: Source): Promise<Outcome> {
  const task = findTask(ctx, id);
  if (!task) return refuse('unknown-task', { id });
  const party = requiredParties(task, ctx.deps.dir)[partyAt];
  if (!party) return refuse('stale');
  const why = noteRefusal(ctx, task, party);
  if (why) return why;
  await setSession(ctx, { kind: 'progress', taskId: task.id, party: partyAt, src });
  return edit({ text: say('progress.ask', { id: task.id, max: NOTE_TEXT_MAX }), buttons: [[cancelAction.button('cancel', say('button.cancel'), {})]] });
}

/** Save a progress note (after re-checking the right) and show the card or list with it. */
export async function saveProgress(ctx: Ctx, task: Task, party: string, text: string, src: Source): Promise<Outcome> {
  const why = noteRefusal(ctx, task, party);
  if (why) {
    await endSession(ctx);
    return why;
  }
  if (text.length > NOTE_TEXT_MAX) return reply({ text: say('tick.noteTooLong', { max: NOTE_TEXT_MAX, n: text.length }) });
  const percent = text.match(/(\d{1,3})\s*%/)?.[1];
  await endSession(ctx);
  await ctx.deps.store.addProgress(
    { planId: ctx.plan.plan.id, taskId: task.id, party, text, by: ctx.actor.ref, ...(percent && Number(percent) <= 100 ? { percent: Number(percent) } : {}) },
    ctx.now,
  );
  return reply(after(ctx, task, party, src, say('progress.saved', { id: task.id, agency: label(ctx.deps, party) })));
}

const progressSession = z.object({ kind: z.literal('progress'), taskId, party: z.number().int().min(0), src: source });

/** "/baotiendo I.4 đang thực hiện 60%, đã trình dự thảo": a progress note on the official's own part. */
export async function progressCommand(ctx: Ctx, args: string): Promise<Outcome> {
  if (!isOfficial(ctx.actor)) return refuseNotOfficial(ctx.actor, 'admin-only');
  const found = taskIn(ctx, args);
  if (!found) return reply({ text: say('progress.usage') });
  if ('choices' in found)
    return reply({
      text: say('progress.whichPlan', { id: found.choices[0]!.task.id, plans: found.choices.map((choice) => choice.inPlan.plan.plan.number).join(', ') }),
    });
  const { inPlan, task } = found;
  const party = ownParty(inPlan.actor, task, inPlan.deps);
  if (!party) return refuse('not-your-task', { id: task.id, agency: inPlan.deps.dir.label(inPlan.actor.official!.agency) });
  const text = found.rest.trim();
  const out = !text
    ? await startProgress(inPlan, task.id, requiredParties(task, inPlan.deps.dir).indexOf(party), 'a')
    : await saveProgress(inPlan, task, party, text, 'a');
  return out;
}

/** The next text typed after 📈 is the note. */
export const progressStep: StepDef = {
  kind: 'progress',
  async onText(ctx, session, text) {
    const s = progressSession.safeParse(session);
    const task = s.success ? findTask(ctx, s.data.taskId) : undefined;
    const party = s.success && task ? requiredParties(task, ctx.deps.dir)[s.data.party] : undefined;
    if (!s.success || !task || !party) {
      await endSession(ctx);
      return undefined;
    }
    if (!text) return undefined;
    return saveProgress(ctx, task, party, text, s.data.src);
  },
};
