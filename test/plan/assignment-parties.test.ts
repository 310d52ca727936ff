/** Who an implementation paragraph gives work to, as officials read it (issue: plans as they arrive). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { planAgencies } from '../../src/plan/agencies.ts';
import { buildPlan, parseAssignmentParties } from '../../src/plan/import/build.ts';
import { createdAgencies, importFile } from '../../src/plan/import/index.ts';
import { loadDirectory, loadPlan } from '../../src/plan/load.ts';
import { arrivingPlanDocx } from '../fixtures/arriving-plan.ts';

const dir = loadDirectory().with(planAgencies([{ name: 'Viettel Bến Tre' }]));
const names = (ps: { name: string }[]) => ps.map((p) => p.name);

describe('the parties of a "Tổ chức thực hiện" paragraph', () => {
  it('"Đề nghị" before the names, and a plan’s own agency named there', () => {
    const r = parseAssignmentParties('Đề nghị Viettel Bến Tre phối hợp với Sở Thông tin và Truyền thông triển khai hạ tầng', dir);
    expect([names(r.lead), names(r.coordinate)]).toEqual([['Viettel Bến Tre'], ['Sở Thông tin và Truyền thông']]);
    expect(r.lead[0]).toEqual({ name: 'Viettel Bến Tre' });
  });
  it('coordinators named late in the paragraph, after what the lead does', () => {
    const r = parseAssignmentParties('Sở Y tế chủ trì, hướng dẫn các trường học khám sức khỏe; phối hợp với Sở Giáo dục và Đào tạo, Bảo hiểm xã hội tỉnh', dir);
    expect([names(r.lead), names(r.coordinate)]).toEqual([['Sở Y tế'], ['Sở Giáo dục và Đào tạo', 'BHXH tỉnh']]);
  });
  it('an imported plan: its own agencies are asked about and answered with their paragraph', () => {
    const plan = loadPlan(path.join(import.meta.dirname, '../fixtures/corpus-plans/215-KH-UBND-2024.json'));
    expect(names(plan.assignments.find((a) => a.number === '5')!.lead)).toEqual(['Báo Đồng Khởi', 'Đài Phát thanh và Truyền hình tỉnh']);
    const text = new Engine(plan, loadDirectory()).ask('Báo Đồng Khởi phải làm gì', { today: '2024-05-01' }).text;
    expect(text).toContain('Mục 5: Báo Đồng Khởi, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục về chuyển đổi số');
  });
});

describe('agencies named only in "Tổ chức thực hiện" (no task row names them)', async () => {
  const { plan } = await importFile('kh-412.docx', await arrivingPlanDocx(), loadDirectory(), {}, '2026-05-01');
  const paragraph = (n: string) => plan.assignments.find((a) => a.number === n)!;
  it('become parties of their paragraph, as leads and as coordinators named after "phối hợp với"', () => {
    expect(names(paragraph('2').lead)).toEqual(['Trường Chính trị tỉnh', 'Hiệp hội Du lịch tỉnh']);
    expect([names(paragraph('3').lead), names(paragraph('3').coordinate)]).toEqual([['Câu lạc bộ Doanh nhân trẻ tỉnh'], ['Hội Doanh nghiệp nhỏ và vừa tỉnh']]);
  });
  it('are listed among the agencies the import creates, with the paragraphs naming them', () => {
    const made = createdAgencies(plan).filter((a) => a.tasks.length === 0);
    expect(made).toEqual([
      { name: 'Trường Chính trị tỉnh', tasks: [], paragraphs: ['2'] },
      { name: 'Hiệp hội Du lịch tỉnh', tasks: [], paragraphs: ['2'] },
      { name: 'Câu lạc bộ Doanh nhân trẻ tỉnh', tasks: [], paragraphs: ['3'] },
      { name: 'Hội Doanh nghiệp nhỏ và vừa tỉnh', tasks: [], paragraphs: ['3'] },
    ]);
  });
  it('are asked about by their names, without "tỉnh", and answered with their paragraph', () => {
    const engine = new Engine(plan, loadDirectory());
    for (const q of ['Hiệp hội Du lịch tỉnh phải làm gì', 'trường chính trị làm gì']) {
      expect(engine.ask(q, { today: '2026-05-01' }).text).toContain('Mục 2: Trường Chính trị tỉnh, Hiệp hội Du lịch tỉnh mở lớp bồi dưỡng kỹ năng số');
    }
  });
  it('a known agency read with the words after it ("Sở Y tế kiểm soát …") creates nothing', () => {
    const text =
      'Đề nghị Bảo hiểm Xã hội tỉnh thanh toán chi phí kịp thời; phối hợp với Sở Y tế kiểm soát việc chỉ định xét nghiệm; phối hợp với Sở Văn hóa, Thể thao và Du lịch tuyên truyền.';
    const built = buildPlan(
      {
        number: '1/KH-UBND',
        date: '2026-01-01',
        issuer: 'UBND tỉnh',
        title: 'Thử',
        sections: [{ id: 'I', title: 'Chung', rows: [{ stt: '1', content: 'Việc', lead: 'Sở Y tế', coordinate: '', deadline: 'Năm 2026', note: '' }] }],
        assignments: [{ number: '1', text }],
      },
      loadDirectory(),
    ).plan;
    expect(createdAgencies(built)).toEqual([]);
    expect([names(built.assignments[0]!.lead), names(built.assignments[0]!.coordinate)]).toEqual([
      ['BHXH tỉnh'],
      ['Sở Y tế', 'Sở Văn hóa, Thể thao và Du lịch'],
    ]);
  });
});
