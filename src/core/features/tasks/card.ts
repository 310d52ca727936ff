/**
 * A task as an official sees it: their part's card with the one button that fits (✅, ↩️), the /viec list, and the
 * ✅ buttons of an answer. The one module of the tasks feature that others use (questions show its ✅ buttons).
 */
import { deadlineNow, excerpt, taskCard } from '../../../answer/format.ts';
import { formatDate } from '../../../plan/deadline.ts';
import type { Task } from '../../../plan/schema.ts';
import { requiredParties } from '../../../plan/status.ts';
import { openTask, progress, type Source, tick, undo } from '../../actions/tasks.ts';
import { type Ctx, rows } from '../../kernel/feature.ts';
import { type Button, type ListItem, type Post, say, type Text } from '../../kernel/outcome.ts';
import { attachButton, evidenceButtons, evidenceLines } from './evidence.ts';
import { extensionButton, extensionLine } from './extensions.ts';
import { canUndo, continuous, findTask, label, ownParty, periodText, refusalFor, reported, state, taskRef } from './rules.ts';

/** At most this many tasks in the /viec list. */
const LIST_MAX = 60;

/** The one button that fits a party's part of a task now: ✅ to tick, ↩️ to undo, or none. */
export function partButton(ctx: Ctx, task: Task, party: string, src: Source, short: boolean): Button | undefined {
  const ref = taskRef(ctx, task.id);
  const done = reported(ctx, task, party);
  if (done)
    return canUndo(ctx, done) ? undefined : undo.button('undo', say(short ? 'button.undoId' : 'button.undo', { id: ref }), { completionId: done.id, src }, ctx);
  if (refusalFor(ctx, task, party)) return undefined;
  const parties = requiredParties(task, ctx.deps.dir);
  const index = parties.indexOf(party);
  if (index < 0) return undefined;
  const own = ctx.actor.official?.agency === party;
  return tick.button('tick', say('button.tick', { id: ref }), { taskId: task.id, ...(own ? {} : { party: index }), src }, ctx);
}

/**
 * What this actor may do on a party's part now besides ✅/↩️, each naming its task (and plan): 📈 progress while
 * it is not done, ⏳ more time on their own dated part, 📎 proof of a tick they may attach to. Each is checked
 * again when pressed. `short`: "📈 I.4" for a list.
 */
export function partExtras(ctx: Ctx, task: Task, party: string, src: Source, short: boolean): Button[] {
  const done = reported(ctx, task, party);
  const index = requiredParties(task, ctx.deps.dir).indexOf(party);
  const ref = taskRef(ctx, task.id);
  const note =
    !done && index >= 0 && !refusalFor(ctx, task, party)
      ? progress.button('note', say(short ? 'button.progressId' : 'button.progress', { id: ref }), { taskId: task.id, party: index, src }, ctx)
      : undefined;
  const extend = extensionButton(ctx, task, party, short);
  const proof = done && !short ? attachButton(ctx, done) : undefined;
  return [note, extend, proof].filter((b): b is Button => b !== undefined);
}

