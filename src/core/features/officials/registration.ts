/**
 * Registering as an official: /dangky → the agency (typed; chosen from buttons when several match; taken at once
 * when one name matches exactly) → name → position → a review of what will be sent (📨 Gửi, ✏️ Sửa: start again)
 * → a request to every admin. A roster official who shares their own phone number is approved at once. The
 * conversation is kept in the store, so a restart resumes it. A first refusal lets the person correct and send
 * again at once; after a second, they wait REAPPLY_HOURS from the last, so admins are not flooded.
 */
import { recordId } from '../../actions/fields.ts';
import { z } from 'zod';
import { canonicalTokens } from '../../../text/canonical.ts';
import type { Official } from '../../../store/port.ts';
import { adminChats } from '../../kernel/actor.ts';
import { endSession, sessionOf, setSession } from '../../kernel/conversation.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { type Ctx, defineAction, defineTextAction, type Feature, rows } from '../../kernel/feature.ts';
import { edit, type Envelope, type Outcome, type Post, refuse, reply, say } from '../../kernel/outcome.ts';
import { fold } from '../../../text/fold.ts';
import { normalizePhone } from '../../kernel/roster.ts';
import { cancelAction } from '../../kernel/conversation.ts';
import { registrationCard } from '../../actions/decisions.ts';

const MAX_NAME = 100;
export const REAPPLY_HOURS = 24;
/** Refusals an account may have before it waits REAPPLY_HOURS (the first is a chance to correct and resend). */
const FREE_REFUSALS = 1;

const registerSession = z.object({
  kind: z.literal('register'),
  step: z.enum(['agency', 'name', 'position', 'review']),
  agency: z.string().optional(),
  name: z.string().optional(),
  position: z.string().optional(),
  phone: z.string().optional(),
});
type RegisterSession = z.infer<typeof registerSession>;

/** Agencies an official can belong to: not a group with listed members, not an outside body. */
function registrable(deps: CoreDeps, id: string): boolean {
  const a = deps.dir.get(id);
  if (!a || a.kind === 'external') return false;
  return a.kind !== 'group' || (deps.dir.members(id).length === 0 && id !== 'lien-quan');
}

/** The agencies a typed name may mean, and whether it named exactly one of them. */
function agencyChoices(deps: CoreDeps, text: string): { ids: string[]; exact: boolean } {
  const matches = deps.dir.find(canonicalTokens(text));
  const out: string[] = [];
  for (const id of matches.flatMap((m) => m.agencies)) {
    if (registrable(deps, id)) out.push(id);
    else if (deps.dir.isGroup(id)) out.push(...deps.dir.members(id));
  }
  const ids = [...new Set(out)].slice(0, 12);
  return { ids, exact: ids.length === 1 && matches.length === 1 && !matches[0]!.fuzzy && registrable(deps, matches[0]!.agencies[0] ?? '') };
}

const chooseAgency = defineTextAction({
  tag: 'r',
  key: 'agency',
  field: recordId,
  run: async (ctx, a) => {
    const s = registerSession.safeParse(sessionOf(ctx));
    if (!s.success || s.data.step !== 'agency' || !registrable(ctx.deps, a.agency)) return refuse('stale');
    await setSession(ctx, { ...s.data, agency: a.agency, step: 'name' });
    return { ...edit({ text: say('register.agencyChosen', { agency: ctx.deps.dir.get(a.agency)!.name }) }), replies: [{ text: say('register.askName') }] };
  },
});

async function start(ctx: Ctx): Promise<Outcome> {
  const { actor, deps, from } = ctx;
  if (!from.privateChat) return refuse('private-only');
  if (actor.official) return reply({ text: say('register.already', { agency: deps.dir.label(actor.official.agency) }) });
  if (actor.pending) return refuse('pending-approval');
  const refused = deps.store.refusalsOf(from.channel, from.userId);
  const last = refused.at(-1);
  if (refused.length > FREE_REFUSALS && last && ctx.now.getTime() - Date.parse(last) < REAPPLY_HOURS * 3_600_000)
    return refuse('retry-later', { hours: REAPPLY_HOURS, n: refused.length });
  await setSession(ctx, { kind: 'register', step: 'agency' });
  const roster = deps.roster.length > 0;
  return reply({ text: [say('register.askAgency'), ...(roster ? ['', say('register.rosterHint')] : [])], ...(roster ? { requestContact: true } : {}) });
}

/** Every admin, on every messenger, gets the request with ✅ / ❌. */
function toAdmins(deps: CoreDeps, o: Official): Envelope[] {
  return adminChats(deps).map((a) => ({ channel: a.channel, chatId: a.id, ...registrationCard(deps, o) }));
}

/** What will be sent, to check before sending: 📨 Gửi, ✏️ Sửa (start again), ✖ Hủy. */
function review(ctx: Ctx, s: RegisterSession): Post {
  return {
    text: say('register.review', { name: s.name ?? '', position: s.position ?? '', agency: ctx.deps.dir.label(s.agency ?? '') }),
    buttons: [
      [sendRequest.button('choose', say('button.send'), {}), redo.button('choose', say('button.redo'), {})],
      [cancelAction.button('cancel', say('button.cancel'), {})],
    ],
  };
}

/** The session under review, if that is the step this user is at. */
function underReview(ctx: Ctx): RegisterSession | undefined {
  const s = registerSession.safeParse(sessionOf(ctx));
  return s.success && s.data.step === 'review' && s.data.agency && s.data.name && s.data.position ? s.data : undefined;
}

