/**
 * The question engine, free of any channel: text and today in, a structured reply out. Channels render the
 * reply's plain text with their own markup (escaping it), and its tasks as buttons or menus.
 */
import {
  type AnswerContext,
  type Reply,
  type Roles,
  type SearchItem,
  agencyAnswer,
  countAnswer,
  firstLastAnswer,
  notStatedAnswer,
  unknownAgencyAnswer,
  waitingAnswer,
  indexByAgency,
  partStateOf,
  stateOf,
  helpAnswer,
  overdueAnswer,
  periodAnswer,
  progressAnswer,
  recurringAnswer,
  taskAnswer,
  upcomingAnswer,
} from './answers.ts';
import { type Lang, translator } from '../i18n.ts';
import { type Directory, knownParties, planAgencies } from '../plan/agencies.ts';
import type { Plan, Task } from '../plan/schema.ts';
import type { Completion, CompletionMap, TaskState } from '../plan/status.ts';
import { tasksWithPart } from '../plan/progress.ts';
import { articleAnswer, bodySaysAnswer, documentAnswer, figureAnswer } from './document.ts';
import { classify } from '../understand/classifier.ts';
import { fromEnglish, isEnglishWord, looksEnglish, mixedEnglish, periodLabelEn } from '../understand/english.ts';
import { type ChatContext, followUp, resolveReferences } from '../understand/followup.ts';
import { has, type Question, understand, withoutPlanRef } from '../understand/intents.ts';
import { formatDate } from '../plan/deadline.ts';
import { canonicalTokens, isSyllable, wordPairs } from '../text/canonical.ts';
import { fold } from '../text/fold.ts';
import { cueWords, fillerWords, language, namesImplementation, thesaurus } from '../understand/language.ts';
import { TaskSearch } from '../understand/search.ts';
import { countWords, Speller, type Vocabulary } from '../understand/typos.ts';
import { looksLikeLegacyEncoding } from '../text/legacy.ts';

export type { Reply } from './answers.ts';

/** Questions longer than this are refused with a message rather than searched. */
export const MAX_QUESTION_LENGTH = 1000;

export interface EngineOptions {
  lang?: Lang;
  upcomingDays?: number;
  maxList?: number;
}

export interface AskOptions {
  today: string;
  /** Reports by task and the due dates approved extensions moved (`dues`), from the store. */
  completions?: CompletionMap;
  /** What this chat was last shown, for follow-ups ("còn Sở Nội vụ thì sao?"). */
  context?: ChatContext;
  /** Answer in this language rather than the engine's. */
  lang?: Lang;
  /**
   * Only which tasks answer and how many (`total`), without the text: a question over many plans first asks each
   * plan this, and words out in full only the plans it will show.
   */
  tally?: boolean;
}

/** The translator of a tally: no text is read, so none is made. */
const silent = () => '';

/** The words of `raw` whose folded form is `folded` ("sở abc" for "so abc"); `folded` itself when not found. */
function asTyped(raw: string, folded: string): string {
  const words = raw.split(/\s+/);
  const want = folded.split(' ');
  for (let i = 0; i + want.length <= words.length; i++) {
    const span = words.slice(i, i + want.length);
    if (span.every((w, k) => fold(w).replace(/[^a-z0-9&]/g, '') === want[k])) return span.join(' ').replace(/[?.!,]+$/, '');
  }
  return folded;
}

/** What a chat has been shown, for the next follow-up. */
export function contextOf(q: Question, reply: Reply, previous?: ChatContext): ChatContext {
  return {
    intent: q.intent,
    agencies: q.agencies.length > 0 ? q.agencies : q.intent === 'task' ? [] : (previous?.agencies ?? []),
    tasks: reply.tasks.map((x) => x.id),
    // A list (of any length) replaces the last list; a task's card keeps it, so "còn việc đầu?" still refers to it.
    ...(reply.intent !== 'task' && reply.tasks.length > 0 ? { list: reply.tasks.map((x) => x.id) } : previous?.list ? { list: previous.list } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.period ? { period: q.period } : {}),
    ...horizonsOf(previous, reply),
  };
}

/** The plans whose passed period the chat has been told of, this reply's added. */
function horizonsOf(previous: ChatContext | undefined, reply: Reply): { horizonSaid?: string[] } {
  const said = [...new Set([...(previous?.horizonSaid ?? []), ...(reply.horizonSaid ?? [])])];
  return said.length > 0 ? { horizonSaid: said } : {};
}

/** The help cues of two words or more ("giúp được những gì"; not "giúp" alone), picked once per language table. */
const phrasedHelpOf = new WeakMap<readonly string[], string[]>();
function phrasedHelp(): string[] {
  const cues = language().cues.help;
  let phrased = phrasedHelpOf.get(cues);
  if (!phrased) phrasedHelpOf.set(cues, (phrased = cues.filter((cue) => cue.includes(' '))));
  return phrased;
}

/** Each section's title as a set of canonical words, made once per plan. */
const sectionWords = new WeakMap<Plan, { id: string; title: Set<string>; seq: string[] }[]>();

/** The section whose title shares three words or more with the question's (and most of them), if one does. */
/** A plan's section titles as words (a set, and in order), made once per plan. */
function sectionsOf(plan: Plan): { id: string; title: Set<string>; seq: string[] }[] {
  let sections = sectionWords.get(plan);
  if (!sections)
    sectionWords.set(
      plan,
      (sections = plan.sections.map((s) => ({
        id: s.id,
        title: new Set(canonicalTokens(s.title).filter((w) => w.length > 1)),
        seq: canonicalTokens(s.title),
      }))),
    );
  return sections;
}

