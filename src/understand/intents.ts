/**
 * Question understanding: canonical words → { intent, slots }. Ordered rules with multi-word cues (never single
 * syllables that folding makes ambiguous: "qua han", not "qua"; "tre han", not "tre" — Bến Tre).
 */
import type { AgencyMatch, Directory } from '../plan/agencies.ts';
import { monthSpan, type Span, type Unit, validDate } from '../plan/deadline.ts';
import { canonicalTokens, isSyllable } from '../text/canonical.ts';
import { clean, fold, markSignature } from '../text/fold.ts';
import { type CueKind, type DocumentPart, language } from './language.ts';
import { ROMAN, findPeriod, periodForms } from './periods.ts';

export type Intent =
  | 'empty'
  | 'help'
  | 'task'
  | 'agency'
  | 'overdue'
  | 'upcoming'
  | 'period'
  | 'recurring'
  | 'progress'
  | 'count'
  | 'unknown-agency'
  | 'document'
  | 'waiting'
  | 'thanks'
  | 'first-last'
  | 'not-stated'
  | 'unknown';

export type { DocumentPart } from './language.ts';

/** "Nghị định 61", "QĐ 985": a document named by its kind and number. */
const CITED = / (nghi dinh|quyet dinh|thong tu|nd|qd|tt) (?:so )?(\d{1,4})(?:\/\S*)? /;
/** The same by its number and kind's letters, as it is cited: "985/QĐ-TTg", "61/2018/NĐ-CP". */
const CITED_BY_NUMBER = / (\d{1,4})(?:\/(?:19|20)\d\d)?\/(nd|qd|tt)\b\S* /;

/** A document named in the question: the words naming it, its kind ("nghi dinh", "nd"…), its number. */
function citedIn(joined: string): readonly [whole: string, kind: string, num: string] | null {
  const named = joined.match(CITED);
  if (named) return [named[0], named[1]!, named[2]!];
  const byNumber = joined.match(CITED_BY_NUMBER);
  return byNumber ? [byNumber[0], byNumber[2]!, byNumber[1]!] : null;
}
/** Which field of a task the question asks about. */
export type Focus = 'lead' | 'coordinate' | 'deadline' | 'status' | 'all';

export interface Question {
  intent: Intent;
  focus: Focus;
  /** Agency ids named in the question. */
  agencies: string[];
  agencyFuzzy: boolean;
  /** Only tasks the agency leads, or only those it coordinates. */
  role?: 'lead' | 'coordinate';
  period?: Span & { label: string };
  /** "hàng năm" / "thường xuyên" filters for the recurring intent. */
  recurrence?: Unit | 'continuous';
  /** Several rhythms named ("hằng năm, hằng quý"): each of them; `recurrence` holds the first. */
  recurrences?: (Unit | 'continuous')[];
  /** A task id typed as such: "II.3", "III.6b". */
  taskId?: string;
  /** Several tasks a follow-up asks the same field of ("ai chủ trì?" after a short list). */
  taskIds?: string[];
  /** Canonical words left for task search. */
  words: string[];
  /** "bao nhiêu", "tổng cộng": the number comes first. */
  count?: boolean;
  /** A section of the appendix named as such ("mục II"). */
  section?: string;
  /** What looked like an agency's name but matched none ("sở nv"), to say so rather than drop it. */
  unresolved?: string;
  /** Two agencies or more "cùng" (together): the tasks they share. */
  together?: boolean;
  /** Which part of the document itself the question asks about. */
  about?: DocumentPart;
  /** A second part of the document asked in the same question ("ban hành ngày nào, căn cứ văn bản nào"). */
  alsoAbout?: DocumentPart;
  /** A document the plan cites, named in the question ("Nghị định 61" → "nghi dinh|61"). */
  cited?: string;
  /** The appendix's own title asked ("phụ lục kèm theo kế hoạch tên là gì"). */
  appendixTitle?: boolean;
  /** The plan's date asked against the question's period ("có phải ký tháng 10/2018 không"). */
  datedIn?: boolean;
  /** A part of the body asked by its number ("phần I của kế hoạch là phần gì"): its Roman number. */
  partNo?: string;
  /** An article named in the question ("Điều 11"). */
  article?: string;
  /** "theo điều mấy của NĐ 61": which article a task or an item cites is asked; only those that cite one answer. */
  asksArticle?: boolean;
  /** Two sections (their ids) or, when empty, the agencies named, compared by how many tasks they hold. */
  compare?: string[];
  /** Sections whose tasks are counted together ("mục I với mục III gộp lại có mấy nhiệm vụ"). */
  sumSections?: string[];
  /** A section left out of a count ("trừ mục III ra thì còn bao nhiêu"): every other section is counted. */
  exceptSection?: string;
  /** "Công an tỉnh phối hợp với những cơ quan nào": the agencies it works with, task by task. */
  partners?: boolean;
  /** "Cơ quan nào chỉ phối hợp mà không chủ trì việc nào": the agencies holding that role only. */
  onlyRole?: 'lead' | 'coordinate';
  /** "việc nào chưa quá hạn", "những việc còn hạn": the open tasks whose deadline has not passed (with `upcoming`). */
  notYet?: boolean;
  /** "có hạn cụ thể", "không tính việc thường xuyên": work with a deadline of its own only. */
  dated?: boolean;
  /** The day the asker asks the states at ("tính đến ngày 15/10/2020", "hôm nay là …"), when it is a real day. */
  asOf?: string;
  /** A yes/no question ("… có chủ trì việc nào không?"): the answer says yes or no first. */
  yesNo?: boolean;
  /** The earliest or the latest deadline asked for. */
  rank?: 'first' | 'last';
  /** A task by its place in `section` (1-based; -1 for the last). */
  nth?: number;
  /** The question's canonical words less the agencies and the period named: what the classifier reads. */
  cueWords?: string[];
  /** "Mục 7 phần Tổ chức thực hiện": an item of the body's Implementation part, by its number. */
  assignmentNo?: string;
  /** "Theo phần Tổ chức thực hiện, Sở X phải làm gì": what the body's assignments give the agency, not its tasks. */
  implementation?: boolean;
  /** "Sở nào chủ trì nhiều việc nhất", "mục nào ít nhiệm vụ nhất": agencies or sections ranked by their tasks. */
  superlative?: { over: 'agency' | 'section' | 'quarter' | 'month' | 'year'; most: boolean };
  /** No rule decided the intent: it is the default guess, which the classifier may overrule. */
  guessed?: boolean;
}

export const has = (joined: string, cues: readonly string[]) => cues.some((c) => joined.includes(` ${c} `));

/** How a head word is typed when it begins an agency's name (case kept: "Sở", "Ban"), by its folded form. */
const HEAD_FORMS: Record<string, string> = {
  so: 'Sở|SỞ',
  ubnd: 'UBND|Ubnd',
  phong: 'Phòng|PHÒNG',
  'chi cuc': 'Chi cục|Chi Cục',
  cuc: 'Cục|CỤC',
  ban: 'Ban|BAN',
  'trung tam': 'Trung tâm|Trung Tâm',
  huyen: 'Huyện|huyện',
  'thanh pho': 'Thành phố|thành phố',
};

/** The cue tables of the language data, in the forms the rules use (built once). */
interface Tables {
  c: Record<CueKind, string[]>;
  document: [DocumentPart, string[]][];
  recurring: [string[], Unit | 'continuous'][];
  /** Greetings, thanks and help words as word lists, longest first: what small talk is made of. */
  chatter: string[][];
  /** Words of a question about the plan's numbers, besides the count cues ("kế hoạch có tổng cộng bao nhiêu"). */
  countWords: string[][];
  /** Question phrases removed before task search, longest first (phrases, never lone syllables like "cua"). */
  stop: string[][];
  /** Words after a name's head ("sở", "ban"…) that are not part of a name ("số liệu", "bản sao"). */
  notAgencyName: Set<string>;
  /** What a plan counts ("việc", "cơ quan", "%"): a count of anything else is a figure it does not state. */
  countable: Set<string>;
  /** Words that carry no task content ("có", "để", "những"): not counted when the rules weigh what is left. */
  filler: Set<string>;
  /** The count cues that count tasks ("bao nhiêu việc", "mấy nhiệm vụ"), not any other thing. */
  taskCount: string[];
  /** Courtesy before a question ("dạ", "anh chị ơi", "cho em hỏi chút") and after it ("với ạ", "em cảm ơn"). */
  openers: string[][];
  closers: string[][];
  /** The help cues, longest first: taken out of a question whole ("giúp được những gì", not "giúp"). */
  helpLongestFirst: string[];
  /** The words a question about the articles the plan cites is made of ("những điều nào kế hoạch dẫn chiếu"). */
  citingWords: Set<string>;
  /** Every cue phrase of every kind, as typed folded ("tien do"): asking words, never the work's, even in the plan. */
  cuePhrases: Set<string>;
}
let cached: Tables | undefined;
const asWords = (xs: string[]) => xs.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

function tables(): Tables {
  if (cached) return cached;
  const lang = language();
  const c = lang.cues;
  cached = {
    c,
    document: lang.document,
    recurring: lang.recurring,
    chatter: asWords([...c.help, ...c.greeting, ...c.thanks, ...c.chatter]),
    countWords: asWords([...c.count, ...c.countWords]),
    stop: asWords([
      ...c.lead,
      ...c.coordinate,
      ...c.deadline,
      ...c.agencyWork,
      ...c.overdue,
      ...c.upcoming,
      ...c.status,
      ...c.yesNo,
      ...c.first,
      ...c.last,
      // "chiếm bao nhiêu % GRDP thì ai phối hợp": how much is asked, no task's word.
      ...c.count,
      ...c.stop,
    ]),
    notAgencyName: new Set(c.notAgencyName),
    filler: new Set(c.filler),
    countable: new Set(c.countable),
    taskCount: c.count.filter((x) => / (?:viec|nhiem vu|muc)$/.test(` ${x}`)),
    openers: asWords(c.openers),
    closers: asWords(c.closers),
    helpLongestFirst: [...c.help].sort((a, b) => b.length - a.length),
    citingWords: new Set(['dieu', 'ke', 'hoach', 'kh', 'nay', ...c.citedAsk.flatMap((x) => x.split(' '))]),
    cuePhrases: new Set(Object.values(c).flat()),
  };
  return cached;
}

/** Phrases by their first word, longest first (built once per phrase list): a lookup per word, not a scan. */
const byFirstWord = new WeakMap<string[][], Map<string, string[][]>>();
function indexed(phrases: string[][]): Map<string, string[][]> {
  let index = byFirstWord.get(phrases);
  if (!index) {
    index = new Map();
    for (const ph of phrases) {
      const list = index.get(ph[0]!) ?? [];
      list.push(ph);
      index.set(ph[0]!, list);
    }
    for (const list of index.values()) list.sort((a, b) => b.length - a.length);
    byFirstWord.set(phrases, index);
  }
  return index;
}

function removePhrases(words: string[], phrases: string[][], keep?: (i: number) => boolean): string[] {
  const index = indexed(phrases);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const p = index.get(words[i]!)?.find((ph) => ph.every((w, k) => words[i + k] === w));
    if (p && !(p.length === 1 && keep?.(i))) i += p.length;
    else out.push(words[i++]!);
  }
  return out;
}

/** Words of an amount of money: a plan rarely states one (what it does state is quoted, see figureAnswer). */
const MONEY = / (?:le phi|muc phi|chi phi|kinh phi|ngan sach|muc chi|muc luong|tien luong|so tien|khoan tien|bao nhieu tien|von) /;

/** Words naming the whole plan ("toàn bộ kế hoạch", "tất cả"), not one task. */
const WHOLE_PLAN = new Set(['ke', 'hoach', 'kh', 'toan', 'bo', 'het', 'tat', 'ca']);

/** Words that lead to the plan named after them: "theo kế hoạch", "trong kế hoạch", "của kế hoạch". */
const PLAN_OF = new Set(['theo', 'trong', 'cua', 'thuoc']);
/** Last words of verbs that make a plan: the plan after them is work to do, not the plan asked about. */
const PLAN_MADE = new Set(['dung', 'hanh', 'lap', 'muu', 'duyet', 'soan', 'thao', 'sua', 'doi', 'trinh', 'viet']);
/** Carrying a plan out ("kế hoạch 4561 triển khai tới đâu"): said of the plan named just before. */
const CARRIED = new Set(['trien khai', 'thuc hien']);
/** Words that go on after a plan named as the question's topic ("KH chuyển đổi số có những việc nào", "… giao mấy việc"). */
const TOPIC_NEXT = new Set(['co', 'nhung', 'cac', 'gom', 'viec', 'nhiem', 'thi', 'giao', 'may', 'bao', 'tong', 'nao', 'con', 'da', 'dang', 'tien']);

/**
 * Whether words[at] is the number of a document the plan's title cites, after its kind ("kế hoạch thực hiện Nghị định
 * 61 …": the title holds "61/2018/nđ").
 */
function citedInTitle(words: readonly string[], at: number, planName: ReadonlySet<string>): boolean {
  const w = words[at]!;
  if (!/^\d+$/.test(w) || !['dinh', 'so', 'nd', 'tu', 'luat', 'quyet'].includes(words[at - 1] ?? '')) return false;
  for (const t of planName) if (t.startsWith(`${w}/`)) return true;
  return false;
}

