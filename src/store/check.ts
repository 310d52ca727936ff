/**
 * What the schema cannot say about a state: the rules between its records. One check, run wherever a whole state
 * comes in — the embedded store's state file at start-up (with its change journal replayed), and both stores'
 * `restore` (`npm run state -- import`) — so that a state neither store could have written is refused, naming each
 * problem, before anything is changed:
 * - every record's key is unique in its section (two officials with one id, two completions with one id …);
 * - an account (messenger and user id) is on at most one live official (pending or approved): the bot would not
 *   know whose it is;
 * - one live (not undone) tick per task, agency and period, and one pending extension per task and agency (the
 *   database's unique indexes; the embedded store's lookups would hide the second);
 * - references resolve: a tick, extension or progress note by an official names one that exists (admins and other
 *   accounts are named "admin:…"/"user:…"), a file of proof names a tick that exists;
 * - the id counter is at or above every id in use ("o12", "c40" …): the next new record must not take an id that is.
 *
 * Also the gate for what the bot writes at runtime: `checkRecord` validates one record with the schema its section is
 * loaded with, so that a value accepted at runtime can never stop the next start.
 */
import type { z } from 'zod';
import { t } from '../i18n.ts';
import { StateFileError } from './errors.ts';
import { liveKey } from './lookups.ts';
import { RECORD_SECTIONS, type RecordSection, recordKey } from './records.ts';
import {
  completionRecordSchema,
  conversationSchema,
  evidenceSchema,
  extensionSchema,
  officialSchema,
  planStateSchema,
  progressSchema,
  reminderSchema,
  runSchema,
  type State,
} from './schema.ts';

/** One problem: a locale key under `state.problem.` and its parameters. */
export interface Problem {
  key: string;
  params: Record<string, string | number>;
}

/** Problems named in a message; the rest are counted. */
const NAMED = 8;

/** The schema each section's records are loaded with (the change journal's replay reads with it too). */
export const RECORD_SCHEMAS: Record<RecordSection, z.ZodType> = {
  officials: officialSchema,
  completions: completionRecordSchema,
  extensions: extensionSchema,
  evidence: evidenceSchema,
  progress: progressSchema,
  conversations: conversationSchema,
  runs: runSchema,
  reminders: reminderSchema,
  plans: planStateSchema,
};

/** Sections whose records carry an id made from the counter (a letter or more, then the number). */
const COUNTED: readonly RecordSection[] = ['officials', 'completions', 'extensions', 'evidence', 'progress'];

/** An actor that is an official's id (not "admin:<channel>:<id>" or "user:<channel>:<id>"). */
const isOfficialRef = (by: string) => !by.includes(':');

/** A state that breaks the rules above: the message names each problem (see `describeProblems`). */
export class InconsistentStateError extends StateFileError {
  constructor(
    file: string,
    readonly problems: readonly Problem[],
  ) {
    super(t('state.inconsistent', { file, problems: describeProblems(problems) }));
  }
}

/** Throws InconsistentStateError when the state breaks a rule. */
export function assertConsistent(file: string, s: State): void {
  const problems = checkState(s);
  if (problems.length > 0) throw new InconsistentStateError(file, problems);
}

