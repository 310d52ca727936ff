/**
 * Personal links to the desk page (/web): a random token of 256 bits, shown once in the chat and kept in the store
 * only as its SHA-256 (conversation state "web:<hash>", so any process on a shared database serves it). A link lasts
 * LINK_MS; a new /web replaces the person's previous link. Who may see what is decided on every request from the
 * account the link was made for (./viewer.ts). A revoked official's link stops at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Channel } from './channel.ts';
import type { CoreDeps } from './deps.ts';
import { type Viewer, viewerOf } from './viewer.ts';

export const LINK_MS = 12 * 60 * 60_000;
/** An expired link is still recognised (and answered "expired", not "invalid") this long after it ends. */
const KEEP_EXPIRED_MS = 7 * 24 * 60 * 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type LinkRefusal = 'forged' | 'expired' | 'revoked';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const linkKey = (hash: string) => `web:${hash}`;
const ownerKey = (channel: Channel, userId: string) => `webof:${channel}:${userId}`;

/** A new link's token for this account (the previous one stops working); durable before it is returned. */
export async function makeLink(
  deps: Pick<CoreDeps, 'store'>,
  channel: Channel,
  userId: string,
  now: Date,
  token = randomBytes(32).toString('base64url'),
): Promise<{ token: string; until: Date }> {
  const until = new Date(now.getTime() + LINK_MS);
  const keep = new Date(until.getTime() + KEEP_EXPIRED_MS);
  const hash = hashOf(token);
  const previous = deps.store.conversation(ownerKey(channel, userId), now)?.hash;
  if (typeof previous === 'string') await deps.store.dropConversation(linkKey(previous));
  await deps.store.putConversation(linkKey(hash), { channel, userId, until: until.toISOString() }, keep, now);
  await deps.store.putConversation(ownerKey(channel, userId), { hash }, keep, now);
  return { token, until };
}

/** The viewer behind a token, or why there is none. Checked on every request. */
export async function resolveLink(deps: Pick<CoreDeps, 'admins' | 'store'>, token: string, now: Date): Promise<{ viewer: Viewer } | { refused: LinkRefusal }> {
  if (!TOKEN.test(token)) return { refused: 'forged' };
  // Caught up first, as the router does before each update: on a shared database another process may have made
  // the link, or revoked the person, a moment ago.
  await deps.store.refresh();
  const link = deps.store.conversation(linkKey(hashOf(token)), now);
  const channel = link?.channel;
  const userId = link?.userId;
  const until = link?.until;
  if ((channel !== 'telegram' && channel !== 'zalo' && channel !== 'console') || typeof userId !== 'string' || typeof until !== 'string')
    return { refused: 'forged' };
  if (Date.parse(until) <= now.getTime()) return { refused: 'expired' };
  const viewer = viewerOf(deps, channel, userId);
  return viewer ? { viewer } : { refused: 'revoked' };
}
