/**
 * Question understanding: canonical words → { intent, slots }. Ordered rules with multi-word cues (never single
 * syllables that folding makes ambiguous: "qua han", not "qua"; "tre han", not "tre" — Bến Tre).
 */
import type { AgencyMatch, Directory } from '../plan/agencies.ts';
import { type Span, formatDate, monthSpan, parseSpan, periodContaining, quarterSpan, addDays, yearSpan, type Unit } from '../plan/deadline.ts';
import { canonicalTokens } from '../text/canonical.ts';
import { clean, fold } from '../text/fold.ts';

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
  | 'unknown';

/** The parts of the plan's own document a question may ask about. */
export type DocumentPart = 'header' | 'basis' | 'purpose' | 'parts' | 'recipients' | 'cited' | 'targets';

const DOCUMENT: [DocumentPart, string[]][] = [
  ['recipients', ['noi nhan', 'gui cho ai', 'gui den ai', 'gui ai', 'gui nhung ai', 'gui den nhung', 'ai nhan ke hoach', 'gui cho nhung']],
  ['basis', ['can cu', 'dua tren van ban', 'dua vao van ban', 'co so phap ly', 'dua tren nhung', 'dua vao nhung', 'can cu vao']],
  ['purpose', ['muc dich', 'yeu cau cua ke hoach', 'muc dich yeu cau', 'nham muc dich', 'de lam gi']],
  [
    'parts',
    [
      'gom nhung phan',
      'gom may phan',
      'co may phan',
      'bo cuc',
      'noi dung chinh',
      'gom nhung noi dung',
      'noi dung thuc hien gom',
      'cac phan cua',
      'nhung phan nao',
      'noi dung cua ke hoach',
    ],
  ],
  ['targets', ['phan tram', 'chi tieu', 'muc tieu', 'phan dau']],
  [
    'header',
    [
      'ai ky',
      'nguoi ky',
      'ky ten',
      'ky ban hanh',
      'so hieu',
      'ke hoach so may',
      'so may',
      'ngay ban hanh',
      'ban hanh ngay',
      'ban hanh khi nao',
      'ten ke hoach',
      'trich yeu',
      'ke hoach nay la gi',
      'ke hoach gi',
      'co quan ban hanh',
      'ai ban hanh',
    ],
  ],
];
/** "Nghị định 61", "QĐ 985": a document named by its kind and number. */
const CITED = / (nghi dinh|quyet dinh|thong tu|nd|qd|tt) (?:so )?(\d{1,4}) /;
/** Words that make "phần trăm" a question about progress, not the plan's targets. */
const PROGRESS_WORDS = ['tien do', 'da xong', 'da hoan thanh', 'hoan thanh duoc', 'hoan thanh bao nhieu', 'thuc hien duoc'];

/** "Việc nào đang chờ Thông tư": tasks whose start waits on another document or guidance. */
const WAITING = [
  'cho thong tu',
  'cho van ban',
  'cho huong dan',
  'dang cho',
  'phu thuoc vao',
  'khi co thong tu',
  'khi co huong dan',
  'cho bo',
  'cho trung uong',
  'vuong thong tu',
];

/** Which field of a task the question asks about. */
export type Focus = 'lead' | 'coordinate' | 'deadline' | 'all';

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
  /** A task id typed as such: "II.3", "III.6b". */
  taskId?: string;
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
  /** A document the plan cites, named in the question ("Nghị định 61" → "nghi dinh|61"). */
  cited?: string;
}

const has = (joined: string, cues: readonly string[]) => cues.some((c) => joined.includes(` ${c} `));

