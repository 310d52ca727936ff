/**
 * How questions are asked, as data (data/language/vi.json, en.json): cue phrases by what they signal, the parts of
 * a plan's document, recurrence words, synonyms (everyday words → the plans' wording) and example questions by
 * intent. Validated with zod when first used, like the plans; every phrase is folded to canonical words as questions
 * are, so a file may spell phrases with or without diacritics. Adding a phrasing or a synonym is a change of data.
 */
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR, readDataFile } from '../plan/load.ts';
import type { Unit } from '../plan/deadline.ts';
import { canonicalTokens } from '../text/canonical.ts';
import { fold } from '../text/fold.ts';

export const CUE_KINDS = [
  'help',
  'greeting',
  'thanks',
  'chatter',
  'progress',
  'progressWords',
  'overdue',
  'lateProgress',
  'upcoming',
  'lead',
  'coordinate',
  'deadline',
  'status',
  'yesNo',
  'first',
  'last',
  'notStated',
  'countable',
  'count',
  'notCount',
  'countWords',
  'agencyWork',
  'waiting',
  'recurringAny',
  'together',
  'roleLead',
  'roleCoordinate',
  'citedAsk',
  'agencyHeads',
  'notAgencyName',
  'filler',
  'openers',
  'closers',
  'asker',
  'framing',
  'asks',
  'asksEnd',
  'stop',
  'implementation',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export const DOCUMENT_PARTS = [
  'header',
  'basis',
  'purpose',
  'parts',
  'recipients',
  'cited',
  'targets',
  'title',
  'appendix',
  'assignments',
  'funding',
  'closing',
  'focus',
] as const;
/** The parts of the plan's own document a question may ask about. */
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

const phrase = z.string().min(1).max(120);
const phrases = z.array(phrase).max(2000);

const viSchema = z.strictObject({
  schemaVersion: z.literal(1),
  lang: z.literal('vi'),
  note: z.string().optional(),
  cues: z.strictObject(Object.fromEntries(CUE_KINDS.map((k) => [k, phrases])) as Record<CueKind, typeof phrases>),
  document: z.array(z.strictObject({ part: z.enum(DOCUMENT_PARTS), cues: phrases })).max(50),
  recurring: z.array(z.strictObject({ unit: z.enum(['continuous', 'year', 'half', 'quarter', 'month']), cues: phrases })).max(20),
  synonyms: z.array(z.strictObject({ plan: phrase, say: phrases.min(1) })).max(5000),
  examples: z.record(z.string().max(40), phrases).optional(),
});

const enSchema = z.strictObject({
  schemaVersion: z.literal(1),
  lang: z.literal('en'),
  note: z.string().optional(),
  /** English phrase → the Vietnamese (folded) words the engine understands; "" drops the phrase. */
  glossary: z.array(z.tuple([phrase, z.string().max(120)])).max(10000),
  /** English words that carry no content ("what", "the", "must"): dropped, and telling English apart. */
  functionWords: z.array(z.string().min(1).max(30)).max(2000),
});

const thesaurusSchema = z.strictObject({
  schemaVersion: z.literal(1),
  lang: z.literal('vi'),
  note: z.string().optional(),
  /** Phrases used interchangeably: task search swaps a question's phrase for the member the plan uses. */
  groups: z.array(z.array(phrase).min(2).max(20)).max(5000),
});

export type ViData = z.output<typeof viSchema>;
export type EnData = z.output<typeof enSchema>;

/** A phrase as canonical words, the form questions are matched in. */
const canon = (p: string) => canonicalTokens(p).join(' ');

export interface Language {
  /** Canonical cue phrases by kind (matched as " phrase " inside the question's canonical words). */
  cues: Record<CueKind, string[]>;
  document: [DocumentPart, string[]][];
  recurring: [string[], Unit | 'continuous'][];
  /** Everyday phrase (canonical words) → the plan's wording (canonical words), longest phrase first. */
  synonyms: { say: string[]; plan: string[] }[];
  examples: Record<string, string[]>;
  /** Cue phrases written with their marks in the data, by canonical phrase: "muc phat" is only ever "mức phạt". */
  markedCues: ReadonlyMap<string, string[][]>;
}

/** Load and check a Vietnamese language file; DataFileError names what is wrong and where. */
export function loadLanguage(file = path.join(DATA_DIR, 'language', 'vi.json')): Language {
  const data = readDataFile(file, viSchema);
  const uniq = (xs: string[]) => [...new Set(xs.map(canon).filter(Boolean))];
  const cues = Object.fromEntries(CUE_KINDS.map((k) => [k, uniq(data.cues[k])])) as Record<CueKind, string[]>;
  const synonyms = data.synonyms
    .flatMap((s) => uniq(s.say).map((say) => ({ say: say.split(' '), plan: canon(s.plan).split(' ') })))
    .filter((s) => s.say.length > 0 && s.plan.length > 0 && s.plan[0] !== '')
    .sort((a, b) => b.say.length - a.say.length);
  const markedCues = new Map<string, string[][]>();
  // The rhythms' cues too ("mỗi năm", which "mới năm" folds onto).
  for (const list of [...CUE_KINDS.map((k) => data.cues[k]), ...data.recurring.map((r) => r.cues)])
    for (const cue of list) {
      const words = cue
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (words.every((w) => fold(w) === w)) continue;
      const key = canon(cue);
      const forms = markedCues.get(key) ?? [];
      forms.push(words);
      markedCues.set(key, forms);
    }
  return {
    cues,
    markedCues,
    document: data.document.map((d) => [d.part, uniq(d.cues)]),
    recurring: data.recurring.map((r) => [uniq(r.cues), r.unit]),
    synonyms,
    examples: data.examples ?? {},
  };
}

/** Load and check the thesaurus (data/language/vi-thesaurus.json): groups of canonical word lists. */
export function loadThesaurus(file = path.join(DATA_DIR, 'language', 'vi-thesaurus.json')): string[][][] {
  const data = readDataFile(file, thesaurusSchema);
  return data.groups.map((g) => [...new Set(g.map(canon).filter(Boolean))].map((p) => p.split(' '))).filter((g) => g.length >= 2);
}

export function loadEnglish(file = path.join(DATA_DIR, 'language', 'en.json')): EnData {
  return readDataFile(file, enSchema);
}

let vi: Language | undefined;
let en: EnData | undefined;

/** The Vietnamese language data, loaded once (start-up fails with a clear message when the file is broken). */
export function language(): Language {
  vi ??= loadLanguage();
  return vi;
}

let fillerSet: Set<string> | undefined;
/** The words of the filler phrases ("có", "để", "những"): no content, made into a set once. */
export function fillerWords(): ReadonlySet<string> {
  fillerSet ??= new Set(language().cues.filler.flatMap((f) => f.split(' ')));
  return fillerSet;
}

/** "tổ chức thực hiện" as the part's name: after "phần", "theo" …, before what it assigns, or closing the question. */
const IMPLEMENTATION_NAMED =
  / (?:phan|muc|theo|trong|o|tai|per|under) to chuc thuc hien |^ to chuc thuc hien (?:giao|yeu cau|thi|noi|quy dinh|ghi|neu) | to chuc thuc hien (?:cua )?(?:ke hoach|kh)?(?: \S+)? $/;

/**
 * Whether the words name the body's Implementation part ("phần tổ chức thực hiện", "tcth"): what it assigns, not a
 * task of the appendix, and no section of that name. A name of its own ("tcth", "phần thực hiện") anywhere; the bare
 * words as IMPLEMENTATION_NAMED places them ("Việc tổ chức thực hiện toàn bộ quy trình …" is a task's own wording).
 */
export function namesImplementation(words: readonly string[]): boolean {
  const joined = ` ${words.join(' ')} `;
  return language().cues.implementation.some((cue) => joined.includes(` ${cue} `) && (cue !== 'to chuc thuc hien' || IMPLEMENTATION_NAMED.test(joined)));
}

let cueSet: Set<string> | undefined;
/** Every word of every cue phrase ("tks", "ok"): words of the language itself, made into a set once. */
export function cueWords(): ReadonlySet<string> {
  cueSet ??= new Set(Object.values(language().cues).flatMap((list) => list.flatMap((p) => p.split(' '))));
  return cueSet;
}

let thesaurusGroups: string[][][] | undefined;
/** The thesaurus, loaded once. */
export function thesaurus(): string[][][] {
  thesaurusGroups ??= loadThesaurus();
  return thesaurusGroups;
}

export function english(): EnData {
  en ??= loadEnglish();
  return en;
}
