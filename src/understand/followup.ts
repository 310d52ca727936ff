/**
 * Follow-ups: a short question that leans on what the chat was just shown. The chat's context (the agencies and
 * tasks of the last answer, and what it answered) turns
 *   "còn Sở Nội vụ thì sao?"        → the last question again, for Sở Nội vụ;
 *   "việc đó hạn khi nào?", "vậy ai phối hợp?" → that field of the one task just shown;
 *   "cái thứ 2 là gì"               → the second task of the last list;
 *   "trong đó việc nào quá hạn"     → the overdue ones among the last agency's tasks;
 * into a full question. Anything else is left as it was understood.
 */
import { fold } from '../text/fold.ts';
import type { Intent, Question } from './intents.ts';

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

const ORDINALS: Record<string, number> = { nhat: 1, dau: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, cuoi: -1 };
/** Words of "còn … thì sao" itself, left over once the agency is taken out. */
const FILLER = new Set(['con', 'sao', 'thi', 'the', 'vay', 'nao', 've', 'nhi', 'a', 'oi']);
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
  // Not "nhiều việc nhất", "việc đầu tiên hết hạn": a superlative or the first deadline, asked anew.
  if (nth && listed.length > 0 && !q.taskId && q.agencies.length === 0 && !q.section && !q.superlative && !q.rank) {
    const n = /^\d+$/.test(nth[1]!) ? Number(nth[1]) : ORDINALS[nth[1]!]!;
    const id = n === -1 ? listed.at(-1) : listed[n - 1];
    if (id) return { ...q, intent: 'task', taskId: id };
  }
  // "việc đó", "nhiệm vụ này", "nó", or a bare field question ("vậy ai phối hợp?") about the one task just shown.
  const pointing = / (viec|nhiem vu|cai) (do|nay|ay|tren) | no /.test(f);
  const bareField = q.focus !== 'all' && q.words.length === 0 && q.agencies.length === 0 && !q.taskId;
  if ((pointing || bareField) && context.tasks.length === 1 && q.agencies.length === 0 && !q.taskId) {
    return { ...q, intent: 'task', taskId: context.tasks[0]! };
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
