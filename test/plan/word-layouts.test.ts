/**
 * One plan laid out in Word the ways offices do (#22 item 2), written with the docx library: section rows as one cell
 * across the table, lead cells merged down over several rows, Word's automatic numbering instead of typed numbers
 * (tasks, sections and the "Tổ chức thực hiện" paragraphs), the table split into several tables that repeat the
 * header, and a signature block with no "Nơi nhận" before it. Each layout imports to the same tasks, task by task.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createdAgencies, importFile } from '../../src/plan/import/index.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { ASSIGNMENTS, LANDSCAPE_PDF, type Layout, planDocx, SECTIONS } from '../fixtures/office-layouts.ts';
import { docxOf, planBody } from '../fixtures/hostile-files.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-11-29';
const read = async (l: Layout) => importFile('kh-310.docx', await planDocx(l), dir, { source: 'kh-310.docx' }, TODAY);

/** What a task is, as a reader checks it: id, section, lead, coordinators, deadline. */
const tasks = (plan: Plan) =>
  plan.tasks.map((t) => ({
    id: t.id,
    content: t.content,
    lead: t.lead.map((x) => x.agency ?? x.name),
    coordinate: t.coordinate.map((x) => x.agency ?? x.name),
    deadline: t.deadline.due ?? t.deadline.text,
  }));

