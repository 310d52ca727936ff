/**
 * The desk page from the chat: /web answers an admin, a leader or an official with a personal link that expires
 * (core/kernel/weblinks.ts); /lanhdao lets an admin grant or withdraw the leader role (every agency on the desk page,
 * read-only). The page itself is served by src/web/.
 */
import { z } from 'zod';
import { recordId } from '../../actions/fields.ts';
import { defineAction, type Ctx, type Feature, rows } from '../../kernel/feature.ts';
import { edit, type Outcome, refuse, reply, say } from '../../kernel/outcome.ts';
import { localTime } from '../../kernel/time.ts';
import { viewerOf } from '../../kernel/viewer.ts';
import { LINK_MS, makeLink } from '../../kernel/weblinks.ts';

async function web(ctx: Ctx): Promise<Outcome> {
  const { deps, from } = ctx;
  const viewer = viewerOf(deps, from.channel, from.userId);
  if (!viewer) return refuse(ctx.actor.pending ? 'pending-approval' : 'not-registered');
  if (!deps.web) return reply({ text: say('web.unavailable') });
  if (deps.store.readOnly) return reply({ text: say('web.unavailable') });
  const { token, until } = await makeLink(deps, from.channel, from.userId, ctx.now, deps.web.token?.());
  const url = `${deps.web.base.replace(/\/$/, '')}/web/${token}`;
  const scope = viewer.all ? say('web.scopeAll') : say('web.scopeAgency', { agency: deps.dir.label(viewer.agency!) });
  return reply({ text: [say('web.link', { url, hours: LINK_MS / 3_600_000, when: localTime(until) }), scope, say('web.private')] });
}

const leader = defineAction<{ officialId: string; on: boolean }>({
  tag: 'ld',
  fields: [recordId, z.enum(['1', '0'])],
  decode: ([id, on]) => (id === undefined || on === undefined ? undefined : { officialId: id as string, on: on === '1' }),
  encode: (a) => [a.officialId, a.on ? '1' : '0'],
  run: async (ctx, a) => {
    const { deps, actor } = ctx;
    if (!actor.admin) return refuse('admin-only');
    const ok = await deps.store.setLeader(a.officialId, a.on, actor.ref, ctx.now);
    if (!ok) return refuse('unknown-official');
    const o = deps.store.official(a.officialId)!;
    const notice = o.accounts.map((acc) => ({ channel: acc.channel, chatId: acc.chatId, text: say(a.on ? 'leader.notifyGranted' : 'leader.notifyWithdrawn') }));
    return { ...edit({ text: say(a.on ? 'leader.granted' : 'leader.withdrawn', { name: o.name, agency: deps.dir.label(o.agency) }) }), others: notice };
  },
});

/** /lanhdao: the approved officials, each with the leader role to grant or withdraw. */
function leaders(ctx: Ctx): Outcome {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const approved = [...deps.store.officialsWith('approved')].sort((a, b) => deps.dir.label(a.agency).localeCompare(deps.dir.label(b.agency), 'vi'));
  if (approved.length === 0) return reply({ text: say('officials.none') });
  const shown = approved.slice(0, 30);
  const lines = shown.map((o) => `• ${o.name} (${deps.dir.label(o.agency)})${o.leader ? ` — ${deps.t('leader.mark')}` : ''}`);
  const buttons = shown.map((o) =>
    leader.button(o.leader ? 'revoke' : 'approve', say(o.leader ? 'button.leaderWithdraw' : 'button.leaderGrant', { name: o.name.slice(0, 24) }), {
      officialId: o.id,
      on: !o.leader,
    }),
  );
  return reply({ text: [say('leader.header', { n: approved.length }), ...lines], buttons: rows(buttons, 1) });
}

export const deskFeature: Feature = {
  name: 'desk',
  commands: [
    { names: ['web', 'desk'], audience: 'official', run: web },
    { names: ['lanhdao', 'leaders'], audience: 'admin', run: leaders },
  ],
  actions: [leader.def],
};
