/**
 * A table inside a task's cell in Word (#22): the task table is read as before, the inner table's rows stay in the
 * task's text (a line per row) and are never taken for tasks.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { importFile } from '../../src/plan/import/index.ts';
import { arrivingPlanDocx, SECTIONS } from '../fixtures/arriving-plan.ts';
import { dir } from '../helpers.ts';

describe('a Word plan with a table nested in a task cell', async () => {
  const { plan } = await importFile('kh-412.docx', await arrivingPlanDocx(), dir, {}, '2026-05-01');
  it('reads every task of the outer table, and none from the inner one', () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(['I.1', 'I.2', 'I.3', 'II.1', 'II.2', 'II.3']);
    expect(plan.sections.map((s) => s.id)).toEqual(['I', 'II']);
    expect(plan.tasks.find((t) => t.id === 'II.2')!.content).toBe(SECTIONS[1]![2][1]![0]);
  });
  it("keeps the inner table's text in the task's content, its lead and deadline those of the outer row", () => {
    const task = plan.tasks.find((t) => t.id === 'II.1')!;
    expect(task.content).toBe('Tập huấn kỹ năng số cho các nhóm sau: STT | Nhóm | Số lớp 1 | Đoàn viên thanh niên | 10 2 | Hội viên phụ nữ | 8');
    expect(task.lead.map((p) => p.agency)).toEqual(['hoi-nong-dan']);
    expect(task.deadline.due).toBe('2026-09-30');
  });
  it('a question on the inner table’s words finds the task', () => {
    const text = new Engine(plan, dir).ask('lớp cho đoàn viên thanh niên ai chủ trì', { today: '2026-05-01' }).text;
    expect(text).toContain('Hội Nông dân tỉnh');
    expect(text).toContain('II.1');
  });
});
