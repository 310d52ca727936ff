/**
 * Who sees what of the plans' work, the one rule for the chat and the desk page: admins (from the environment) and
 * leaders (approved officials an admin granted the role) see every agency's reports, notes and evidence; an approved
 * official sees their own agency's. Decided from the account on every call, so a revoked official sees nothing at once.
 */
import type { Channel } from './channel.ts';
import type { CoreDeps } from './deps.ts';

/** Who is looking, as decided now. */
export interface Viewer {
  /** Every agency (admins and leaders), or only `agency`. */
  all: boolean;
  agency?: string;
  role: 'admin' | 'leader' | 'official';
}

/** What this account may see now; undefined: nothing (not an admin, not an approved official). */
export function viewerOf(deps: Pick<CoreDeps, 'admins' | 'store'>, channel: Channel, userId: string): Viewer | undefined {
  const admin = deps.admins[channel]?.includes(userId) ?? false;
  const { approved } = deps.store.holderOf(channel, userId);
  if (admin) return { all: true, role: 'admin', ...(approved ? { agency: approved.agency } : {}) };
  if (!approved) return undefined;
  return { all: approved.leader === true, agency: approved.agency, role: approved.leader ? 'leader' : 'official' };
}

/** Whether this viewer may see one agency's part in detail: its reports, progress notes, extensions and evidence. */
export function seesPart(viewer: Viewer | undefined, party: string): boolean {
  return viewer !== undefined && (viewer.all || viewer.agency === party);
}
