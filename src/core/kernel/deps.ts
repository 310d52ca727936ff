/** What the channel-free core is built from. Time and chance come in as functions: nothing inside reads a clock. */
import type { Lang, T } from '../../i18n.ts';
import type { Logger } from '../../log.ts';
import type { Directory } from '../../plan/agencies.ts';
import type { ImportLimits } from '../../plan/import/isolated.ts';
import type { Store } from '../../store/port.ts';
import type { Channel } from './channel.ts';
import type { Envelope } from './outcome.ts';
import type { PlanCatalog } from './catalog.ts';
import type { RosterEntry } from './roster.ts';

export interface PushControl {
  recipients(): number;
  /** Send these messages as one run that a restart resumes (a published plan's announcement). */
  announce(key: string, messages: readonly { to: string; message: Envelope }[]): Promise<PushCounts>;
  /** Send the weekly digest now (or resume one a crash left unfinished); `notify` is told if a later start resumes it. */
  digestNow(progress: (r: PushCounts) => void, notify?: { channel: Channel; chatId: string }, onBusy?: () => void): Promise<PushCounts>;
}

export interface PushCounts {
  sent: number;
  failed: number;
  blocked: number;
  total: number;
  /** Another process holds the right to send pushes (a shared database): it sends, not this one. */
  elsewhere?: boolean;
}

export interface CoreDeps {
  /** Every plan served; an update is handled in the scope of one of them (Ctx.plan). */
  plans: PlanCatalog;
  store: Store;
  dir: Directory;
  /** Where plans published in chat are written (data/plans by default); none: publishing is refused. */
  plansDir?: string;
  /** The time and memory a plan file sent in chat may take to read (plan/import/isolated.ts; its defaults when unset). */
  importLimits?: ImportLimits;
  /** Admin user ids per messenger (from the environment). */
  admins: Partial<Record<Channel, readonly string[]>>;
  roster: readonly RosterEntry[];
  undoMinutes: number;
  /** The one clock. */
  now: () => Date;
  /** A number in [0, 1): link codes. */
  random: () => number;
  lang: Lang;
  /** The language's text, for composed text such as task cards. */
  t: T;
  log: Logger;
  /** Pushes on demand (/guingay), where the process runs a pusher. */
  push?: PushControl;
  /** The desk page (/web): the public address links start with (PUBLIC_URL); a token maker for tests. None: /web says it is off. */
  web?: { base: string; token?: () => string };
  /** Deliver a message outside a reply (progress of a long task). */
  tell?: (m: Envelope) => Promise<void>;
}
