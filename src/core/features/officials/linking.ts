/**
 * One official, two messengers: /lienket shows a one-time code (LINK_MINUTES); /lienket CODE on the other messenger
 * adds that account to the same official, and the account that showed the code is told. Five wrong codes lock an
 * account out for LINK_MINUTES. /kenh chooses where pushes go. Codes and misses live in the store.
 */
import { isOfficial, refuseNotOfficial } from '../../kernel/actor.ts';
import { z } from 'zod';
import type { Channel } from '../../kernel/channel.ts';
import type { Ctx, Feature } from '../../kernel/feature.ts';
import { type Outcome, refuse, reply, say } from '../../kernel/outcome.ts';

export const LINK_MINUTES = 10;
const LINK_TRIES = 5;
const CHANNELS: readonly Channel[] = ['telegram', 'zalo'];

const codeSchema = z.object({ officialId: z.string(), channel: z.enum(['telegram', 'zalo', 'console']), chatId: z.string() });
const missSchema = z.object({ n: z.number().int() });

const until = (ctx: Ctx) => new Date(ctx.now.getTime() + LINK_MINUTES * 60_000);

async function link(ctx: Ctx, args: string): Promise<Outcome> {
  const { deps, actor, from } = ctx;
  const store = deps.store;
  if (!args) {
    if (!isOfficial(actor)) return refuseNotOfficial(actor);
    const code = String(Math.floor(100_000 + deps.random() * 900_000));
    await store.putConversation(`link:${code}`, { officialId: actor.official.id, channel: from.channel, chatId: from.chatId }, until(ctx), ctx.now);
    return reply({ text: say('link.code', { code, minutes: LINK_MINUTES }) });
  }
  const missKey = `linkmiss:${from.channel}:${from.userId}`;
  const misses = missSchema.safeParse(store.conversation(missKey, ctx.now));
  const n = misses.success ? misses.data.n : 0;
  if (n >= LINK_TRIES) return refuse('link-too-many');
  const code = args.replace(/\s/g, '');
  const entry = /^\d{6}$/.test(code) ? codeSchema.safeParse(store.conversation(`link:${code}`, ctx.now)) : undefined;
  if (!entry?.success || entry.data.channel === from.channel) {
    await store.putConversation(missKey, { n: n + 1 }, until(ctx), ctx.now);
    return refuse('link-bad');
  }
  // An account already on another official (approved, or a registration waiting) is theirs: one account, one official.
  if ((actor.official && actor.official.id !== entry.data.officialId) || actor.pending) return refuse('link-other-official');
  await store.dropConversation(`link:${code}`);
  await store.dropConversation(missKey);
  const official = await store.linkAccount(entry.data.officialId, { channel: from.channel, userId: from.userId, chatId: from.chatId }, ctx.now);
  if (!official) return refuse('link-bad');
  const params = {
    name: official.name,
    agency: deps.dir.label(official.agency),
    channels: official.accounts.map((a) => deps.t(`channel.${a.channel}`)).join(', '),
  };
  return {
    replies: [{ text: say('link.done', params) }],
    others: [{ channel: entry.data.channel, chatId: entry.data.chatId, text: say('link.linkedHere', { channel: deps.t(`channel.${from.channel}`) }) }],
  };
}

async function preferChannel(ctx: Ctx, args: string): Promise<Outcome> {
  const { actor, deps } = ctx;
  if (!isOfficial(actor)) return refuseNotOfficial(actor);
  const want = args.toLowerCase().trim() as Channel;
  const has = actor.official.accounts.map((a) => a.channel);
  const current = actor.official.preferred ?? has[0]!;
  if (!CHANNELS.includes(want) || !has.includes(want)) {
    return reply({ text: say('channel.choose', { channels: has.map((c) => deps.t(`channel.${c}`)).join(', '), current: deps.t(`channel.${current}`) }) });
  }
  await deps.store.setPreferred(actor.official.id, want, ctx.now);
  return reply({ text: say('channel.set', { channel: deps.t(`channel.${want}`) }) });
}

export const linkingFeature: Feature = {
  name: 'linking',
  commands: [
    { names: ['lienket', 'link'], audience: 'official', run: link },
    { names: ['kenh', 'channel'], audience: 'official', run: preferChannel },
  ],
};