/** Words that name a part of the appendix before its title's words ("phần tuyên truyền", "mảng xã hội số"). */
const SECTION_HEAD = / (?:phan|muc|mang|linh vuc|nhom viec|nhom nhiem vu|part|section) /;

/**
 * "phần tuyên truyền", "mảng xã hội số": a head, then two words or more that stand in a row in one section's title
 * only.
 */
function sectionByHead(plan: Plan, all: readonly string[]): string | undefined {
  const joined = ` ${all.join(' ')} `;
  if (!SECTION_HEAD.test(joined)) return undefined;
  const sections = sectionsOf(plan);
  for (const run of joined
    .split(SECTION_HEAD)
    .slice(1)
    .map((x) => x.trim().split(' ').filter(Boolean))) {
    for (let n = Math.min(4, run.length); n >= 2; n--) {
      const hits = sections.filter(({ seq }) => longestRun(run.slice(0, n), seq) === n);
      if (hits.length === 1) return hits[0]!.id;
      if (hits.length > 1) break;
    }
  }
  return undefined;
}

function sectionNamed(plan: Plan, words: readonly string[], all: readonly string[] = words): string | undefined {
  const byHead = sectionByHead(plan, all);
  if (byHead) return byHead;
  const sections = sectionsOf(plan);
  const asked = new Set(words);
  let best: { id: string; n: number } | undefined;
  for (const { id, title } of sections) {
    const n = [...asked].filter((w) => title.has(w)).length;
    if (n >= Math.max(3, 0.4 * title.size) && (!best || n > best.n)) best = { id, n };
  }
  if (best) return best.id;
  // "phần ứng dụng CNTT": three words or more of one title in a row, a longer run than any other title shares.
  let run: { id: string; n: number; tie: boolean } | undefined;
  for (const { id, seq } of sections) {
    const n = longestRun(words, seq);
    if (n >= 3 && (!run || n > run.n)) run = { id, n, tie: false };
    else if (run && n === run.n) run.tie = true;
  }
  return run && !run.tie ? run.id : undefined;
}

/** The longest run of words `a` and `b` share in the same order, without a gap. */
function longestRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let n = 0;
      while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
      if (n > best) best = n;
    }
  return best;
}

/** Answers that are lists of tasks: a count or a yes/no question about them is answered first. */
const LISTS = new Set(['overdue', 'upcoming', 'period', 'recurring']);

/** Answers whose content depends on today's status. */
const STATUS_INTENTS = new Set(['agency', 'overdue', 'upcoming', 'progress', 'task', 'period', 'first-last']);

/** Largest first message: one Zalo message, with room for the "more" line. */
export const PAGE_CHARS = 1900;

/**
 * A reply sized for a phone: the first message at most PAGE_CHARS (cut at a line, never inside one), the rest as
 * further pages. Lists come first-things-first, so the first page holds the count and the most urgent items.
 */
export function paginate(r: Reply): Reply {
  if (r.text.length <= PAGE_CHARS) return r;
  const pages: string[] = [];
  let cur = '';
  // A task's detail line (indented) stays with the line that names it: never "• III.5 — …" on one message and its
  // lead and deadline on the next.
  const blocks: string[] = [];
  for (const line of r.text.split('\n')) {
    if (line.startsWith('   ') && blocks.length > 0 && blocks.at(-1)!.startsWith('• ') && !blocks.at(-1)!.includes('\n'))
      blocks[blocks.length - 1] += `\n${line}`;
    else blocks.push(line);
  }
  for (const line of blocks) {
    const pieces = line.length > PAGE_CHARS ? (line.match(new RegExp(`[\\s\\S]{1,${PAGE_CHARS}}`, 'g')) ?? []) : [line];
    for (const piece of pieces) {
      if (cur && cur.length + 1 + piece.length > PAGE_CHARS) {
        // A heading that ends the page ("Ngoài ra, việc định kỳ … (3):") goes on with what it heads.
        const lines = cur.trimEnd().split('\n');
        const heading = lines.length > 1 && lines.at(-1)!.endsWith(':') ? lines.pop()! : undefined;
        pages.push(lines.join('\n'));
        cur = heading ? `${heading}\n${piece}` : piece;
      } else cur = cur ? `${cur}\n${piece}` : piece;
    }
  }
  if (cur.trim()) pages.push(cur.trimEnd());
  return { ...r, text: pages[0]!, more: pages.slice(1) };
}

/** What one day and one set of completions give: states, agencies' parts, and the lists made of them. */
interface StateCache {
  today: string;
  states: Map<Task, TaskState>;
  parts: Map<string, Map<Task, TaskState>>;
  lists: Map<string, Task[]>;
}

export class Engine {
  private searchIndex: TaskSearch<SearchItem> | undefined;
  /** The words of the plan's title, which name the plan after "kế hoạch" ("trong kế hoạch y tế"). */
  private titleWords: Set<string> | undefined;
  private sectionTitles: string[] | undefined;
  /** The words that name the plan itself (its title and number): see namesPlanOnly. */
  private planWords: Set<string> | undefined;
  private agencyIndex: ReadonlyMap<string, readonly number[]> | undefined;
  private speller: Speller | undefined;
  /**
   * Task states depend only on the day and the completions: computed once per (day, completions map) and
   * shared by every question until either changes. A store hands out a new map after each change.
   */
  private readonly stateCache = new WeakMap<object, StateCache>();
  private readonly noCompletions = new Map<string, readonly Completion[]>();
  private readonly roles = new Map<string, Roles>();
  private readonly partTasks = new Map<string, readonly Task[]>();
  private readonly lang: Lang;
  private horizonDay: string | undefined;
  private readonly upcomingDays: number;
  private readonly maxList: number;

  /** The directory with this plan's own agencies (parties the directory does not know), askable by name. */
  readonly dir: Directory;

