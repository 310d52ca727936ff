/**
 * Button data of the task actions other modules make buttons for: the ✅ of a task (cards, answers, the weekly
 * digest). What pressing it does is the tasks feature's (features/tasks/ticking.ts).
 */
import { defineCodec } from '../kernel/feature.ts';
import { completionId, partyAt, partyIndex, source, taskId } from './fields.ts';

export type Source = 'l' | 'a';

/** ✅: tick a task, for the actor's own part or a party's by its place. */
export const tick = defineCodec<{ taskId: string; party?: number; src: Source }>({
  tag: 't',
  planScoped: true,
  fields: [taskId, partyIndex, source],
  decode: ([t, p, src]) => ({ taskId: t as string, ...(typeof p === 'number' ? { party: p } : {}), src: (src as Source | undefined) ?? 'a' }),
  encode: (a) => (a.src === 'a' ? [a.taskId, ...(a.party === undefined ? [] : [a.party])] : [a.taskId, a.party ?? '-', a.src]),
});

/** ↩️: undo a tick by its completion's id. */
export const undo = defineCodec<{ completionId: string; src: Source }>({
  tag: 'u',
  planScoped: true,
  fields: [completionId, source],
  decode: ([c, src]) => ({ completionId: c as string, src: (src as Source | undefined) ?? 'a' }),
  encode: (a) => (a.src === 'a' ? [a.completionId] : [a.completionId, a.src]),
});

/** 📈: a progress note on a party's part of a task. */
export const progress = defineCodec<{ taskId: string; party: number; src: Source }>({
  tag: 'g',
  planScoped: true,
  fields: [taskId, partyAt, source],
  decode: ([t, p, src]) =>
    t === undefined || p === undefined ? undefined : { taskId: t as string, party: p as number, src: (src as Source | undefined) ?? 'a' },
  encode: (a) => [a.taskId, a.party, a.src],
});

/**
 * A task's card with everything the actor may do on it (from the /viec list). Chosen by its number in a menu it
 * shows the card; "xong N" on it ticks the task at once, as the ✅ it stands for.
 */
export const openTask = defineCodec<{ taskId: string; src: Source }>({
  tag: 'v',
  planScoped: true,
  fields: [taskId, source],
  decode: ([t, src]) => ({ taskId: t as string, src: (src as Source | undefined) ?? 'a' }),
  encode: (a) => (a.src === 'a' ? [a.taskId] : [a.taskId, a.src]),
});
