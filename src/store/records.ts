/**
 * The state's records one by one, as both stores write them: the sections whose records each have a key (all but the
 * audit log and push deliveries, which are only appended), a record's key, and a record a change wrote or removed.
 * The embedded store journals a big state's changes as these; PostgreSQL keeps one row per record.
 */

/** Sections whose records a change writes one by one: each record has a key. */
export type RecordSection = 'officials' | 'completions' | 'extensions' | 'evidence' | 'progress' | 'conversations' | 'runs' | 'reminders' | 'plans';
export const RECORD_SECTIONS: readonly RecordSection[] = [
  'officials',
  'completions',
  'extensions',
  'evidence',
  'progress',
  'conversations',
  'runs',
  'reminders',
  'plans',
];

/** A record's key within its section. */
export function recordKey(section: RecordSection, r: Record<string, unknown>): string {
  if (section === 'conversations' || section === 'runs' || section === 'reminders') return String(r.key);
  if (section === 'plans') return `${r.planId}|${r.at}|${r.archived}`;
  return String(r.id);
}

/** One record a change wrote (`record`) or removed (none). */
export interface Written {
  section: RecordSection;
  key: string;
  record?: object;
}