/** 📨 Gửi on the review: the request goes to the admins. */
const sendRequest = defineAction<Record<string, never>>({
  tag: 'rs',
  fields: [],
  decode: () => ({}),
  encode: () => [],
  run: async (ctx) => {
    const s = underReview(ctx);
    if (!s) return refuse('stale');
    const { replies, others } = await submit(ctx, s);
    return { ...edit(replies[0]!), others };
  },
});

/** ✏️ Sửa on the review: the three questions again, from the agency. */
const redo = defineAction<Record<string, never>>({
  tag: 're',
  fields: [],
  decode: () => ({}),
  encode: () => [],
  run: async (ctx) => {
    if (!underReview(ctx)) return refuse('stale');
    return edit(await startOver(ctx));
  },
});

async function startOver(ctx: Ctx): Promise<Post> {
  await setSession(ctx, { kind: 'register', step: 'agency' });
  return { text: [say('register.redo'), say('register.askAgency')] };
}

async function submit(ctx: Ctx, s: RegisterSession): Promise<{ replies: Post[]; others: Envelope[] }> {
  const { deps, from } = ctx;
  const position = s.position ?? '';
  await endSession(ctx);
  const { official } = await deps.store.addOfficial(
    {
      account: { channel: from.channel, userId: from.userId, chatId: from.chatId },
      name: s.name!,
      position,
      agency: s.agency!,
      ...(s.phone ? { phone: s.phone } : {}),
    },
    `${from.channel}:${from.userId}`,
    ctx.now,
  );
  const others = toAdmins(deps, official);
  return {
    replies: [{ text: say(others.length > 0 ? 'register.sent' : 'register.noAdmins', { agency: deps.dir.label(official.agency) }) }],
    others,
  };
}

async function step(ctx: Ctx, session: Readonly<Record<string, unknown>>, text: string): Promise<Outcome | undefined> {
  const parsed = registerSession.safeParse(session);
  if (!parsed.success) {
    await endSession(ctx);
    return undefined;
  }
  const s = parsed.data;
  const { deps } = ctx;
  if (s.step === 'agency') {
    const { ids, exact } = agencyChoices(deps, text);
    if (ids.length === 0) return reply({ text: say('register.agencyNotFound') });
    if (exact) {
      await setSession(ctx, { ...s, agency: ids[0]!, step: 'name' });
      return reply({ text: [say('register.agencyChosen', { agency: deps.dir.get(ids[0]!)!.name }), say('register.askName')] });
    }
    const buttons = ids.map((id) => chooseAgency.button('choose', deps.dir.get(id)!.name, { agency: id }));
    return reply({ text: say('register.chooseAgency'), buttons: [...rows(buttons, 1), [cancelAction.button('cancel', say('button.cancel'), {})]] });
  }
  if (!text || text.length > MAX_NAME) return reply({ text: say(s.step === 'name' ? 'register.badName' : 'register.badPosition', { max: MAX_NAME }) });
  if (s.step === 'name') {
    await setSession(ctx, { ...s, name: text, step: 'position' });
    return reply({ text: say('register.askPosition') });
  }
  if (s.step === 'review') {
    // "gửi" / "sửa" typed; a number goes to the review's menu; anything else is a question, the review waits.
    const word = fold(text).trim();
    if (/^(gui|gui di|send)$/.test(word) && underReview(ctx)) {
      const { replies, others } = await submit(ctx, s);
      return { replies, others };
    }
    if (/^(sua|sua lai|edit)$/.test(word)) return reply(await startOver(ctx));
    return undefined;
  }
  if (!s.agency || !s.name) {
    await endSession(ctx);
    return reply({ text: say('session.cancelled') });
  }
  const next = { ...s, position: text, step: 'review' as const };
  await setSession(ctx, next);
  return reply(review(ctx, next));
}

async function contact(ctx: Ctx, c: { phone: string; userId?: string }): Promise<Outcome> {
  const { deps, from } = ctx;
  const s = registerSession.safeParse(sessionOf(ctx));
  if (!s.success) return reply({ text: say('contact.unexpected') });
  if (c.userId !== from.userId) return reply({ text: say('contact.notYours') });
  const phone = normalizePhone(c.phone);
  const entry = deps.roster.find((e) => e.phone === phone);
  if (!entry) {
    await setSession(ctx, { ...s.data, phone });
    return reply({ text: say('contact.notOnRoster') });
  }
  await endSession(ctx);
  if (ctx.actor.official) return reply({ text: say('register.already', { agency: deps.dir.label(ctx.actor.official.agency) }) });
  const { official } = await deps.store.addOfficial(
    {
      account: { channel: from.channel, userId: from.userId, chatId: from.chatId },
      name: entry.name,
      position: '',
      agency: entry.agency,
      phone,
      approvedBy: 'roster',
    },
    'roster',
    ctx.now,
  );
  return reply({ text: say('contact.approved', { name: official.name, agency: deps.dir.label(official.agency) }) });
}

async function leave(ctx: Ctx): Promise<Outcome> {
  const target = ctx.actor.official ?? ctx.actor.pending;
  if (!target) return refuse('not-registered');
  await ctx.deps.store.leave(target.id, ctx.actor.ref, ctx.now);
  return reply({ text: say('register.left') });
}

export const registrationFeature: Feature = {
  name: 'registration',
  commands: [
    { names: ['dangky', 'register'], audience: 'everyone', run: start },
    { names: ['huydangky', 'unregister'], audience: 'official', run: leave },
  ],
  actions: [chooseAgency.def, sendRequest.def, redo.def],
  steps: [{ kind: 'register', onText: step }],
  onContact: contact,
};
