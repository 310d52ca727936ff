/**
 * The admins' side of officials and the approvals inbox: /canbo (approved officials, ⛔ revoke), /choduyet (every
 * request waiting on an admin — registrations and requests for more time — each with its own number), deciding a
 * registration (✅/❌, its button data in actions/decisions.ts), and deciding any request by its number as typed on
 * a messenger without buttons: "duyệt 57", "từ chối 57 lý do …". A rejection carries a reason the official is told;
 * without one, it is asked for. Every decision is checked here, on every call: admins only, the request still waiting.
 */
import { z } from 'zod';
import {
  askReason,
  checkReason,
  type Code,
  DECISIONS,
  decideOfficial,
  decisionAction,
  endReasonStep,
  extensionCard,
  REASON_STEP,
  registrationCard,
  requestNumber,
} from '../../actions/decisions.ts';
import { fold } from '../../../text/fold.ts';
import { endSession } from '../../kernel/conversation.ts';
import { type Ctx, type Feature, handle, type How, rows } from '../../kernel/feature.ts';
import { localTime } from '../../kernel/time.ts';
import { edit, type Envelope, type Outcome, type Post, refuse, reply, say } from '../../kernel/outcome.ts';

/** At most this many cards in one /choduyet; the header says how many more wait. */
const SHOWN = 20;

const decideHandler = handle(decideOfficial, (ctx, a, how) => decideOn(ctx, a.decision, a.officialId, how));

/** Decided before: by whom is not named (an account id), when is. */
function alreadyDecided(ref: string, status: string, at: string | undefined): Outcome {
  return refuse('already-decided', { n: requestNumber(ref) ?? 0, status, at: at ? localTime(new Date(at)) : '—' });
}

async function decideOn(ctx: Ctx, code: Code, officialId: string, how: How): Promise<Outcome> {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const known = deps.store.official(officialId);
  if (!known) return refuse('unknown-official');
  const expected = code === 'rv' ? 'approved' : 'pending';
  if (known.status !== expected) return alreadyDecided(officialId, deps.t(`officialStatus.${known.status}`), known.decidedAt);
  const checked = checkReason(how.reason);
  if ('refused' in checked) return checked.refused;
  if (code === 'no' && !checked.reason) return askReason(ctx, decideOfficial.id({ decision: 'no', officialId }), officialId);
  const reason = code === 'no' ? checked.reason : undefined;
  const outcome = await deps.store.decide(officialId, DECISIONS[code], actor.ref, ctx.now, reason);
  if ('refused' in outcome) {
    if (outcome.refused === 'unknown') return refuse('unknown-official');
    return alreadyDecided(officialId, deps.t(`officialStatus.${outcome.status}`), deps.store.official(officialId)?.decidedAt);
  }
  await endReasonStep(ctx);
  const o = outcome.official;
  const next = DECISIONS[code];
  const params = { agency: deps.dir.label(o.agency), name: o.name, n: requestNumber(o.id) ?? 0, reason: reason ?? '' };
  const notice: Envelope[] = o.accounts.map((a) => ({ channel: a.channel, chatId: a.chatId, text: say(`decide.notify.${next}`, params) }));
  return { ...edit({ text: say(`decide.done.${next}`, params) }, say('decide.toast')), others: notice };
}

function officials(ctx: Ctx): Outcome {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const approved = [...deps.store.officialsWith('approved')].sort((a, b) => deps.dir.label(a.agency).localeCompare(deps.dir.label(b.agency), 'vi'));
  if (approved.length === 0) return reply({ text: say('officials.none') });
  const lines = approved.map((o) => `• ${o.name}${o.position ? `, ${o.position}` : ''} (${deps.dir.label(o.agency)})`);
  const buttons = approved
    .slice(0, 30)
    .map((o) => decideOfficial.button('revoke', say('button.revoke', { name: o.name.slice(0, 24) }), { decision: 'rv', officialId: o.id }));
  return reply({ text: [say('officials.header', { n: approved.length }), ...lines], buttons: rows(buttons, 2) });
}

