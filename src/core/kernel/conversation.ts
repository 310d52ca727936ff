/**
 * Conversation state that outlives a restart, kept in the store with an expiry: one session per user (a
 * registration under way, a note awaited) and one menu per chat on text-only messengers (what "1" or "xong 2"
 * refers to). Read back through zod: a value that no longer fits is treated as absent.
 */
import { z } from 'zod';
import type { Channel, From } from './channel.ts';
import { type ButtonKind, edit, say } from './outcome.ts';
import { type Ctx, defineAction } from './feature.ts';
import type { Store } from '../../store/port.ts';

export const SESSION_MS = 30 * 60_000;
export const MENU_MS = 24 * 60 * 60_000;

const sessionKey = (from: From) => `session:${from.channel}:${from.userId}`;
const menuKey = (channel: Channel, chatId: string) => `menu:${channel}:${chatId}`;

const sessionSchema = z.looseObject({ kind: z.string() });

export function sessionOf(ctx: Ctx): (Record<string, unknown> & { kind: string }) | undefined {
  const raw = ctx.deps.store.conversation(sessionKey(ctx.from), ctx.now);
  const parsed = sessionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Start or move a session on; it lasts SESSION_MS from now. Durable before the user is answered. */
export function setSession(ctx: Ctx, data: { kind: string } & Record<string, unknown>): Promise<void> {
  // The session remembers its plan: the text typed next is handled in that plan's scope.
  const scoped = { ...data, plan: ctx.plan.key };
  return ctx.deps.store.putConversation(sessionKey(ctx.from), scoped, new Date(ctx.now.getTime() + SESSION_MS), ctx.now);
}

export function endSession(ctx: Ctx): Promise<void> {
  return ctx.deps.store.dropConversation(sessionKey(ctx.from));
}

/** One numbered entry of a menu: the kind of what it does and its action id; null where the item has no action. */
export type MenuEntry = { kind: ButtonKind; action: string } | null;

const menuSchema = z.object({
  entries: z.array(z.union([z.object({ kind: z.string(), action: z.string() }), z.null()])),
});

export function menuOf(store: Store, channel: Channel, chatId: string, now: Date): MenuEntry[] | undefined {
  const parsed = menuSchema.safeParse(store.conversation(menuKey(channel, chatId), now));
  return parsed.success ? (parsed.data.entries as MenuEntry[]) : undefined;
}

/**
 * The chat's current menu becomes these entries. A message without any action leaves the current menu as it is, so
 * a question asked in between does not take away the list being worked on.
 */
export async function saveMenu(store: Store, channel: Channel, chatId: string, entries: readonly MenuEntry[], now: Date): Promise<void> {
  // A read-only store (the terminal chat beside a running bot) cannot keep a menu: numbers are not offered then.
  if (entries.every((e) => e === null) || store.readOnly) return;
  await store.putConversation(menuKey(channel, chatId), { entries }, new Date(now.getTime() + MENU_MS), now);
}

/** ✖ on a step that records nothing (registration, choosing an agency to tick for). */
export const cancelAction = defineAction<Record<string, never>>({
  tag: 'x',
  fields: [],
  decode: () => ({}),
  encode: () => [],
  run: async (ctx) => {
    await endSession(ctx);
    return edit({ text: say('session.cancelled') });
  },
});
