/**
 * What the operations in this folder are given by the store they run in (both stores run the same ones): the picture,
 * its lookups, and `change`, which applies a command's edit and resolves once the store has made it durable. Inside a
 * change a command edits the draft and names every record it writes or removes through its `Writer`: the embedded
 * store journals those records, PostgreSQL writes their rows, and the lookups follow them.
 */
import { recordProblem } from '../check.ts';
import { StoredValueError } from '../errors.ts';
import { type Lookups, liveKey } from '../lookups.ts';
import { type RecordSection, recordKey, type Written } from '../records.ts';
import type { AuditEntry, CompletionRecord, Delivery, Section, State } from '../schema.ts';

export interface Ops {
  /** The picture: read outside a change, edited only inside one. */
  state(): State;
  readonly lookups: Lookups;
  /**
   * Apply a change and resolve once it is durable; throws (the picture restored) when it cannot be written or the
   * store is read-only. `touches` names the sections it alters, `plans` the plans whose completions it alters, `ids`
   * how many new ids it may take.
   */
  change<T>(apply: (draft: State, w: Writer) => T, touches: readonly Section[], plans?: readonly string[], ids?: number): Promise<T>;
  /** Throws StateReadOnlyError when the store was opened read-only. */
  assertWritable(): void;
  /** Delivery records, durable when this resolves. */
  appendDeliveries(list: readonly Delivery[]): Promise<void>;
  /** The delivery records kept of one run. */
  deliveriesOfRun(runKey: string): readonly Delivery[];
  /** Drop the delivery records of runs not in `keep`. */
  pruneDeliveries(keep: ReadonlySet<string>): Promise<void>;
}

/** Within one change: new ids, and the records it writes, for the store to make durable and the lookups to follow. */
export class Writer {
  constructor(
    private readonly draft: State,
    private readonly written: Written[],
    private readonly lookups: Lookups,
    /** A new id, unique within the state. */
    readonly newId: (prefix: string) => string,
  ) {}

  /**
   * Throws StoredValueError, changing nothing, when a record would not pass the schema its section is loaded with:
   * what the bot stores at runtime must load again at the next start. `insert` and `put` check too; a command that
   * edits a record in place with a value from outside checks the edited copy first.
   */
  check(section: RecordSection, record: object): void {
    const problem = recordProblem(section, record);
    if (problem) throw new StoredValueError(`refused to store a value that would not load again: ${problem}`);
  }

  /** Add a new record to the draft and mark it written; checked first (nothing added when it fails). */
  insert<S extends RecordSection>(section: S, record: State[S][number]): void {
    this.check(section, record);
    (this.draft[section] as unknown[]).push(record);
    this.mark(section, record);
  }

  /**
   * Mark a record (changed in place) written. Checked as well: a record that fails was changed all the same, so the
   * store puts back what is durable (it knows the record from `written`) and the change fails.
   */
  put(section: RecordSection, record: object): void {
    this.mark(section, record);
    this.check(section, record);
  }

  private mark(section: RecordSection, record: object): void {
    if (section === 'completions') this.lookups.completionWritten(record as CompletionRecord, liveKey(record as CompletionRecord));
    this.written.push({ section, key: recordKey(section, record as Record<string, unknown>), record });
  }

  /** Mark a record removed (the command takes it out of the draft). */
  drop(section: RecordSection, key: string): void {
    this.written.push({ section, key });
  }
}

/** A command's result: a copy, never the picture's own record. */
export const copy = <T>(v: T): T => structuredClone(v);

/** An entry of the audit log, written with the change. */
export function audit(draft: State, at: Date, actor: string, action: string, subject: string, before?: unknown, after?: unknown): void {
  const entry: AuditEntry = { at: at.toISOString(), actor, action, subject };
  if (before !== undefined) entry.before = before;
  if (after !== undefined) entry.after = after;
  draft.audit.push(entry);
}
