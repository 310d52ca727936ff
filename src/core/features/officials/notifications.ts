/** The weekly digest and reminders: an official turns them off and on (/thongbao); an admin sends now (/guingay). */
import { isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { fold } from '../../../text/fold.ts';
import type { Ctx, Feature } from '../../kernel/feature.ts';
import { type Outcome, refuse, reply, say } from '../../kernel/outcome.ts';

async function notify(ctx: Ctx, args: string): Promise<Outcome> {
  const { actor, deps } = ctx;
  if (!isOfficial(actor)) return actor.admin ? reply({ text: say('notify.admin') }) : refuseNotOfficial(actor);
  const word = fold(args);
  const on = ['bat', 'on', 'mo'].includes(word) ? true : ['tat', 'off'].includes(word) ? false : undefined;
  if (on === undefined) return reply({ text: say(actor.official.notify ? 'notify.isOn' : 'notify.isOff') });
  await deps.store.setNotify(actor.official.id, on, ctx.now);
  return reply({ text: say(on ? 'notify.turnedOn' : 'notify.turnedOff') });
}

function pushNow(ctx: Ctx): Outcome {
  const { actor, deps, from } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const push = deps.push;
  if (!push) return refuse('push-unavailable');
  const tell = (text: ReturnType<typeof say>) =>
    void deps
      .tell?.({ channel: from.channel, chatId: from.chatId, text })
      .catch((e: unknown) => deps.log.log('warn', 'push progress note failed', { error: e }));
  const total = push.recipients();
  push
    .digestNow(
      (r) => tell(say('push.progress', { sent: r.sent, total: r.total, failed: r.failed + r.blocked })),
      { channel: from.channel, chatId: from.chatId },
      () => tell(say('push.elsewhere')),
    )
    .then((r) => tell(say('push.finished', { sent: r.sent, total: r.total, failed: r.failed, blocked: r.blocked })))
    .catch((e: unknown) => {
      deps.log.log('error', 'push run failed', { error: e });
      tell(say('push.error'));
    });
  return reply({ text: say('push.started', { n: total }) });
}

export const notificationsFeature: Feature = {
  name: 'notifications',
  commands: [
    { names: ['thongbao', 'notify'], audience: 'official', run: notify },
    { names: ['guingay', 'pushnow'], audience: 'admin', run: pushNow },
  ],
};
