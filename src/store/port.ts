/**
 * The storage port: what the rest of the bot asks of the state, by name — "the official behind this account", "record
 * this completion", "save this conversation step" — never the raw document, whichever store keeps it. Callers import
 * from here: the `Store` contract, the inputs and read-only results of its operations, the record types, and the
 * errors a store throws.
 *
 * `Store` is the one base of both implementations — the embedded store (`FileStore`, ./embedded/) and PostgreSQL
 * (`PgStore`, ./postgres/) — and runs the same operations on either (./commands/, one module per domain; the lookups
 * every update reads in ./lookups.ts). Each keeps an in-memory picture of the state durable its own way: queries are
 * synchronous reads of that picture; a command applies its change to it and resolves once the store has made the
 * change durable, naming the records it wrote; a store that other processes share brings the picture up to date in
 * `refresh()`, which the router calls before each update. What callers get back is read-only: a copy for a command's
 * result, a read-only view for a query.
 */
import type { CompletionMap } from '../plan/status.ts';
import * as completions from './commands/completions.ts';
import { type Ops, Writer } from './commands/context.ts';
import * as conversations from './commands/conversations.ts';
import * as extensions from './commands/extensions.ts';
import * as notes from './commands/notes.ts';
import * as officials from './commands/officials.ts';
import * as plans from './commands/plans.ts';
import * as pushes from './commands/pushes.ts';
import { StateReadOnlyError } from './errors.ts';
import type { Channel, Decision, NewCompletion, NewOfficial, OfficialStatus, ReadonlyDeep } from './inputs.ts';
import { Lookups } from './lookups.ts';
import type { Written } from './records.ts';
import type { Account, CompletionRecord, Delivery, Evidence, Extension, Official, ProgressNote, Run, Section, State } from './schema.ts';

export type {
  Account,
  AuditEntry,
  CompletionRecord,
  Conversation,
  Delivery,
  Evidence,
  Extension,
  Official,
  ProgressNote,
  Run,
  Section,
  State,
} from './schema.ts';
export { LockHeldError, StateFileError, StateReadOnlyError, StateWriteError, StoreConnectError } from './errors.ts';

export type { Channel, Decision, NewCompletion, NewOfficial, OfficialStatus, ReadonlyDeep } from './inputs.ts';

/** What the health check reports of a store. */
export interface StoreHealth {
  store: 'embedded' | 'postgres';
  officials: number;
  completions: number;
  lastWrite?: string;
  unfinishedRuns: number;
  /** PostgreSQL: when this process last read what the others wrote. */
  lastCatchUp?: string;
}

/** The right to send pushes, held by one process at a time until released. */
export type PushClaim = { release(): Promise<void> };

export abstract class Store {
  /** Where the state lives, for messages: a file path, or the database (without its password). */
  abstract readonly file: string;
  /** Opened to read what another process writes: every change is refused, nothing is ever written. */
  abstract readonly readOnly: boolean;
  protected abstract get state(): State;

  /** The lookups every update reads; an implementation tells them when it replaces the picture or catches up. */
  protected readonly lookups = new Lookups(() => this.state);

  // ——— what each implementation provides ———

  /** A new id, unique within the state (`draft`: the state being changed). */
  protected abstract newId(prefix: string, draft: State): string;
  /**
   * Apply a change and resolve once it is durable. Throws (with the picture restored to the last durable state) when
   * it cannot be written. `apply` edits the draft and pushes every record it writes or removes onto `written`;
   * `touches` names the sections the change alters; `plans` the plans whose completions it alters; `ids` how many new
   * ids it may take. After applying it, the implementation tells the lookups (`lookups.changed`).
   */
  protected abstract change<T>(
    apply: (draft: State, written: Written[]) => T,
    touches?: readonly Section[],
    plans?: readonly string[],
    ids?: number,
  ): Promise<T>;
  /** Resolves when everything changed so far is durable. */
  abstract flush(): Promise<void>;
  abstract health(): StoreHealth;
  /** The whole state, audit log and deliveries included: for export and backups. */
  abstract exportState(): Promise<State>;
  /** Replace the whole state with an exported one (already validated). */
  abstract restore(state: State): Promise<void>;
  /** Delivery records, durable when this resolves. */
  protected abstract appendDeliveries(list: readonly Delivery[]): Promise<void>;
  /** The delivery records kept of one run. */
  protected abstract deliveriesOfRun(runKey: string): readonly Delivery[];
  /** After a run is closed: drop the delivery records of runs no longer kept (see DELIVERY_RUNS_KEPT). */
  protected abstract pruneDeliveries(keep: ReadonlySet<string>): Promise<void>;

