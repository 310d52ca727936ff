/** Who an implementation paragraph gives work to, as officials read it (issue: plans as they arrive). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { planAgencies } from '../../src/plan/agencies.ts';
import { parseAssignmentParties } from '../../src/plan/import/build.ts';
import { loadDirectory, loadPlan } from '../../src/plan/load.ts';

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