/** The words less each reference to the plan itself: "kế hoạch" with its number, "này", or after "theo"/"trong"/"của". */
export function withoutPlanRef(words: readonly string[], planName?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  // "cả kế hoạch môi trường có tất cả mấy đầu việc": the whole plan, named.
  const whole = () => {
    if (out.at(-1) === 'ca' || out.at(-1) === 'toan') out.pop();
  };
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'ke' && words[i + 1] === 'hoach') {
      // "the one-stop-shop plan" read from English: the title's words before "kế hoạch" name the plan too.
      // "trách nhiệm gì trong việc thực hiện kế hoạch một cửa": carrying the plan out, after "trong", "theo", is the plan.
      const carried = out.length >= 3 && CARRIED.has(`${out.at(-2)} ${out.at(-1)}`) ? (out.at(-3) === 'viec' ? 3 : 2) : 0;
      if (carried && PLAN_OF.has(out.at(-carried - 1) ?? '')) out.splice(out.length - carried);
      while (planName && out.length > 0 && planName.has(out.at(-1)!) && !/^\d/.test(out.at(-1)!) && !PLAN_OF.has(out.at(-1)!)) out.pop();
      const next = words[i + 2];
      const before = out.at(-1);
      if (next !== undefined && (/^\d/.test(next) || next === 'nay')) {
        i += 2;
        // "Kế hoạch 366 về an toàn giao thông đường thủy": what it is about, in its title's words, names it too.
        if (planName && words[i + 1] === 've' && planName.has(words[i + 2] ?? '')) {
          i += 1;
          while (i + 1 < words.length && planName.has(words[i + 1]!) && !/^\d/.test(words[i + 1]!)) i++;
        }
        // "kế hoạch 4561 triển khai tới đâu rồi": carrying the plan out is no task's words.
        if (CARRIED.has(`${words[i + 1]} ${words[i + 2]}`)) i += 2;
        whole();
        continue;
      }
      // "KH môi trường 88", "kế hoạch chuyển đổi số 215": the plan by its title's words and its number.
      let k = i + 2;
      while (planName && k < words.length && planName.has(words[k]!) && !/^\d/.test(words[k]!)) k++;
      // Not a document the plan cites after it ("kế hoạch NĐ 61" is the plan for Decree 61).
      if (k > i + 2 && /^\d{1,5}(?:\/\S*)?$/.test(words[k] ?? '') && !['dinh', 'tu', 'luat'].includes(words[k - 1]!)) {
        i = k;
        whole();
        continue;
      }
      // "KH chuyển đổi số có những việc nào …": the plan named by its title's words as the question's topic, at its
      // start, when at least two of them follow.
      // Not "kế hoạch thực hiện Nghị định 61 phải xây dựng khi nào": a plan to draft, a task of this one.
      let end = i + 2;
      while (planName && end < words.length && (planName.has(words[end]!) ? !/^\d/.test(words[end]!) : citedInTitle(words, end, planName))) end++;
      // "… của tỉnh mình": the province the title names, as the asker calls it.
      if (words[end] === 'minh' && words[end - 1] === 'tinh' && end > i + 2) end++;
      // Not after a verb that makes a plan ("xây dựng kế hoạch giảm nghèo có …" is work of this one).
      // One word of them will do when it is the initials of several ("KH NTM có việc nào …").
      const initialsOnly = end - (i + 2) === 1 && words[i + 2]!.length >= 3 && !isSyllable(words[i + 2]!);
      // ("… bao nhiêu việc kế hoạch chuyển đổi số": its title's words closing the question name it too.)
      const titled = !PLAN_MADE.has(before ?? '') && (end - (i + 2) >= 2 || initialsOnly) && (TOPIC_NEXT.has(words[end] ?? '') || end === words.length);
      if ((before !== undefined && PLAN_OF.has(before)) || next === undefined || titled) {
        i += 1;
        // "trong kế hoạch y tế", "theo kế hoạch chuyển đổi số": the words of the plan's own title after it go too.
        while (planName && i + 1 < words.length && (planName.has(words[i + 1]!) || citedInTitle(words, i + 1, planName))) i++;
        if (words[i + 1] === 'minh' && words[i] === 'tinh') i++;
        whole();
        continue;
      }
    }
    out.push(words[i]!);
  }
  return out;
}

/** The verbs of leading asked of a doer ("ai chủ trì", "cơ quan nào đứng ra lo"). */
const LEAD_VERBS = ['chu tri', 'lo', 'phu trach', 'chiu trach nhiem'];

/**
 * Whether the question asks who does the work — "ai", "cơ quan nào", "sở nào" … then, past any of the `skip` words
 * ("sẽ", "đứng ra"), one of the `cues` — rather than what a body named does.
 */
function asksDoer(restJoined: string, cues: readonly string[], skip: readonly string[]): boolean {
  for (const m of restJoined.matchAll(/ (?:ai|(?:co quan|don vi|so|ben|nganh) nao)(?= )/g)) {
    // Every way past the skipped words ("được" or "được giao"), as a pattern's alternatives would try them.
    const from = [m.index + m[0].length];
    while (from.length > 0) {
      const rest = restJoined.slice(from.pop());
      if (cues.some((x) => rest.startsWith(` ${x} `))) return true;
      for (const x of skip) if (rest.startsWith(` ${x} `)) from.push(restJoined.length - rest.length + x.length + 1);
    }
  }
  return false;
}

/** Letters as Vietnamese says them, for abbreviations spoken into a phone ("dê vê xê" is DVC). */
const LETTER_NAMES: Record<string, string> = {
  bê: 'b',
  xê: 'c',
  dê: 'd',
  đê: 'đ',
  pê: 'p',
  tê: 't',
  vê: 'v',
  giê: 'g',
  ép: 'f',
  hát: 'h',
  ca: 'k',
  quy: 'q',
};
const HAT_LETTERS = new Set(['bê', 'xê', 'dê', 'đê', 'pê', 'tê', 'vê', 'giê']);

/**
 * "cổng dê vê xê", "tê tê hát xê": a run of spoken letter names, two of them with the hat only a letter's name has,
 * written as the abbreviation they spell ("dvc", "tthc").
 */
export function spokenLetters(text: string): string {
  const parts = text.normalize('NFC').split(/(\s+)/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    const run: string[] = [];
    let k = i;
    while (k < parts.length && LETTER_NAMES[parts[k]!.toLowerCase()] !== undefined) {
      run.push(parts[k]!.toLowerCase());
      k += 2;
    }
    if (run.length >= 2 && run.filter((w) => HAT_LETTERS.has(w)).length >= 2) {
      out.push(run.map((w) => LETTER_NAMES[w]).join(''));
      i = k - 1;
    } else {
      out.push(parts[i]!);
      i++;
    }
  }
  return out.join('');
}

/** "… có … không?", "có phải … không", "… phải không?", "… đúng không?": a question answered yes or no. */
const YES_NO =
  /^ (?:(?:co phai|phai chang|lieu|the|vay|thi|nhung) )?(?:\S+ ){0,16}?co (?:\S+ )+(?:khong|chua|ko|hong) $| (?:phai khong|dung khong|co dung khong|phai ko|dung ko) $|^ co phai | thi (?:\S+ ){1,6}?co (?:\S+ ){1,4}?(?:khong|ko|hong) $/;

/**
 * Everyday words replaced by the plans' wording before task search ("tiền bồi dưỡng" → "mức chi"), longest first —
 * or, when the plan itself says them too ("an ninh mạng" is 215's own word for its SOC), both.
 */
function withSynonyms(words: string[], planUses: (words: readonly string[]) => boolean): string[] {
  const { synonyms } = language();
  if (synonyms.length === 0) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = synonyms.find((syn) => syn.say.every((w, k) => words[i + k] === w));
    if (hit && hit.say.length > 1 && planUses(hit.say)) {
      out.push(...hit.say, ...hit.plan.filter((w) => !hit.say.includes(w)));
      i += hit.say.length;
    } else if (hit) {
      // The plan's words in place of the user's: the everyday words would only dilute what the search matched.
      out.push(...hit.plan);
      i += hit.say.length;
    } else out.push(words[i++]!);
  }
  return out;
}

const TASK_ID = /(?:^|[^a-z0-9])((?:iv|i{1,3}|v|vi{0,3}|ix|x)\.\d{1,3}[a-z]?)(?![a-z0-9])/;
/** An id typed with a space or a dash for its dot ("ii 8"), not after a quarter or a section ("quý II 2019", "mục III 6"). */
const SPACED_ID = /(?<!(?:quy|muc|phan|doan|nam|thang) )(?:^|(?<=\s))((?:iv|i{1,3}|vi{0,3})[ -]\d{1,2}[a-z]?)(?=[\s?.!,]|$)/;

/** What a question says once read: its words in the forms the rules test, and the slots found in them. */
interface Reading {
  text: string;
  /** The words of the plan's title (see `understand`). */
  planName: ReadonlySet<string> | undefined;
  /** The question's canonical words. */
  words: string[];
  /** Its words, period forms rewritten, with a space at each end: what cues are looked for in. */
  joined: string;
  /** The words less the agencies named. */
  restJoined: string;
  /** `joined` with "Bến Tre" taken out ("trễ" folds to "tre"). */
  unProvinced: string;
  taskWords: string[];
  /** How many words could name a task, once the plan's own name and filler are gone. */
  content: number;
  /** The task words less the plan named as such ("KH môi trường 88", "theo kế hoạch này"). */
  unplanned: string[];
  named: boolean;
  /** The field the words ask, before a yes/no question about a role makes that role the focus. */
  focus: Focus;
  period?: Span & { label: string };
  count: boolean;
  role?: 'lead' | 'coordinate';
  rank?: 'first' | 'last';
  article?: string;
  /** Whether the plan's own text holds these words in a row (a task's or an assignment's); absent, it holds none. */
  planUses: (words: readonly string[]) => boolean;
  /** The words of each agency named, as they stand in the question ("cong an tinh"). */
  agencyRuns: string[][];
  /** Whether a word is part of some body's name in the directory ("mo", "cay" of Mỏ Cày Bắc). */
  nameWord: (word: string) => boolean;
  /** The question as far as the slots go; each rule adds its intent. */
  q: Question;
}

type Rule = (r: Reading, t: Tables) => Question | undefined;

/**
 * A question's intent and slots. `planName` holds the words of the plan's title: named after "kế hoạch" they name
 * the plan, not a task. `planUses` tells whether the plan's text holds some words in a row ("tài liệu địa chí" is a
 * task's words, not an address asked).
 */
export function understand(
  text: string,
  today: string,
  dir: Directory,
  planName?: ReadonlySet<string>,
  planUses: (words: readonly string[]) => boolean = () => false,
): Question {
  const r = read(text, today, dir, planName, planUses);
  if (!r) return { intent: 'empty', focus: 'all', agencies: [], agencyFuzzy: false, words: [] };
  const t = tables();
  for (const rule of RULES) {
    const q = rule(r, t);
    if (q) return q.intent === 'task' && DRAFTING_PLAN.test(r.restJoined) ? { ...q, words: draftingSaidAsPlans(q.words) } : q;
  }
  return guess(r);
}

/** "soạn kế hoạch", "làm cái kế hoạch", "kế hoạch … do ai soạn": drafting a plan, said either way round. */
// (Said after the plan, the drafting verb ends the question, asked of a doer: "… do ai chịu trách nhiệm soạn vậy anh" —
// "Theo kế hoạch, việc soạn quy trình nội bộ do ai chủ trì" drafts no plan.)
const DRAFTING_PLAN =
  / (?:xay dung|soan thao|du thao|lap|lam|len|soan|thao) (?:cai |tinh |ban )?ke hoach | ke hoach (?:\S+ ){0,14}?(?:do |ai )(?:\S+ ){0,5}?(?:soan thao|du thao|soan)(?: ra)?(?: (?:vay|a|anh|chi|nhi|the|ha|nhe))* $/;

/** Words that go on from a level named as the topic ("huyện chủ trì …", "xã thì …", "huyện có việc nào …"). */
const LEVEL_NEXT = new Set(['chu', 'phoi', 'phai', 'duoc', 'co', 'lam', 'thi', 'can', 'da', 'dang', 'con', 'bi', 'nhan', 'dam', 'lo', 'phu', 'chiu', 'tre']);

/** Words before "vay" that make it a loan ("cho vay", "khoản vay"), not the particle "vậy". */
const LOAN = new Set(['cho', 'khoan', 'von', 'di', 'muon', 'duoc']);

/**
 * "Dạ em chào anh, cho em hỏi chút, …", "… xong chưa với ạ, em cảm ơn": the courtesy around a question asks nothing,
 * and goes before the question is read — unless less than two words beyond filler would be left ("ok cám ơn nha").
 * A leading "đã" typed with its marks is no "dạ".
 */
/** Who a question is put to, as it closes ("… không anh"): only after the word that ends a question. */
const VOCATIVE = new Set(['anh', 'chi', 'ad', 'admin', 'bot', 'oi']);
const ASKED_END = new Set(['khong', 'ko', 'k', 'hong', 'chua', 'gi', 'nao', 'dau', 'sao', 'vay', 'nhi', 'ha', 'a', 'roi', 'nhieu', 'may']);

function withoutCourtesy(words: string[], text: string, openers: string[][], closers: string[][], filler: Set<string>): string[] {
  const at = (p: string[], i: number) => i >= 0 && p.every((w, k) => words[i + k] === w);
  const markedDa = /^[^\p{L}\p{N}]*đã(?![\p{L}\p{N}])/iu.test(text.normalize('NFC'));
  let start = 0;
  let end = words.length;
  for (let o = openers.find((p) => at(p, start)); o && start + o.length < end; o = openers.find((p) => at(p, start))) {
    if (start === 0 && markedDa && o[0] === 'da') break;
    start += o.length;
  }
  // ("cho vay", "vốn vay": a loan, no "vậy".)
  const closer = () => closers.find((p) => at(p, end - p.length) && !(p.length === 1 && p[0] === 'vay' && LOAN.has(words[end - 2] ?? '')));
  for (let e = closer(); e && end - e.length > start; e = closer()) end -= e.length;
  // "… có được giao việc gì không anh?", "… xong chưa chị": the one asked, addressed after the question's last word.
  let called = 0;
  while (called < 2 && VOCATIVE.has(words[end - 1 - called] ?? '')) called++;
  if (called > 0 && end - called - start > 2 && ASKED_END.has(words[end - called - 1]!)) {
    end -= called;
    for (let e = closer(); e && end - e.length > start; e = closer()) end -= e.length;
  }
  const left = words.slice(start, end);
  // ("ok cám ơn nha" is thanks, whatever is left of it.)
  return left.filter((w) => !filler.has(w)).length >= 2 ? left : words;
}

