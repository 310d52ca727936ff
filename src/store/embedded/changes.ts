import { RECORD_SCHEMAS } from '../check.ts';
import { StateFileError } from '../errors.ts';
import { type RecordSection, recordKey, type Written } from '../records.ts';
import { type AuditEntry, auditSchema, type Section, type State } from '../schema.ts';

/** One line of the change journal. */
export interface ChangeLine {
  /** The change's number: the state file names the last one it holds. */
  n: number;
  /** The id counter after the change. */
  seq: number;
  /** Records written (whole) or removed (null). */
  w: [RecordSection, string, Record<string, unknown> | null][];
  a: AuditEntry[];
}

/** A line as read: a change, or why it is not one. */
export type ReadLine = ChangeLine | { invalid: string };

/** A journaled line kept until a snapshot holds its change. */
export interface Kept {
  n: number;
  line: string;
}

/** A change as its journal line. */
export function changeLine(n: number, seq: number, written: readonly Written[], audit: readonly AuditEntry[]): string {
  return JSON.stringify({ n, seq, w: written.map((w) => [w.section, w.key, w.record ?? null]), a: audit });
}

/** The gate for journal lines: every record checked as the state file's are; a line that fails stops start-up. */
export function parseChangeLine(v: unknown): ReadLine {
  const line = v as Partial<ChangeLine> | null;
  const bad = (why: string) => ({ invalid: why });
  if (!line || typeof line.n !== 'number' || typeof line.seq !== 'number' || !Array.isArray(line.w) || !Array.isArray(line.a)) return bad('shape');
  for (const entry of line.w) {
    const [section, key, record] = entry as unknown[];
    const schema = RECORD_SCHEMAS[section as RecordSection];
    if (!schema || typeof key !== 'string') return bad(`section ${String(section)}`);
    if (record !== null && !schema.safeParse(record).success) return bad(`${String(section)} ${key}`);
  }
  for (const a of line.a) if (!auditSchema.safeParse(a).success) return bad('audit entry');
  return line as ChangeLine;
}

/** The bytes a journal of these lines takes. */
export const journalBytes = (lines: readonly Kept[]): number => lines.reduce((b, x) => b + x.line.length + 1, 0);

/**
 * Apply the journal's lines after `mark` to the state just read (`d`): each line's records written or removed, its
 * audit entries (those the snapshot does not hold already), the id counter. `touch` is told the sections changed.
 * Returns the lines applied, kept until the next snapshot holds them.
 */
export function replayChanges(file: string, all: readonly ReadLine[], mark: number, d: State, touch: (sections: readonly Section[]) => void): Kept[] {
  // Only the last line may be unreadable (a crash mid-append; never acknowledged): anything else is damage.
  const broken = all.findIndex((l) => 'invalid' in l);
  if (broken >= 0 && broken < all.length - 1)
    throw new StateFileError(`${file}: its change journal has a damaged line (${(all[broken] as { invalid: string }).invalid}); it was left as it is`);
  const lines = all.filter((l): l is ChangeLine => !('invalid' in l) && l.n > mark);
  const kept: Kept[] = [];
  if (lines.length === 0) return kept;
  const index = new Map<RecordSection, Map<string, number>>();
  const positions = (section: RecordSection) => {
    let m = index.get(section);
    if (!m) {
      m = new Map((d[section] as Record<string, unknown>[]).map((r, i) => [recordKey(section, r), i]));
      index.set(section, m);
    }
    return m;
  };
  const removed = new Map<RecordSection, Set<number>>();
  // A snapshot written while changes went on may hold some of their audit entries already.
  const logged = new Set(d.audit.map((a) => JSON.stringify(a)));
  let last = mark;
  for (const l of lines) {
    if (l.n <= last) continue;
    for (const [section, key, record] of l.w) {
      const list = d[section] as unknown[];
      const at = positions(section);
      const i = at.get(key);
      if (record === null) {
        if (i !== undefined) {
          let gone = removed.get(section);
          if (!gone) removed.set(section, (gone = new Set()));
          gone.add(i);
          at.delete(key);
        }
      } else if (i !== undefined) list[i] = record;
      else {
        at.set(key, list.length);
        list.push(record);
      }
      touch([section]);
    }
    for (const a of l.a) if (!logged.has(JSON.stringify(a))) d.audit.push(a);
    if (l.a.length > 0) touch(['audit']);
    d.seq = Math.max(d.seq, l.seq);
    last = l.n;
    kept.push({ n: l.n, line: JSON.stringify(l) });
  }
  for (const [section, gone] of removed) (d[section] as unknown[]) = (d[section] as unknown[]).filter((_, i) => !gone.has(i));
  return kept;
}
