/**
 * Follow-ups: a short question that leans on what the chat was just shown. The chat's context (the agencies and
 * tasks of the last answer, and what it answered) turns
 *   "còn Sở Nội vụ thì sao?"        → the last question again, for Sở Nội vụ;
 *   "việc đó hạn khi nào?", "vậy ai phối hợp?" → that field of the one task just shown;
 *   "cái thứ 2 là gì"               → the second task of the last list;
 *   "trong đó việc nào quá hạn"     → the overdue ones among the last agency's tasks;
 *   "ai chủ trì?" after a short list → that field of each task listed;
 *   "quý sau thì sao?"              → the last list for the quarter after the last one asked;
 *   "trong đó của UBND cấp huyện"   → the last list, for that agency; "tổng cộng mấy việc" → its count;
 * into a full question. Anything else is left as it was understood. Before that, "việc này", "đơn vị đó" are written
 * out as the one task or agency just shown (resolveReferences).
 */
import { fold } from '../text/fold.ts';
import type { Intent, Question } from './intents.ts';
import { findPeriod, periodForms } from './periods.ts';

/** What a chat was last shown (kept per chat for a while by the caller). */
export interface ChatContext {
  intent: Intent;
  /** Agency ids the last answer was about. */
  agencies: string[];
  /** Task ids the last answer listed, in order. */
  tasks: string[];
  /** The last list of several tasks shown (kept across answers about one task): "còn việc đầu?" picks from it. */
  list?: string[];
  role?: 'lead' | 'coordinate';
  period?: Question['period'];
  /** The plan the last answer was about, when it was about one plan: a follow-up stays in it. */
  plan?: string;
  /** Plans (by number) whose passed period the chat has been told of: not said again. */
  horizonSaid?: string[];
}

/** "việc này", "nhiệm vụ đó", "vụ ấy": the one task the chat was just shown. */
const TASK_REF = /(?<![\p{L}])(?:việc|viec|nhiệm vụ|nhiem vu|cái|cai|vụ|vu)\s+(?:đó|do|này|nay|ấy|ay|trên|tren)(?![\p{L}])/iu;
/** "đơn vị đó", "cơ quan này", "bên đó": the one agency the chat was just shown. */
const AGENCY_REF = /(?<![\p{L}])(?:đơn vị|don vi|cơ quan|co quan|bên|ben)\s+(?:đó|do|này|nay|ấy|ay)(?![\p{L}])/iu;

/**
 * The words that point back ("việc này", "đơn vị đó") written out as what they point at — the task's id, the
 * agency's name — when the chat was shown exactly one, so the question is understood as if typed in full:
 * "Công an có tham gia việc này không?" after III.4's card is "Công an có tham gia nhiệm vụ III.4 không?".
 */
export function resolveReferences(text: string, context: ChatContext | undefined, label: (agency: string) => string): string {
  if (!context) return text;
  let out = text.normalize('NFC');
  if (context.tasks.length === 1 && TASK_REF.test(out)) out = out.replace(TASK_REF, `nhiệm vụ ${context.tasks[0]}`);
  if (context.agencies.length === 1 && AGENCY_REF.test(out)) out = out.replace(AGENCY_REF, label(context.agencies[0]!));
  return out;
}

const ORDINALS: Record<string, number> = { nhat: 1, dau: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, cuoi: -1 };
/** Words of "còn … thì sao" itself, left over once the agency is taken out. */
const FILLER = new Set([
  'con',
  'sao',
  'thi',
  'the',
  'vay',
  'nao',
  've',
  'nhi',
  'a',
  'oi',
  'va',
  'roi',
  'chot',
  'cua',
  'no',
  'bao',
  'nhieu',
  'may',
  'ngay',
  'nua',
]);
/** A list short enough for a field of each of its tasks ("ai chủ trì?" after three tasks) to be answered task by task. */
const EACH_MAX = 8;
const RELISTED: Intent[] = ['agency', 'overdue', 'upcoming', 'progress', 'period', 'recurring'];

