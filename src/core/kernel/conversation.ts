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
  /** Requests shown in this chat for a decision (cards with ✅/❌), oldest first; the entries are the last one's. */
  decisions: z.array(z.string()).optional(),
});

export interface Menu {
  entries: MenuEntry[];
  decisions?: string[];
}

export function menuOf(store: Store, channel: Channel, chatId: string, now: Date): Menu | undefined {
  const parsed = menuSchema.safeParse(store.conversation(menuKey(channel, chatId), now));
  return parsed.success ? (parsed.data as Menu) : undefined;
}

/** Whether a request ("o57": a registration, "e58": a request for more time) still waits on an admin. */
export function stillWaiting(store: Store, ref: string): boolean {
  if (ref.startsWith('o')) return store.official(ref)?.status === 'pending';
  if (ref.startsWith('e')) return store.extension(ref)?.status === 'pending';
  return false;
}

/**
 * The requests a bare number could mean in this chat: those shown for a decision and still waiting. Empty or the
 * menu's own request alone: the number is the menu's. Anything else (two cards open, or the menu's card decided
 * while another waits) is ambiguous.
 */
export function openDecisions(store: Store, menu: Menu): string[] {
  return (menu.decisions ?? []).filter((ref) => stillWaiting(store, ref));
}

/**
 * The chat's current menu becomes these entries. A message without any action leaves the current menu as it is, so
 * a question asked in between does not take away the list being worked on. A request card (`decision`) adds its
 * request to those still open in the chat, so that "1" under two cards is known to be ambiguous.
 */
export async function saveMenu(store: Store, channel: Channel, chatId: string, entries: readonly MenuEntry[], now: Date, decision?: string): Promise<void> {
  // A read-only store (the terminal chat beside a running bot) cannot keep a menu: numbers are not offered then.
  // A request card without numbers (one of several) is still remembered: a bare number after it is ambiguous.
  if ((entries.every((e) => e === null) && !decision) || store.readOnly) return;
  const before = decision ? menuOf(store, channel, chatId, now) : undefined;
  const open = before ? openDecisions(store, before).filter((ref) => ref !== decision) : [];
  const data = decision ? { entries, decisions: [...open, decision] } : { entries };
  await store.putConversation(menuKey(channel, chatId), data, new Date(now.getTime() + MENU_MS), now);
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
