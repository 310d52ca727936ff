/**
 * The closing paragraphs after the last "Tổ chức thực hiện" point ("Trên đây là Kế hoạch …", "Yêu cầu … nghiêm túc
 * triển khai thực hiện", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …") are the document's closing, never
 * words of the last point — from Word, from Excel, and from a PDF where the point's last line runs to the margin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { importFile } from '../../src/plan/import/index.ts';
import { ASSIGNMENTS, CLOSING, DISASTER_PDF, disasterPlanDocx } from '../fixtures/disaster-plan.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-03-01';
const word = async (closing?: string[]) => (await importFile('kh-120.docx', await disasterPlanDocx(closing ? { closing } : {}), dir, {}, TODAY)).plan;

describe('the closing paragraphs of a plan', () => {
  it('from Word: the last point ends where the document wrote it, the closing is kept as the closing', async () => {
    const plan = await word();
    expect(plan.assignments.map((a) => a.text)).toEqual(ASSIGNMENTS);
    expect(plan.document?.parts.at(-1)?.items).toEqual(ASSIGNMENTS);
    expect(plan.document?.closing).toBe(CLOSING.join('\n'));
  });
  it('each way a closing opens, alone after the last point', async () => {
    for (const closing of [
      'Trên đây là Kế hoạch ứng phó bão, áp thấp nhiệt đới năm 2026 của UBND tỉnh Bến Tre./.',
      'Yêu cầu các sở, ngành, địa phương nghiêm túc triển khai thực hiện./.',
      'UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh khẩn trương tổ chức thực hiện./.',
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo UBND tỉnh (qua Sở Nông nghiệp và Phát triển nông thôn) để xem xét, giải quyết./.',
    ]) {
      const plan = await word([closing]);
      expect(plan.assignments.at(-1)?.text, closing).toBe(ASSIGNMENTS[1]);
      expect(plan.document?.closing, closing).toBe(closing);
    }
  });
  it('a paragraph that goes on with the last point (no closing words) stays the point’s', async () => {
    const more = 'Yêu cầu lực lượng xung kích cấp xã có mặt tại địa bàn khi có bão.';
    const plan = await word([more, CLOSING[1]!]);
    expect(plan.assignments.at(-1)?.text).toBe(`${ASSIGNMENTS[1]} ${more}`);
    expect(plan.document?.parts.at(-1)?.items.at(-1)).toBe(`${ASSIGNMENTS[1]}\n${more}`);
    expect(plan.document?.closing).toBe(CLOSING[1]);
  });
  it('from Excel: body rows above the table read the same way, the closing ending at "Nơi nhận" and the next sheet’s header', async () => {
    const wb = new ExcelJS.Workbook();
    const body = wb.addWorksheet('Kế hoạch');
    for (const line of [
      'ỦY BAN NHÂN DÂN TỈNH BẾN TRE',
      'Số: 120/KH-UBND',
      'KẾ HOẠCH',
      'Ứng phó bão năm 2026',
      'II. TỔ CHỨC THỰC HIỆN',
      ...ASSIGNMENTS.map((a, i) => `${i + 1}. ${a}`),
      ...CLOSING,
      'Nơi nhận:',
      '- Lưu: VT.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Trần Thị Mai',
    ])
      body.addRow([line]);
    const appendix = wb.addWorksheet('Phụ lục');
    appendix.addRow(['ỦY BAN NHÂN DÂN TỈNH BẾN TRE']);
    appendix.addRow(['PHỤ LỤC']);
    appendix.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành']);
    appendix.addRow(['1', 'Kiện toàn Ban Chỉ huy', 'Sở Nội vụ', '', '31/3/2026']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { plan } = await importFile('kh-120.xlsx', bytes, dir, { date: '2026-02-20' }, TODAY);
    expect(plan.assignments.map((a) => a.text)).toEqual(ASSIGNMENTS);
    expect(plan.document?.closing).toBe(CLOSING.join('\n'));
    expect(plan.document?.signer).toEqual({ title: 'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Trần Thị Mai' });
  });
  it('from a PDF printed from Word, where the last point’s last line runs to the margin: the same plan as the Word file', async () => {
    const fromPdf = (await importFile('kh-120.pdf', readFileSync(DISASTER_PDF), dir, {}, TODAY)).plan;
    expect(fromPdf.assignments.map((a) => a.text)).toEqual(ASSIGNMENTS);
    expect(fromPdf.document?.closing).toBe(CLOSING.join('\n'));
    expect({ ...fromPdf, source: '' }).toEqual({ ...(await word()), source: '' });
  });
  it('KH 118/KH-UBND from its PDF: paragraph 6 ends with its own sentence, and what UBND cấp huyện must do says no more', async () => {
    const file = path.join(import.meta.dirname, '../fixtures/corpus-plans/phong-chong-thien-tai-2026.pdf');
    const { plan } = await importFile('phong-chong-thien-tai-2026.pdf', readFileSync(file), dir, {}, TODAY);
    const six = plan.assignments.find((a) => a.number === '6')!;
    expect(six.text).toMatch(/đội xung kích phòng, chống thiên tai cấp xã\.$/);
    expect(plan.document?.closing).toMatch(
      /^Trên đây là Kế hoạch phòng, chống thiên tai .*\nTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, .* quyết định\.\/\.$/,
    );
    const reply = new Engine(plan, dir).ask('UBND các huyện phải làm gì', { today: TODAY });
    const text = [reply.text, ...(reply.more ?? [])].join('\n');
    expect(text).toContain('Mục 6: UBND các huyện, thành phố xây dựng kế hoạch phòng, chống thiên tai của địa phương');
    expect(text).not.toContain('Trên đây là');
  });
});