/** The slots of a question: its period, agencies, task id and words, the field it asks, yes/no, count, role… */
function read(
  text: string,
  today: string,
  dir: Directory,
  planName: ReadonlySet<string> | undefined,
  planUses: (words: readonly string[]) => boolean,
): Reading | undefined {
  const { c, stop, filler, openers, closers, cuePhrases } = tables();
  // "bao nhiêu %": the percent sign is a word here.
  const words = withoutCourtesy(canonicalTokens(spokenLetters(text).replace(/%/g, ' phần trăm ')), text, openers, closers, filler);
  if (words.length === 0) return undefined;
  // "… có trễ hạn hông": the southern "không" closing a question.
  if (words.at(-1) === 'hong') words[words.length - 1] = 'khong';
  // "huyện chủ trì tổng cộng mấy nv", "xã thì phải làm gì": a level named bare as the question's topic, then what it
  // does, is that level's people's committees (inside a task's words "cấp huyện" is part of the work).
  if (/^(?:huyen|xa|phuong)$/.test(words[0] ?? '') && LEVEL_NEXT.has(words[1] ?? '')) words.unshift('uy', 'ban', 'nhan', 'dan');
  // "Mấy việc xã phối hợp … đã trễ hạn", "những nhiệm vụ huyện chủ trì": the level named bare after the work it holds.
  else {
    const at = words.findIndex((w, i) => i >= 1 && i <= 3 && /^(?:huyen|xa|phuong)$/.test(w) && /^(?:viec|vu|nv)$/.test(words[i - 1]!));
    if (at > 0 && /^(?:chu|phoi|phai|duoc|dang|bi)$/.test(words[at + 1] ?? '')) words.splice(at, 0, 'uy', 'ban', 'nhan', 'dan');
    else {
      // "trang bị trụ sở … cho trung tâm hcc tỉnh thì huyện có phải chủ trì ko": the level named bare after "thì".
      const after = words.findIndex(
        (w, i) => i >= 2 && /^(?:huyen|xa)$/.test(w) && words[i - 1] === 'thi' && LEVEL_NEXT.has(words[i + 1] ?? '') && words[i + 1] !== 'thi',
      );
      if (after > 0) words.splice(after, 0, 'uy', 'ban', 'nhan', 'dan');
    }
  }
  // "Q3/2020", "T8/2019", "quý ba năm 2019": periods as people type them.
  // "hôm nay là đầu tháng 10 năm 2018": the day the asker is at, which `today` already is, not a period to filter by.
  let joined = periodForms(` ${words.join(' ')} `)
    // "những ai phụ", "sở nào phụ giúp", "có phải phụ vụ …": helping is coordinating ("phụ trách" is leading).
    .replace(/ (ai|nao) phu(?: giup| voi| vao| mot tay)?(?= (?:viec|vu|khong|ko|vay|a|nhi|the|nhe|cho|cung|voi|lam) |\s*$)/g, ' $1 phoi hop')
    .replace(/ (co|co phai|duoc|phai) phu (?:vu|viec|giup|voi|vao)(?= )/g, ' $1 phoi hop');
  // "cơ quan nào chỉ phối hợp chứ không chủ trì việc nào", "sở nào không chủ trì mà chỉ phối hợp": agencies of one role.
  const only =
    joined.match(/ (?:co quan|so|don vi|ben|nganh|ai) nao (?:chi )?(phoi hop|chu tri) (?:ma|chu) (?:khong|ko|k) (?:co )?(?:chu tri|phoi hop) /)?.[1] ??
    joined.match(/ (?:co quan|so|don vi|ben|nganh) nao (?:khong|ko|k) (?:chu tri|phoi hop) (?:viec nao )?(?:ma|chi) (?:chi )?(phoi hop|chu tri) /)?.[1];
  const onlyRole = only === 'phoi hop' ? 'coordinate' : only === 'chu tri' ? 'lead' : undefined;
  // "ko tính phần phối hợp", "trừ việc chủ trì": a role left out; its words ask nothing else.
  // "ngoài những việc chủ trì ra", "không chủ trì mà chỉ phối hợp", "chỉ phối hợp chứ không chủ trì" too.
  const leftOut =
    joined.match(/ (?:(?:khong|ko|k) tinh|tru|bo qua|khong ke|ngoai) (?:phan |viec |cac viec |nhung viec )?(phoi hop|chu tri) (?:ra )?/) ??
    joined.match(/ (?:khong|ko|k) (phoi hop|chu tri)(?= (?:ma|chi) )/) ??
    joined.match(/ (?:chu|ma) (?:khong|ko|k) (phoi hop|chu tri) /) ??
    // "những việc Sở TC không phải chủ trì": the role denied at the question's end.
    joined.match(/ (?:khong|ko|k) (?:phai )?(phoi hop|chu tri) (?:(?:a|vay|nhi|the|ha|nhe) )*$/) ??
    // "co-ordinate (not lead)": the other role denied right after the one asked.
    joined.match(/(?<= (?:phoi hop|chu tri)) (?:khong|ko|k) (phoi hop|chu tri) /);
  const excluded = leftOut?.[1];
  if (leftOut) joined = joined.replace(leftOut[0], ' ');
  // "bao nhiêu việc có hạn cụ thể, không tính mấy việc thường xuyên hay hằng năm": work with a deadline of its own;
  // the recurring work left out names no rhythm asked.
  const undated =
    / (?:(?:khong|ko|k) tinh|tru|bo qua|khong ke|ngoai) (?:may |cac |nhung )?(?:viec |nhiem vu |nv )?(?:lam )?(?:thuong xuyen|hang nam|hang quy|hang thang|dinh ky|lien tuc)(?:(?: (?:hay|hoac|va|voi))? (?:thuong xuyen|hang nam|hang quy|hang thang|dinh ky|lien tuc))* (?:ra )?/;
  // ("có deadline cụ thể": the English word as officials type it.)
  const dated =
    / (?<!(?:khong|ko|k|chua) )co (?:(?:thoi )?han (?:cu the|ro rang|chot|rieng)|deadline (?:cu the|ro rang|rieng)) /.test(joined) || undated.test(joined);
  joined = joined.replace(undated, ' ');
  // "hôm nay là 15/10/2020", and of a state asked "tính đến ngày 15/10/2020, việc nào quá hạn", "đến ngày 01/01/2020
  // thì đã đến hạn bao nhiêu việc": the day the states are asked at — not a window of deadlines.
  // "kế hoạch tới 15/10/2025 tiến độ thế nào", "tình hình tới giữa tháng 3/2020": with progress asked, any day or month
  // part the words run up to is the day asked.
  const asksProgress = has(joined, [...c.progress, ...c.progressWords]);
  const stated =
    joined.match(
      / (?:(hom nay|bay gio|gio) la|tinh (?:den|toi)(?: het)?|(?:cho )?(?:den|toi)(?= ngay \S+ thi )|tai thoi diem|vao thoi diem) (?:ngay )?(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d) /,
    ) ??
    // The empty group stands for the first one above ("hôm nay là"), so the day's groups keep their numbers.
    (asksProgress ? joined.match(/ (?:den|toi)() (?:ngay )?(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d) /) : null);
  const asksState = asksProgress || has(joined, [...c.overdue, ...c.status]) || / (?:da|chua) (?:den|toi) han /.test(joined);
  // "đến đầu tháng 10 năm 2020 thì có mấy việc quá hạn": the month's first (middle, last) day, of a state asked.
  const monthPart = stated
    ? undefined
    : joined.match(
        asksState
          ? / (?:tinh (?:den|toi)|(?:cho )?(?:den|toi)|vao|tai thoi diem) (dau|giua|cuoi|het) thang (\d{1,2})(?:(?:\/| nam )((?:19|20)\d\d)| nay) /
          : / (?:tinh (?:den|toi)|(?:cho )?(?:den|toi)|vao|tai thoi diem) (dau|giua|cuoi) thang (\d{1,2})(?:\/| nam )((?:19|20)\d\d) (?=thi |co |da |,|$)/,
      );
  // ("tính đến tháng 2/2025", a state asked: the month's middle; "hết tháng 2" its last day.)
  const bareMonth = stated || !asksState ? undefined : joined.match(/ tinh (?:den|toi) thang (\d{1,2})(?:\/| nam )((?:19|20)\d\d) /);
  const monthDay = (part: string, month: number, year: number) => {
    const span = monthSpan(month, year);
    return part === 'dau' ? span.start : part === 'cuoi' || part === 'het' ? span.end : validDate('15', String(month), String(year));
  };
  // "đến đầu năm 2020 có bao nhiêu việc quá hạn": the year's first (middle, last) day.
  const yearPart =
    stated || monthPart || !asksState
      ? undefined
      : joined.match(/ (?:tinh (?:den|toi)|(?:cho )?(?:den|toi)|vao|tai thoi diem) (dau|giua|cuoi) nam ((?:19|20)\d\d) /);
  const yearDay = (part: string, year: string) => (part === 'dau' ? `${year}-01-01` : part === 'cuoi' ? `${year}-12-31` : `${year}-06-30`);
  const asOf =
    stated && (stated[1] || asksState)
      ? validDate(stated[2]!, stated[3]!, stated[4]!)
      : monthPart && asksState && Number(monthPart[2]) >= 1 && Number(monthPart[2]) <= 12
        ? monthDay(monthPart[1]!, Number(monthPart[2]), Number(monthPart[3] ?? today.slice(0, 4)))
        : yearPart
          ? yearDay(yearPart[1]!, yearPart[2]!)
          : bareMonth && Number(bareMonth[1]) >= 1 && Number(bareMonth[1]) <= 12
            ? monthDay('giua', Number(bareMonth[1]), Number(bareMonth[2]))
            : undefined;
  if (asOf && stated) joined = joined.replace(stated[0], ' ');
  if (asOf && monthPart) joined = joined.replace(monthPart[0], ' ');
  if (asOf && bareMonth && !monthPart && !yearPart) joined = joined.replace(bareMonth[0], ' ');
  if (asOf && yearPart) joined = joined.replace(yearPart[0], ' ');
  joined = joined.replace(
    / (?:hom nay|bay gio|gio) la (?:ngay )?(?:(?:dau|giua|cuoi) )?(?:thang \d{1,2}(?:\/(?:19|20)\d\d| nam (?:19|20)\d\d)?|\d{1,2}\/\d{1,2}(?:\/(?:19|20)\d\d)?) /,
    ' ',
  );

  const folded = fold(clean(text));
  // "han ii 8", "ai ct III-2": an id typed with a space or a dash for its dot.
  const id = folded.match(TASK_ID)?.[1] ?? folded.match(SPACED_ID)?.[1]?.replace(/[ -]/, '.');
  let period = findPeriod(joined, today);
  // "trong kế hoạch chuyển đổi số năm 2024": a year in the plan's name, not a period to filter by.
  // (The words between are the plan's title's: "kế hoạch một cửa có thời hạn trong năm 2020" asks of 2020.)
  const yearNamed = period && /^nam /.test(period.text) ? joined.match(new RegExp(` (?:ke hoach|kh)((?: (?!nay )\\S+){1,12}) ${period.text} `)) : null;
  // (One word off the title may be a shorthand: "kh nc sạch năm nay".)
  const between = yearNamed ? yearNamed[1]!.trim().split(' ') : [];
  // ("… có hạn trong năm 2020": a deadline's year, whatever the words around it.)
  if (
    yearNamed &&
    !between.includes('han') &&
    (!planName || (between.some((w) => planName.has(w)) && between.filter((w) => !planName.has(w) && w !== 'nam').length <= 1))
  )
    period = undefined;
  // "phối hợp những việc nào trong kế hoạch năm nay": this year's plan, not its tasks due this year.
  if (period?.text === 'nam nay' && / (?:ke hoach|kh) nam nay /.test(joined)) period = undefined;
  if (period) joined = joined.replace(period.text, ' ');

  let matches: AgencyMatch[] = dir.find(joined.trim().split(' '));
  // "bộ phận một cửa cấp huyện", "một cửa huyện, xã": a level named inside a task's words is part of the task when
  // a task's field is asked ("ai tham mưu công bố danh mục … cấp huyện?"), not the agency asked about.
  const all = joined.trim().split(' ');
  // "phòng tài nguyên môi trường huyện Ba Tri": a district's office, within the district's committee, not the sở.
  const officeOf = (m: AgencyMatch) =>
    all[m.start - 1] === 'phong' && matches.some((o) => o.start >= m.end && o.start <= m.end + 1 && /^(?:huyen|xa|phuong|thi|thanh|ubnd)$/.test(all[o.start]!));
  if (matches.some(officeOf)) matches = matches.filter((m) => !officeOf(m));
  const level = (m: AgencyMatch) => all[m.start] === 'cap' && m.end - m.start === 2 && m.start > 0 && !['ubnd', 'uy'].includes(all[m.start - 1]!);
  // ("hạn công bố danh mục … bộ phận một cửa cấp huyện": "hạn" before the work asks its deadline.)
  // ("ai cải tạo trụ sở bộ phận một cửa cấp huyện": "ai" asks who as a lead cue does; "danh mục … bộ phận một cửa cấp
  // huyện đã công bố chưa": the desks' level, right after them, whatever is asked of the work.)
  // ("… bộ phận tiếp nhận và trả kết quả cấp xã": the desks by their full name.)
  const ofDesks = (m: AgencyMatch) =>
    level(m) && ((all[m.start - 1] === 'cua' && all[m.start - 2] === 'mot') || (all[m.start - 1] === 'qua' && all[m.start - 2] === 'ket'));
  const fieldCue = has(joined, [...c.lead, ...c.coordinate, ...c.deadline, ...c.status]);
  if (matches.some(level) && (fieldCue || /^ han | ai /.test(joined) || matches.some(ofDesks)) && !has(joined, c.agencyWork))
    matches = matches.filter((m) => !level(m));
  // ("… bộ phận một cửa cấp huyện thì cơ quan nào được giao phối hợp": a field asked, though "được giao" is a word of
  // an agency's work.)
  else if (matches.some(ofDesks) && fieldCue) matches = matches.filter((m) => !ofDesks(m));
  // "huyện phải làm gì định kỳ", "xã phường mình chịu trách nhiệm những gì": a level named bare as the subject of
  // an agency's work is the committees of that level.
  const bare =
    matches.length === 0 && has(joined, c.agencyWork)
      ? ` ${all.join(' ')} `.match(
          /^ (huyen|xa phuong|xa|phuong|thi tran) (?=(?:minh|em|toi|ta|chung toi|nay|phai|co|duoc|can|lam|chiu|lo|phu trach|dam nhan) )/,
        )?.[1]
      : undefined;
  if (bare) {
    const level = dir.find(['cap', bare === 'huyen' ? 'huyen' : 'xa'])[0];
    if (level) matches = [{ ...level, start: 0, end: bare.split(' ').length }];
  }
  // "Tôi là phóng viên báo Đồng Khởi, muốn hỏi kế hoạch … tiến độ ra sao": the asker's newspaper, not what is asked
  // about — unless the paper's own part is asked ("báo chúng tôi", "bên em").
  let asker: AgencyMatch[] = [];
  const spoken = ` ${all.join(' ')} `;
  const press = spoken.match(/ (?:toi|em|minh) la (?:phong vien|nha bao|bien tap vien) /);
  if (press && !/ (?:chung toi|ben toi|ben em|bao em|bao toi|bao minh|ben minh) /.test(spoken)) {
    // The word after the introduction: the paper named there, or a word or two on ("của", "tại").
    const after = spoken.slice(0, press.index!).trim().split(' ').filter(Boolean).length + press[0].trim().split(' ').length;
    asker = matches.filter((m) => m.start >= after && m.start <= after + 2);
    matches = matches.filter((m) => !asker.includes(m));
  }
  const agencies = [...new Set(matches.flatMap((m) => m.agencies))];
  const rest = all.filter((_, i) => ![...matches, ...asker].some((m) => i >= m.start && i < m.end));
  // ("che do mot cua can bo": a stop word typed without marks that, with the word before it, is the plan's own pair —
  // "chế độ", "cán bộ" — stays a word of the work.)
  const planPair = (i: number) => i > 0 && !cuePhrases.has(`${rest[i - 1]} ${rest[i]}`) && planUses([rest[i - 1]!, rest[i]!]);
  const taskWords = withSynonyms(
    removePhrases(rest, stop, planPair).filter((w) => w.length > 1 || /\d/.test(w)),
    planUses,
  );
  const restJoined = ` ${rest.join(' ')} `;
  const focus = focusOf(restJoined, c);
  const q: Question = {
    intent: 'unknown',
    focus,
    agencies,
    agencyFuzzy: matches.some((m) => m.fuzzy),
    words: taskWords,
    cueWords: rest,
    ...(period ? { period: period.span } : {}),
    ...(asOf ? { asOf } : {}),
    ...(onlyRole ? { onlyRole } : {}),
    ...(dated ? { dated: true } : {}),
    ...(/ (?:phoi hop|lam viec|cung lam|lam) (?:voi|cung) (?:nhung |cac )?(?:(?:co quan|so|don vi|ben|nganh) nao|ai) /.test(joined) ? { partners: true } : {}),
    // "chưa quá hạn", "chưa đến hạn", "còn trong hạn": the opposite of the overdue list.
    ...(/ (?:chua|khong) (?:bi )?(?:qua|tre|het|den|toi) han | con (?:trong )?(?:thoi )?han (?!khong |ko |k |chua |hay )| con kip /.test(` ${joined.trim()} `)
      ? { notYet: true }
      : {}),
    ...(id ? { taskId: id.toUpperCase().replace(/([A-Z])$/, (x) => x.toLowerCase()) } : {}),
  };
  const named = agencies.length > 0;
  const count = has(joined, c.count) && !has(joined, c.notCount);
  // "VP UBND và Sở TTTT cùng chủ trì": the tasks they share, not each one's list.
  if (agencies.length >= 2 && has(restJoined, c.together)) q.together = true;
  if (count) q.count = true;
  // "mục II", "phần 2", "mục 1 của phụ lục": a section of the appendix, by its Roman or Arabic number.
  const sectionAt = joined.match(/ (?:muc|phan) (iv|i{1,3}|v|vi|[1-6]) /)?.[1];
  const section = sectionAt && /\d/.test(sectionAt) ? ROMAN[Number(sectionAt)] : sectionAt;
  if (section) q.section = section.toUpperCase();
  // "mục II hay mục III nhiều việc hơn", "Sở TC hay Sở NV nhiều việc hơn": two compared by their counts.
  const compared = / (?:nhieu|it) (?:\S+ ){0,2}?hon | more | fewer | less | so sanh /.test(joined);
  // ("mục I và III": the second number after "và" is a section too.)
  const sections = [...joined.matchAll(/ (?:muc|phan) (iv|i{1,3}|v|vi|[1-6])(?: (?:va|voi|cong|hoac|hay) (iv|i{1,3}|v|vi|[1-6]))?(?= )/g)]
    .flatMap((m) => [m[1]!, ...(m[2] ? [m[2]] : [])])
    .map((x) => (/\d/.test(x) ? ROMAN[Number(x)]! : x.toUpperCase()));
  if (compared && new Set(sections).size >= 2) q.compare = [...new Set(sections)];
  else if (compared && agencies.length >= 2) q.compare = [];
  else if (count && !named && new Set(sections).size >= 2) q.sumSections = [...new Set(sections)];
  // "trừ mục III ra thì còn bao nhiêu nhiệm vụ", "không tính mục 3 thì còn mấy việc": every section but that one.
  else if (count && !named && sections.length === 1 && / (?:tru|khong tinh|khong ke|ngoai|bo qua) (?:muc|phan) (?:iv|i{1,3}|v|vi|[1-6]) /.test(joined))
    q.exceptSection = sections[0];
  // One role asked, not both ("chủ trì bao nhiêu, phối hợp bao nhiêu" asks for both); "không tính phần phối hợp",
  // "trừ việc chủ trì": that role left out, the other asked.
  const asksLead = excluded ? excluded === 'phoi hop' : has(restJoined, c.roleLead);
  const asksCoordinate = excluded ? excluded === 'chu tri' : has(restJoined, c.roleCoordinate);
  // "… có phải phối hợp việc nào không, hay chỉ chủ trì thôi?": asked of the first, the other offered as the alternative.
  const firstOf = (cues: readonly string[]) => Math.min(...cues.map((x) => restJoined.indexOf(` ${x} `)).filter((i) => i >= 0));
  // "… chỉ phối hợp chứ không chủ trì", "chủ trì hay chỉ phối hợp": the first, the other denied or offered.
  const eitherOr = asksLead && asksCoordinate && / (?:(?:khong|ko|k|chua) hay|chu (?:khong|ko|k)|hay chi|hay la) /.test(restJoined);
  // "… nộp hồ sơ ở bưu điện xã, việc này cơ quan nào đứng ra chủ trì": the role is asked of the doer, not of the body
  // named inside the work.
  const doerAsked =
    asksDoer(restJoined, LEAD_VERBS, ['se', 'thi', 'phai', 'duoc', 'dung ra', 'duoc giao']) &&
    withoutPlanRef(taskWords, planName).filter((w) => !filler.has(w)).length >= 4;
  // The body's name is then part of the work's words the task is searched by ("ở bưu điện xã").
  if (doerAsked && named)
    q.words = withSynonyms(
      removePhrases(all, stop).filter((w) => w.length > 1 || /\d/.test(w)),
      planUses,
    );
  const role =
    named && !doerAsked && (asksLead !== asksCoordinate || eitherOr)
      ? (eitherOr ? firstOf(c.roleLead) < firstOf(c.roleCoordinate) : asksLead)
        ? 'lead'
        : 'coordinate'
      : undefined;
  if (role) q.role = role;
  // "… không ạ, em cảm ơn": the thanks after the question is not part of it.
  // "Dạ anh chị cho em hỏi …", "… không ạ": the polite words around it too.
  const asked = ` ${words.join(' ')} `
    .replace(/(?: (?:em|minh|toi|chau|a))? (?:cam on|xin cam on)(?: \S+){0,3} $/, ' ')
    .replace(/(?: (?:a|ak|ah|nhe|nha|vay|nhi|ha))+ $/, ' ')
    .replace(
      /^(?: (?:da|vang|chao|xin|kinh))?(?: (?:anh|chi|anh chi|ban|ad|admin))? (?:cho|xin|muon) (?:em|minh|toi|chau|tui) (?:duoc )?hoi(?: (?:voi|chut|xiu|ti))?(?= )/,
      '',
    );
  // "có việc nào không?" asks yes or no; "những việc nào không có hạn cụ thể" does not: a cue ending in "không" ends it.
  const yesNoCue = c.yesNo.some((cue) => (/ khong$/.test(cue) ? endingCue(cue).test(asked) : joined.includes(` ${cue} `)));
  if (YES_NO.test(asked) || yesNoCue) q.yesNo = true;
  // "… là Sở Nội vụ chủ trì hả": a body's role stated and asked back; "SKHĐT chủ trì việc nối dữ liệu dân cư hả": the
  // role then the work, no question word in it.
  const said = ` ${words.join(' ')} `;
  if (
    named &&
    (/ la (?:\S+ ){1,8}?(?:chu tri|phoi hop|lo|lam|phu trach|lam dau moi|dau moi)(?: (?:luon|chinh|a))? (?:ha|a|ak|ah|hen|nhi|phai hong|dung hong)(?: (?:anh|chi|em|ban|ad))? $/.test(
      said,
    ) ||
      (/ (?:chu tri|phoi hop) (?:\S+ ){2,}(?:ha|a|ak|ah|hen) $/.test(restJoined) &&
        !/ (?:ai|nao|gi|j|bao gio|khi nao|may|bao nhieu|dau|sao) /.test(restJoined)))
  )
    q.yesNo = true;
  // "việc X hạn là cuối quý I/2019 hả anh?", "… hạn cuối năm 2019 ha": a deadline stated and asked back, no question
  // word in it, is a yes or no of whether the task falls due then.
  if (
    period &&
    (q.focus === 'deadline' || (q.focus === 'all' && / han /.test(joined))) &&
    (q.yesNo || / (?:ha|a|ak|ah|nhi|hen|phai khong|dung khong|phai ko|dung ko|dung chu|phai chu|dung roi) $/.test(said)) &&
    // ("tới 20/8 rồi, vụ … vẫn còn trong hạn hả": the state asked on a day, not a deadline asked back.)
    !/ (?:con (?:trong )?han|trong han|dung han|kip han|qua han|tre han|bi tre|tre chua) /.test(notLate(joined)) &&
    !/ (?:khi nao|bao gio|luc nao|nao|may|gi|j|bao nhieu|sao|ai|dau) /.test(asked)
  ) {
    q.yesNo = true;
    if (q.focus === 'all') q.focus = 'deadline';
  }
  // "III.5 hạn Q3/2020 à?", "hạn II.1 là quý IV/2018 phải không": whether the task falls due in the period named.
  if (id && period && q.focus === 'all' && / han /.test(` ${rest.join(' ')} `)) {
    q.focus = 'deadline';
    q.yesNo = true;
  }
  // "Công an tỉnh có chủ trì việc … không?": whether it holds that role in the task is the field asked.
  if (q.yesNo && role && q.focus === 'all') q.focus = role;
  // "Mức chi … có phải Sở Nội vụ ra quy định không", "… là snv lo đúng ko": whether the body named is the one that does
  // the work, which is leading it.
  else if (q.yesNo && named && !role && q.focus === 'all' && / (?:co phai|phai la|chinh la) | (?:lo|lam) (?:dung|phai) (?:khong|ko|k|hong|hok) $/.test(said))
    q.focus = 'lead';
  // "Sở KH&ĐT chủ trì hay chỉ phối hợp trong vụ kết nối …": the first role asked yes or no, the field shown the last.
  // Of a body's whole work ("đơn vị đó chủ trì hay chỉ phối hợp?") the answer lists by role, no yes or no.
  if (eitherOr && role && q.focus === 'all' && withoutPlanRef(taskWords, planName).filter((w) => !filler.has(w)).length >= 3) {
    q.yesNo = true;
    q.focus = role === 'lead' ? 'coordinate' : 'lead';
  }
  const article = joined.match(/ dieu (\d{1,3}) /)?.[1];
  if (article) q.article = article;
  const unplanned = withoutPlanRef(taskWords, planName);
  return {
    text,
    planName,
    words,
    joined,
    restJoined,
    // "trễ" folds to "tre", as in Bến Tre: lateness is looked for with the province's name taken out.
    unProvinced: notLate(joined),
    taskWords,
    // What is left that could name a task: the rules weigh this, the search gets every word.
    // The plan named as such ("theo kế hoạch 4561", "kế hoạch này", "trong KH") is no task's content.
    content: unplanned.filter((w) => !filler.has(w)).length,
    unplanned,
    named,
    focus,
    ...(period ? { period: period.span } : {}),
    count,
    ...(role ? { role } : {}),
    ...(has(joined, c.first) ? { rank: 'first' as const } : has(joined, c.last) ? { rank: 'last' as const } : {}),
    ...(article ? { article } : {}),
    planUses,
    agencyRuns: matches.map((m) => all.slice(m.start, m.end)),
    nameWord: (word) => dir.hasNameWord(word),
    q,
  };
}