  /** The plan, its parties made the directory's where the directory now knows them by name (see knownParties). */
  readonly plan: Plan;

  constructor(plan: Plan, dir: Directory, opts: EngineOptions = {}) {
    this.plan = knownParties(plan, dir);
    const parties = [...this.plan.tasks, ...this.plan.assignments].flatMap((x) => [...x.lead, ...x.coordinate]);
    this.dir = dir.with(planAgencies(parties));
    this.lang = opts.lang ?? 'vi';
    this.upcomingDays = opts.upcomingDays ?? 30;
    this.maxList = opts.maxList ?? 20;
  }

  /**
   * The word index of the plan's tasks and assignments, built on first use: with many plans, start-up does not wait
   * for the indexes of plans nobody has searched yet (an agency or a period question needs none).
   */
  get search(): TaskSearch<SearchItem> {
    if (!this.searchIndex) {
      // Tasks of the appendix and assignments of the body; an assignment loses close calls to a task.
      const items: SearchItem[] = [
        ...this.plan.tasks.map((task) => ({ kind: 'task' as const, task })),
        ...this.plan.assignments.map((assignment) => ({ kind: 'assignment' as const, assignment })),
      ];
      this.searchIndex = new TaskSearch(
        items,
        (i) => (i.kind === 'task' ? i.task.content : i.assignment.text),
        (i) => (i.kind === 'task' ? 1 : 0.8),
        thesaurus(),
        // A task done in a rhythm is named by it too ("việc hằng năm về thủ tục liên thông").
        (i) => (i.kind === 'task' ? rhythmTag(i.task) : ''),
      );
    }
    return this.searchIndex;
  }

  private get byAgency(): ReadonlyMap<string, readonly number[]> {
    this.agencyIndex ??= indexByAgency(this.plan);
    return this.agencyIndex;
  }

  /**
   * "Em đang chuẩn bị tài liệu cho cuộc họp sáng mai, …", "…, để em báo cáo lãnh đạo": a clause about the asker — who
   * they are, what they need the answer for — that asks nothing, names no agency and no date is left out; the question
   * is the rest. A clause is what commas, semicolons and colons part, or a last "để …" (a purpose). Nothing is left
   * out when less than two words of content would stay.
   */
  private withoutFraming(text: string): string {
    // One clause, no purpose after "để": nothing to leave out (most questions).
    if (!/[,;:]|\s(?:để|de)\s/iu.test(text)) return text;
    const { asker, framing, asks, asksEnd, openers, closers } = language().cues;
    // ("Dạ", "anh ơi" open a question but ask nothing; "cho em hỏi", "xin cho biết" do.)
    const askingOpeners = openers.filter((p) => / (?:hoi|cho biet) /.test(` ${p} `));
    // Whether words ask something: a question word, "cho em hỏi", or a yes/no word closing them ("… chưa ạ").
    const asking = (words: string[]) => {
      let joined = ` ${words.join(' ')} `;
      // ("… bị trễ chưa anh", "… xong chưa ạ chị": the courtesy and the one addressed after it.)
      const tail = (p: string) => joined.endsWith(` ${p} `) && joined.length > p.length + 2;
      const ends = [...closers, ...ADDRESSED];
      for (let cut = ends.find(tail); cut; cut = ends.find(tail)) joined = joined.slice(0, joined.length - cut.length - 1);
      return has(joined, asks) || has(joined, askingOpeners) || asksEnd.some((p) => joined.endsWith(` ${p} `));
    };
    const framed = (clause: string) => {
      const words = canonicalTokens(clause);
      if (words.length < 2 || /\d/.test(clause)) return false;
      const joined = ` ${words.join(' ')} `;
      if ((!has(joined, asker) && !has(joined, framing)) || asking(words) || this.dir.find(words).length > 0) return false;
      // Work the plan names ("đơn vị chúng tôi đang rà soát việc thành lập Trung tâm …, xin cho biết …") is the question's.
      // (The plan itself named — "mới nhận kế hoạch này" — is no work of it.)
      const own = withoutPlanRef(words, this.planName());
      return !own.some((_, i) => i + 3 <= own.length && this.search.uses(own.slice(i, i + 3)));
    };
    const clauses = text.split(/(?<=[,;:])/);
    // The last clause's purpose: "… quy định mức chi để kịp làm báo cáo?"
    // ("để" typed with its marks; without them "de" is also "đề", "dễ": only before the asker or a report.)
    const last = clauses.at(-1)!;
    const purpose = [...last.matchAll(/\s(?:để|de(?=\s+(?:em|minh|kip|bao cao|chuan bi|trinh)\s))\s/giu)].at(-1)?.index ?? -1;
    if (purpose > 0) clauses.splice(clauses.length - 1, 1, last.slice(0, purpose), last.slice(purpose));
    const kept = clauses.filter((c) => !framed(c.replace(/[,;:?!.]+\s*$/u, '')));
    if (kept.length === clauses.length || kept.length === 0) return text;
    const rest = kept.join('').replace(/[,;:\s]+$/u, '');
    const filler = fillerWords();
    const words = canonicalTokens(rest);
    // What stays must still ask, with two words of content at least — or ask the bot what it can do ("…, bot này giúp
    // được em những gì vậy?").
    return asking(words) && (words.filter((w) => !filler.has(w)).length >= 2 || has(` ${words.join(' ')} `, phrasedHelp())) ? rest : text;
  }

