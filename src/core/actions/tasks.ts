/**
 * Button data of the task actions other modules make buttons for: the ✅ of a task (cards, answers, the weekly
 * digest). What pressing it does is the tasks feature's (features/tasks/ticking.ts).
 */
import { defineCodec } from '../kernel/feature.ts';
import { partyIndex, source, taskId } from './fields.ts';

export type Source = 'l' | 'a';

/** ✅: tick a task, for the actor's own part or a party's by its place. */
export const tick = defineCodec<{ taskId: string; party?: number; src: Source }>({
  tag: 't',
  planScoped: true,
  fields: [taskId, partyIndex, source],
  decode: ([t, p, src]) => ({ taskId: t as string, ...(typeof p === 'number' ? { party: p } : {}), src: (src as Source | undefined) ?? 'a' }),
  encode: (a) => (a.src === 'a' ? [a.taskId, ...(a.party === undefined ? [] : [a.party])] : [a.taskId, a.party ?? '-', a.src]),
});
