/**
 * Plans sent as an Excel workbook the way provincial offices send them: the letterhead and title above the task table,
 * the "Nơi nhận" list and the signature block under it. Under the table is the document's close, never tasks: the
 * recipients and the signer are read as the Word importer reads them.
 * The workbook test/fixtures/corpus-plans/pccc-2026.xlsx is Kế hoạch 236/KH-UBND as a blind tester built it
 * (make-fresh16.mjs); the others are built here with ExcelJS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { importFile } from '../../src/plan/import/index.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { disasterPlanDocx } from '../fixtures/disaster-plan.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-03-01';
const para = (text: string) => new Paragraph({ text });
const cell = (text: string) => new TableCell({ children: [para(text)] });
const PCCC = path.join(import.meta.dirname, '../fixtures/corpus-plans/pccc-2026.xlsx');
const pccc = async () => importFile('pccc-2026.xlsx', readFileSync(PCCC), dir, {}, TODAY);
const ask = (plan: Plan, question: string) => new Engine(plan, dir).ask(question, { today: TODAY }).text;
/** Every text of a task an official could be shown. */
const shown = (plan: Plan) =>
  plan.tasks.flatMap((t) => [t.content, t.leadText, t.coordinateText, t.deadline.text, t.note ?? '', ...[...t.lead, ...t.coordinate].map((p) => p.name)]);

