/**
 * State files that pass the schema but break the rules between records (src/store/check.ts): one per problem, each
 * with the words the refusal must name. Shared by the store tests (restore, start-up) and the command-line tests.
 */
import { emptyState, type State } from '../../src/store/schema.ts';

const AT = '2019-03-20T03:00:00.000Z';

const official = (id: string, userId: string, status: State['officials'][number]['status'] = 'approved'): State['officials'][number] => ({
  id,
  accounts: [{ channel: 'telegram', userId, chatId: userId }],
  name: `Cán bộ ${id}`,
  position: 'Chuyên viên',
  agency: 'so-tai-chinh',
  status,
  requestedAt: AT,
  notify: true,
});

const tick = (id: string, taskId = 'I.4', by = 'o1'): State['completions'][number] => ({
  id,
  planId: 'P',
  taskId,
  party: 'so-tai-chinh',
  on: '2019-03-20',
  at: AT,
  by,
});

/** A consistent state: one official, one tick by them, one file of proof of it. */
export function consistent(): State {
  return {
    ...emptyState(),
    officials: [official('o1', '5')],
    completions: [tick('c2')],
    evidence: [{ id: 'f3', completionId: 'c2', channel: 'telegram', kind: 'document', fileId: 'F', name: 'QD-12.pdf', size: 1000, at: AT, by: 'o1' }],
    seq: 3,
  };
}

export interface Hostile {
  name: string;
  state: State;
  /** What the refusal says (Vietnamese). */
  says: string;
}

const variant = (name: string, says: string, edit: (s: State) => void): Hostile => {
  const state = consistent();
  edit(state);
  return { name, state, says };
};

export const HOSTILE: readonly Hostile[] = [
  variant('two officials with one id', 'cán bộ: mã o1 xuất hiện 2 lần', (s) => {
    s.officials.push(official('o1', '6'));
  }),
  variant('one account on two officials', 'tài khoản telegram:5 thuộc hai cán bộ đang hoạt động (o1 và o4)', (s) => {
    s.officials.push(official('o4', '5', 'pending'));
    s.seq = 4;
  }),
  variant('duplicated completion ids', 'lần báo xong: mã c2 xuất hiện 2 lần', (s) => {
    s.completions.push(tick('c2', 'I.5'));
  }),
  variant('two live ticks for one part', 'phần việc P I.4 so-tai-chinh có hai lần báo xong còn hiệu lực (c2 và c4)', (s) => {
    s.completions.push(tick('c4'));
    s.seq = 4;
  }),
  variant('a tick by an official who does not exist', 'lần báo xong c4 ghi người thực hiện o9, nhưng không có cán bộ nào mang mã này', (s) => {
    s.completions.push(tick('c4', 'I.5', 'o9'));
    s.seq = 4;
  }),
  variant('proof of a tick that does not exist', 'minh chứng f3 gắn với lần báo xong c99, nhưng lần báo xong này không có', (s) => {
    s.evidence[0]!.completionId = 'c99';
  }),
  variant('an id counter below the ids in use', 'bộ đếm mã (1) thấp hơn mã đang dùng f3', (s) => {
    s.seq = 1;
  }),
];