export function followUp(text: string, q: Question, context: ChatContext | undefined): Question | undefined {
  if (!context) return undefined;
  const f = ` ${fold(text)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  // "cái thứ 2", "việc thứ hai", "nhiệm vụ cuối"
  const nth = f.match(/ (?:cai|viec|nhiem vu|muc|so) (?:thu )?(\d{1,2}|nhat|dau|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|cuoi) /);
  const listed = context.list ?? context.tasks;
  // Not "nhiều việc nhất", "việc đầu tiên hết hạn": a superlative or the first deadline, asked anew; but "việc đầu
  // tiên xong chưa", "còn việc cuối cùng?" ask about an item of the list.
  const itemAsked = !q.rank || q.focus !== 'all' || /^ con /.test(f);
  if (nth && listed.length > 0 && !q.taskId && q.agencies.length === 0 && !q.section && !q.superlative && itemAsked) {
    const n = /^\d+$/.test(nth[1]!) ? Number(nth[1]) : ORDINALS[nth[1]!]!;
    const id = n === -1 ? listed.at(-1) : listed[n - 1];
    if (id) return { ...q, intent: 'task', taskId: id };
  }
  // "việc đó", "nhiệm vụ này", "nó", or a bare field question ("vậy ai phối hợp?") about the one task just shown.
  const pointing = / (viec|nhiem vu|cai) (do|nay|ay|tren) | no /.test(f);
  // The question's own words besides those of a follow-up ("còn", "thì sao", "bao nhiêu ngày").
  const said = q.words.filter((w) => !FILLER.has(w)).length;
  const bare = said === 0 && q.agencies.length === 0 && !q.taskId && !q.section;
  const bareField = q.focus !== 'all' && bare && !q.period;
  if ((pointing || bareField) && context.tasks.length === 1 && q.agencies.length === 0 && !q.taskId) {
    return { ...q, intent: 'task', taskId: context.tasks[0]! };
  }
  // "ai chủ trì?", "hạn chót?", "còn mấy ngày?" after a short list: that field of each task listed.
  if (bareField && context.tasks.length > 1 && context.tasks.length <= EACH_MAX) {
    return { ...q, intent: 'task', taskIds: context.tasks };
  }
  // "Công an tỉnh có tham gia không?", "có phải VP UBND tỉnh chủ trì không?" after one task's card: the agency's
  // part in that task.
  if (q.yesNo && q.agencies.length > 0 && !q.taskId && said === 0 && context.intent === 'task' && context.tasks.length === 1) {
    return { ...q, intent: 'task', taskId: context.tasks[0]! };
  }
  // "quý sau thì sao?", "tháng tới?" after a period's list: the period after that one, not after today.
  if (q.period && context.period && bare && RELISTED.includes(context.intent) && / (?:quy|thang|nam) (?:sau|toi|ke tiep|tiep theo) /.test(f)) {
    const next = findPeriod(periodForms(f), context.period.start);
    if (next) return { ...q, intent: context.intent, period: next.span, agencies: context.agencies, ...(context.role ? { role: context.role } : {}) };
  }
  // "trong đó của UBND cấp huyện", "of those, which do the districts lead": the last list, for that agency.
  const within = / (?:trong do|trong so do|trong cac viec do|trong nay) /.test(f);
  if (within && q.agencies.length > 0 && context.intent !== 'agency' && RELISTED.includes(context.intent) && said <= 1) {
    return { ...q, intent: context.intent, ...(context.period ? { period: context.period } : {}) };
  }
  // "tổng cộng mấy việc" after a list: how many it held.
  if (q.count && bare && !q.period && context.intent !== 'agency' && RELISTED.includes(context.intent) && context.period) {
    return { ...q, intent: context.intent, period: context.period, agencies: context.agencies };
  }
  // "còn Sở Nội vụ thì sao?", "Sở Y tế thì sao", "thế còn UBND huyện Ba Tri?": the last question, for another agency.
  const filler = q.words.filter((w) => !FILLER.has(w));
  const another = / (con|the con|vay con|con ve) | thi sao | the nao /.test(f) && q.agencies.length > 0 && filler.length === 0;
  if (another && RELISTED.includes(context.intent)) {
    return {
      ...q,
      intent: context.intent,
      ...(context.role ? { role: context.role } : {}),
      ...(context.period && !q.period ? { period: context.period } : {}),
    };
  }
  // "thế còn quá hạn?", "còn sắp đến hạn thì sao" after an agency's answer: the other list, for the same agency.
  const otherList = /^ (?:con|the con|vay con|con ve|the|vay) /.test(f) && ['overdue', 'upcoming', 'progress', 'period', 'recurring'].includes(q.intent);
  if (otherList && q.agencies.length === 0 && context.agencies.length > 0 && RELISTED.includes(context.intent)) {
    return { ...q, agencies: context.agencies.slice(0, 1), ...(context.role && q.intent !== 'progress' ? { role: context.role } : {}) };
  }
  // "trong đó việc nào quá hạn": narrow the last agency's tasks.
  if (/ trong do | trong so do /.test(f) && q.agencies.length === 0 && context.agencies.length > 0 && ['overdue', 'upcoming', 'progress'].includes(q.intent)) {
    return { ...q, agencies: context.agencies.slice(0, 1) };
  }
  return undefined;
}