const HELP = [
  'help',
  'start',
  'tro giup',
  'huong dan',
  'menu',
  'ban lam duoc gi',
  'ban co the lam gi',
  'hoi duoc gi',
  'hoi gi duoc',
  'cach dung',
  'cach hoi',
  'giup',
  'giup do',
  'giup toi',
];
const GREETING = ['xin chao', 'chao ban', 'chao', 'hello', 'hi', 'alo', 'chao buoi sang', 'chao anh', 'chao chi', 'chao em'];
const THANKS = ['cam on', 'thank', 'thanks', 'thank you', 'cam on nhieu', 'cam on ban'];
const PROGRESS = [
  'tien do',
  'ti le hoan thanh',
  'ty le hoan thanh',
  'bao nhieu phan tram',
  'da xong bao nhieu',
  'hoan thanh bao nhieu',
  'tinh hinh thuc hien',
  'ket qua thuc hien',
  'tien trinh',
];
const OVERDUE = [
  'qua han',
  'tre han',
  'bi tre',
  'da tre',
  'cham tien do',
  'tre tien do',
  'het han',
  'bi cham',
  'cham tre',
  'tre hen',
  'no dong',
  'chua xong',
  'chua hoan thanh',
  'nao tre',
  'tre khong',
  'con tre',
  'dang tre',
];
/** Overdue cues that contain a progress word ("tiến độ"): checked before progress. */
const LATE_PROGRESS = ['cham tien do', 'tre tien do'];
const UPCOMING = [
  'sap den han',
  'sap toi han',
  'sap het han',
  'sap dao han',
  'gan den han',
  'gan het han',
  'sap phai xong',
  'sap phai nop',
  'sap toi',
  'sap den',
];
const LEAD = [
  'ai chu tri',
  'do ai',
  'ai phu trach',
  'ai lam',
  'ai thuc hien',
  'ai tham muu',
  'ai dam nhiem',
  'ai dam nhan',
  'co quan nao',
  'don vi nao',
  'so nao',
  'chu tri la ai',
  'ai phai lam',
  'giao cho ai',
  'ai la chu tri',
  'cua ai',
  'ai chiu trach nhiem',
];
const COORD = ['phoi hop', 'ho tro', 'cung voi ai'];
const DEADLINE = [
  'khi nao',
  'bao gio',
  'bao lau',
  'bao nhieu lau',
  'con bao lau',
  'luc nao',
  'ngay nao',
  'han chot',
  'thoi han',
  'han cuoi',
  'deadline',
  'thoi gian hoan thanh',
  'den han chua',
  'mat bao lau',
  'han la',
  'han den',
  'han hoan thanh',
  'thang nao',
  'quy nao',
  'nam nao',
  'han cua',
  'han nop',
  'han bao cao',
  'het han khi nao',
  'cham nhat',
];
const COUNT = [
  'bao nhieu viec',
  'bao nhieu nhiem vu',
  'may viec',
  'may nhiem vu',
  'tong cong',
  'tong so',
  'bao nhieu dau viec',
  'gom bao nhieu',
  'co bao nhieu',
  'bao nhieu',
];
/** Words of a question about the plan's numbers, besides the count cues ("kế hoạch có tổng cộng bao nhiêu"). */
const COUNT_WORDS = [...COUNT, 'ke hoach', 'phu luc', 'muc', 'co', 'gom', 'tat ca', 'tong', 'dau viec', 'tat ca co']
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);
/** "bao nhiêu" that asks something else than a number of tasks. */
const NOT_COUNT = ['bao nhieu lau', 'bao nhieu phan tram', 'bao nhieu ngay', 'bao nhieu thang'];
/** Words that begin an agency's name: one followed by words the directory does not know is an unresolved agency. */
const AGENCY_HEADS = ['so', 'ubnd', 'phong', 'chi cuc', 'cuc', 'ban', 'trung tam', 'huyen', 'thanh pho'];
const AGENCY_WORK = [
  'lam gi',
  'nhiem vu gi',
  'viec gi',
  'nhung viec',
  'nhung nhiem vu',
  'cac nhiem vu',
  'nhiem vu cua',
  'viec cua',
  'cong viec cua',
  'phu trach gi',
  'chu tri gi',
  'phoi hop gi',
  'duoc giao',
  'phai thuc hien',
  'trach nhiem',
  'nhiem vu nao',
  'viec nao',
  'co gi',
  'nhung gi',
  'can lam',
  'phai lam',
  'con no',
];
const RECURRING: [string[], Unit | 'continuous'][] = [
  [['thuong xuyen', 'lien tuc'], 'continuous'],
  [['hang nam', 'moi nam', 'tung nam'], 'year'],
  [['hang quy', 'moi quy', 'tung quy'], 'quarter'],
  [['hang thang', 'moi thang'], 'month'],
  [['6 thang mot lan', 'nua nam'], 'half'],
];
const RECURRING_ANY = ['dinh ky', 'lap lai'];