  /** Whether the store answers now (the health check): a database within a short limit; a file always. */
  async reachable(): Promise<boolean> {
    return true;
  }

  /** Bring the picture up to date with what other processes wrote (a store shared with none: nothing to do). */
  async refresh(): Promise<void> {}

  /**
   * The right to send pushes (digest runs, reminders, announcements): one process at a time. When another process
   * holds it: undefined, or with `wait`, once it is let go (that process finished, or died). The embedded store is
   * one process's alone, so it always has it.
   */
  async claimPushes(_opts: { wait?: boolean } = {}): Promise<PushClaim | undefined> {
    return { release: async () => undefined };
  }

  /** Finish pending writes and let go of what the store holds. */
  async close(): Promise<void> {
    await this.flush();
  }

  /** Throws StateReadOnlyError on a store opened read-only. */
  protected assertWritable(): void {
    if (this.readOnly) throw new StateReadOnlyError(`${this.file} is open read-only: another process holds it`);
  }

  /** What the operations (./commands/) are given: this store's picture, lookups and durability. */
  private readonly ops: Ops = {
    state: () => this.state,
    lookups: this.lookups,
    change: <T>(apply: (draft: State, w: Writer) => T, touches: readonly Section[], plans?: readonly string[], ids?: number) =>
      this.change((draft, written) => apply(draft, new Writer(draft, written, this.lookups, (prefix) => this.newId(prefix, draft))), touches, plans, ids),
    assertWritable: () => this.assertWritable(),
    appendDeliveries: (list) => this.appendDeliveries(list),
    deliveriesOfRun: (runKey) => this.deliveriesOfRun(runKey),
    pruneDeliveries: (keep) => this.pruneDeliveries(keep),
  };

  /**
   * Build the lookups every update reads (officials by account, completions by id and by task) now rather than on
   * the first update that needs them: the bot calls this once it has started. Changes keep them up to date.
   */
  prepareLookups(): void {
    this.lookups.prepare();
  }

  // ——— officials ———

  /** The approved official and the pending registration behind an account, if any. */
  holderOf(channel: Channel, userId: string): { approved?: ReadonlyDeep<Official>; pending?: ReadonlyDeep<Official> } {
    return officials.holderOf(this.ops, channel, userId);
  }

  official(id: string): ReadonlyDeep<Official> | undefined {
    return this.lookups.official(id);
  }

  officialsWith(status: OfficialStatus): readonly ReadonlyDeep<Official>[] {
    return officials.officialsWith(this.ops, status);
  }

  /** When an account last had a registration refused or revoked (for a pause before asking again). */
  lastRefusalOf(channel: Channel, userId: string): string | undefined {
    return officials.lastRefusalOf(this.ops, channel, userId);
  }

  /** When an account had registrations refused or revoked, oldest first. */
  refusalsOf(channel: Channel, userId: string): readonly string[] {
    return officials.refusalsOf(this.ops, channel, userId);
  }

  /** A registration (pending) or a roster approval; an account with a pending or approved record gets it back, unchanged. */
  addOfficial(input: NewOfficial, actor: string, at: Date): Promise<{ official: Official; existing: boolean }> {
    return officials.addOfficial(this.ops, input, actor, at);
  }

  /** Many officials at once (a roster import, the benchmark's fixture); a given id is kept if it is free. */
  importOfficials(list: readonly (Omit<Official, 'id'> & { id?: string })[], actor: string, at: Date): Promise<number> {
    return officials.importOfficials(this.ops, list, actor, at);
  }

  /** Approve or reject a pending registration, or revoke an approved official; refused when no longer as expected. */
  decide(
    officialId: string,
    decision: Decision,
    by: string,
    at: Date,
    reason?: string,
  ): Promise<{ official: Official } | { refused: 'unknown' } | { refused: 'already'; status: OfficialStatus }> {
    return officials.decide(this.ops, officialId, decision, by, at, reason);
  }

  /** An official leaves (or withdraws a pending registration). */
  leave(officialId: string, by: string, at: Date): Promise<boolean> {
    return officials.leave(this.ops, officialId, by, at);
  }

  setNotify(officialId: string, on: boolean, at: Date): Promise<void> {
    return officials.setNotify(this.ops, officialId, on, at);
  }

