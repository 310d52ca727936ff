/**
 * The province's mass organisations, press and broadcaster are in the directory (#22): a plan naming them in its
 * task table gives their tasks to directory agencies (no warning, nothing created), and officials reach them by the
 * names they type — the full name, without diacritics, the usual abbreviations, English.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { createdAgencies, importFile } from '../../src/plan/import/index.ts';
import { loadDirectory, loadPlan } from '../../src/plan/load.ts';
import path from 'node:path';
import { arrivingPlanDocx } from '../fixtures/arriving-plan.ts';

const TODAY = '2026-05-01';

describe('provincial bodies in the directory', async () => {
  const dir = loadDirectory();
  const { plan, warnings } = await importFile('kh-412.docx', await arrivingPlanDocx(), dir, {}, TODAY);
  const engine = new Engine(plan, dir);
  it('a plan naming them in its table gives their tasks to directory agencies, with no warning and nothing created', () => {
    expect(plan.tasks.map((t) => [t.id, t.lead.map((p) => p.agency), t.coordinate.map((p) => p.agency)])).toEqual([
      ['I.1', ['tinh-doan'], ['ubnd-cap-huyen']],
      ['I.2', ['hoi-phu-nu'], ['mttq-tinh']],
      ['I.3', ['bao-dong-khoi'], ['dai-ptth']],
      ['II.1', ['hoi-nong-dan'], ['hoi-cuu-chien-binh']],
      ['II.2', ['lien-doan-lao-dong'], ['cong-an-tinh']],
      ['II.3', ['hoi-chu-thap-do'], ['so-y-te']],
    ]);
    expect(warnings.filter((w) => w.kind === 'unknownAgency')).toEqual([]);
    expect(createdAgencies(plan).map((a) => a.name)).not.toContain('Báo Đồng Khởi');
  });
  const cases: [string, string, string][] = [
    ['Tỉnh đoàn phải làm gì', 'Tỉnh Đoàn', 'Chủ trì (1)'],
    ['tinh doan', 'Tỉnh Đoàn', 'Chủ trì (1)'],
    ['đoàn thanh niên phải làm gì', 'Tỉnh Đoàn', 'Chủ trì (1)'],
    ['hoi phu nu lam gi', 'Hội LHPN tỉnh', 'Chủ trì (1)'],
    ['Hội LHPN tỉnh phải làm gì', 'Hội LHPN tỉnh', 'Chủ trì (1)'],
    ['hoi nong dan phai lam gi', 'Hội Nông dân tỉnh', 'Chủ trì (1)'],
    ['Đài PTTH phối hợp việc gì', 'Đài PT-TH tỉnh', 'Phối hợp (1)'],
    ['đài phát thanh truyền hình phối hợp việc gì', 'Đài PT-TH tỉnh', 'Phối hợp (1)'],
    ['bao dong khoi lam gi', 'Báo Đồng Khởi', 'Chủ trì (1)'],
    ['LĐLĐ tỉnh phải làm gì', 'Liên đoàn Lao động tỉnh', 'Chủ trì (1)'],
    ['lien doan lao dong lam gi', 'Liên đoàn Lao động tỉnh', 'Chủ trì (1)'],
    ['MTTQ tỉnh phối hợp gì', 'Ủy ban MTTQ tỉnh', 'Phối hợp (1)'],
    ['mat tran to quoc phoi hop gi', 'Ủy ban MTTQ tỉnh', 'Phối hợp (1)'],
    ['hội ccb phối hợp việc gì', 'Hội Cựu chiến binh tỉnh', 'Phối hợp (1)'],
    ['Hội CTĐ phải làm gì', 'Hội Chữ thập đỏ tỉnh', 'Chủ trì (1)'],
    ['hoi chu thap do lam gi', 'Hội Chữ thập đỏ tỉnh', 'Chủ trì (1)'],
  ];
  it.each(cases)('"%s" is asked of %s', (question, agency, part) => {
    const r = engine.ask(question, { today: TODAY });
    expect(r.text.split('\n')[0]).toBe(`${agency} — nhiệm vụ theo Kế hoạch 412/KH-UBND (tính đến 01/05/2026):`);
    expect(r.text).toContain(part);
  });
  it('asked in English by their English names', () => {
    expect(engine.ask('What must the Provincial Youth Union do?', { today: TODAY }).text).toMatch(/^Tỉnh Đoàn — tasks in plan 412\/KH-UBND/);
    expect(engine.ask("What must the Women's Union do?", { today: TODAY }).text).toMatch(/^Hội LHPN tỉnh — tasks in plan 412\/KH-UBND/);
  });
  it('a plan imported before the directory knew them still answers for the parties it stored by name', () => {
    const old = loadPlan(path.join(import.meta.dirname, '../fixtures/corpus-plans/57-KH-UBND-2025.json'));
    expect(old.assignments.find((a) => a.number === '6')!.lead).toContainEqual({ name: 'Tỉnh Đoàn' });
    const text = new Engine(old, dir).ask('Tỉnh Đoàn phải làm gì', { today: '2025-05-01' }).text;
    expect(text).toContain('Hội Khuyến học tỉnh, Tỉnh Đoàn phối hợp tuyên truyền');
  });
  it("a party a plan stored by name is served as the directory's agency of that name, so its officials' lists and summaries hold it", () => {
    // 215/KH-UBND was imported when the directory did not know Tỉnh Đoàn: IV.2 names it as text only.
    const old = loadPlan(path.join(import.meta.dirname, '../fixtures/corpus-plans/215-KH-UBND-2024.json'));
    expect(old.tasks.find((t) => t.id === 'IV.2')!.lead).toEqual([{ name: 'Tỉnh Đoàn' }]);
    const served = new Engine(old, dir);
    expect(served.plan.tasks.find((t) => t.id === 'IV.2')!.lead).toEqual([{ name: 'Tỉnh Đoàn', agency: 'tinh-doan' }]);
    // What an official registered under Tỉnh Đoàn is sent (the weekly summary reads withPart).
    expect(served.withPart('tinh-doan').map((t) => t.id)).toContain('IV.2');
    expect(served.ask('Tỉnh Đoàn chủ trì việc gì', { today: '2024-05-01' }).text).toContain('thanh niên tình nguyện hè');
    // A name the directory still does not know stays the plan's own.
    expect(served.plan.tasks.find((t) => t.id === 'I.1')!.lead).toEqual([{ name: 'Viettel Bến Tre' }, { name: 'VNPT Bến Tre' }]);
  });
});
