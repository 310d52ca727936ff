/**
 * A question over more plans than are listed in full: each plan is first asked only how many of its tasks answer
 * (no text made), and the reply is a line per plan — or, when few plans answer, their lists in full. What each line
 * says must be what that plan answers when it is named.
 */
import { describe, expect, it } from 'vitest';
import { askPlans } from '../../src/core/features/questions/ask.ts';
import { PlanCatalog } from '../../src/core/kernel/catalog.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { type Completion, requiredParties } from '../../src/plan/status.ts';
import { dir, plan as seed } from '../helpers.ts';

const TODAY = '2019-04-10';

/** Seven plans cut from the seed plan: plan k loses its first k+1 tasks and every seventh from k, so each gives an agency a different share. */
const plans: Plan[] = Array.from({ length: 7 }, (_, k) => ({
  ...seed,
  id: `${300 + k}/KH-UBND`,
  number: `${300 + k}/KH-UBND`,
  date: `2019-0${1 + k}-10`,
  title: `KẾ HOẠCH thử số ${k}`,
  tasks: seed.tasks.filter((_, i) => i > k && i % 7 !== k),
}));

function catalogOf(ps: readonly Plan[]) {
  return new PlanCatalog(
    dir,
    {},
    ps.map((plan) => ({ plan })),
  );
}

const none = new Map<string, readonly Completion[]>();
const ask = (catalog: PlanCatalog, text: string, completionsOf: (id: string) => ReadonlyMap<string, readonly Completion[]> = () => none) =>
  askPlans(catalog, text, { today: TODAY, completionsOf });

/** How many tasks a plan gives in answer when it is named: its own full answer. */
const namedTotal = (catalog: PlanCatalog, p: Plan, question: string) => {
  const r = ask(catalog, `theo KH ${p.number.split('/')[0]} ${question}`);
  return r.total ?? r.tasks.length;
};

describe('a question over many plans', () => {
  it.each([
    'Sở Tài chính phải làm gì?',
    'Sở Thông tin và Truyền thông phải làm gì?', // leads some, coordinates one
    'Văn phòng UBND tỉnh có việc gì?',
    'Việc nào quá hạn?',
    'nam 2019 phai hoan thanh gi',
    'Những nhiệm vụ thường xuyên là gì?',
    'Tiến độ của Sở Nội vụ?',
  ])('"%s": a line per plan that answers, most tasks first, each count the one that plan gives when named', (question) => {
    const catalog = catalogOf(plans);
    const expected = plans.map((p) => ({ p, n: namedTotal(catalog, p, question) })).filter((x) => x.n > 0);
    expect(expected.length).toBeGreaterThan(4);
    const r = ask(catalog, question);
    const sum = expected.reduce((s, x) => s + x.n, 0);
    expect(r.text).toContain(`Có ${sum} nhiệm vụ trong ${expected.length} kế hoạch:`);
    const lines = r.text.split('\n').filter((l) => l.startsWith('• KH '));
    expect(lines).toHaveLength(expected.length);
    for (const { p, n } of expected) expect(lines.some((l) => l.startsWith(`• KH ${p.number}: ${n} — `))).toBe(true);
    const counts = lines.map((l) => Number(/: (\d+) —/.exec(l)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // A line each, not the lists: no task line is shown.
    expect(r.tasks).toEqual([]);
  });

  it('when only a few of the plans answer, their lists are shown in full under each plan', () => {
    // Five plans hold only their one-off tasks, every part of each reported done: only two plans still have overdue tasks.
    const oneOff = (p: Plan, k: number) => (k < 2 ? p : { ...p, tasks: p.tasks.filter((t) => t.deadline.kind === 'date' || t.deadline.kind === 'period') });
    const ps = plans.map(oneOff);
    const doneEverything = (p: Plan) =>
      new Map(p.tasks.map((t) => [t.id, requiredParties(t, dir).map((party) => ({ taskId: t.id, party, on: '2018-10-01' }))]));
    const catalog = catalogOf(ps);
    const completions = new Map(ps.slice(2).map((p) => [p.id, doneEverything(p)]));
    const overdueOf = (p: Plan) => ask(catalog, `theo KH ${p.number.split('/')[0]} việc nào quá hạn?`, (id) => completions.get(id) ?? none);
    const stillLate = ps.filter((p) => (overdueOf(p).total ?? 0) > 0);
    expect(stillLate.map((p) => p.id)).toEqual(plans.slice(0, 2).map((p) => p.id));
    const r = ask(catalog, 'Việc nào quá hạn?', (id) => completions.get(id) ?? none);
    expect(r.text).toContain(`trong 2 kế hoạch`);
    for (const p of stillLate) expect(r.text).toContain(`📋 KH ${p.number}`);
    for (const p of ps.slice(2)) expect(r.text).not.toContain(`KH ${p.number}`);
    // In full: the tasks shown are those each plan lists when named.
    const shownIds = r.blocks.flatMap((b) => b.reply.tasks.map((t) => `${b.entry.plan.id}:${t.id}`)).sort();
    const namedIds = stillLate.flatMap((p) => overdueOf(p).tasks.map((t) => `${p.id}:${t.id}`)).sort();
    expect(shownIds).toEqual(namedIds);
  });

  it('a question nothing answers in any plan says so once', () => {
    const catalog = catalogOf(plans);
    const r = ask(catalog, 'Quý I/2015 có những việc gì phải xong?');
    expect(r.text).toContain('Không kế hoạch nào trong 7 kế hoạch đang theo dõi có nhiệm vụ khớp câu hỏi.');
  });

  it('the word indexes are built after a start one plan at a time, other work running in between', async () => {
    const catalog = catalogOf(plans);
    let turns = 0;
    let running = true;
    const other = () => {
      turns++;
      if (running) setImmediate(other);
    };
    setImmediate(other);
    await catalog.prepareSearch();
    running = false;
    expect(turns).toBeGreaterThanOrEqual(plans.length);
    const r = ask(catalog, 'ai chủ trì thành lập trung tâm phục vụ hành chính công');
    expect(r.text).toMatch(/Trung tâm Phục vụ hành chính công/i);
  });
  it('"cả kế hoạch 1002 …", "trong toàn bộ KH 1002 …": the whole plan named, its words go with the name', () => {
    const catalog = catalogOf(plans);
    const number = plans[2]!.number.split('/')[0];
    for (const q of [`cả kế hoạch ${number} có mấy việc`, `toàn bộ kế hoạch ${number} có mấy việc`]) {
      expect(ask(catalog, q).text.split('\n')[1]).toMatch(new RegExp(`^Kế hoạch ${number}/KH-UBND có \\d+ nhiệm vụ trong phụ lục`));
    }
  });
  it('a question naming the plan is answered by that plan whole, the words around its name kept (as its engine answers it)', () => {
    const catalog = catalogOf([seed]);
    const same = (q: string) => expect(ask(catalog, q).text).toBe(catalog.byNumber('4561')!.engine.ask(q, { today: TODAY }).text);
    expect(ask(catalog, 'yeu cau cua ke hoach 4561 la gi').text).toMatch(/^Phần I\. MỤC ĐÍCH - YÊU CẦU của Kế hoạch 4561\/KH-UBND/);
    expect(ask(catalog, 'kh 4561 ngay may').text).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    for (const q of ['yeu cau cua ke hoach 4561 la gi', 'Nguwowfi kys ban hanhf KH 4561 laf ai aj', 'theo KH 4561 Sở Nội vụ làm gì']) same(q);
  });
});