/** A yes/no cue ending in "không" as it closes a question, not as "không có hạn" goes on (made once per cue). */
const endingCues = new Map<string, RegExp>();
function endingCue(cue: string): RegExp {
  let re = endingCues.get(cue);
  if (!re) endingCues.set(cue, (re = new RegExp(` ${cue} (?!(?:co|ghi|phai|duoc|can|bi|chu tri|phoi hop|thuoc|nam|lam) )`)));
  return re;
}

/** "trễ" folds to "tre", as in Bến Tre and "trẻ em" (children): the words with those taken out, for lateness cues. */
function notLate(joined: string): string {
  return joined.replace(/ ben tre /g, ' ').replace(/ tre (?=(?:em|nho|con) )/g, ' ');
}

/** Which field of a task the words ask: its coordinators, its lead ("ai …"), its state, its deadline, or all. */
function focusOf(restJoined: string, c: Tables['c']): Focus {
  // "… trễ chưa", "đã xong chưa": the state of a task, asked as such.
  const bare = ` ${notLate(restJoined)
    .replace(/( (a|vay|nhi|the|ha|nhe|roi))+ $/, ' ')
    .trim()} `;
  // Looked for before the trailing particles go too: "tới đâu rồi" is a status cue with its "rồi".
  // ("… đã có quy định chưa hay bị trễ hạn rồi": done or late, asked as two.)
  const status = has(bare, c.status) || has(restJoined, c.status) || / chua $| chua hay (?:la |bi |da |van |con )?(?:tre|qua|con|dang|cham) /.test(bare);
  // "Đơn vị nào phối hợp": the coordinators, though "đơn vị nào" alone asks for the lead.
  const coordinate = has(restJoined, c.coordinate) && !has(restJoined, ['chu tri']);
  // "Ai đánh giá …?", "… do ai làm": a "who" question asks for the lead.
  // "ai có trách nhiệm theo dõi …, có vướng mắc thì báo cho ai": one "ai" asks who, though another is "cho ai".
  const who = / ai /.test(restJoined.replace(/ (?:gui cho ai|cho ai|gui ai|ai nhan|ai ky)(?= )/g, ' '));
  // "hạn ban hành hướng dẫn …", "xin hạn …": "hạn" leading the task's words asks for its deadline ("hạn chế" is a word).
  // "dữ liệu mở hạn công bố": "hạn" before the task's verb, anywhere.
  const deadline =
    has(restJoined, c.deadline) ||
    /^ (?:xin |cho (?:em |toi |minh )?(?:hoi |xin )?)?han (?!che )\S/.test(restJoined) ||
    / han (?:cong bo|ban hanh|trinh|hoan thanh|xong|thuc hien|to chuc|trien khai|xay dung|soan thao|du thao) /.test(restJoined) ||
    // "sơ lược giúp em hạn bố trí trụ sở …": "hạn" asked for right after the asker ("hạn chế", "hạn mức" are words).
    / (?:giup|em|minh) han (?!che |muc |han |hep |ngach )\S/.test(restJoined);
  // "ai chủ trì, ai phối hợp", "ai lo việc X? hạn khi nào": two fields asked, the last one first (the card under it
  // carries the other).
  const lead = has(restJoined, c.lead) || who;
  const lastAt = (cues: readonly string[]) => Math.max(-1, ...cues.map((x) => restJoined.lastIndexOf(` ${x} `)));
  if (lead && has(restJoined, c.coordinate) && has(restJoined, ['chu tri'])) return lastAt(c.coordinate) > lastAt(['chu tri']) ? 'coordinate' : 'lead';
  if (lead && deadline && !coordinate && !status && lastAt(c.deadline) > lastAt([...c.lead, 'ai'])) return 'deadline';
  // "… đã công khai xong chưa, hạn là quý mấy?": the state asked first, the deadline last.
  if (status && deadline && !lead && !coordinate && lastAt(c.deadline) > Math.max(lastAt(c.status), restJoined.lastIndexOf(' chua '))) return 'deadline';
  return coordinate ? 'coordinate' : lead ? 'lead' : status ? 'status' : deadline ? 'deadline' : 'all';
}