/** Every rule above, over a state that passed the schema. Empty: consistent. */
export function checkState(s: State): Problem[] {
  const out: Problem[] = [];
  // The keys of each section (officials and completions: their ids, which the references below look up).
  const keys = new Map<RecordSection, Set<string>>();
  for (const section of RECORD_SECTIONS) {
    const seen = new Set<string>();
    keys.set(section, seen);
    let twice: Map<string, number> | undefined;
    for (const r of s[section] as Record<string, unknown>[]) {
      const key = recordKey(section, r);
      if (!seen.has(key)) seen.add(key);
      else (twice ??= new Map()).set(key, (twice.get(key) ?? 1) + 1);
    }
    for (const [key, n] of twice ?? []) out.push({ key: 'duplicate', params: { section, key, n } });
  }

  const holders = new Map<string, string>();
  for (const o of s.officials) {
    if (o.status !== 'pending' && o.status !== 'approved') continue;
    for (const x of o.accounts) {
      const a = `${x.channel}:${x.userId}`;
      const other = holders.get(a);
      if (other === undefined) holders.set(a, o.id);
      else if (other !== o.id) out.push({ key: 'account', params: { account: a, a: other, b: o.id } });
    }
  }

  const live = new Map<string, string>();
  for (const c of s.completions) {
    if (c.undoneAt) continue;
    const k = liveKey(c);
    const other = live.get(k);
    if (other === undefined) live.set(k, c.id);
    else out.push({ key: 'liveTick', params: { part: `${c.planId} ${c.taskId} ${c.party}${c.period ? ` ${c.period}` : ''}`, a: other, b: c.id } });
  }
  const pending = new Map<string, string>();
  for (const e of s.extensions) {
    if (e.status !== 'pending') continue;
    const k = `${e.planId}\u0000${e.taskId}\u0000${e.party}`;
    const other = pending.get(k);
    if (other === undefined) pending.set(k, e.id);
    else out.push({ key: 'pendingExtension', params: { part: `${e.planId} ${e.taskId} ${e.party}`, a: other, b: e.id } });
  }

  const officials = keys.get('officials')!;
  const refer = (section: string, id: string, by: string) => {
    if (!officials.has(by) && isOfficialRef(by)) out.push({ key: 'unknownOfficial', params: { section, id, ref: by } });
  };
  for (const c of s.completions) {
    refer('completions', c.id, c.by);
    if (c.undoneBy !== undefined) refer('completions', c.id, c.undoneBy);
  }
  for (const e of s.extensions) refer('extensions', e.id, e.by);
  for (const p of s.progress) refer('progress', p.id, p.by);
  const completions = keys.get('completions')!;
  for (const f of s.evidence) {
    if (!completions.has(f.completionId)) out.push({ key: 'unknownCompletion', params: { id: f.id, ref: f.completionId } });
    refer('evidence', f.id, f.by);
  }

  let top = 0;
  let topId = '';
  for (const section of COUNTED)
    for (const r of s[section] as { id: string }[]) {
      const n = counted(r.id);
      if (n > top) {
        top = n;
        topId = r.id;
      }
    }
  if (top > s.seq) out.push({ key: 'counter', params: { seq: s.seq, id: topId } });
  return out;
}

/** The number of an id made from the counter ("o12": 12; letters a–z, then digits), else 0. */
function counted(id: string): number {
  let i = 0;
  while (i < id.length && id.charCodeAt(i) >= 97 && id.charCodeAt(i) <= 122) i++;
  if (i === 0 || i === id.length) return 0;
  let n = 0;
  for (let j = i; j < id.length; j++) {
    const d = id.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

/** The problems as one line, each named (the first NAMED, the rest counted). */
export function describeProblems(problems: readonly Problem[], lang: 'vi' | 'en' = 'vi'): string {
  const named = problems
    .slice(0, NAMED)
    .map((p) =>
      t(`state.problem.${p.key}`, 'section' in p.params ? { ...p.params, section: t(`state.section.${p.params.section}`, {}, lang) } : p.params, lang),
    );
  if (problems.length > NAMED) named.push(t('state.problem.more', { n: problems.length - NAMED }, lang));
  return named.join('; ');
}

/**
 * A record about to be stored, checked with the schema its section is loaded with: the problem (field and why), or
 * undefined when it passes.
 */
export function recordProblem(section: RecordSection, record: unknown): string | undefined {
  const r = RECORD_SCHEMAS[section].safeParse(record);
  if (r.success) return undefined;
  return r.error.issues
    .slice(0, 3)
    .map((i) => `${section}.${i.path.join('.')}: ${i.message}`)
    .join('; ');
}