/** Every request waiting on an admin, oldest first: registrations and requests for more time, each with its card. */
function pending(ctx: Ctx): Outcome {
  const { deps, actor } = ctx;
  if (!actor.admin) return refuse('admin-only');
  const cards: { n: number; post: Post }[] = [
    ...deps.store.officialsWith('pending').map((o) => ({ n: requestNumber(o.id) ?? 0, post: registrationCard(deps, o) })),
    ...deps.store.pendingExtensions().map((e) => ({ n: requestNumber(e.id) ?? 0, post: extensionCard(deps, e) })),
  ].sort((a, b) => a.n - b.n);
  if (cards.length === 0) return reply({ text: say('pending.none') });
  const shown = cards.slice(0, SHOWN);
  const header: Post = {
    text: [
      say('pending.header', { n: cards.length }),
      ...(cards.length > shown.length ? [say('pending.more', { shown: shown.length, rest: cards.length - shown.length })] : []),
    ],
  };
  return reply(header, ...shown.map((c) => c.post));
}

/** "duyệt 57" / "từ chối 57 lý do …": the request by its own number, whichever message showed it. */
async function byNumber(ctx: Ctx, approve: boolean, n: string, reason: string): Promise<Outcome> {
  if (!ctx.actor.admin) return refuse('admin-only');
  n = String(Number(n));
  const ref = [`o${n}`, `e${n}`].find((r) => (r.startsWith('o') ? ctx.deps.store.official(r) : ctx.deps.store.extension(r)));
  const action = ref && decisionAction(ref, approve);
  if (!action) return refuse('unknown-request', { n });
  return ctx.run(action, { explicit: true, ...(reason ? { reason } : {}) });
}

const reasonSession = z.object({ kind: z.literal(REASON_STEP), action: z.string().max(64) });

export const adminFeature: Feature = {
  name: 'admin',
  commands: [
    { names: ['canbo', 'officials'], audience: 'admin', run: officials },
    { names: ['choduyet', 'pending'], audience: 'admin', run: pending },
  ],
  actions: [decideHandler],
  steps: [
    {
      // The reason of a rejection asked for: the text typed is the reason, the rejection is checked again and made.
      kind: REASON_STEP,
      async onText(ctx, session, text) {
        const s = reasonSession.safeParse(session);
        if (!s.success) {
          await endSession(ctx);
          return undefined;
        }
        // A decision typed meanwhile ("duyệt 58") is that decision, and this step ends; a bare number goes to the
        // menu, and a question (ending in "?") is answered as one: none of them is a reason.
        const folded = fold(text);
        if (/^(?:duyet|tu\s*choi)\s*(?:so\s*|#\s*)?\d/.test(folded)) {
          await endSession(ctx);
          return undefined;
        }
        if (/^\d{1,3}$/.test(folded) || /\?\s*$/.test(text)) return undefined;
        const out = await ctx.run(s.data.action, { explicit: true, reason: text });
        // Kept open only while the reason is refused (too long: a reply, no refusal); anything else ends the step.
        if (!out.edit && !out.refusal) return out;
        await endSession(ctx);
        return out;
      },
    },
  ],
  phrases: [
    {
      // "duyệt 57", "duyet so 57"
      match: (f) => f.match(/^duyet\s*(?:so\s*|#\s*)?(\d{1,12})$/)?.[1],
      run: (ctx, n) => byNumber(ctx, true, n, ''),
    },
    {
      // "từ chối 57", "từ chối 57 lý do chưa đúng cơ quan", "tu choi 57: sai ten"
      match: (f, raw) => {
        const n = f.match(/^tu\s*choi\s*(?:so\s*|#\s*)?(\d{1,12})(?:\D|$)/)?.[1];
        if (!n) return undefined;
        const after = raw.slice(raw.indexOf(n) + n.length);
        const reason = after.replace(/^[\s:,.;-]*(?:(?:lý\s*do|ly\s*do|vì|vi)(?=[\s:,.;-]|$)[\s:,.;-]*)?/i, '').trim();
        return `${n} ${reason}`;
      },
      run: (ctx, args) => {
        const [n = '', ...rest] = args.split(' ');
        return byNumber(ctx, false, n, rest.join(' '));
      },
    },
  ],
};