describe('a plan laid out in Word as offices do', async () => {
  const base = await read({});
  it('the baseline (typed numbers, section rows in two cells) reads every task exactly', () => {
    expect(base.plan.sections.map((s) => [s.id, s.title])).toEqual([
      ['I', 'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH'],
      ['II', 'HẠ TẦNG SỐ'],
    ]);
    expect(tasks(base.plan)).toEqual([
      { id: 'I.1', content: SECTIONS[0]![2][0]![0], lead: ['so-noi-vu'], coordinate: ['vp-ubnd-tinh'], deadline: '2026-06-30' },
      { id: 'I.2', content: SECTIONS[0]![2][1]![0], lead: ['so-tai-chinh'], coordinate: ['so-thong-tin'], deadline: '2026-09-30' },
      { id: 'II.1', content: SECTIONS[1]![2][0]![0], lead: ['so-thong-tin'], coordinate: ['Viettel Bến Tre'], deadline: '2026-12-31' },
      { id: 'II.2', content: SECTIONS[1]![2][1]![0], lead: ['so-thong-tin'], coordinate: ['Viettel Bến Tre'], deadline: '2026-12-31' },
      { id: 'II.3', content: SECTIONS[1]![2][2]![0], lead: ['so-thong-tin'], coordinate: ['so-tai-chinh'], deadline: '2027-12-31' },
      { id: 'II.4', content: SECTIONS[1]![2][3]![0], lead: ['Viettel Bến Tre'], coordinate: ['ubnd-cap-huyen'], deadline: '2026-12-31' },
    ]);
    expect(base.plan.assignments.map((a) => [a.id, a.text])).toEqual([
      ['TCTH.1', ASSIGNMENTS[0]],
      ['TCTH.2', ASSIGNMENTS[1]],
    ]);
    expect(base.plan.document?.signer).toEqual({ title: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(base.plan).toMatchObject({ number: '310/KH-UBND', date: '2026-03-12', issuer: 'UBND tỉnh Bến Tre' });
  });
  it('section rows as one cell across the table ("I. HOÀN THIỆN …")', async () => {
    const { plan } = await read({ sectionRow: 'one-cell' });
    expect(plan.sections).toEqual(base.plan.sections);
    expect(tasks(plan)).toEqual(tasks(base.plan));
  });
  it('leads and coordinators merged down over the rows they share: each row has them', async () => {
    const doc = await planDocx({ mergedLeads: true });
    const { plan } = await importFile('kh-310.docx', doc, dir, {}, TODAY);
    expect(tasks(plan)).toEqual(tasks(base.plan));
  });
  it("Word's automatic numbering: task, section and assignment numbers as the document shows them", async () => {
    for (const sectionRow of ['two-cells', 'one-cell'] as const) {
      const { plan } = await read({ numbering: 'auto', sectionRow });
      expect(plan.sections, sectionRow).toEqual(base.plan.sections);
      expect(tasks(plan), sectionRow).toEqual(tasks(base.plan));
      expect(plan.assignments.map((a) => [a.id, a.text])).toEqual(base.plan.assignments.map((a) => [a.id, a.text]));
    }
  });
  it('the table split in two, the header repeated, a merged lead running across the split', async () => {
    for (const splitAfter of [1, 3, 4]) {
      const { plan } = await read({ splitAfter, mergedLeads: true });
      expect(tasks(plan), `split after ${splitAfter}`).toEqual(tasks(base.plan));
    }
  });
  it('the signature block with no "Nơi nhận" ends the last paragraph and names the signer', async () => {
    const { plan } = await read({ recipients: false });
    expect(plan.assignments.map((a) => a.text)).toEqual(ASSIGNMENTS);
    expect(plan.document?.signer).toEqual({ title: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(plan.document?.parts.map((x) => x.items)).toEqual([['Hoàn thiện thể chế và hạ tầng số của tỉnh.'], ASSIGNMENTS]);
    expect(tasks(plan)).toEqual(tasks(base.plan));
  });
  it('a header of two rows ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"), its other cells merged down or empty', async () => {
    for (const twoRowHeader of ['merged', 'empty'] as const) {
      const { plan } = await read({ twoRowHeader });
      expect(tasks(plan), twoRowHeader).toEqual(tasks(base.plan));
    }
  });
  it('printed to PDF by LibreOffice with its appendix on landscape pages, beside the recipients: the same plan', async () => {
    const { plan, format } = await importFile('kh-310.pdf', readFileSync(LANDSCAPE_PDF), dir, {}, TODAY);
    expect(format).toBe('pdf');
    expect(plan.sections).toEqual(base.plan.sections);
    expect(tasks(plan)).toEqual(tasks(base.plan));
    expect(plan.assignments.map((a) => a.text)).toEqual(ASSIGNMENTS);
    // The recipients and the signature sit side by side: read a line of each, they are still told apart.
    expect(plan.document?.signer).toEqual({ title: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(plan.document?.recipients).toEqual(['Như trên', 'Lưu: VT']);
    expect(base.plan.document?.recipients).toEqual(['Như trên', 'Lưu: VT']);
  });
  it('numbers typed as text stay as written: "1.10" is not the number 1.1', async () => {
    const rows = ['1.9', '1.10', '02'].map((stt) => [stt, `Việc ${stt}`, 'Sở Tài chính', '', 'Năm 2026']);
    const { plan } = await importFile('kh.docx', docxOf(planBody(rows)), dir, {}, TODAY);
    expect(plan.tasks.map((t) => [t.id, t.number])).toEqual([
      ['I.1.9', '1.9'],
      ['I.1.10', '1.10'],
      ['I.02', '02'],
    ]);
  });
  it('all at once', async () => {
    const { plan } = await read({ sectionRow: 'one-cell', numbering: 'auto', mergedLeads: true, splitAfter: 3, recipients: false, twoRowHeader: 'merged' });
    expect(tasks(plan)).toEqual(tasks(base.plan));
    expect(plan.assignments.map((a) => a.text)).toEqual(ASSIGNMENTS);
  });
  it('the agencies the import creates are listed, with their tasks; npm run import prints them before the plan is used', async () => {
    expect(createdAgencies(base.plan)).toEqual([{ name: 'Viettel Bến Tre', tasks: ['II.1', 'II.2', 'II.4'], paragraphs: [] }]);
    const tmp = mkdtempSync(path.join(tmpdir(), 'layouts-'));
    const file = path.join(tmp, 'kh-310.docx');
    writeFileSync(file, await planDocx({}));
    const out = path.join(tmp, 'kh.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../src/cli/import.ts'), file, '-o', out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 cơ quan không có trong danh mục sẽ được tạo làm cơ quan riêng của kế hoạch');
    expect(r.stderr).toContain('  - Viettel Bến Tre: 3 nhiệm vụ (II.1, II.2, II.4)');
    expect(JSON.parse(readFileSync(out, 'utf8')).tasks).toHaveLength(6);
  });
});
