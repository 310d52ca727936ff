/**
 * A question never crashes the engine: random combinations of the plan's agencies, periods, task words, status and
 * question words, on random days, with and without a chat's context, each get a reply with text.
 */
import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/understand/followup.ts';
import { dir, engine, plan } from '../helpers.ts';
import { rng } from '../random.ts';

const agencies = dir.agencies.map((a) => a.name);
const periods = [
  'quý II/2020',
  'quý 4/2018',
  'năm 2019',
  'năm 2025',
  'tháng 8/2019',
  'T8/2019',
  'tháng này',
  'tuần tới',
  '2 tuần tới',
  'trước cuối tháng 6/2019',
  'Q3 2020',
  '',
];
const statuses = ['quá hạn', 'trễ chưa', 'sắp đến hạn', 'đã xong chưa', 'tiến độ', 'còn nợ', 'bao nhiêu', 'có không', ''];
const asks = [
  'phải làm gì',
  'ai chủ trì',
  'ai phối hợp',
  'khi nào xong',
  'hạn chót',
  'có chủ trì việc nào không',
  'đầu tiên',
  'cuối cùng',
  'thì sao',
  'việc đó',
  'cái thứ 2',
  '',
];
const taskWords = plan.tasks.flatMap((t) => t.content.split(/\s+/).slice(0, 12));

describe('a question never crashes the engine', () => {
  it('600 random questions on random days each get a reply with text', () => {
    const next = rng(20261202);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    let context: ChatContext | undefined;
    for (let i = 0; i < 600; i++) {
      const parts = [pick(agencies), pick(periods), pick(statuses), pick(asks)];
      const n = Math.floor(next() * 5);
      for (let k = 0; k < n; k++) parts.push(pick(taskWords));
      if (next() < 0.3) parts.push(pick(agencies));
      const q = parts.sort(() => next() - 0.5).join(' ');
      const today = `${2018 + Math.floor(next() * 9)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      let reply: ReturnType<typeof engine.ask> | undefined;
      expect(() => {
        reply = engine.ask(q, { today, ...(context ? { context } : {}), ...(next() < 0.2 ? { lang: 'en' as const } : {}) });
      }, `question ${i}: "${q}" on ${today}`).not.toThrow();
      expect(reply!.text.trim().length, q).toBeGreaterThan(0);
      context = next() < 0.7 ? reply!.context : undefined;
    }
  });

  it('an agency and a period in which it has nothing due: said so, then what it does have', () => {
    const r = engine.ask('Sở Tài chính có việc gì trong quý II/2020', { today: '2026-11-28' });
    expect(r.text).toContain('Sở Tài chính');
    expect(r.tasks.map((t) => t.id)).toContain('I.4');
  });
});