  /** Grant or withdraw the leader role of an approved official; false when there is no such official. */
  setLeader(officialId: string, on: boolean, by: string, at: Date): Promise<boolean> {
    return officials.setLeader(this.ops, officialId, on, by, at);
  }

  setPreferred(officialId: string, channel: Channel, at: Date): Promise<void> {
    return officials.setPreferred(this.ops, officialId, channel, at);
  }

  /** Add (or replace) an approved official's account on one messenger. */
  linkAccount(officialId: string, account: Account, at: Date): Promise<Official | undefined> {
    return officials.linkAccount(this.ops, officialId, account, at);
  }

  /** An official whom pushes could not reach wrote again: they can be reached. */
  markReachable(channel: Channel, userId: string, at: Date): Promise<void> {
    return officials.markReachable(this.ops, channel, userId, at);
  }

  // ——— completions ———

  completion(id: string): ReadonlyDeep<CompletionRecord> | undefined {
    return this.lookups.completion(id);
  }

  /** The live (not undone) report of one party's part of a task, for one period of a recurring task. */
  liveCompletion(planId: string, taskId: string, party: string, period?: string): ReadonlyDeep<CompletionRecord> | undefined {
    return this.lookups.liveCompletion({ planId, taskId, party, period });
  }

  /** Live reports of one party made on days from `from` (inclusive) to `to` (exclusive). */
  reportsBetween(planId: string, party: string, from: string, to: string): readonly ReadonlyDeep<CompletionRecord>[] {
    return completions.reportsBetween(this.ops, planId, party, from, to);
  }

  /** Every report of one task, live and undone (any party and period), oldest first: one pass over the reports. */
  taskReports(planId: string, taskId: string): readonly ReadonlyDeep<CompletionRecord>[] {
    return completions.taskReports(this.ops, planId, taskId);
  }

  /** Completions of one plan by task id, for status; the same Map until the state changes. */
  completions(planId: string): CompletionMap {
    return this.lookups.completions(planId);
  }

  /** Record a report, unless the same part (and period) is already reported: then the existing record comes back. */
  recordCompletion(input: NewCompletion, at: Date): Promise<{ record: CompletionRecord; existing: boolean }> {
    return completions.recordCompletion(this.ops, input, at);
  }

  /** Undo a report; undefined when it is unknown or already undone (nothing written). */
  undoCompletion(id: string, by: string, at: Date): Promise<CompletionRecord | undefined> {
    return completions.undoCompletion(this.ops, id, by, at);
  }

  /** A plan replaced by a corrected file: the live ticks of tasks that changed or went are undone. Returns how many. */
  voidCompletions(planId: string, taskIds: readonly string[], by: string, at: Date, why: string): Promise<number> {
    return completions.voidCompletions(this.ops, planId, taskIds, by, at, why);
  }

  // ——— plans ———

  /** An event with no state of its own (a plan published), kept in the audit log. */
  recordEvent(actor: string, action: string, subject: string, at: Date, details?: unknown): Promise<void> {
    return plans.recordEvent(this.ops, actor, action, subject, at, details);
  }

  /** Whether an admin has archived this plan (and not restored it since). */
  planArchived(planId: string): boolean {
    return plans.planArchived(this.ops, planId);
  }

  /** Archive or restore a plan; false (nothing written) when it already is so. */
  setPlanArchived(planId: string, archived: boolean, by: string, at: Date): Promise<boolean> {
    return plans.setPlanArchived(this.ops, planId, archived, by, at);
  }

  // ——— extensions ———

  extension(id: string): ReadonlyDeep<Extension> | undefined {
    return extensions.extension(this.ops, id);
  }

  /** Every request for more time still waiting for an admin, oldest first. */
  pendingExtensions(): readonly ReadonlyDeep<Extension>[] {
    return extensions.pendingExtensions(this.ops);
  }

  /** The latest request on one agency's part of a task (pending or decided), if any. */
  extensionsOf(planId: string, taskId: string, party: string): readonly ReadonlyDeep<Extension>[] {
    return extensions.extensionsOf(this.ops, planId, taskId, party);
  }

  latestExtension(planId: string, taskId: string, party: string): ReadonlyDeep<Extension> | undefined {
    return extensions.latestExtension(this.ops, planId, taskId, party);
  }

  /** Ask for more time; refused (nothing written) while another request on the same part is pending. */
  requestExtension(input: Omit<Extension, 'id' | 'status' | 'at'>, at: Date): Promise<{ extension: Extension } | { refused: 'pending' }> {
    return extensions.requestExtension(this.ops, input, at);
  }