const ORDINAL: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

/** "nhiệm vụ số 2 mục I", "việc thứ 4 trong phần II", "nhiệm vụ cuối của mục III": a task by its place. */
const byPlace: Rule = ({ joined: said, q }) => {
  // "việc thứ tư", "nhiệm vụ thứ nhất": the place in words.
  const joined = said.replace(
    / (nhiem vu|viec|cong viec|dau viec) thu (nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi) /g,
    (_, w: string, n: string) => ` ${w} thu ${ORDINAL[n]} `,
  );
  const place = joined.match(
    / (?:nhiem vu|viec|cong viec|muc con|dau viec) (?:so |thu )?(\d{1,2}|cuoi|cuoi cung|dau|dau tien) (?:\S+ ){0,4}?(?:muc|phan) (i{1,3}|iv) /,
  );
  const placeBefore =
    joined.match(/ (?:muc|phan) (i{1,3}|iv) (?:\S+ ){0,3}?(?:nhiem vu|viec|cong viec) (?:so |thu )?(\d{1,2}|cuoi|cuoi cung|dau|dau tien) /) ??
    // "mục II số 5", "phần III thứ 2": the number right after the section.
    joined.match(/ (?:muc|phan) (i{1,3}|iv) (?:so|thu|muc) (\d{1,2}) /);
  // "việc thứ tư của phần ứng dụng CNTT": the section by its title's words (the engine finds which).
  const titled = joined.match(
    / (?:nhiem vu|viec|cong viec|dau viec) (?:so |thu )?(\d{1,2}|cuoi|cuoi cung|dau|dau tien) (?:cua |trong |thuoc |o )?(?:muc|phan) (?!(?:i{1,3}|iv|v|\d{1,2}) )\S+ \S+/,
  );
  const at = place ? { n: place[1]!, sec: place[2]! } : placeBefore ? { n: placeBefore[2]!, sec: placeBefore[1]! } : titled ? { n: titled[1]! } : undefined;
  if (!at || q.taskId) return undefined;
  const nth = /^\d+$/.test(at.n) ? Number(at.n) : at.n.startsWith('cuoi') ? -1 : 1;
  return { ...q, ...(at.sec ? { section: at.sec.toUpperCase() } : {}), nth, intent: 'task' };
};

/** Small talk (nothing left once greetings, thanks and help words are out), and a task asked by its id. */
const chatOrId: Rule = ({ joined, named, period, taskWords, unplanned, q }, { c, chatter, filler, helpLongestFirst }) => {
  // "hỏi được những gì": a help phrase's own words ask nothing of the plan ("những gì" of an agency's work).
  // (Longest first: "giúp được những gì" goes whole, not as "giúp" leaving "những gì".)
  const unhelped = helpLongestFirst.reduce((s, cue) => s.replaceAll(` ${cue} `, ' '), joined);
  const asks = [c.overdue, c.upcoming, c.progress, c.lead, c.coordinate, c.deadline, c.agencyWork, c.count].some((cues) => has(unhelped, cues));
  // "tôi nên hỏi thế nào cho đúng": what is left besides filler is at most a word.
  const open = !named && !period && !asks;
  const small = open && removePhrases(taskWords, chatter).filter((w) => !filler.has(w)).length <= 1;
  if (small && has(joined, c.thanks)) return { ...q, intent: 'thanks' };
  if (small && (has(joined, c.help) || has(joined, c.greeting))) return { ...q, intent: 'help' };
  // "chatbot này hoạt động ra sao", "tôi muốn tra cứu thì làm thế nào": a help phrase's own words are no content
  // either, though its asking words ("ra sao") stand between them; "bot này tra cứu được những gì về kế hoạch một cửa":
  // nor is the plan named, no more than what help is asked about. (Thanks with "help" in them, the plan unnamed, are
  // thanks.)
  const planNamed = unplanned.length < taskWords.length;
  if (open && has(joined, c.help) && (planNamed || !has(joined, c.thanks))) {
    const helpWords = new Set(helpLongestFirst.filter((cue) => joined.includes(` ${cue} `)).flatMap((cue) => cue.split(' ')));
    if (removePhrases(unplanned, chatter).filter((w) => !filler.has(w) && !helpWords.has(w)).length <= 1) return { ...q, intent: 'help' };
  }
  if (q.taskId) return { ...q, intent: 'task' };
  return undefined;
};

/**
 * Whether every place a cue stands in the question is the plan's own wording: the cue with the word before or after
 * it (three words at least) a run of some task's, assignment's or section title's text; or, for a two-word cue, one of
 * its words with the two beyond it such a run (its words then belong to two other phrases). Cues that ask a quantity
 * never are.
 */
function inPlanWording({ words, planUses, agencyRuns }: Reading, cue: string): boolean {
  const cueWords = cue.split(' ');
  if (/\b(?:bao nhieu|may)\b/.test(cue)) return false;
  let found = false;
  for (let i = 0; i + cueWords.length <= words.length; i++) {
    if (!cueWords.every((w, k) => words[i + k] === w)) continue;
    found = true;
    const before = i > 0 ? words.slice(i - 1, i + cueWords.length) : [];
    const after = words.slice(i, i + cueWords.length + 1);
    // "mục phát triển xã hội số": the cue's last word begins a run of the plan's (a section's title) — the cue's words
    // belong to two others; so its first word ending one ("hạng mục phát").
    const tail = words.slice(i + cueWords.length - 1, i + cueWords.length + 2);
    const head = i >= 2 ? words.slice(i - 2, i + 1) : [];
    const own = (run: string[]) => run.length >= 3 && run.length > cueWords.length && planUses(run);
    const split = (run: string[]) => cueWords.length === 2 && run.length === 3 && planUses(run);
    // "… thì công an tỉnh có phải phối hợp": the cue's last word begins an agency's name.
    const named = agencyRuns.some((run) => cueWords.length >= 2 && run.every((w, k) => words[i + cueWords.length - 1 + k] === w));
    if (!own(before) && !own(after) && !split(tail) && !split(head) && !named) return false;
  }
  return found;
}

/**
 * Whether the question spells every place a cue stands with other marks than the cue has in the data ("hạng mục phát
 * triển" against "mức phạt"): words typed without marks, or a cue the data spells without them, never are.
 */