const CHATTER = [...HELP, ...GREETING, ...THANKS, 'nhieu', 'nhe', 'a', 'ban', 'voi'].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

/** Question phrases removed before task search, longest first (phrases, never lone syllables like "cua"). */
const STOP_PHRASES = [
  ...LEAD,
  ...COORD,
  ...DEADLINE,
  ...AGENCY_WORK,
  ...OVERDUE,
  ...UPCOMING,
  'phai xong',
  'phai hoan thanh',
  'xong',
  'hoan thanh',
  'chu tri',
  'phu trach',
  'tham muu',
  'cho toi biet',
  'cho toi hoi',
  'cho hoi',
  'xin hoi',
  'vui long',
  'lam on',
  'giup toi',
  'toi muon biet',
  'muon hoi',
  'hom nay',
  'hien nay',
  'bay gio',
  'hien tai',
  'the nao',
  'ra sao',
  'nhu the nao',
  'the',
  'nhiem vu',
  'cong viec',
  'viec',
  'ai',
  'gi',
  'nao',
  'la',
  'thi',
  'a',
  'nhe',
  'vay',
  'ha',
  'khong',
  'chua',
  'roi',
  // Single syllables only where folding makes no content word of them: not "chi" (mức chi, chi nhánh), "ban"
  // (ban hành), "co" (cơ sở, cơ quan) or "cua" (một cửa).
  'phai',
  'can',
  'se',
  'da',
  'dang',
  'duoc',
  'nhung',
  'do',
  'ma',
  'oi',
  'em',
  'minh',
  'co khong',
  'co phai',
  'khong co',
  'ban oi',
]
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

