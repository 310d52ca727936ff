/** The inputs of the store's commands and the read-only view of what they return: shared by the port and the commands. */
import type { Account, Official } from './schema.ts';

/** A read-only view of a stored value. */
export type ReadonlyDeep<T> = T extends (infer U)[] ? readonly ReadonlyDeep<U>[] : T extends object ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> } : T;

export type OfficialStatus = Official['status'];
export type Channel = Account['channel'];

/** What a new official's record starts with. */
export interface NewOfficial {
  account: Account;
  name: string;
  position: string;
  agency: string;
  phone?: string;
  /** Approved at once (roster) by this actor; otherwise pending. */
  approvedBy?: string;
}

export interface NewCompletion {
  planId: string;
  taskId: string;
  party: string;
  period?: string;
  on: string;
  by: string;
  note?: string;
}

export type Decision = 'approved' | 'rejected' | 'revoked';