function markedAway(text: string, cue: string): boolean {
  const forms = language().markedCues.get(cue);
  if (!forms) return false;
  const raw = clean(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const folded = raw.map(fold);
  const cueWords = cue.split(' ');
  let found = false;
  for (let i = 0; i + cueWords.length <= raw.length; i++) {
    if (!cueWords.every((w, k) => folded[i + k] === w)) continue;
    found = true;
    const spelled = (form: string[]) =>
      form.length === cueWords.length && form.every((w, k) => fold(raw[i + k]!) === raw[i + k] || markSignature(raw[i + k]!) === markSignature(w));
    if (forms.some(spelled)) return false;
  }
  return found;
}

/** The document itself: what it cites, who signed it, what it is based on, its purpose, parts, recipients, targets. */
const aboutDocument: Rule = (r, { c, document, countable, filler, taskCount, citingWords }) => {
  const { joined, restJoined, named, content, article, rank, focus, q } = r;
  // ("kế hoạch thực hiện NĐ 61 giao mấy việc": a decree named in the plan's own name is no question about the decree.)
  const match = citedIn(joined);
  const cited = match && r.unplanned.some((w) => w === match[2] || w.startsWith(`${match[2]}/`)) ? match : null;
  // The cited document's own words ("nghị định 61/2018") are no task's content: "NĐ 61/2018 nói về cái gì".
  const citedWords = cited ? cited[0].trim().split(' ').length : 0;
  // "kh 4561 dẫn chiếu những điều nào của NĐ 61": which of its articles the plan cites.
  // ("… là phần của cơ quan nào": whose work, not who issued the document.)
  const askJoined = joined.replace(/ (?:phan|viec|nhiem vu|trach nhiem|phan viec) cua (?=(?:co quan|don vi|so|ben) nao |ai )/g, ' ');
  // ("kh 4561 trích mấy điều của nd 61", "có nhắc tới điều khoản nào của NĐ 61 không": the same, counted or in other words.)
  const whichArticles = / (?:(?:nhung |cac )?dieu (?:khoan )?(?:nao|may)|(?:may|bao nhieu) dieu) /.test(joined) && has(askJoined, c.citedAsk);
  // ("Nghị định 61 được Chính phủ ký ban hành ngày mấy": the cited document's issuer named is no agency asked about.)
  const issuerOnly = named && q.agencies.every((a) => /^(?:chinh-phu|thu-tuong|bo-(?!doi-))/.test(a));
  // ("vụ soạn kh triển khai nghị định 61 là của cơ quan nào": work described at length, whose it is.)
  const whoseWork = content - citedWords >= 3 && / la cua (?:ai|(?:co quan|don vi|so|ben) nao) /.test(joined);
  // "NĐ 61 có tất cả bao nhiêu điều": the decree's own length, which the plan does not give.
  if (
    cited &&
    !named &&
    / (?:bao nhieu|may) dieu /.test(joined) &&
    / (?:co|gom) (?:tat ca |tong cong |tong )?(?:bao nhieu|may) dieu | (?:gom|tong cong|tat ca) /.test(joined) &&
    !/ (?:dan|trich|nhac|vien dan|dan chieu|ke hoach|kh) /.test(joined)
  )
    return { ...q, intent: 'not-stated' };
  // ("kinh phí một cửa theo điều nào của NĐ 61": the article of the work described, not the decree.)
  const articleOfWork = / dieu (?:nao|may|so may) /.test(joined) && content - citedWords >= 3 && !whichArticles;
  if (cited && (!named || issuerOnly) && !whoseWork && !articleOfWork && (has(askJoined, c.citedAsk) || content - citedWords <= 2))
    return { ...q, intent: 'document', about: 'cited', cited: `${cited[1]}|${cited[2]}`, ...(whichArticles ? { asksArticle: true } : {}) };
  // "kh 4561 có dẫn NĐ 45/2020 về thủ tục hành chính trên môi trường điện tử không": whether it cites the document, the
  // document's own subject said after it.
  if (
    cited &&
    !named &&
    q.yesNo &&
    / (?:dan|dan chieu|vien dan|trich|trich dan|can cu|nhac den|nhac toi) (?:vao |theo |den |toi )?(?:nghi dinh|quyet dinh|thong tu|nd|qd|tt) /.test(joined)
  )
    return { ...q, intent: 'document', about: 'cited', cited: `${cited[1]}|${cited[2]}` };
  // ("những điều nào kế hoạch dẫn chiếu": the plan, the asking words and nothing of a task.)
  if (whichArticles && !named && !q.taskId && r.unplanned.filter((w) => !filler.has(w) && !citingWords.has(w)).length <= 1)
    return { ...q, intent: 'document', about: 'cited', asksArticle: true };
  // ("… sắp xếp bộ phận một cửa dưới huyện, xã cho đúng Điều 7 Nghị định 61 thì ai chịu trách nhiệm": a task described,
  // its field asked, the article only part of its words.)
  const fieldOfTask = (focus === 'lead' || focus === 'coordinate' || focus === 'deadline') && content - citedWords >= 5;
  if (article && !named && !q.taskId && !fieldOfTask)
    return { ...q, intent: 'document', about: 'cited', ...(cited ? { cited: `${cited[1]}|${cited[2]}` } : {}) };
  // ("Việc quy định mức chi khi có thông tư Bộ Tài chính hiện giờ thế nào rồi": "khi có thông tư" is the task's own
  // condition, naming it, when a field or its state is asked of it — no list of the work waiting.)
  const waitingSaid = c.waiting.filter((x) => has(joined, [x]));
  if (waitingSaid.length > 0 && !(q.focus !== 'all' && waitingSaid.every((x) => /^khi co /.test(x)))) return { ...q, intent: 'waiting' };
  // "Tổng kinh phí bao nhiêu tỷ?", "trung tâm đặt ở đâu": what the plan does not state is said so, with what is near.
  // "Nội vụ phối hợp ở đâu": with an agency and its role, "ở đâu" asks in which tasks, not a place.
  const whereTasks =
    named &&
    r.role !== undefined &&
    !has(
      joined,
      c.notStated.filter((x) => x !== 'o dau'),
    );
  // "số hóa tài liệu địa chí bao giờ xong": "địa chí" folds to "địa chỉ", but with the word before it the plan's own.
  // "Hạng mục phát triển …" holds "mục phát", typed with marks other than "mức phạt"'s: no cue either.
  // Only the cues the question holds are weighed (most hold none).
  // ("… đang ở đâu rồi": how far along, no place.)
  const whereAlong = / (?:dang |da |toi |den )?o dau roi /.test(joined);
  // ("bản gốc kế hoạch lưu ở đâu": where the plan is filed, its recipients' "Lưu: VT", no place the plan leaves out.)
  const whereFiled = / luu (?:tru )?(?:o|tai) (?:dau|bo phan nao|cho nao) /.test(joined);
  const notStated = c.notStated.filter(
    (cue) =>
      joined.includes(` ${cue} `) &&
      !(cue === 'o dau' && (whereAlong || whereFiled || / (?:pham vi|dia ban|ap dung) /.test(joined))) &&
      // ("ai là người ký kế hoạch": its signer, whom the plan names.)
      !(cue === 'ai la nguoi' && / ai la nguoi (?:ky|dung ten|ban hanh) /.test(joined)) &&
      !inPlanWording(r, cue) &&
      !markedAway(r.text, cue),
  );
  // "cán bộ cử ra phải đạt chuẩn theo điều mấy của NĐ 61": the article a task or an item cites, found with its words.
  if (/ dieu (?:may|nao|so may|bao nhieu) /.test(joined) && r.content >= 2) return { ...q, intent: 'task', asksArticle: true };
  // ("… ghi cụ thể ở đâu trong kế hoạch": where in the plan, its appendix — no place the plan does not state.)
  const whereInPlan = has(joined, document.find(([p]) => p === 'appendix')?.[1] ?? []);
  if (has(joined, notStated) && !whereTasks && !whereInPlan) return { ...q, intent: 'not-stated' };
  // "Trung tâm … được thành lập theo quyết định số mấy?", "thông tư của Bộ Nội vụ … là thông tư số mấy": the number of
  // a document the plan does not cite by number (one it cites is answered above, the plan's own is its header).
  if (
    !cited &&
    / (?:quyet dinh|qd|van ban|thong tu|nghi quyet|chi thi|cong van) (?:\S+ ){0,12}?(?:so may|so bao nhieu|so hieu) /.test(joined) &&
    !/ ke hoach (?:\S+ ){0,2}?(?:so may|so bao nhieu|so nao|so hieu) /.test(joined)
  )
    return { ...q, intent: 'not-stated' };
  // "Lệ phí thanh toán online mỗi hồ sơ bao nhiêu": an amount of money asked, not a task's field.
  // "Mục II hỗ trợ vốn, đất đai có bao nhiêu nhiệm vụ": tasks counted, the money only in the section's name.
  const tasksCounted = has(joined, taskCount);
  if (
    !named &&
    focus === 'all' &&
    MONEY.test(restJoined) &&
    / (?:bao nhieu|may|muc nao|la bao nhieu) /.test(restJoined) &&
    !has(joined, c.progress) &&
    !tasksCounted
  )
    return { ...q, intent: 'not-stated' };
  // "Bệnh viện X có bao nhiêu giường bệnh?": a number of things a plan does not count (it counts tasks, agencies,
  // days, percentages…) is a figure it does not state.
  // The counted word is one of the question's content words: not an agency, a cue ("bao nhiêu phối hợp") or filler.
  const counted = restJoined.match(/ bao nhieu (\S+)(?: (\S+))? /);
  const noun = counted?.[1];
  const countsOther =
    noun !== undefined &&
    // "bao nhiêu hộ gia đình": the noun may be a word the question phrases hold ("hộ"), its next word the task's.
    (r.taskWords.includes(noun) || (counted?.[2] !== undefined && r.taskWords.includes(counted[2]) && !countable.has(counted[2]))) &&
    !filler.has(noun) &&
    !countable.has(noun) &&
    !(counted?.[2] && countable.has(`${noun} ${counted[2]}`));
  // "ai lo vụ hỏi doanh nghiệp cần bao nhiêu lao động rồi đào tạo nghề": who is asked first, the number only describes
  // the task.
  const whoFirst = (focus === 'lead' || focus === 'coordinate') && / ai /.test(joined) && joined.indexOf(' ai ') < joined.indexOf(' bao nhieu ');
  if (countsOther && !whoFirst && !has(joined, c.progress)) return { ...q, intent: 'not-stated' };
  // "việc nào hạn sớm nhất", "hạn cuối cùng của VP UBND": the earliest or latest deadline, in the scope asked.
  // "văn bản quy phạm … ban hành trễ nhất lúc nào": one task described at length, its deadline "at the latest".
  const described = r.unplanned.filter((w) => !filler.has(w) && !WHOLE_PLAN.has(w)).length;
  const oneTask = described >= 4 && !named && !q.section && !/ (?:viec|nhiem vu|cong viec|nv) nao /.test(joined);
  // ("Việc nào có hạn chót xa nhất, do ai chủ trì?": which task is asked first, its lead after.)
  if (
    rank &&
    !oneTask &&
    (!(focus === 'lead' || focus === 'coordinate') || / (?:viec|nhiem vu|cong viec|nv) nao /.test(joined)) &&
    // ("trong phần thành lập, kiện toàn bộ phận một cửa, nv nào xong sau cùng": which task finishes last, in a part
    // named by its title's words.)
    (content <= 2 ||
      named ||
      q.section ||
      has(joined, c.deadline) ||
      / han /.test(joined) ||
      / (?:viec|nhiem vu|cong viec|nv) nao (?:phai )?(?:xong|hoan thanh|lam xong|ket thuc) /.test(joined))
  )
    return { ...q, intent: 'first-last', rank };
  // "mục 7 phần tổ chức thực hiện giao ai làm gì": an item of the body's Implementation part, by its number.
  const item = has(joined, c.implementation) ? joined.match(/ (?:muc|diem|khoan|so) (\d{1,2}) /)?.[1] : undefined;
  if (item && !named) {
    const { section: _section, ...rest } = q;
    return { ...rest, intent: 'task', assignmentNo: item };
  }
  // "Theo phần tổ chức thực hiện thì Sở TT&TT phải làm gì": the assignments of the body that name the agency.
  if (named && has(joined, c.implementation)) return { ...q, intent: 'agency', implementation: true };
  // "phần III tổ chức thực hiện gồm mấy mục", "phần TCTH giao những gì": that part of the body, item by item.
  if (
    !named &&
    !q.taskId &&
    has(joined, c.implementation) &&
    (r.count ||
      / (?:nhung gi|gom gi|co gi|noi gi|nhung muc nao|nhung viec gi|nhung viec nao|nhung noi dung|nhung y|tom tat|tom luoc|so luong|may diem|may muc) /.test(
        joined,
      )) &&
    r.unplanned.filter(
      (w) =>
        !filler.has(w) &&
        !/^(?:to|chuc|thuc|hien|phan|muc|iii|giao|gom|viec|dau|nhiem|vu|co|quan|cac|bao|nhieu|may|noi|dung|tcth|nhung|gi|y|so|luong|lieu|xin|chia|diem|ra|lam)$/.test(
          w,
        ),
    ).length <= 1
  )
    return { ...q, intent: 'document', about: 'assignments' };
  // "Phần II Nội dung thực hiện nêu những nhóm việc gì", "nội dung thực hiện của KH có mấy ý lớn": the body's part of
  // that name, item by item (what the plan's structure answers), not a task.
  if (
    !named &&
    !q.taskId &&
    / noi dung thuc hien /.test(joined) &&
    (r.count || ITEMS_ASKED.test(joined)) &&
    r.unplanned.filter((w) => !filler.has(w) && !CONTENTS_WORDS.test(w)).length <= 1
  )
    return { ...q, intent: 'document', about: 'parts' };
  // "phụ lục kèm theo kế hoạch tên là gì", "phụ lục có tiêu đề như thế nào": the appendix's own title.
  if (!named && !q.taskId && / phu luc /.test(joined) && / (?:ten|tieu de|ten goi|title|called|name) /.test(joined))
    return { ...q, intent: 'document', about: 'appendix', appendixTitle: true };
  // "Kế hoạch 4561 có phải ký tháng 10/2018 không", "is 4561 dated oct 2018?": its date, asked against a period.
  if (
    q.period &&
    !named &&
    !q.taskId &&
    / (?:ky|ban hanh|ra doi|ky ngay) /.test(joined) &&
    /^ (?:co )?(?:phai )?(?:ke hoach|kh|\d{3,5}) | (?:ke hoach|kh) (?:\d{2,5} )?(?:co phai |duoc |da )?(?:ky|ban hanh) /.test(joined) &&
    r.unplanned.filter((w) => !filler.has(w) && !/^(?:ke|hoach|kh|ky|ban|hanh|ra|doi|ngay|phai|co|\d+)$/.test(w)).length === 0
  )
    return { ...q, intent: 'document', about: 'header', datedIn: true };
  // "phần I của kế hoạch là phần gì", "phần 2 KH 4561 nói về cái gì", "part II of the doc covers what": the body's part
  // of that number, asked what it is (not its tasks, not how many).
  const partAsked = joined
    .replace(/ (phan|muc) thu (nhat|hai|ba|tu|bon|nam|[1-5]) /, (_, w: string, n: string) => ` ${w} ${ORDINAL[n] ?? n} `)
    .match(/ (?:phan|muc) (i{1,3}|iv|v|[1-5]) /);
  if (
    partAsked &&
    !named &&
    !q.taskId &&
    PART_ASKED.test(joined) &&
    !/ (?:phu luc|viec|nhiem vu|cong viec|nv|dau viec) /.test(joined) &&
    r.unplanned.filter((w) => !filler.has(w) && !PART_WORDS.test(w) && w !== partAsked[1]).length <= 1
  ) {
    const n = partAsked[1]!;
    return { ...q, intent: 'document', about: 'parts', partNo: /^\d$/.test(n) ? ROMAN[Number(n)]! : n.toUpperCase() };
  }
  const part = document.find(([, cues]) => has(joined, cues))?.[0];
  if (!part) return undefined;
  // "kế hoạch có căn cứ Nghị định 45/2020 không": whether that document is among the bases, answered of it.
  if (part === 'basis' && cited && q.yesNo && (!named || issuerOnly)) return { ...q, intent: 'document', about: 'cited', cited: `${cited[1]}|${cited[2]}` };
  // The plan's targets may be asked of an agency ("… của UBND các huyện là mấy phần trăm"); its signer of the
  // province ("có phải chủ tịch UBND tỉnh ký không").
  const partOk =
    (!named ||
      part === 'targets' ||
      part === 'recipients' ||
      // ("UBND cấp huyện phải xác định việc này là nhiệm vụ trọng tâm trong giai đoạn nào": the key work the plan names.)
      (part === 'focus' && / giai doan | nam nao | may nam | thoi gian /.test(joined)) ||
      (part === 'header' && has(joined, ['ky', 'ky ten', 'ky khong'])) ||
      // "Cuối kế hoạch, UBND tỉnh yêu cầu những ai …": the plan's issuer named in its closing words.
      (part === 'closing' && q.agencies.every((a) => a === 'ubnd-tinh')) ||
      // "căn cứ những quyết định nào của Thủ tướng": the documents' issuer named, not an agency's work.
      (part === 'basis' && has(joined, ['quyet dinh', 'nghi dinh', 'nghi quyet', 'thong tu', 'chi thi', 'luat', 'van ban']))) &&
    // "ai ban hành quy chế hoạt động của phần mềm …" asks about a task, not who issued the plan.
    // "văn bản quy phạm pháp luật … ban hành khi nào": "văn bản" in a task's own wording is that task's, not the plan.
    // ("4561 do chủ tịch ký hay phó chủ tịch ký": a question opening with the plan's number names the plan.)
    !(
      part === 'header' &&
      content >= 4 &&
      !has(joined, ['ke hoach']) &&
      !/^ (?:co )?(?:kh )?(?!(?:19|20)\d\d )\d{2,5}(?:\/\S+)? /.test(joined) &&
      !(has(joined, ['van ban']) && !inPlanWording(r, 'van ban'))
    ) &&
    // "kế hoạch triển khai NĐ 61 phải xây dựng khi nào": drafting a plan is a task of this one, not its header.
    !(
      part === 'header' &&
      / ke hoach (?:\S+ ){0,6}?(?:xay dung|soan thao|du thao|soan) |(?:^| viec| ai| de| phai) (?:xay dung|soan thao|du thao|lap|lam|len|soan) (?:\S+ )?ke hoach /.test(
        joined,
      )
    );
  // "DVC toàn trình đạt 80% thì ai chủ trì?": a percentage inside a task's words, asked for one of its fields, is
  // that task, not the plan's targets.
  // ("ai áp dụng cho chỉ tiêu 50%", "who is bound by the 50 percent target": whom the target binds, asked.)
  // ("chỉ tiêu 20% giải quyết tại chỗ là của cơ quan nào", "ai phải phấn đấu giải quyết tại chỗ 50% TTHC": a target
  // by its figure and name, whom it binds asked.)
  // ("Tỷ lệ 20% TTHC giải quyết tại chỗ thì ai chủ trì": the role named, the work's lead.)
  const targetNamed = / \d+ phan tram /.test(joined) && / tai cho /.test(joined) && !has(joined, ['chu tri', 'phoi hop']);
  const taskField = part === 'targets' && focus !== 'all' && content >= 3 && !/ ap dung (?:cho|voi|doi voi) /.test(joined) && !targetNamed;
  if (!partOk || taskField || (part === 'targets' && has(joined, c.progressWords))) return undefined;
  // "Kế hoạch có gửi Bưu điện tỉnh không": a body the directory does not know, looked for among the recipients.
  const sentTo =
    part === 'recipients' && !named && q.yesNo ? restJoined.match(/ gui (?:cho |toi |den )?(\S+(?: \S+){0,5}?)(?: khong| chua| ko)? $/)?.[1] : undefined;
  // "Kế hoạch ban hành ngày nào, căn cứ những văn bản nào": both parts, in the order asked.
  const firstAt = (cues: readonly string[]) => Math.min(...cues.map((x) => joined.indexOf(` ${x} `)).filter((i) => i >= 0));
  const asked = document.filter(([p, cues]) => has(joined, cues) && (p === 'header' || p === 'basis' || p === 'purpose' || p === 'recipients'));
  const [one, two] = asked.length >= 2 && !named ? [...asked].sort((a, b) => firstAt(a[1]) - firstAt(b[1])).map(([p]) => p) : [part];
  return { ...q, intent: 'document', about: one ?? part, ...(two && two !== one ? { alsoAbout: two } : {}), ...(sentTo ? { unresolved: sentTo } : {}) };
};

/** "kế hoạch có tổng cộng bao nhiêu nhiệm vụ", "Mục II gồm bao nhiêu": the plan's own numbers. */
const planCount: Rule = ({ count, named, unProvinced, period, unplanned, q }, { c, countWords, filler }) => {
  const listCue =
    [c.overdue, c.upcoming, c.progress, c.recurringAny].some((cues) => has(unProvinced, cues)) || period !== undefined || doneCount(unProvinced, count);
  // "bao nhiêu việc có hạn cụ thể": the plan's work with a deadline of its own, counted.
  if (count && !named && q.dated && !period) return { ...q, intent: 'count' };
  if (!count || named || listCue) return undefined;
  const left = removePhrases(unplanned, countWords).filter((w) => !/^(iv|i{1,3}|\d+)$/.test(w) && !filler.has(w));
  return q.section || left.length === 0 ? { ...q, intent: 'count' } : undefined;
};

/** "Bao nhiêu nhiệm vụ đã hoàn thành", "mấy việc xong rồi": a count of what is done is progress, not the plan's size. */
// Not what must be done ("quý I có bao nhiêu việc phải hoàn thành" is a period's count).
const doneCount = (joined: string, count: boolean) =>
  count &&
  / (?:hoan thanh|xong)(?: roi| chua)? $| (?:da|duoc) (?:hoan thanh|xong) /.test(joined) &&
  // ("… đã quá hạn mà chưa xong": the late ones, not a count of what is done.)
  !/ (?:phai|can|se|nen|qua han ma chua|tre han ma chua|tre ma chua) (?:hoan thanh|xong) /.test(joined);

/** Words after "huyện" that begin no place's name: the asker's own ("huyện mình"), levels, what is asked. */
const PLACE_NOT = new Set([
  'minh',
  'bon',
  'chung',
  'em',
  'toi',
  'tui',
  'nha',
  'ben',
  'cap',
  'tinh',
  'xa',
  'thanh',
  'thi',
  'cac',
  'nay',
  'do',
  'ay',
  'kia',
  'lam',
  'can',
  'duoc',
  'giao',
  'moi',
  'nhung',
  'tham',
  'chu',
  'phoi',
  'hop',
  'ban',
]);
/** Words that end an agency's name typed in a question ("Ban Dân tộc tỉnh | có được giao …"). */
const NAME_STOP = new Set([
  'co',
  'duoc',
  'dc',
  'phai',
  'la',
  'nao',
  'gi',
  'j',
  'khong',
  'ko',
  'k',
  'trong',
  'chu',
  'phoi',
  'viec',
  'nhiem',
  'nv',
  'ke',
  'kh',
  'thi',
  'can',
  'se',
  'da',
  'dang',
  'bi',
]);

/** "sở nv có bị trễ việc gì không": an agency's name the directory does not know is said so, never dropped. */
const unknownAgency: Rule = (r, { c, notAgencyName }) => {
  const { text, joined, restJoined, named, q } = r;
  // "UBND huyện Cái Bè": a district the directory does not know, named with capitals after its level, is no district
  // of the province (each has its own entry), not every district's committee.
  if (named && q.agencies.length === 1 && q.agencies[0] === 'ubnd-cap-huyen') {
    const district = text.normalize('NFC').match(/(?:^|\s)([Hh]uyện|[Tt]hị xã)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})/u);
    if (district && has(joined, [...c.agencyWork, ...c.overdue, ...c.progress]))
      return { ...q, agencies: [], intent: 'unknown-agency', unresolved: `${fold(district[1]!)} ${fold(district[2]!)}` };
    // Typed without capitals ("ubnd huyen cai be co viec gi"): two syllables after the committee's level that are no
    // words of a question and no pair of the plan's.
    // (On the words as typed: "… UBND huyện. Nhờ hệ thống …" runs on into another sentence.)
    const plain = ` ${fold(clean(text)).toLowerCase()} `.match(/ (?:uy ban nhan dan|ubnd) huyen ([a-z]+) ([a-z]+)(?= |[?!.,]* $)/);
    const place = plain ? [plain[1]!, plain[2]!] : [];
    if (
      place.length === 2 &&
      place.every((w) => isSyllable(w) && !NAME_STOP.has(w) && !notAgencyName.has(w) && !PLACE_NOT.has(w)) &&
      !r.planUses(place) &&
      // "ubnd huyện mỏ cày": the first words of a district the directory knows (Mỏ Cày Bắc, Mỏ Cày Nam).
      !place.every(r.nameWord) &&
      has(joined, [...c.agencyWork, ...c.overdue, ...c.progress])
    )
      return { ...q, agencies: [], intent: 'unknown-agency', unresolved: `huyen ${place.join(' ')}` };
  }
  // "Cái Bè được giao những gì": a place named alone with capitals, which no body of the directory answers to.
  const bare = text.normalize('NFC').match(/^\s*(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2})\s+(?:được giao|phải làm|có nhiệm vụ|có việc|làm những|cần làm)/u);
  if (!named && bare && !r.planUses(canonicalTokens(bare[1]!))) return { ...q, agencies: [], intent: 'unknown-agency', unresolved: fold(bare[1]!) };
  if (named) return undefined;
  // The head met first in the question ("Ban Chuyển đổi số": "ban", not the "số" inside the name).
  const at = (h: string) => restJoined.indexOf(` ${h} `);
  const head = c.agencyHeads
    .filter((h) => at(h) >= 0)
    .sort((a, b) => at(a) - at(b))
    .at(0);
  const after = head ? restJoined.split(` ${head} `)[1]?.trim().split(' ')[0] : undefined;
  // "một cửa cấp tỉnh, cấp huyện tới giờ …": a level ("cấp huyện") is no name's head.
  if (!head || !after || restJoined.includes(` cap ${head} ${after} `)) return undefined;
  // "phóng sự … về chống rác thải nhựa": without marks "phong" is also "phóng"; a head and its next word the plan
  // itself says in a row are its words, no body's name.
  // (Three words in a row where there are: "sở dữ" of "cơ sở dữ liệu" makes no "Sở Du lịch" the plan's.)
  const next = restJoined.split(` ${head} `)[1]?.trim().split(' ')[1];
  if (r.planUses([...head.split(' '), after, ...(next ? [next] : [])])) return undefined;
  // Without diacritics "so" is sở, sơ and số: "so lieu", "so bo", "so voi" are words, not names. What follows a
  // head is taken for a name only when it is no Vietnamese word ("sở nv", "so gtvt"), or when the head was typed
  // as an agency's ("Sở Ngoại giao", "Ban Dân tộc").
  // A district or a city is named with capitals ("huyện Ba Tri"): "cấp tỉnh, huyện tới giờ" names none.
  const capitalised = head === 'huyen' || head === 'thanh pho' ? '\\p{Lu}' : '';
  const typedHead = new RegExp(`(^|\\s)(${HEAD_FORMS[head] ?? head})\\s${capitalised}`, 'u').test(` ${text.normalize('NFC')} `);
  // Or when the question begins with it and asks what it must do ("cuc hai quan phai lam gi").
  const leading = restJoined.startsWith(` ${head} `) && has(joined, c.agencyWork);
  const nameLike = /^[a-z&][a-z0-9&]{0,5}$/.test(after) && !notAgencyName.has(after) && (!isSyllable(after) || typedHead || leading);
  if (nameLike && (has(joined, c.agencyWork) || has(joined, c.overdue) || has(joined, c.progress))) {
    // The whole name as far as it goes ("Ban Dân tộc tỉnh", "Chi cục Kiểm lâm"), not its first word only.
    const name = [after];
    for (const w of restJoined.split(` ${head} `)[1]!.trim().split(' ').slice(1, 4)) {
      if (NAME_STOP.has(w) || notAgencyName.has(w) || /^\d/.test(w)) break;
      name.push(w);
    }
    return { ...q, intent: 'unknown-agency', unresolved: `${head} ${name.join(' ')}` };
  }
  return undefined;
};

