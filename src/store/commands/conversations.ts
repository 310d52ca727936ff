/**
 * Conversation state that must survive a restart (registration steps, notes awaited, menus, link codes), by key and
 * with an expiry: expired values are never read and are dropped by the next save.
 */
import { copy, type Ops } from './context.ts';

/** A conversation value by key, unless it has expired. */
export function conversation(ops: Ops, key: string, now: Date): Readonly<Record<string, unknown>> | undefined {
  const c = ops.state().conversations.find((x) => x.key === key);
  return c && Date.parse(c.expires) > now.getTime() ? c.data : undefined;
}

/** Save (or replace) a conversation value until `expires`; expired values are dropped on the way. */
export async function putConversation(ops: Ops, key: string, data: Record<string, unknown>, expires: Date, now: Date): Promise<void> {
  await ops.change(
    (d, w) => {
      const nowIso = now.toISOString();
      const rec = { key, data: copy(data), expires: expires.toISOString() };
      w.check('conversations', rec);
      for (const c of d.conversations) if (c.key !== key && c.expires <= nowIso) w.drop('conversations', c.key);
      d.conversations = d.conversations.filter((c) => c.key !== key && c.expires > nowIso);
      w.insert('conversations', rec);
    },
    ['conversations'],
  );
}

/** Forget a conversation value. No write when there is none. */
export async function dropConversation(ops: Ops, key: string): Promise<void> {
  if (!ops.state().conversations.some((c) => c.key === key)) return;
  await ops.change(
    (d, w) => {
      d.conversations = d.conversations.filter((c) => c.key !== key);
      w.drop('conversations', key);
    },
    ['conversations'],
  );
}
