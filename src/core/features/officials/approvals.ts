import { type Ctx, type Feature, handle, rows } from '../../kernel/feature.ts';
import { edit, type Envelope, type Outcome, refuse, reply, say } from '../../kernel/outcome.ts';
import { type Code, DECISIONS, decide, requestCard } from './requests.ts';

/** Approve, reject, revoke (its button data in requests.ts: registration makes the buttons too). */
const decideHandler = handle(decide, (ctx, a) => decideOn(ctx, a.decision, a.officialId));

async function decideOn(ctx: Ctx, code: Code, officialId: string): Promise<Outcome> {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const outcome = await deps.store.decide(officialId, DECISIONS[code], actor.ref, ctx.now);
  if ('refused' in outcome) {
    return outcome.refused === 'unknown' ? refuse('unknown-official') : refuse('already-decided', { status: deps.t(`officialStatus.${outcome.status}`) });
  }
  const o = outcome.official;
  const next = DECISIONS[code];
  const notice: Envelope[] = o.accounts.map((a) => ({
    channel: a.channel,
    chatId: a.chatId,
    text: say(`decide.notify.${next}`, { agency: deps.dir.label(o.agency) }),
  }));
  return { ...edit({ text: say(`decide.done.${next}`, { name: o.name, agency: deps.dir.label(o.agency) }) }, say('decide.toast')), others: notice };
}

function officials(ctx: Ctx): Outcome {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const approved = [...deps.store.officialsWith('approved')].sort((a, b) => deps.dir.label(a.agency).localeCompare(deps.dir.label(b.agency), 'vi'));
  if (approved.length === 0) return reply({ text: say('officials.none') });
  const lines = approved.map((o) => `• ${o.name}${o.position ? `, ${o.position}` : ''} (${deps.dir.label(o.agency)})`);
  const buttons = approved
    .slice(0, 30)
    .map((o) => decide.button('revoke', say('button.revoke', { name: o.name.slice(0, 24) }), { decision: 'rv', officialId: o.id }));
  return reply({ text: [say('officials.header', { n: approved.length }), ...lines], buttons: rows(buttons, 2) });
}

function pending(ctx: Ctx): Outcome {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const list = deps.store.officialsWith('pending');
  if (list.length === 0) return reply({ text: say('pending.none') });
  return reply(...list.slice(0, 20).map((o) => requestCard(deps, o)));
}

export const adminFeature: Feature = {
  name: 'admin',
  commands: [
    { names: ['canbo', 'officials'], audience: 'admin', run: officials },
    { names: ['choduyet', 'pending'], audience: 'admin', run: pending },
  ],
  actions: [decideHandler],
};