/** "nêu những nhóm việc gì", "có mấy ý lớn": what a part of the plan's body holds, asked item by item. */
const ITEMS_ASKED =
  / (?:nhung gi|gom gi|co gi|neu gi|noi gi|nhom viec|y lon|noi dung lon|(?:nhung|may|cac) (?:nhom|y|mang|muc|noi dung|viec) (?:gi|nao|lon|chinh)) /;
/** What a part asked by its number is asked: what it is, says or holds ("là phần gì", "nói về cái gì", "chia mấy ý"). */
const PART_ASKED =
  / (?:la (?:phan )?gi|la phan nao|noi (?:ve )?(?:gi|cai gi)|ve (?:cai )?gi|gom (?:nhung )?(?:gi|y nao)|co nhung gi|de cap (?:den )?(?:gi|nhung gi)|(?:chia (?:ra |lam )?)?(?:bao nhieu|may) y|ten (?:la )?gi|ten la|ten goi) /;
/** The words of such a question besides the part's number: the asking words, the plan named. */
const PART_WORDS =
  /^(?:phan|muc|cua|trong|ke|hoach|kh|van|ban|la|gi|nao|noi|ve|cai|gom|nhung|co|de|cap|den|chia|ra|lam|bao|nhieu|may|y|noi|dung|thuc|hien|ten|goi|thu|\d{1,5})$/;
/** The words of such a question besides the part's name: nothing of a task's. */
const CONTENTS_WORDS = /^(?:noi|dung|thuc|hien|phan|muc|ii|gom|viec|nhom|co|cac|bao|nhieu|may|nhung|gi|nao|y|lon|chinh|neu|mang|ke|hoach|kh)$/;

/** "soạn (thảo)", "dự thảo", "lên/làm (cái)" a plan, as the plans say it: "xây dựng". */
function draftingSaidAsPlans(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (
      (w === 'soan' || w === 'du') &&
      words[i + 1] === 'thao' &&
      (/^(?:cai |tinh |ban )?ke hoach/.test(words.slice(i + 2, i + 5).join(' ')) || i >= words.length - 3)
    ) {
      out.push('xay', 'dung');
      i++;
    } else if (
      (w === 'soan' || w === 'len' || w === 'lam') &&
      (/^(?:cai |tinh |ban )?ke hoach/.test(words.slice(i + 1, i + 4).join(' ')) || (w === 'soan' && i >= words.length - 2))
    )
      out.push('xay', 'dung');
    else out.push(w);
  }
  return out;
}

/** "… là việc gì", "… gồm những gì", "… cụ thể là làm gì": what a piece of work is, asked of it (not its rhythm). */
const WHAT_IT_IS =
  / la (?:viec|cai|nhiem vu) gi | la gi | (?:bao )?gom (?:nhung )?(?:gi|viec gi|noi dung gi) | cu the (?:la )?(?:lam )?gi | noi dung (?:la )?gi | (?:yeu cau|lam) (?:nhung )?gi /;