/** The card of a task as one agency sees it, with every button that fits. */
export function partCard(ctx: Ctx, task: Task, party: string, src: Source, head?: Text): Post {
  const s = state(ctx, task, party);
  const done = reported(ctx, task, party);
  const partStatus =
    continuous(task) && done
      ? say('tick.partReported', { agency: label(ctx.deps, party), date: formatDate(done.on) })
      : say('tick.partStatus', {
          agency: label(ctx.deps, party),
          status: ctx.deps.t(`status.${s.status}`) + periodText(ctx.deps, s.period?.end),
        });
  const button = partButton(ctx, task, party, src, false);
  const note = ctx.deps.store.latestProgress(ctx.plan.plan.id, task.id, party);
  const buttons = [...(button ? [[button]] : []), ...partExtras(ctx, task, party, src, false).map((b) => [b]), ...rows(evidenceButtons(ctx, done), 2)];
  return {
    text: [
      ...(head ? [head, ''] : []),
      taskCard(ctx.plan.plan, task, state(ctx, task), ctx.deps.t, ctx.today),
      partStatus,
      extensionLine(ctx, task, party),
      note ? say('progress.line', { date: formatDate(note.at.slice(0, 10)), text: note.text }) : '',
      ...evidenceLines(ctx, done),
    ],
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

/**
 * /viec: the tasks the official's agency must report on in every active plan, one line and one button each
 * (numbers stay put). Where several plans are served, each line names its plan and each button carries it.
 */
export function myTasks(ctx: Ctx, head?: Text, changed?: string): Post | undefined {
  const agency = ctx.actor.official?.agency;
  if (!agency) return undefined;
  const many = ctx.deps.plans.all().length > 1;
  const plans = ctx.deps.plans.active();
  const all = (plans.length > 0 ? plans : [ctx.plan]).flatMap((entry) => {
    const inPlan = ctx.inPlan(entry);
    return inPlan.plan.engine.withPart(agency).map((task) => ({ inPlan, task }));
  });
  const items: ListItem[] = all.slice(0, LIST_MAX).map(({ inPlan, task }) => {
    const standing = state(inPlan, task, agency);
    const done = reported(inPlan, task, agency);
    const status =
      continuous(task) && done
        ? ctx.deps.t('tick.reportedOn', { date: formatDate(done.on) })
        : ctx.deps.t(`status.${standing.status}`) + periodText(ctx.deps, standing.period?.end);
    const note = done ? undefined : ctx.deps.store.latestProgress(inPlan.plan.plan.id, task.id, agency);
    const noted = note ? ` · ${ctx.deps.t('progress.short', { text: excerpt(note.text, 40), date: formatDate(note.at.slice(0, 10)) })}` : '';
    const where = many ? `[${inPlan.plan.plan.number.split('/')[0]}] ` : '';
    const line = `${where}${task.id} — ${excerpt(task.content, 110)}\n   ${ctx.deps.t('task.deadlineShort', { deadline: deadlineNow(task, standing, ctx.deps.t) })} · ${status}${noted}`;
    const first = partButton(inPlan, task, agency, 'l', true);
    const ref = taskRef(inPlan, task.id);
    const open = (kind: 'tick' | 'undo' | 'open') => openTask.button(kind, say('button.open', { id: ref }), { taskId: task.id, src: 'l' }, inPlan);
    // A menu numbers the item once: its number opens the card (where 📈 ⏳ 📎 are numbered); "xong N" ticks it,
    // "hoàn tác N" undoes the tick just made.
    const menu = first?.kind === 'tick' || first?.kind === 'undo' ? open(first.kind) : undefined;
    // After a change, a menu repeats only the changed line: the others keep their numbers.
    const quiet = changed !== undefined && !(task.id === changed && inPlan.plan.key === ctx.plan.key);
    return {
      text: line,
      button: first ?? open('open'),
      more: partExtras(inPlan, task, agency, 'l', true),
      ...(menu ? { menu } : {}),
      ...(quiet ? { quiet } : {}),
    };
  });
  const header = say('mytasks.header', { agency: ctx.deps.dir.label(agency), n: all.length, date: formatDate(ctx.today) });
  return {
    text: head ? [head, '', header] : header,
    items,
    ...(all.length === 0 ? { footer: say('mytasks.none') } : all.length > LIST_MAX ? { footer: say('mytasks.more', { n: all.length - LIST_MAX }) } : {}),
  };
}

/**
 * The buttons of an answer or a digest: for an answer about one task that is the actor's agency's, its card's
 * buttons (✅ 📈 ⏳ 📎); else ✅ for the tasks this actor may tick now (at most eight).
 */
export function tickButtons(ctx: Ctx, taskIds: readonly string[]): Button[][] {
  const one = taskIds.length === 1 ? findTask(ctx, taskIds[0]!) : undefined;
  const mine = one && ownParty(ctx.actor, one, ctx.deps);
  if (one && mine) {
    const first = partButton(ctx, one, mine, 'a', false);
    return rows([...(first ? [first] : []), ...partExtras(ctx, one, mine, 'a', false)], 2);
  }
  const out: Button[] = [];
  for (const id of taskIds) {
    const task = findTask(ctx, id);
    if (!task) continue;
    const parties = requiredParties(task, ctx.deps.dir);
    const own = ownParty(ctx.actor, task, ctx.deps);
    const unreported = own ? !reported(ctx, task, own) : ctx.actor.admin && parties.some((p) => !reported(ctx, task, p));
    if (unreported && (own || ctx.actor.admin)) out.push(tick.button('tick', say('button.tick', { id: taskRef(ctx, id) }), { taskId: id, src: 'a' }, ctx));
    if (out.length >= 8) break;
  }
  return rows(out, 4);
}

/** What to show after a change: the list the official came from, or the task's card. */
export function after(ctx: Ctx, task: Task, party: string, src: Source, head: Text): Post {
  return (src === 'l' && ctx.actor.official?.agency === party ? myTasks(ctx, head, task.id) : undefined) ?? partCard(ctx, task, party, src, head);
}