describe('Kế hoạch 236/KH-UBND sent as an Excel workbook (pccc-2026.xlsx)', () => {
  it('has its 25 tasks, I.1–I.8, II.1–II.9, III.1–III.8, and none read from the recipients or the signature under the table', async () => {
    const { plan, warnings } = await pccc();
    const ids = (section: string, n: number) => Array.from({ length: n }, (_, k) => `${section}.${k + 1}`);
    expect(plan.tasks.map((t) => t.id)).toEqual([...ids('I', 8), ...ids('II', 9), ...ids('III', 8)]);
    expect(plan.tasks.at(-1)?.content).toBe('Sơ kết, đánh giá kết quả thực hiện Kế hoạch; báo cáo UBND tỉnh (qua Công an tỉnh)');
    for (const text of shown(plan)) expect(text).not.toMatch(/Nơi nhận|ỦY BAN NHÂN DÂN|CHỦ TỊCH|Đã ký|Võ Thành Nhân|Lưu: VT/);
    expect(warnings.filter((w) => w.kind === 'noLead' || w.kind === 'repeatedNumber')).toEqual([]);
  });
  it('the signer and the recipients are the document’s, as the bot tells them', async () => {
    const { plan } = await pccc();
    expect(plan.document?.signer).toEqual({ title: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Võ Thành Nhân' });
    expect(plan.document?.recipients).toEqual([
      'Bộ Công an (C07)',
      'TT.TU, TT.HĐND tỉnh',
      'CT, các PCT.UBND tỉnh',
      'Các sở, ban, ngành tỉnh',
      'UBND các huyện, thành phố',
      'Lưu: VT, NC',
    ]);
    expect(ask(plan, 'ai ký kế hoạch')).toContain('Người ký: Phó Chủ tịch Võ Thành Nhân (TM. Ủy ban nhân dân, KT. Chủ tịch).');
    expect(ask(plan, 'Who signed the plan?')).toContain('Signed by: Phó Chủ tịch Võ Thành Nhân (TM. Ủy ban nhân dân, KT. Chủ tịch).');
    expect(ask(plan, 'kế hoạch gửi những nơi nào')).toContain('• Bộ Công an (C07)');
  });
  it('"Trước mùa khô 2026" (I.4) is read, not flagged: due within 2026 at the latest, overdue once 2026 is over', async () => {
    const { plan, warnings } = await pccc();
    expect(warnings.filter((w) => w.kind === 'badDeadline')).toEqual([]);
    expect(ask(plan, 'I.4 hạn khi nào')).toContain('• Thời hạn: Trước mùa khô 2026 (hạn 31/12/2026)');
    const engine = new Engine(plan, dir);
    expect(engine.ask('I.4 xong chưa', { today: '2026-12-31' }).text).toContain('• Tình trạng: Đang thực hiện trong hạn');
    expect(engine.ask('I.4 xong chưa', { today: '2027-01-05' }).text).toContain('• Tình trạng: Quá hạn (tính đến 05/01/2027)');
  });
  it('the law and the decree the line under its title cites are what it is based on', async () => {
    const { plan } = await pccc();
    expect(plan.document?.basis).toEqual([
      {
        text: 'Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15 ngày 29/11/2024',
        kind: 'Luật',
        title: 'Phòng cháy, chữa cháy và cứu nạn, cứu hộ',
        number: '55/2024/QH15',
        date: '2024-11-29',
      },
      {
        text: 'Nghị định số 105/2025/NĐ-CP ngày 15/5/2025 của Chính phủ',
        kind: 'Nghị định',
        number: '105/2025/NĐ-CP',
        date: '2025-05-15',
        issuer: 'Chính phủ',
      },
    ]);
    const said = ask(plan, 'kế hoạch căn cứ văn bản nào');
    expect(said).toContain('Kế hoạch 236/KH-UBND căn cứ 2 văn bản:');
    // A law cited without its issuer is told without one, not "của —".
    expect(said).toContain('• Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15 ngày 29/11/2024\n');
    expect(said).toContain('• Nghị định số 105/2025/NĐ-CP ngày 15/05/2025 của Chính phủ');
    expect(ask(plan, 'What legal documents is the plan based on?')).toContain(
      '• Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ no. 55/2024/QH15 of 29/11/2024\n',
    );
  });
});

/** A department's plan: its recipients in the first column, the signature two columns right, no merged cells. */
async function departmentWorkbook(close: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['SỞ Y TẾ TỈNH BẾN TRE', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.addRow(['Số: 88/KH-SYT', null, 'Bến Tre, ngày 10 tháng 02 năm 2026']);
  ws.addRow(['KẾ HOẠCH']);
  ws.addRow(['Phòng, chống dịch bệnh mùa mưa năm 2026']);
  ws.addRow(['STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn']);
  ws.addRow(['I', 'GIÁM SÁT DỊCH BỆNH', 'GIÁM SÁT DỊCH BỆNH', 'GIÁM SÁT DỊCH BỆNH', 'GIÁM SÁT DỊCH BỆNH']);
  ws.addRow([1, 'Giám sát ca bệnh sốt xuất huyết tại cộng đồng', 'Sở Y tế', 'UBND cấp xã', 'Quý II/2026']);
  ws.addRow([2, 'Phun hóa chất diệt muỗi tại ổ dịch', 'Sở Y tế', 'UBND cấp huyện', '30/9/2026']);
  ws.addRow([]);
  for (const row of close) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('an Excel plan whose close sits under the table', () => {
  it('a department’s recipients and signature, in columns of their own: two tasks, the recipients and the signer', async () => {
    const bytes = await departmentWorkbook([
      ['Nơi nhận:', null, null, 'KT. GIÁM ĐỐC'],
      ['- UBND tỉnh (b/c);', null, null, 'PHÓ GIÁM ĐỐC'],
      ['- UBND các huyện, thành phố;', null, null, '(đã ký)'],
      ['- Lưu: VT.'],
      [null, null, null, 'Nguyễn Thị Hồng'],
    ]);
    const { plan } = await importFile('kh-88-syt.xlsx', bytes, dir, {}, TODAY);
    expect(plan.tasks.map((t) => [t.id, t.lead.map((p) => p.name)])).toEqual([
      ['I.1', ['Sở Y tế']],
      ['I.2', ['Sở Y tế']],
    ]);
    expect(plan.document?.recipients).toEqual(['UBND tỉnh (b/c)', 'UBND các huyện, thành phố', 'Lưu: VT']);
    expect(plan.document?.signer).toEqual({ title: 'KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC', name: 'Nguyễn Thị Hồng' });
    expect(ask(plan, 'ai ký kế hoạch')).toContain('Người ký: Phó Giám đốc Nguyễn Thị Hồng (KT. Giám đốc).');
  });
  it('a signature with no "Nơi nhận" before it, and a closing paragraph under the table, are no tasks either', async () => {
    const bytes = await departmentWorkbook([
      ['Trên đây là Kế hoạch phòng, chống dịch bệnh mùa mưa năm 2026 của Sở Y tế./.'],
      [null, null, null, 'GIÁM ĐỐC'],
      [null, null, null, 'Trần Văn Bình'],
    ]);
    const { plan } = await importFile('kh-88-syt.xlsx', bytes, dir, {}, TODAY);
    expect(plan.tasks.map((t) => t.id)).toEqual(['I.1', 'I.2']);
    expect(plan.document?.closing).toBe('Trên đây là Kế hoạch phòng, chống dịch bệnh mùa mưa năm 2026 của Sở Y tế./.');
    expect(plan.document?.signer).toEqual({ title: 'GIÁM ĐỐC', name: 'Trần Văn Bình' });
  });
});

describe('the mark where a signature stands on a copy', () => {
  it('"(Đã ký)" between the title and the name is neither: in Word too', async () => {
    const { plan } = await importFile(
      'kh-120.docx',
      await disasterPlanDocx({ signature: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Đã ký)', 'Lê Văn Hòa'] }),
      dir,
      {},
      TODAY,
    );
    expect(plan.document?.signer).toEqual({ title: 'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Lê Văn Hòa' });
  });
});

describe('a citation in parentheses under the title', () => {
  it('in Word: the plan it carries out is cited, a sentence of the body that starts "Thực hiện" is not', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            para('ỦY BAN NHÂN DÂN HUYỆN BA TRI'),
            para('Số: 45/KH-UBND'),
            para('KẾ HOẠCH'),
            para('Phòng cháy, chữa cháy trên địa bàn huyện năm 2026'),
            para('(Triển khai Kế hoạch số 236/KH-UBND ngày 22/01/2026 của UBND tỉnh Bến Tre)'),
            para('(Ban hành kèm theo nội dung chỉ đạo của Huyện ủy)'),
            para('I. MỤC ĐÍCH, YÊU CẦU'),
            para('1. Thực hiện Chỉ thị số 19/CT-TTg ngày 24/6/2024 của Thủ tướng Chính phủ, nâng cao ý thức phòng cháy.'),
            new Table({
              rows: [
                new TableRow({ children: ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn'].map((h) => cell(h)) }),
                new TableRow({ children: ['1', 'Kiểm tra an toàn phòng cháy tại chợ', 'Công an huyện', 'Quý II/2026'].map((h) => cell(h)) }),
              ],
            }),
          ],
        },
      ],
    });
    const { plan } = await importFile('kh-45.docx', await Packer.toBuffer(doc), dir, {}, TODAY);
    expect(plan.number).toBe('45/KH-UBND');
    expect(plan.document?.basis).toEqual([
      {
        text: 'Kế hoạch số 236/KH-UBND ngày 22/01/2026 của UBND tỉnh Bến Tre',
        kind: 'Kế hoạch',
        number: '236/KH-UBND',
        date: '2026-01-22',
        issuer: 'UBND tỉnh Bến Tre',
      },
    ]);
  });
  it('in Excel with no "Số:" line: the plan it cites is not taken for its own number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KH');
    ws.addRow(['KẾ HOẠCH']);
    ws.addRow(['Tuyên truyền phòng cháy, chữa cháy năm 2026']);
    ws.addRow(['(Thực hiện Kế hoạch số 236/KH-UBND ngày 22/01/2026 của UBND tỉnh Bến Tre)']);
    ws.addRow(['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn']);
    ws.addRow([1, 'Tuyên truyền kỹ năng thoát nạn', 'Tỉnh Đoàn', 'Quý III/2026']);
    const { plan, warnings } = await importFile('tuyen-truyen.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), dir, {}, TODAY);
    expect(plan.number).not.toBe('236/KH-UBND');
    expect(warnings.some((w) => w.kind === 'metaGuessed' && w.where === 'number')).toBe(true);
    expect(plan.document?.basis.map((b) => b.number)).toEqual(['236/KH-UBND']);
  });
});