/** A task's field, the lists (late, progress, coming due, a period's, recurring) and an agency's work. */
const fieldOrList: Rule = (r, { c, recurring, filler }) => {
  const { joined, restJoined, unProvinced, content, named, focus, period, role, q } = r;
  // "làm kế hoạch thực hiện nghị định 61 hạn chót bao giờ": drafting a plan — the plan's own title words — is a task of
  // it, its field asked.
  // ("Cái kế hoạch tỉnh thực hiện NĐ 61 hồi đầu do ai chịu trách nhiệm soạn": the drafting said after the plan; the
  // plans' own verb for it is "xây dựng".)
  if (focus !== 'all' && focus !== 'status' && !named && !period && DRAFTING_PLAN.test(restJoined)) return { ...q, intent: 'task' };
  // A part of the appendix named ("phần tuyên truyền", "mục II", "mảng xã hội số"): "phần mềm" is software, "mạng" a
  // network, "mức chi", "mục tiêu", "danh mục" other words — the head typed as such, or first without marks.
  // (Asked only of a question about progress: most questions never need it.)
  const partHead = () =>
    /(?:^|\s)(?:phần(?!\s+mềm)|mảng|lĩnh vực|(?<!(?:danh|chuyên)\s)mục(?!\s+(?:chi|tiêu|đích|lượng|phí|phạt)(?:\s|$)))\s/iu.test(r.text.normalize('NFC')) ||
    /^(?: (?:trong|o|thuoc|rieng|ve))? (?:phan|mang|linh vuc) (?!mem )| (?<!danh |chuyen )muc (?!chi |tieu |do |dich |luong |phi |phat )/.test(joined);
  // "những việc làm liên tục, không có hạn chót": the recurring list, though it says "hạn chót".
  // "kế hoạch nông thôn mới năm nay": "mới năm" folds to "mỗi năm" — typed with other marks, or a run of the plan's
  // own words, it is no rhythm.
  // (Only cues kept with their marks fold onto other words: "hằng năm" inside the plan's "định kỳ hằng năm" is one.)
  const said = (cue: string) => joined.includes(` ${cue} `) && !markedAway(r.text, cue) && !(language().markedCues.has(cue) && inPlanWording(r, cue));
  const saidRhythms = [...new Set(recurring.filter(([cues]) => cues.some(said)).map(([, unit]) => unit))];
  // "thường xuyên hoặc lặp lại định kỳ": ongoing work and every periodic rhythm, not the ongoing alone.
  // "những việc không có hạn cụ thể, chỉ ghi hằng năm hay thường xuyên": all work without a deadline of its own, the
  // rhythms named only as examples of it.
  const noFixed = / (?:khong|chua|ko|k) (?:co |ghi )?(?:thoi )?(?:han|deadline|ngay het han) /.test(joined);
  const rhythms = noFixed || (saidRhythms.length === 1 && saidRhythms[0] === 'continuous' && has(joined, c.recurringAny)) ? [] : saidRhythms;
  const recurrence = rhythms[0];
  const recurringList = { ...q, intent: 'recurring' as const, ...(recurrence ? { recurrence } : {}), ...(rhythms.length > 1 ? { recurrences: rhythms } : {}) };
  // "có việc nào làm hằng quý không": the list, asked yes or no; "việc X có phải làm hằng năm không": X's rhythm.
  // The rhythm's own words ("định kỳ hằng quý") are no task's content.
  const rhythmWords = new Set([...recurring.flatMap(([cues]) => cues), ...c.recurringAny].filter((x) => has(joined, [x])).flatMap((x) => x.split(' ')));
  const beyond = r.unplanned.filter((w) => !filler.has(w) && !rhythmWords.has(w)).length;
  if ((recurrence || has(joined, c.recurringAny)) && beyond <= 3 && (!q.yesNo || beyond <= 1)) return recurringList;
  // "tới hôm nay những việc nào chưa quá hạn": the open tasks still within their deadline, not the overdue list.
  // "… tới đâu rồi, bn việc trễ, bn việc còn hạn": the plan's progress, of which the open ones are a part.
  if (q.notYet && content <= 1 && !q.taskId && !q.section && !has(joined, c.progress)) return { ...q, intent: 'upcoming' };
  // "Khi nào hết hạn việc cải tạo trụ sở…": a question about one task's field comes before list words in it.
  // "Sở Tài chính có chủ trì vụ phụ cấp cho người làm một cửa không?": a role asked yes or no of a task named.
  // "xã em được giao việc phát loa …, việc này ai chủ trì", "huyện em phải làm …, vậy hạn tới bao giờ": the work named
  // first is the task the field asked after it is about.
  const lastAt = (cues: readonly string[]) => Math.max(-1, ...cues.map((x) => restJoined.lastIndexOf(` ${x} `)));
  const workEnd = Math.max(-1, ...c.agencyWork.map((x) => (restJoined.includes(` ${x} `) ? restJoined.lastIndexOf(` ${x} `) + x.length + 1 : -1)));
  const fieldCues = focus === 'lead' ? c.lead : focus === 'coordinate' ? c.coordinate : focus === 'deadline' ? c.deadline : undefined;
  const tail = workEnd >= 0 ? restJoined.slice(workEnd - 1) : '';
  const fieldAfterWork =
    fieldCues !== undefined &&
    content >= 3 &&
    workEnd >= 0 &&
    lastAt(fieldCues) >= workEnd &&
    / (?:ai|khi nao|bao gio|luc nao|ngay nao|han) /.test(tail) &&
    !/ nhung (?:cai|viec|nhiem vu|gi) /.test(tail);
  // "tiền xây khoa … BV Nguyễn Đình Chiểu thì sở nào chịu trách nhiệm bố trí": the work's doer is asked ("sở nào",
  // "ai"), the agency named is part of what the task is about.
  // ("Sơ kết, báo cáo kết quả … về UBND tỉnh là việc của ai": whose work it is, asked at the end.)
  const askedDoer =
    asksDoer(restJoined, c.agencyWork, ['se', 'thi', 'phai', 'duoc', 'chiu', 'co', 'dung ra']) ||
    / (?:viec|phan|phan viec|trach nhiem|nhiem vu) cua (?:ai|(?:co quan|don vi|so|ben|nganh) nao)(?: (?:vay|a|ha|nhi|the))? $/.test(restJoined);
  // "… bao lâu phải làm một lần": how often the work comes round, not what an agency must do.
  const agencyWork =
    named && has(restJoined.replace(/ (?:phai |can )?lam (?:mot|1|may) lan /g, ' '), c.agencyWork) && !fieldAfterWork && !(askedDoer && content >= 3);
  const roleOfTask = q.yesNo && role && content >= 2 && !q.section && !agencyWork;
  // "Sở Nội vụ có phải chịu trách nhiệm bố trí trụ sở, trang thiết bị cho trung tâm … không": whether the body holds
  // one task named after the cue, asked yes or no — that task's lead, not the body's whole work.
  // ("… có trách nhiệm gì trong việc thực hiện kế hoạch một cửa, một cửa liên thông không": the plan named is no task.)
  const described =
    workEnd >= 0
      ? withoutPlanRef(restJoined.slice(workEnd).trim().split(' '), r.planName).filter((w) => w && !filler.has(w) && !/^(?:khong|ko|k|chua|a|vay|nhi)$/.test(w))
          .length
      : 0;
  if (q.yesNo && named && !q.section && described >= 4 && has(restJoined, ['trach nhiem', 'phu trach', 'dam nhan', 'dam nhiem']))
    return { ...q, intent: 'task', focus: 'lead', role: 'lead' };
  // "việc gia cố đê biển ở Bình Đại, Ba Tri tới giờ trễ hạn chưa": one task's state, the districts where it is done.
  const stateOfTask = q.focus === 'status' && named && content >= 2 && !agencyWork;
  // "Sở TC làm mức chi thì có ai phối hợp": the work, then "thì" and the field asked — a word of work will do.
  const fieldAfterThi = content >= 1 && / thi (?:co )?(?:ai|khi nao|bao gio|han) /.test(restJoined);
  // "Phần chính quyền số tới giờ làm được tới đâu rồi", "mảng quản lý chất thải tiến độ tới đâu": a part of the appendix
  // named, its progress (the engine finds which part).
  if (q.focus === 'status' && !named && !q.taskId && has(joined, c.progress) && partHead()) return { ...q, intent: 'progress' };
  // "Phần III (ứng dụng CNTT) có nhiệm vụ nào đang bị trễ hạn không": a section named with its title's words, its late
  // work asked — the list, not one task.
  if (q.section && !q.taskId && !named && has(unProvinced, c.overdue) && / (?:viec|nhiem vu|nv|cong viec|dau viec) nao /.test(joined))
    return { ...q, intent: 'overdue' };
  if (q.focus !== 'all' && (roleOfTask || stateOfTask || ((content >= 3 || fieldAfterThi) && !agencyWork))) return { ...q, intent: 'task' };
  if (has(joined, c.lateProgress)) return { ...q, intent: 'overdue' };
  // "Ai lo việc theo dõi tiến độ chung": who does the monitoring, a task or an assignment of the body.
  if (focus === 'lead' && content >= 1 && / theo doi | don doc /.test(restJoined)) return { ...q, intent: 'task' };
  // "rà soát tiến độ: những nhiệm vụ đã quá hạn là những việc nào": the overdue list asked, the progress its reason.
  if (
    has(joined, c.progress) &&
    has(
      unProvinced,
      c.overdue.filter((x) => x !== 'het han'),
    ) &&
    / (?:viec|nhiem vu) nao /.test(joined)
  )
    return { ...q, intent: 'overdue' };
  // "tiến độ kết nối cổng dịch vụ công quốc gia": the progress of one piece of work described at length — that task's
  // state, not the plan's.
  // (Two runs of a task's wording at least, not the plan's title: "số liệu tiến độ chung" names no work.)
  const listAsked = / (?:nhung|cac) (?:viec|nhiem vu|cong viec|nv) | nao | bao nhieu | may /.test(joined);
  const runsOfWork = () => {
    const kept = r.unplanned.filter((w) => !filler.has(w));
    return kept.slice(1).filter((w, i) => !(r.planName?.has(w) && r.planName.has(kept[i]!)) && r.planUses([kept[i]!, w])).length;
  };
  // ("tiến độ phần ứng phó biến đổi khí hậu": a part of the appendix named, its progress.)
  if (
    has(joined, c.progress) &&
    content >= 3 &&
    !named &&
    !period &&
    !q.section &&
    !listAsked &&
    !has(unProvinced, c.overdue) &&
    !partHead() &&
    runsOfWork() >= 2
  )
    return { ...q, intent: 'task', focus: 'status' };
  if (has(joined, c.progress) || (doneCount(joined, r.count) && content <= 2)) return { ...q, intent: 'progress' };
  // "sắp hết hạn" before "hết hạn": coming due is not overdue.
  if (has(joined, c.upcoming)) return { ...q, intent: 'upcoming' };
  // "quý 1/2025 có việc nào hết hạn không": with a period named, "hết hạn" is when work falls due, not lateness.
  const expiryOnly =
    has(joined, ['het han']) &&
    !has(
      unProvinced,
      c.overdue.filter((x) => x !== 'het han'),
    );
  if (period && expiryOnly) return { ...q, intent: 'period' };
  if (has(unProvinced, c.overdue)) return { ...q, intent: 'overdue' };
  if (recurrence || has(joined, c.recurringAny)) {
    // "việc rà soát thủ tục liên thông có hạn không hay làm hằng năm", "việc rà soát danh mục … hằng năm là việc gì":
    // one piece of work described at length, its rhythm or itself asked — not the list of such work.
    const listed = / nao | (?:nhung|cac) (?:viec|nhiem vu|cong viec|nv|hang muc|hoat dong|noi dung|phan viec) | co (?:nhung )?gi /.test(joined);
    if (beyond >= 4 && !listed && (!named || q.agencyFuzzy)) {
      // "… là làm mỗi năm 1 lần hả", "… làm hằng năm phải không": one rhythm named and asked back, yes or no.
      const askedBack = rhythms.length === 1 && (q.yesNo || / (?:ha|a|ak|ah|nhi|phai khong|dung khong|phai ko|dung ko) $/.test(` ${r.words.join(' ')} `));
      return {
        ...q,
        intent: 'task',
        ...(q.focus === 'all' && !WHAT_IT_IS.test(` ${r.words.join(' ')} `) ? { focus: 'deadline' as const } : {}),
        ...(askedBack && recurrence ? { recurrence, yesNo: true } : {}),
      };
    }
    return recurringList;
  }
  // "Ai chủ trì <task>?", "Khi nào xong <task>?": a task question when task words remain beyond the agency.
  if (focus !== 'all' && content >= 2 && !agencyWork) return { ...q, intent: 'task' };
  // "Việc ban hành quy trình nội bộ có phải xong trong năm 2019 không": whether one task falls due in the period.
  if (period && q.yesNo && content >= 3 && !named && / (?:xong|hoan thanh) /.test(restJoined)) return { ...q, intent: 'task', focus: 'deadline' };
  if (period && !(content >= 3 && !has(restJoined, c.agencyWork))) return { ...q, intent: 'period' };
  if (named && (content <= 1 || has(restJoined, c.agencyWork))) return { ...q, intent: 'agency' };
  return undefined;
};

/**
 * "Cơ quan nào chủ trì nhiều việc nhất", "mục nào ít nhiệm vụ nhất", "which agency leads the most tasks": agencies
 * (by the tasks they lead, or coordinate when asked) or sections, ranked by how many tasks they hold.
 */
const ranking: Rule = ({ joined, named, q }) => {
  if (q.onlyRole && !named && !q.taskId) return { ...q, intent: 'count' };
  if ((q.compare || q.sumSections || q.exceptSection) && !q.taskId) return { ...q, intent: 'count' };
  // Periods are ranked by what falls due in them: "nhiều việc đến hạn nhất" holds more words between.
  const span = / (?:quy|thang|nam) nao /.test(joined) ? 4 : 2;
  const most = new RegExp(` nhieu (?:\\S+ ){0,${span}}?nhat `).test(joined);
  // ("phấn đấu ít nhất 20% số thủ tục": at least a figure, no ranking.)
  const least = new RegExp(` it (?:\\S+ ){0,${span}}?nhat (?!(?:la |khoang |tu )?\\d)`).test(joined);
  if ((!most && !least) || named || q.taskId) return undefined;
  // "quý nào dồn nhiều việc đến hạn nhất", "tháng nào ít việc phải xong nhất": periods, by the tasks falling due in them.
  const over = / (?:muc|phan) nao /.test(joined)
    ? 'section'
    : / quy nao /.test(joined)
      ? 'quarter'
      : / thang nao /.test(joined)
        ? 'month'
        : / nam nao /.test(joined)
          ? 'year'
          : / (?:co quan|so|don vi|ben|nganh|cap) nao | ai /.test(joined)
            ? 'agency'
            : undefined;
  if (!over) return undefined;
  return { ...q, intent: 'count', superlative: { over, most } };
};

/** The rules, in the order they are tried: the first that speaks decides. */
const RULES: readonly Rule[] = [byPlace, chatOrId, ranking, aboutDocument, planCount, unknownAgency, fieldOrList];

/** No rule spoke: the learned classifier may, where it is sure (see classifier.ts); else these guesses. */
function guess({ taskWords, named, q }: Reading): Question {
  if (taskWords.length >= 1) return { ...q, intent: 'task', guessed: true };
  if (named) return { ...q, intent: 'agency', guessed: true };
  return { ...q, guessed: true };
}