function removePhrases(words: string[], phrases: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const p = phrases.find((ph) => ph.every((w, k) => words[i + k] === w));
    if (p) i += p.length;
    else out.push(words[i++]!);
  }
  return out;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** 0 for Monday … 6 for Sunday. */
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** A period named in the question: absolute ("quý IV/2018", "năm 2019") or relative to today ("tháng này"). */
export function findPeriod(joined: string, today: string): { span: Span & { label: string }; text: string } | undefined {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.ceil(m / 3);
  const rel: [RegExp, () => Span & { label: string }][] = [
    // Weeks run Monday to Sunday, as offices count them; "mấy tuần tới" is the next four weeks, not next week.
    [
      / (may|vai|cac|nhung) tuan (toi|sau|nua) /,
      () => ({ start: today, end: addDays(today, 27), label: `4 tuần tới (đến ${formatDate(addDays(today, 27))})` }),
    ],
    [
      / tuan (nay|hien tai) /,
      () => ({ start: today, end: addDays(today, 6 - weekday(today)), label: `tuần này (đến ${formatDate(addDays(today, 6 - weekday(today)))})` }),
    ],
    [
      / tuan (toi|sau) /,
      () => ({
        start: addDays(today, 7 - weekday(today)),
        end: addDays(today, 13 - weekday(today)),
        label: `tuần tới (${formatDate(addDays(today, 7 - weekday(today)))}–${formatDate(addDays(today, 13 - weekday(today)))})`,
      }),
    ],
    [/ thang (nay|hien tai) /, () => ({ ...monthSpan(m, y), label: `tháng ${m}/${y}` })],
    [
      / thang (toi|sau) /,
      () => ({ ...periodContaining('month', addDays(monthSpan(m, y).end, 1)), label: m === 12 ? `tháng 1/${y + 1}` : `tháng ${m + 1}/${y}` }),
    ],
    [/ quy (nay|hien tai) /, () => ({ ...quarterSpan(q, y), label: `Quý ${ROMAN[q]}/${y}` })],
    [
      / quy (toi|sau) /,
      () => (q === 4 ? { ...quarterSpan(1, y + 1), label: `Quý I/${y + 1}` } : { ...quarterSpan(q + 1, y), label: `Quý ${ROMAN[q + 1]}/${y}` }),
    ],
    [/ nam (nay|hien tai) /, () => ({ ...yearSpan(y), label: `năm ${y}` })],
    [/ nam (toi|sau) /, () => ({ ...yearSpan(y + 1), label: `năm ${y + 1}` })],
  ];
  for (const [re, f] of rel) {
    const mm = joined.match(re);
    if (mm) return { span: f(), text: mm[0].trim() };
  }
  // Absolute forms, tried on the question's own words.
  const patterns = [
    /(?:truoc |den )?ngay \d{1,2}\/\d{1,2}\/(?:19|20)\d\d/,
    /quy (?:i{1,3}|iv|[1-4])(?:-| den )(?:quy )?(?:i{1,3}|iv|[1-4])(?:\/| nam )(?:19|20)\d\d/,
    /quy (?:i{1,3}|iv|[1-4])(?:\/| nam | )(?:19|20)\d\d/,
    /thang \d{1,2}(?:\/| nam | )(?:19|20)\d\d/,
    /6 thang (?:dau|cuoi) nam (?:19|20)\d\d/,
    /(?:giai doan |tu nam )?(?:19|20)\d\d(?:-| den (?:nam )?)(?:19|20)\d\d/,
    /nam (?:19|20)\d\d/,
  ];
  for (const re of patterns) {
    const mm = joined.match(re);
    if (!mm) continue;
    const text = mm[0].replace(/ ((?:19|20)\d\d)$/, (s, yy: string) => (/^(quy|thang) \S+ (?:19|20)\d\d$/.test(mm[0]) ? `/${yy}` : s));
    const span = parseSpan(text);
    if (span) return { span: { ...span, label: labelOf(mm[0], span) }, text: mm[0] };
  }
  // A quarter or month without a year: this year.
  const bare = joined.match(/ (quy (i{1,3}|iv|[1-4])|thang (\d{1,2})) /);
  if (bare) {
    if (bare[2]) {
      const qq = ROMAN.indexOf(bare[2].toUpperCase()) > 0 ? ROMAN.indexOf(bare[2].toUpperCase()) : Number(bare[2]);
      return { span: { ...quarterSpan(qq, y), label: `Quý ${ROMAN[qq]}/${y}` }, text: bare[1]! };
    }
    const mo = Number(bare[3]);
    if (mo >= 1 && mo <= 12) return { span: { ...monthSpan(mo, y), label: `tháng ${mo}/${y}` }, text: bare[1]! };
  }
  return undefined;
}

function labelOf(text: string, span: Span): string {
  const q = text.match(/^quy (i{1,3}|iv|[1-4])\D+((?:19|20)\d\d)$/);
  if (q) {
    const n = ROMAN.indexOf(q[1]!.toUpperCase()) > 0 ? ROMAN.indexOf(q[1]!.toUpperCase()) : Number(q[1]);
    return `Quý ${ROMAN[n]}/${q[2]}`;
  }
  const mo = text.match(/^thang (\d{1,2})\D+((?:19|20)\d\d)$/);
  if (mo) return `tháng ${Number(mo[1])}/${mo[2]}`;
  const yr = text.match(/^nam ((?:19|20)\d\d)$/);
  if (yr) return `năm ${yr[1]}`;
  const half = text.match(/^6 thang (dau|cuoi) nam ((?:19|20)\d\d)$/);
  if (half) return `6 tháng ${half[1] === 'dau' ? 'đầu' : 'cuối'} năm ${half[2]}`;
  const qs = text.match(/quy (i{1,3}|iv|[1-4])(?:-| den )(?:quy )?(i{1,3}|iv|[1-4])\D+((?:19|20)\d\d)$/);
  if (qs) {
    const n = (x: string) => (ROMAN.indexOf(x.toUpperCase()) > 0 ? ROMAN.indexOf(x.toUpperCase()) : Number(x));
    return `Quý ${ROMAN[n(qs[1]!)]}–${ROMAN[n(qs[2]!)]}/${qs[3]}`;
  }
  const [sy, sm, sd] = span.start.split('-');
  const [ey, em, ed] = span.end.split('-');
  return span.start === span.end ? `${sd}/${sm}/${sy}` : `${sd}/${sm}/${sy}–${ed}/${em}/${ey}`;
}

