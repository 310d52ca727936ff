/** The weekly digest and reminders: an official turns them off and on (/thongbao); an admin sends now (/guingay). */
import { isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { fold } from '../../../text/fold.ts';
import { type Ctx, defineAction, type Feature } from '../../kernel/feature.ts';
import { cancelAction } from '../../kernel/conversation.ts';
import type { Channel } from '../../kernel/channel.ts';
import { edit, type Outcome, refuse, reply, say } from '../../kernel/outcome.ts';

async function notify(ctx: Ctx, args: string): Promise<Outcome> {
  const { actor, deps } = ctx;
  if (!isOfficial(actor)) return actor.admin ? reply({ text: say('notify.admin') }) : refuseNotOfficial(actor);
  const word = fold(args);
  const on = ['bat', 'on', 'mo'].includes(word) ? true : ['tat', 'off'].includes(word) ? false : undefined;
  if (on === undefined) return reply({ text: say(actor.official.notify ? 'notify.isOn' : 'notify.isOff') });
  await deps.store.setNotify(actor.official.id, on, ctx.now);
  return reply({ text: say(on ? 'notify.turnedOn' : 'notify.turnedOff') });
}

/**
 * How often a run tells its progress before the one note that says it ended: where the note is one message edited in
 * place (Telegram), at each tenth of the recipients; where each note is a message of its own, at a third and two
 * thirds only.
 */
const progressSteps = (channel: Channel) => (channel === 'telegram' ? 9 : 2);

/** Who got today's digest already (runs written for today): their names, admins as such. */
function gotToday(ctx: Ctx): string[] {
  const { store, t } = ctx.deps;
  const names = new Set<string>();
  for (const run of store.runsOfDay(ctx.today))
    for (const d of store.deliveriesOf(run.key)) {
      if (d.status !== 'sent' || (d.parts !== undefined && d.part !== d.parts - 1)) continue;
      const id = d.to.split('@')[0]!;
      names.add(id.startsWith('admin:') ? t('tick.byAdmin') : (store.official(id)?.name ?? id));
    }
  return [...names];
}

/** "Gửi lại" after the question: the digest again, to everyone. */
const sendAgain = defineAction<Record<string, never>>({
  tag: 'pn',
  fields: [],
  decode: () => ({}),
  encode: () => [],
  // The question's buttons give way to the choice made; the run's progress follows in a message of its own.
  run: (ctx) => {
    const started = start(ctx);
    return started.refusal ? started : edit({ text: say('push.again') });
  },
});

/** /guingay: the digest now — after a question when some already got today's, saying who. */
function pushNow(ctx: Ctx): Outcome {
  if (!ctx.actor.admin) return refuse('admin-only');
  if (!ctx.deps.push) return refuse('push-unavailable');
  const already = gotToday(ctx);
  if (already.length === 0) return start(ctx);
  const names = already.slice(0, 15).join(', ') + (already.length > 15 ? ctx.deps.t('push.andMore', { n: already.length - 15 }) : '');
  return reply({
    text: say('push.already', { n: already.length, names }),
    buttons: [[sendAgain.button('confirm', say('button.sendAgain'), {}), cancelAction.button('cancel', say('button.cancel'), {})]],
  });
}

/**
 * The run, and its progress to the admin who asked: one post after another, in the order made ("Đã gửi xong" is
 * never overtaken by a progress note), all with one live key, so that Telegram shows them as one message edited in
 * place and Zalo as a few messages. The started note goes the same way as the rest (not as this command's reply),
 * so that it is the message the later notes edit.
 */
function start(ctx: Ctx): Outcome {
  const { actor, deps, from } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const push = deps.push;
  const deliver = deps.tell;
  if (!push || !deliver) return refuse('push-unavailable');
  const live = `push:${ctx.now.toISOString()}`;
  let chain: Promise<void> = Promise.resolve();
  const tell = (text: ReturnType<typeof say>) => {
    chain = chain
      .then(() => deliver({ channel: from.channel, chatId: from.chatId, text, live }))
      .catch((e: unknown) => deps.log.log('warn', 'push progress note failed', { error: e }));
  };
  const steps = progressSteps(from.channel);
  let notes = 0;
  const progress = (r: { sent: number; failed: number; blocked: number; total: number }) => {
    const done = r.sent + r.failed + r.blocked;
    if (done >= r.total || notes >= steps || done < ((notes + 1) * r.total) / (steps + 1)) return;
    // Past several steps at once (a resumed run): one note for them all.
    while (notes < steps && done >= ((notes + 1) * r.total) / (steps + 1)) notes++;
    tell(say('push.progress', { sent: r.sent, total: r.total, failed: r.failed + r.blocked }));
  };
  tell(say('push.started', { n: push.recipients() }));
  push
    .digestNow(progress, { channel: from.channel, chatId: from.chatId }, () => tell(say('push.elsewhere')))
    .then((r) => tell(say('push.finished', { sent: r.sent, total: r.total, failed: r.failed, blocked: r.blocked })))
    .catch((e: unknown) => {
      deps.log.log('error', 'push run failed', { error: e });
      tell(say('push.error'));
    });
  return { replies: [], others: [] };
}

export const notificationsFeature: Feature = {
  name: 'notifications',
  commands: [
    { names: ['thongbao', 'notify'], audience: 'official', run: notify },
    { names: ['guingay', 'pushnow'], audience: 'admin', run: pushNow },
  ],
  actions: [sendAgain.def],
};
