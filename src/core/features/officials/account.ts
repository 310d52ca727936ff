/** Who am I (/id), and leaving whatever step is under way (/huy, ✖). */
import { cancelAction, endSession } from '../../kernel/conversation.ts';
import type { Feature } from '../../kernel/feature.ts';
import { reply, say } from '../../kernel/outcome.ts';

export const accountFeature: Feature = {
  name: 'account',
  commands: [
    {
      names: ['id', 'toila', 'whoami'],
      audience: 'everyone',
      run: (ctx) => {
        const { actor, deps, from } = ctx;
        const role = actor.admin
          ? deps.t('role.admin')
          : actor.official
            ? deps.t('role.official', { agency: deps.dir.label(actor.official.agency) })
            : actor.pending
              ? deps.t('role.pending')
              : deps.t('role.guest');
        return reply({ text: say('whoami', { channel: deps.t(`channel.${from.channel}`), id: from.userId, role }) });
      },
    },
    {
      names: ['huy', 'cancel'],
      audience: 'everyone',
      run: async (ctx) => {
        await endSession(ctx);
        return reply({ text: say('session.cancelled') });
      },
    },
  ],
  actions: [cancelAction.def],
};