  /**
   * The text with each slip of typing read as the word meant ("Sở Tài chníh" → "chinh"): the vocabulary is this plan's
   * text, the directory's names and the language data (see Speller), built the first time a word needs it.
   */
  private withTypos(text: string): { text: string; fixed: string[] } {
    const chunks = [...text.matchAll(/[\p{L}\p{N}&]+/gu)];
    const folded = chunks.map((m) => fold(m[0]));
    // ("qII/2024", "qiv": a quarter typed short; "III", "VIII": a section's number — no words.)
    const suspect = (w: string) => w.length >= 3 && /^[a-z]+$/.test(w) && !/^q?(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$/.test(w);
    // Nothing but syllables the language itself is made of ("có việc nào không"): no vocabulary is built for it.
    if (folded.every((w) => !suspect(w) || (isSyllable(w) && (fillerWords().has(w) || cueWords().has(w))))) return { text, fixed: [] };
    if (!this.speller) {
      const canon = (words: string) => canonicalTokens(words).join(' ');
      // A pair read as one ("tài chánh" is "tài chính"), not as its two words are.
      const paired = (a: string, b: string) => canon(`${a} ${b}`) !== `${canon(a)} ${canon(b)}`;
      this.speller = new Speller(
        this.vocabulary(),
        (w, before, after) =>
          canon(w) !== w ||
          (before !== undefined && paired(before, w)) ||
          (after !== undefined && paired(w, after)) ||
          isEnglishWord(w) ||
          this.dir.hasNameWord(w),
      );
    }
    let out = '';
    let at = 0;
    const fixed: string[] = [];
    chunks.forEach((m, i) => {
      // A word typed in capitals is an acronym or a name as its writer means it ("Sở ABC"); so is a short one right
      // after a body's head word ("sở abc", "ban xyz"): the directory tells whether there is such a body.
      const initials = folded[i]!.length <= 4 && /^(?:so|ban|cuc|hoi|phong|vien|chi)$/.test(folded[i - 1] ?? '');
      const meant =
        suspect(folded[i]!) && !initials && !/^\p{Lu}{2,}$/u.test(m[0]) ? this.speller!.fix(folded, i, folded[i] !== m[0].toLowerCase()) : undefined;
      if (meant === undefined) return;
      out += text.slice(at, m.index) + meant;
      at = m.index + m[0].length;
      fixed.push(meant);
    });
    return { text: out + text.slice(at), fixed };
  }

  /** How often each word (and two words in a row) occur in this plan's text, the directory's names, the language data. */
  private vocabulary(): Vocabulary {
    const plan = this.plan;
    const texts = [
      plan.title,
      ...plan.sections.map((x) => x.title),
      ...plan.tasks.flatMap((t) => [t.content, t.leadText ?? '', t.coordinateText ?? '', t.deadline.text]),
      ...plan.assignments.map((a) => a.text),
    ];
    const own = countWords([...texts.map((t) => canonicalTokens(t)), [...this.dir.nameWords]]);
    const shared = languageCounts();
    // Looked up in both, not merged: the language's counts are shared by every plan's speller.
    return {
      count: (w) => (own.counts.get(w) ?? 0) + (shared.counts.get(w) ?? 0),
      pair: (p) => (own.pairs.get(p) ?? 0) + (shared.pairs.get(p) ?? 0),
      // (At most the sum: a bound is all the speller needs to skip a word.)
      follows: (w) => (own.follows.get(w) ?? 0) + (shared.follows.get(w) ?? 0),
    };
  }

  understand(text: string, today: string): Question {
    return understand(this.withAcronyms(text), today, this.dir, this.planName(), (words) => this.search.uses(words) || this.inSectionTitle(words));
  }

  /**
   * The text with each word typed as the initials of a run of the plan's words spelled out ("tổ CNSCĐ" → "tổ cong
   * nghe so cong dong"): the rules then weigh what it names as task words. Only words that are no syllable and no
   * known abbreviation are looked up, so most questions never build the search index here.
   */
  private withAcronyms(text: string): string {
    return text.replace(/[\p{L}\p{N}&]+/gu, (chunk) => {
      const folded = fold(chunk);
      if (folded.length < 3 || folded.length > 8 || !/^[a-z]+$/.test(folded) || isSyllable(folded)) return chunk;
      // A word of an agency's name ("Hội CCB") is the agency's, found by the directory.
      if (isEnglishWord(folded) || cueWords().has(folded) || this.dir.hasNameWord(folded)) return chunk;
      const canonical = canonicalTokens(chunk);
      if (canonical.length !== 1 || canonical[0] !== folded) return chunk;
      return this.search.acronym(folded)?.join(' ') ?? chunk;
    });
  }

  /** Whether a section's title holds the words in a row ("phát triển xã hội số" of "IV. Phát triển xã hội số"). */
  private inSectionTitle(words: readonly string[]): boolean {
    this.sectionTitles ??= this.plan.sections.map((x) => ` ${canonicalTokens(x.title).join(' ')} `);
    const run = ` ${words.join(' ')} `;
    return this.sectionTitles.some((title) => title.includes(run));
  }

  /** The words of the plan's title: named after "kế hoạch" they name the plan ("trong KH an toàn giao thông"). */
  private planName(): ReadonlySet<string> {
    if (!this.titleWords) {
      const words = canonicalTokens(this.plan.title);
      // "KH NTM", "kh cds": a run of the title's words by its initials names the plan too (no syllable of its own).
      const initials = words.flatMap((_, i) =>
        [3, 4, 5].flatMap((n) => {
          const run = words.slice(i, i + n);
          const letters = run.map((w) => w[0]).join('');
          return run.length === n && /^[a-z]+$/.test(letters) && !isSyllable(letters) ? [letters] : [];
        }),
      );
      this.titleWords = new Set([...words, ...initials]);
    }
    return this.titleWords;
  }

  /** States (and the lists made from them) for one day and one set of completions: made once, then reused. */
  private statesFor(today: string, completions: object): StateCache {
    const hit = this.stateCache.get(completions);
    if (hit && hit.today === today) return hit;
    const entry: StateCache = { today, states: new Map(), parts: new Map(), lists: new Map() };
    this.stateCache.set(completions, entry);
    return entry;
  }

  /** The context every composer reads: this plan, this day, these completions. */
  context(opts: AskOptions): AnswerContext {
    const completions = opts.completions ?? this.noCompletions;
    const cached = this.statesFor(opts.today, completions);
    return {
      plan: this.plan,
      dir: this.dir,
      // Built only when an answer searches.
      finder: () => this.search,
      planName: () => this.planName(),
      t: opts.tally ? silent : translator(opts.lang ?? this.lang),
      today: opts.today,
      completions,
      states: cached.states,
      parts: cached.parts,
      lists: cached.lists,
      upcomingDays: this.upcomingDays,
      maxList: opts.tally ? 0 : this.maxList,
      byAgency: this.byAgency,
      roles: this.roles,
      tally: opts.tally === true,
    };
  }

  /** The state of a task, or of one agency's own part of it. */
  stateOf(task: Task, opts: AskOptions, party?: string): TaskState {
    const ctx = this.context(opts);
    return party ? partStateOf(ctx, task, party) : stateOf(ctx, task);
  }

  /** The tasks on which an agency must report itself (plan/progress.ts), in plan order; computed once per agency. */
  withPart(agency: string): readonly Task[] {
    let hit = this.partTasks.get(agency);
    if (!hit) this.partTasks.set(agency, (hit = tasksWithPart(this.plan.tasks, this.dir, agency)));
    return hit;
  }

  /** Answer a question already understood (commands build these directly). */
  answer(q: Question, opts: AskOptions): Reply {
    const r = this.compose(q, opts);
    if (opts.tally || r.intent !== q.intent) return r;
    const t = translator(opts.lang ?? this.lang);
    const n = r.total ?? r.tasks.length;
    // "Có bao nhiêu việc đến hạn trong quý I/2019?": the number first; "… có việc gì quá hạn không?": yes or no first.
    const lead = LISTS.has(q.intent) ? (q.count ? t('count.lists', { n }) : q.yesNo ? t(n > 0 ? 'yesno.yes' : 'yesno.no') : '') : '';
    return lead ? { ...r, text: `${lead}\n${r.text}` } : r;
  }

  private compose(q: Question, opts: AskOptions): Reply {
    const ctx = this.context(opts);
    // An English answer names its period in English ("Q2 2019", "June 2019").
    if (q.period && (opts.lang ?? this.lang) === 'en') q = { ...q, period: { ...q.period, label: periodLabelEn(q.period.label) } };
    // "phần ứng dụng CNTT có bao nhiêu việc": a section named by the words of its title.
    if (!q.section && (q.intent === 'count' || q.intent === 'first-last' || q.intent === 'progress')) {
      // The plan named by its title ("trong KH an toàn giao thông") names no section.
      const named = sectionNamed(this.plan, withoutPlanRef(q.words, this.planName()), withoutPlanRef(q.cueWords ?? q.words, this.planName()));
      if (named) q = { ...q, section: named };
    }
    // "Phần công nghệ thông tin, VP UBND tỉnh dính những việc nào": an agency's work (or its late or coming work) in a
    // part named by a head and its title's words.
    if (!q.section && q.agencies.length > 0 && (q.intent === 'agency' || q.intent === 'overdue' || q.intent === 'upcoming')) {
      const named = sectionByHead(this.plan, withoutPlanRef(q.cueWords ?? q.words, this.planName()));
      if (named) q = { ...q, section: named };
    }
    // "phần tham mưu ban hành văn bản chỉ đạo gồm mấy nhiệm vụ": a count of a section named by its title's words,
    // which the rules took for a task's words.
    // Not when a task's field is asked ("việc tính kinh tế số chiếm bao nhiêu phần GRDP thì ai phối hợp").
    // ("phần kiện toàn bộ phận một cửa có bn nv có deadline cụ thể": the deadline is what is counted by, no field asked.)
    // "Riêng phần thành lập, kiện toàn bộ phận một cửa thì VPUB chủ trì mấy việc": a body's count in a part named by a
    // head and its title's words, which the rules took for a task's words.
    if (q.intent === 'task' && q.count && q.focus === 'all' && !q.taskId && !q.section && q.agencies.length > 0) {
      const named = sectionByHead(this.plan, withoutPlanRef(q.cueWords ?? q.words, this.planName()));
      if (named) q = { ...q, intent: 'agency', section: named };
    }
    if (q.intent === 'task' && q.count && (q.focus === 'all' || (q.dated && q.focus === 'deadline')) && !q.taskId && !q.section && q.agencies.length === 0) {
      const named = sectionNamed(this.plan, q.words);
      if (named) q = { ...q, intent: 'count', section: named };
    }
    // "việc thứ tư của phần ứng dụng CNTT": a task by its place in a section named by its title's words; no section
    // found, the words are searched as any task's.
    if (q.intent === 'task' && q.nth !== undefined && !q.section) {
      // (All the words: "tham mưu" of a section's title is a cue's word elsewhere.)
      const named = sectionNamed(this.plan, withoutPlanRef(q.cueWords ?? q.words, this.planName()));
      const { nth: _nth, ...rest } = q;
      q = named ? { ...q, section: named } : rest;
    }
    // A section our copy of the source lacks: said so, whatever was asked of it.
    const missing = q.section && !q.taskId ? this.plan.sections.find((x) => x.id === q.section && x.missingInSource) : undefined;
    if (missing && q.intent !== 'document')
      return {
        // What the plan (as we have it) does not state, whatever kind of question asked it.
        intent: 'not-stated',
        text: ctx.t('count.sectionMissing', { section: missing.id, title: missing.title, plan: this.plan.number }),
        tasks: [],
        agencies: [],
      };
    // "Sở Nội vụ và Sở Tài chính có việc gì quá hạn": each agency's answer, one after the other.
    if (q.agencies.length > 1 && (q.intent === 'overdue' || q.intent === 'upcoming' || q.intent === 'progress')) {
      const parts = q.agencies.slice(0, 3).map((a) => this.compose({ ...q, agencies: [a] }, opts));
      return {
        intent: q.intent,
        text: parts.map((p) => p.text).join('\n\n———\n\n'),
        tasks: parts.flatMap((p) => p.tasks),
        total: parts.reduce((n, p) => n + (p.total ?? p.tasks.length), 0),
        agencies: parts.flatMap((p) => p.agencies),
        asOf: opts.today,
      };
    }
    switch (q.intent) {
      case 'empty':
      case 'help':
        return helpAnswer(ctx, q.intent);
      case 'agency':
        return agencyAnswer(ctx, q);
      case 'overdue':
        return oneTaskLate(ctx, q) ?? overdueAnswer(ctx, q);
      case 'upcoming':
        return upcomingAnswer(ctx, q);
      case 'period':
        return periodAnswer(ctx, q);
      case 'recurring':
        return recurringAnswer(ctx, q);
      case 'progress':
        return progressAnswer(ctx, q);
      case 'task': {
        const r = taskAnswer(ctx, q);
        // "thành lập trung tâm … theo điều mấy của NĐ 61": the article the chosen item cites, and where the plan cites it.
        if (r?.citesArticle) return articleAnswer(ctx, r.citesArticle);
        // Unsure between tasks, but the words are a missing section's title's: that section, said so.
        if (r?.intent === 'task-suggest') return this.missingSection(q, ctx, 3) ?? r;
        // No task, but the words run as the body's own ("kế hoạch nói gì về việc tháo gỡ khó khăn"): what it says.
        const says = !r && q.guessed && q.agencies.length === 0 ? bodySaysAnswer(ctx, q) : undefined;
        return r ?? says ?? (q.agencies.length > 0 ? agencyAnswer(ctx, q) : (this.missingSection(q, ctx, 2) ?? helpAnswer(ctx, 'unknown')));
      }
      case 'thanks':
        return { intent: 'thanks', text: ctx.t('reply.thanks'), tasks: [], agencies: [] };
      case 'count':
        // "Mục III ứng dụng CNTT thì VP UBND tỉnh chủ trì mấy việc": a body's count (in the section named), not the plan's.
        // ("UBND huyện, thành phố có tất cả bao nhiêu việc": no role asked, but no section either, whose title's words a
        // body's name could be.)
        if (q.agencies.length > 0 && (q.role || !q.section) && !q.compare && !q.sumSections && !q.superlative && !q.onlyRole)
          return agencyAnswer(ctx, { ...q, intent: 'agency', count: true });
        return countAnswer(ctx, q);
      case 'first-last':
        return firstLastAnswer(ctx, q);
      case 'not-stated':
        // A figure the body does state ("đón bao nhiêu lượt khách") is quoted; otherwise said not stated.
        return figureAnswer(ctx, q) ?? notStatedAnswer(ctx, q);
      case 'unknown-agency':
        return unknownAgencyAnswer(ctx, q);
      case 'document': {
        const r = documentAnswer(ctx, q);
        if (!q.alsoAbout) return r;
        const also = documentAnswer(ctx, { ...q, about: q.alsoAbout, alsoAbout: undefined });
        return { ...r, text: `${r.text}\n\n${also.text}` };
      }
      case 'waiting':
        return waitingAnswer(ctx, q);
      case 'unknown':
        return helpAnswer(ctx, 'unknown');
    }
  }

  /**
   * A question typed, understood: the question (follow-ups resolved against the chat's context) and the options to
   * answer it with — or a reply at once when it cannot be asked (too long, a legacy encoding).
   */
  prepare(typed: string, askOpts: AskOptions): { q: Question; opts: AskOptions; followed: boolean } | { reply: Reply } {
    // Longer than the bound: refused before any work on it, in the chat's language.
    if (typed.length > MAX_QUESTION_LENGTH) return { reply: this.refused(typed, translator(askOpts.lang ?? this.lang))! };
    // Marks typed as separate code points (NFD) are one letter with its marks, as the words are everywhere else.
    let text = typed.normalize('NFC');
    // A question typed in English is understood through the glossary and answered in English, whatever the default.
    const english = looksEnglish(text);
    const opts: AskOptions = english ? { ...askOpts, lang: 'en' } : askOpts;
    const t = translator(opts.lang ?? this.lang);
    // Too long, or an old encoding, as typed: refused before any work on it (and again below, once references are
    // written out).
    const refused = this.refused(text, t);
    if (refused) return { reply: refused };
    // "Sở Tài chníh", "nhimệ vụ": slips of typing in Vietnamese, read as the words meant.
    const typos = english ? { text, fixed: [] } : this.withTypos(text);
    text = typos.text;
    // "Em đang chuẩn bị họp, …": what the asker says of themselves asks nothing.
    if (!english) text = this.withoutFraming(text);
    // "20% với 50% tính trên số nào": a percentage typed with its sign is said in words, as "bao nhiêu phần trăm" is.
    if (!english) text = text.replace(/(\d)\s*%/g, '$1 phần trăm');
    // One that mixes English words into Vietnamese is read through the glossary too, and answered in Vietnamese.
    if (english || mixedEnglish(text)) text = fromEnglish(text);
    // "việc này", "đơn vị đó": what the chat was just shown, written out.
    text = resolveReferences(text, askOpts.context, (agency) => this.dir.label(agency));
    const refusedNow = this.refused(text, t);
    if (refusedNow) return { reply: refusedNow };
    let understood = this.understand(text, opts.today);
    // A name mended from a slip is said back as understood ("(Tôi hiểu là Sở Tài chính.)"), as a close match is.
    if (understood.agencies.length > 0 && typos.fixed.some((w) => this.dir.hasNameWord(w))) understood = { ...understood, agencyFuzzy: true };
    // "Trung tâm Phục vụ hành chính công" typed with capitals is the plan's own words (a task's), no agency unknown.
    if (understood.intent === 'unknown-agency' && understood.unresolved && this.planPhrase(text, understood.unresolved)) {
      const { unresolved: _named, ...rest } = understood;
      understood = { ...rest, intent: 'task', guessed: true };
    }
    // An agency's name the directory does not know is quoted as the user typed it, not folded.
    if (understood.unresolved) understood.unresolved = asTyped(text, understood.unresolved);
    const followed = followUp(text, understood, opts.context);
    const classified = followed ?? classify(understood, this.dir);
    // "15 nhân 24 bằng bao nhiêu", "3 phần trăm của 2 triệu": a sum is asked — what its asking words ("bao nhiêu",
    // "phần trăm") would answer of the plan was not asked.
    const q = this.offPlan(classified) ? { ...classified, intent: 'unknown' as const } : classified;
    // "tính đến ngày 15/10/2020, việc nào quá hạn": the states are those of the day the asker names.
    const at = q.asOf ? { ...opts, today: q.asOf } : opts;
    return { q: this.namesPlanOnly(q) ? { ...q, intent: 'progress', focus: 'all', words: [] } : q, opts: at, followed: followed !== undefined };
  }

  /** Whether a question asks a sum ("15 nhân 24 bằng bao nhiêu", "10 chia 3", "3 phần trăm của 2 triệu"): off the plan. */
  private offPlan(q: Question): boolean {
    return / \d+ (?:nhan|chia|cong|tru|x) (?:cho |voi )?\d+ | \d+ phan tram cua \d+ /.test(` ${(q.cueWords ?? q.words).join(' ')} `);
  }

  /** A question that cannot be asked: longer than the bound, or typed in an old Vietnamese encoding. */
  private refused(text: string, t: ReturnType<typeof translator>): Reply | undefined {
    if (text.length > MAX_QUESTION_LENGTH)
      return { intent: 'too-long', text: t('error.tooLong', { n: text.length, max: MAX_QUESTION_LENGTH }), tasks: [], agencies: [] };
    if (looksLikeLegacyEncoding(text)) return { intent: 'legacy-encoding', text: t('error.legacyEncoding'), tasks: [], agencies: [] };
    return undefined;
  }

  /** Whether the name-like words, with the word after them, are a run of the plan's own words (three words or more). */
  private planPhrase(text: string, name: string): boolean {
    const words = canonicalTokens(text);
    const named = name.split(' ');
    const at = words.findIndex((_, i) => named.every((w, k) => words[i + k] === w));
    const run = at >= 0 ? words.slice(at, at + Math.max(3, named.length + 1)) : [];
    return run.length >= 3 && this.search.uses(run);
  }

  /**
   * "Kế hoạch một cửa thực hiện tới đâu rồi", "Sở Nội vụ thực hiện kế hoạch tới đâu": a status question whose words
   * name only the plan itself (its number, the words of its title, "thực hiện") asks for progress, not for a task.
   */
  private namesPlanOnly(q: Question): boolean {
    if (q.intent !== 'task' || q.focus !== 'status' || q.taskId || q.nth !== undefined) return false;
    // "mục III thực hiện tới đâu": a section named by its number, and nothing of a task besides.
    const words = withoutSectionHead(q);
    const at = words.findIndex((w, i) => w === 'ke' && words[i + 1] === 'hoach');
    if (at < 0 && !q.section) return false;
    this.planWords ??= new Set([
      ...canonicalTokens(`${this.plan.title} ${this.plan.number} ke hoach thuc hien trien khai chung tong the ca tien do tinh hinh hien nay`),
      ...fillerWords(),
      ...this.plan.number.split(/\D+/).filter(Boolean),
    ]);
    const titled = q.section ? sectionsOf(this.plan).find((x) => x.id === q.section)?.seq : undefined;
    return words.every((w) => this.planWords!.has(w) || !!titled?.includes(w));
  }

  /**
   * "Lớp tập huấn Nghị định 61 do ai tổ chức": no task matches, but the words are those of a section our copy of the
   * source lacks (its heading only): said so, rather than not understood.
   */
  private missingSection(q: Question, ctx: AnswerContext, least: number): Reply | undefined {
    const filler = fillerWords();
    // ("ai lo kinh phí theo phần tổ chức thực hiện": the body's part named, no section whose title shares its words.)
    if (namesImplementation(q.cueWords ?? q.words)) return undefined;
    const words = q.words.filter((w) => !filler.has(w) && !/^\d+$/.test(w));
    // Its title's words in pairs as the title has them ("tập huấn", "tuyên truyền"): no syllables met apart ("thẩm
    // định … trả" is no "nghị định", "kiểm tra").
    // (Pairs the plan's own title or its tasks use name no missing section: "thực hiện Nghị định".)
    const planPairs = new Set(wordPairs(canonicalTokens(this.plan.title)));
    const section = this.plan.sections.find((x) => {
      if (!x.missingInSource) return false;
      const pairs = new Set(wordPairs(canonicalTokens(x.title)).filter((p) => !planPairs.has(p) && !this.search.uses(p.split(' '))));
      const met = new Set(words.flatMap((w, i) => (i > 0 && pairs.has(`${words[i - 1]} ${w}`) ? [words[i - 1]!, w] : [])));
      return met.size >= least;
    });
    if (!section) return undefined;
    const text = ctx.t('task.inMissingSection', { section: section.id, title: section.title, plan: this.plan.number });
    return { intent: 'not-stated', text, tasks: [], agencies: [] };
  }

  /** A question understood, answered in full (not yet cut into pages), with the plan's horizon said when passed. */
  full(q: Question, opts: AskOptions): Reply {
    return this.withHorizon(this.answer(q, opts), opts, translator(opts.lang ?? this.lang));
  }

  ask(text: string, askOpts: AskOptions): Reply {
    const prepared = this.prepare(text, askOpts);
    if ('reply' in prepared) return prepared.reply;
    const { q, opts } = prepared;
    const reply = this.full(q, opts);
    return { ...paginate(reply), context: contextOf(q, reply, opts.context) };
  }

  /**
   * A question already understood (a command such as /quahan), answered as a chat shows it: with the plan's
   * horizon said when it has passed, and in pages sized for a phone.
   */
  reply(q: Question, opts: AskOptions): Reply {
    return paginate(this.withHorizon(this.answer(q, opts), opts, translator(opts.lang ?? this.lang)));
  }

  /** The last day any task of the plan falls due: past it, status answers say the plan's period is over. */
  private horizon(): string | undefined {
    if (this.horizonDay === undefined) {
      const days = this.plan.tasks.flatMap((task) => (task.deadline.due ? [task.deadline.due] : []));
      this.horizonDay = days.sort().at(-1) ?? '';
    }
    return this.horizonDay || undefined;
  }

  private withHorizon(r: Reply, opts: AskOptions, t: ReturnType<typeof translator>): Reply {
    const end = this.horizon();
    const today = opts.today;
    if (!end || today <= end || !STATUS_INTENTS.has(r.intent) || (r.tasks.length === 0 && r.intent !== 'progress')) return r;
    // Once a conversation: a chat told that the plan's period is over is not told again with every answer.
    if (opts.context?.horizonSaid?.includes(this.plan.number)) return r;
    const [start, last] = [this.plan.date.slice(0, 4), end.slice(0, 4)];
    // A plan of one year is said so ("năm 2021"), not "giai đoạn 2021–2021".
    const note =
      start === last
        ? t('plan.horizonPassedYear', { year: start, date: formatDate(today) })
        : t('plan.horizonPassed', { start, end: last, date: formatDate(today) });
    // After the first line (what the answer is about), so that the first message always carries it.
    const [first, ...rest] = r.text.split('\n');
    return { ...r, text: [first, note, ...rest].join('\n'), horizonSaid: [...(r.horizonSaid ?? []), this.plan.number] };
  }
}

/**
 * "app Bến Tre Travel làm xong chưa, có bị trễ không": lateness asked of one task named in everyday words is that
 * task's state, when the words find it for sure; otherwise (no such task, or several alike) the overdue list.
 */
/** The question's words without the section's head and number ("mục III", "phần 2"): what else it says. */
function withoutSectionHead(q: Question): string[] {
  return q.section ? q.words.filter((w) => w !== 'muc' && w !== 'phan' && w !== q.section!.toLowerCase()) : q.words;
}

function oneTaskLate(ctx: AnswerContext, q: Question): Reply | undefined {
  // "kh giảm nghèo có việc nào trễ hạn chưa": the plan named by its title's words is no task's words.
  // "Mục I có việc nào quá hạn không": the section's list — its head and number are no task's words.
  const filler = fillerWords();
  const words = q.section ? withoutSectionHead(q).filter((w) => !filler.has(w)) : q.words;
  // ("Can people pay fees online through the central payment gateway yet, or is that task late?": one task described
  // at length, asked whether it is late — no status word, but nothing asks for a list either.)
  const asked = ` ${(q.cueWords ?? q.words).join(' ')} `;
  const described = q.focus === 'all' && words.length >= 6 && !/ (?:viec|nhiem vu|cong viec|nv|dau viec) nao | nhung | cac | may | bao nhieu /.test(asked);
  if (!(q.focus === 'status' || described) || q.agencies.length > 0 || q.period || q.count || withoutPlanRef(words, ctx.planName()).length < 2)
    return undefined;
  const one = taskAnswer(ctx, { ...q, intent: 'task', words });
  return one?.intent === 'task' ? one : undefined;
}

/** Whom a question is put to, as it ends: "… chưa anh", "… không chị". */
const ADDRESSED = ['anh', 'chi', 'em', 'ban', 'bot', 'a'];

let languageVocabulary: ReturnType<typeof countWords> | undefined;
/** The words of the language data (cues, synonyms, examples, the thesaurus), counted once for every plan. */
function languageCounts(): ReturnType<typeof countWords> {
  if (!languageVocabulary) {
    const l = language();
    languageVocabulary = countWords([
      ...Object.values(l.cues).flatMap((list) => list.map((p) => p.split(' '))),
      ...l.synonyms.flatMap((x) => [x.say, x.plan]),
      ...Object.values(l.examples).flatMap((qs) => qs.map((q) => canonicalTokens(q))),
      ...l.document.flatMap(([, cues]) => cues.map((p) => p.split(' '))),
      ...l.recurring.flatMap(([cues]) => cues.map((p) => p.split(' '))),
      ...thesaurus().flat(),
    ]);
  }
  return languageVocabulary;
}

/** The words a task's rhythm is named by: "hằng năm" for yearly work; nothing for dated work. */
const RHYTHM: Record<string, string> = { year: 'hằng năm', half: '6 tháng', quarter: 'hằng quý', month: 'hằng tháng' };
function rhythmTag(task: Task): string {
  if (task.deadline.kind === 'continuous') return 'thường xuyên';
  return task.deadline.kind === 'recurring' && task.deadline.every ? RHYTHM[task.deadline.every]! : '';
}
