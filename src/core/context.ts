/** What the channel-free core works with, and what it gives back to a channel to render. */
import type { Engine } from './engine.ts';
import type { T } from '../i18n.ts';
import type { Directory } from '../plan/agencies.ts';
import { todayIn } from '../plan/deadline.ts';
import type { Plan } from '../plan/schema.ts';
import type { Official, State, Store } from '../store/state.ts';
import type { RosterEntry } from './roster.ts';

export type Channel = 'telegram' | 'zalo' | 'console';

/** Who wrote, from where. */
export interface From {
  channel: Channel;
  userId: string;
  chatId: string;
  privateChat: boolean;
}

export interface Button {
  label: string;
  /** An action id (actions.ts), at most 64 bytes. */
  action: string;
}

/** A message to send. */
export interface Message {
  channel: Channel;
  chatId: string;
  text: string;
  buttons?: Button[][];
  /** Offer the platform's "share my phone number" button. */
  requestContact?: boolean;
}

/** What a channel does with one update: send messages, replace the message a button was on, show a toast. */
export interface Result {
  messages: Message[];
  edit?: { text: string; buttons?: Button[][] };
  toast?: string;
}

export interface CoreDeps {
  engine: Engine;
  store: Store;
  plan: Plan;
  dir: Directory;
  /** Admin user ids per channel (from the environment). */
  admins: Partial<Record<Channel, readonly string[]>>;
  roster: readonly RosterEntry[];
  undoMinutes: number;
  now: () => Date;
  t: T;
  /** Pushes on demand (/guingay), where the process runs a pusher. */
  push?: {
    recipients(): number;
    digestNow(
      progress: (r: { sent: number; failed: number; blocked: number; total: number }) => void,
    ): Promise<{ sent: number; failed: number; blocked: number; total: number }>;
  };
  /** Send a message outside a reply (progress of a long task). */
  tell?: (m: Message) => Promise<void>;
}

export interface Actor {
  admin: boolean;
  /** The approved official behind this account, if any. */
  official?: Official;
  /** A registration awaiting approval, if any. */
  pending?: Official;
  /** How the actor is named in records: the official's id, or "admin:<channel>:<userId>". */
  ref: string;
}

export function actorOf(deps: CoreDeps, from: From): Actor {
  const admin = deps.admins[from.channel]?.includes(from.userId) ?? false;
  const mine = (o: Official) => o.accounts.some((a) => a.channel === from.channel && a.userId === from.userId);
  const officials = deps.store.state.officials;
  const official = officials.find((o) => o.status === 'approved' && mine(o));
  const pending = officials.find((o) => o.status === 'pending' && mine(o));
  return {
    admin,
    ...(official ? { official } : {}),
    ...(pending ? { pending } : {}),
    ref: official ? official.id : `admin:${from.channel}:${from.userId}`,
  };
}

export function today(deps: CoreDeps): string {
  return todayIn(deps.now());
}

export function audit(draft: State, at: Date, actor: string, action: string, subject: string, before?: unknown, after?: unknown): void {
  draft.audit.push({ at: at.toISOString(), actor, action, subject, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
}

/** "14:05 29/11/2026" in the province's time. */
export function localTime(d: Date): string {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour12: false,
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** Buttons laid out `perRow` to a row. */
export function rows(buttons: Button[], perRow: number): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}
