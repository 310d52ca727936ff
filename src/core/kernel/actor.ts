/** Who is asking, as far as rights go: an admin (from the environment), an approved official, a pending one. */
import type { Official, ReadonlyDeep } from '../../store/port.ts';
import type { Channel, From } from './channel.ts';
import { type Outcome, refuse } from './outcome.ts';
import type { CoreDeps } from './deps.ts';

export interface Actor {
  admin: boolean;
  /** The approved official behind this account, if any. */
  official?: ReadonlyDeep<Official>;
  /** A registration awaiting approval, if any. */
  pending?: ReadonlyDeep<Official>;
  /** How the actor is named in records: the official's id, or "admin:<channel>:<userId>". */
  ref: string;
}

/** Looked up on every call: a revoked official or a removed admin loses their rights at once. */
export function actorOf(deps: CoreDeps, from: From): Actor {
  const admin = deps.admins[from.channel]?.includes(from.userId) ?? false;
  const { approved, pending } = deps.store.holderOf(from.channel, from.userId);
  return {
    admin,
    ...(approved ? { official: approved } : {}),
    ...(pending ? { pending } : {}),
    ref: approved ? approved.id : `${admin ? 'admin' : 'user'}:${from.channel}:${from.userId}`,
  };
}

/** Every admin's chat, on every messenger (where requests for a decision go). */
export function adminChats(deps: Pick<CoreDeps, 'admins'>): { channel: Channel; id: string }[] {
  return (Object.entries(deps.admins) as [Channel, readonly string[]][]).flatMap(([channel, ids]) => ids.map((id) => ({ channel, id })));
}

/** An approved official: what the guards below narrow an actor to. */
export type OfficialActor = Actor & { official: NonNullable<Actor['official']> };

/** Whether the actor is an approved official (an admin is one only with an official's account). */
export function isOfficial(actor: Actor): actor is OfficialActor {
  return actor.official !== undefined;
}

/** Why someone who is no approved official is refused: their request awaits approval, or they never registered. */
export function notOfficialCode(actor: Actor): 'pending-approval' | 'not-registered' {
  return actor.pending ? 'pending-approval' : 'not-registered';
}

/** The refusal of an actor who is no approved official; an admin is told `admin` when given (an official's action). */
export function refuseNotOfficial(actor: Actor, admin?: 'admin-only'): Outcome {
  return refuse(actor.admin && admin ? admin : notOfficialCode(actor));
}