/** Words after "sở", "ban"… that are not part of a name ("số liệu", "bản sao"): no unresolved agency there. */
const STOP_WORDS_AFTER_HEAD = new Set([
  'lieu',
  'sao',
  'hanh',
  'do',
  'nao',
  'gi',
  'co',
  'la',
  'thi',
  'phai',
  'cua',
  'va',
  'hoac',
  'cung',
  'bi',
  'da',
  'dang',
  'con',
  'van',
  'luong',
  'thu',
  'nhiem',
  'viec',
  'ho',
  'tien',
  'ngay',
  'dien',
]);

const TASK_ID = /(?:^|[^a-z0-9])((?:i{1,3}|iv|v|vi{0,3}|ix|x)\.\d{1,3}[a-z]?)(?![a-z0-9])/;

export function understand(text: string, today: string, dir: Directory): Question {
  const words = canonicalTokens(text);
  const base: Question = { intent: 'unknown', focus: 'all', agencies: [], agencyFuzzy: false, words: [] };
  if (words.length === 0) return { ...base, intent: 'empty' };
  // "Q3/2020", "q4 2018": quarters as people abbreviate them.
  let joined = ` ${words.join(' ')} `.replace(/ q([1-4])(\/| nam | )((?:19|20)\d\d) /g, ' quy $1/$3 ').replace(/ q([1-4]) /g, ' quy $1 ');

  const id = fold(clean(text)).match(TASK_ID)?.[1];
  const period = findPeriod(joined, today);
  if (period) joined = joined.replace(period.text, ' ');

  const matches: AgencyMatch[] = dir.find(joined.trim().split(' '));
  const agencies = [...new Set(matches.flatMap((m) => m.agencies))];
  const agencyFuzzy = matches.some((m) => m.fuzzy);
  const rest = joined
    .trim()
    .split(' ')
    .filter((_, i) => !matches.some((m) => i >= m.start && i < m.end));
  const taskWords = removePhrases(rest, STOP_PHRASES).filter((w) => w.length > 1 || /\d/.test(w));
  const restJoined = ` ${rest.join(' ')} `;

  const focus: Focus = has(restJoined, LEAD) ? 'lead' : has(restJoined, COORD) ? 'coordinate' : has(restJoined, DEADLINE) ? 'deadline' : 'all';
  const q: Question = {
    ...base,
    focus,
    agencies,
    agencyFuzzy,
    words: taskWords,
    ...(period ? { period: period.span } : {}),
    ...(id ? { taskId: id.toUpperCase().replace(/([A-Z])$/, (c) => c.toLowerCase()) } : {}),
  };
  const named = agencies.length > 0;
  const count = has(joined, COUNT) && !has(joined, NOT_COUNT);
  // "VP UBND và Sở TTTT cùng chủ trì": the tasks they share, not each one's list.
  if (agencies.length >= 2 && has(restJoined, ['cung', 'ca hai', 'chung', 'deu'])) q.together = true;
  if (count) q.count = true;
  const section = joined.match(/ muc (i{1,3}|iv|v|vi) /)?.[1];
  if (section) q.section = section.toUpperCase();
  const role = has(restJoined, ['chu tri', 'phu trach']) && named ? 'lead' : has(restJoined, ['phoi hop']) && named ? 'coordinate' : undefined;
  if (role) q.role = role;

  // Small talk: nothing left once greetings, thanks and help words are taken out.
  const small = !named && removePhrases(taskWords, CHATTER).length <= 1;
  if (small && has(joined, THANKS)) return { ...q, intent: 'thanks' };
  if (small && (has(joined, HELP) || has(joined, GREETING))) return { ...q, intent: 'help' };
  if (q.taskId) return { ...q, intent: 'task' };
  // The document itself: who signed it, what it is based on, its purpose, parts, recipients, targets.
  const cited = joined.match(CITED);
  if (
    cited &&
    !named &&
    (has(joined, ['la gi', 've gi', 'quy dinh gi', 'noi gi', 'noi dung gi', 'ban hanh ngay nao', 'ngay nao', 'cua ai']) || taskWords.length <= 2)
  )
    return { ...q, intent: 'document', about: 'cited', cited: `${cited[1]}|${cited[2]}` };
  if (has(joined, WAITING)) return { ...q, intent: 'waiting' };
  const part = DOCUMENT.find(([, cues]) => has(joined, cues))?.[0];
  if (part && !named && !(part === 'targets' && has(joined, PROGRESS_WORDS))) return { ...q, intent: 'document', about: part };
  // "kế hoạch có tổng cộng bao nhiêu nhiệm vụ", "Mục II gồm bao nhiêu": the plan's own numbers.
  if (count && !named && (section || removePhrases(taskWords, COUNT_WORDS).filter((w) => !/^(i{1,3}|iv)$/.test(w)).length === 0))
    return { ...q, intent: 'count' };
  // "sở nv có bị trễ việc gì không": an agency's name the directory does not know is said so, never dropped.
  if (!named) {
    const head = AGENCY_HEADS.find((h) => restJoined.startsWith(` ${h} `) || restJoined.includes(` ${h} `));
    const after = head ? restJoined.split(` ${head} `)[1]?.trim().split(' ')[0] : undefined;
    if (
      head &&
      after &&
      /^[a-z&]{1,6}$/.test(after) &&
      !STOP_WORDS_AFTER_HEAD.has(after) &&
      (has(joined, AGENCY_WORK) || has(joined, OVERDUE) || has(joined, PROGRESS))
    )
      return { ...q, intent: 'unknown-agency', unresolved: `${head} ${after}` };
  }
  // "Khi nào hết hạn việc cải tạo trụ sở…": a question about one task's field comes before list words in it.
  if (focus !== 'all' && taskWords.length >= 3 && !(named && has(restJoined, AGENCY_WORK))) return { ...q, intent: 'task' };
  if (has(joined, LATE_PROGRESS)) return { ...q, intent: 'overdue' };
  if (has(joined, PROGRESS)) return { ...q, intent: 'progress' };
  // "sắp hết hạn" before "hết hạn": coming due is not overdue.
  if (has(joined, UPCOMING)) return { ...q, intent: 'upcoming' };
  // "trễ" folds to "tre", as in Bến Tre: the province's name is taken out before looking for it.
  if (has(joined.replace(/ ben tre /g, ' '), OVERDUE)) return { ...q, intent: 'overdue' };
  const recurrence = RECURRING.find(([cues]) => has(joined, cues))?.[1];
  if (recurrence || has(joined, RECURRING_ANY)) return { ...q, intent: 'recurring', ...(recurrence ? { recurrence } : {}) };
  // "Ai chủ trì <task>?", "Khi nào xong <task>?": a task question when task words remain beyond the agency.
  if (focus !== 'all' && taskWords.length >= 2 && !(named && has(restJoined, AGENCY_WORK))) return { ...q, intent: 'task' };
  if (period && !(taskWords.length >= 3 && !has(restJoined, AGENCY_WORK))) return { ...q, intent: 'period' };
  if (named && (taskWords.length <= 1 || has(restJoined, AGENCY_WORK))) return { ...q, intent: 'agency' };
  if (taskWords.length >= 1) return { ...q, intent: 'task' };
  if (named) return { ...q, intent: 'agency' };
  return q;
}