  /** Approve or reject (with the reason the official is told) a pending request; the audit log keeps both dates. */
  decideExtension(id: string, approve: boolean, by: string, at: Date, reason?: string): Promise<{ extension: Extension } | { refused: 'unknown' | 'decided' }> {
    return extensions.decideExtension(this.ops, id, approve, by, at, reason);
  }

  // ——— evidence and progress notes ———

  evidence(id: string): ReadonlyDeep<Evidence> | undefined {
    return notes.evidence(this.ops, id);
  }

  evidenceOf(completionId: string): readonly ReadonlyDeep<Evidence>[] {
    return notes.evidenceOf(this.ops, completionId);
  }

  addEvidence(input: Omit<Evidence, 'id' | 'at'>, at: Date): Promise<Evidence> {
    return notes.addEvidence(this.ops, input, at);
  }

  /** The latest progress note on one agency's part of a task, if any. */
  progressNotes(planId: string, taskId: string, party: string): readonly ReadonlyDeep<ProgressNote>[] {
    return notes.progressNotes(this.ops, planId, taskId, party);
  }

  latestProgress(planId: string, taskId: string, party: string): ReadonlyDeep<ProgressNote> | undefined {
    return notes.latestProgress(this.ops, planId, taskId, party);
  }

  addProgress(input: Omit<ProgressNote, 'id' | 'at'>, at: Date): Promise<ProgressNote> {
    return notes.addProgress(this.ops, input, at);
  }

  // ——— conversation state ———

  /** A conversation value by key, unless it has expired. */
  conversation(key: string, now: Date): Readonly<Record<string, unknown>> | undefined {
    return conversations.conversation(this.ops, key, now);
  }

  /** Save (or replace) a conversation value until `expires`; expired values are dropped on the way. */
  putConversation(key: string, data: Record<string, unknown>, expires: Date, now: Date): Promise<void> {
    return conversations.putConversation(this.ops, key, data, expires, now);
  }

  /** Forget a conversation value. No write when there is none. */
  dropConversation(key: string): Promise<void> {
    return conversations.dropConversation(this.ops, key);
  }

  // ——— pushes ———

  run(key: string): ReadonlyDeep<Run> | undefined {
    return pushes.run(this.ops, key);
  }

  /** Digest runs written for a day (scheduled or /guingay), finished or not. */
  runsOfDay(day: string): readonly ReadonlyDeep<Run>[] {
    return pushes.runsOfDay(this.ops, day);
  }

  /** Runs started and not finished (a crash, a stop): the next start resumes them. */
  unfinishedRuns(): readonly ReadonlyDeep<Run>[] {
    return pushes.unfinishedRuns(this.ops);
  }

  /** Recipients a run has reached (every part of their message) or given up on. */
  deliveredIn(runKey: string): ReadonlySet<string> {
    return pushes.deliveredIn(this.ops, runKey);
  }

  /** The parts of a recipient's message a run has already sent (a resumed run sends only the rest). */
  partsSent(runKey: string, to: string): ReadonlySet<number> {
    return pushes.partsSent(this.ops, runKey, to);
  }

  deliveriesOf(runKey: string): readonly ReadonlyDeep<Delivery>[] {
    return this.deliveriesOfRun(runKey);
  }

  /** Reminder keys already sent. */
  remindersSent(): ReadonlySet<string> {
    return pushes.remindersSent(this.ops);
  }

  startRun(key: string, total: number, at: Date, extra: Pick<Run, 'day' | 'notify' | 'outbox'> = {}): Promise<void> {
    return pushes.startRun(this.ops, key, total, at, extra);
  }

  /** Close a run with its counts; delivery records of runs no longer needed are dropped. */
  finishRun(key: string, counts: { sent: number; failed: number }, at: Date): Promise<void> {
    return pushes.finishRun(this.ops, key, counts, at);
  }

  /** Delivery records, durable when this resolves; a blocked recipient is also marked unreachable. */
  recordDeliveries(list: readonly Delivery[]): Promise<void> {
    return pushes.recordDeliveries(this.ops, list);
  }

  /** Reminders sent, so that none is sent twice (kept until REMINDER_RETENTION_DAYS past their due date). */
  recordReminders(keys: readonly string[], at: Date): Promise<void> {
    return pushes.recordReminders(this.ops, keys, at);
  }
}
