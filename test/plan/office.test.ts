/** Word and Excel plans, written in the test with the docx and ExcelJS libraries, imported as officials send them. */
import { readFileSync } from 'node:fs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../src/plan/import/index.ts';
import { MAX_IMPORT_BYTES, MAX_ZIP_ENTRIES } from '../../src/plan/import/office.ts';
import { dir, SOURCE } from '../helpers.ts';

const TODAY = '2026-11-29';
const seedText = readFileSync(SOURCE, 'utf8');
const seedLines = seedText.split(/\r?\n/);

/** The seed plan's appendix as the text layout holds it: header and rows of cells. */
function seedTable(): string[][] {
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const l of seedLines) {
    if (l.startsWith('\t'))
      cur.push(
        l
          .slice(1)
          .replace(/\u00a0/g, '')
          .trim(),
      );
    else if (cur.length > 0) {
      blocks.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) blocks.push(cur);
  return blocks.slice(blocks.findIndex((b) => b[0] === 'STT'));
}

const para = (text: string) => new Paragraph({ text });
const cell = (text: string | string[], span = 1) =>
  new TableCell({ children: (Array.isArray(text) ? text : [text]).map(para), ...(span > 1 ? { columnSpan: span } : {}) });

/** The seed plan as a Word document: a header table, the body, and the appendix with merged section rows. */
async function seedDocx(opts: { repeatHeaderAt?: number; noteRow?: string } = {}): Promise<Buffer> {
  const [header, ...rows] = seedTable();
  const body = seedLines
    .slice(
      0,
      seedLines.findIndex((l) => l.trim() === 'PHỤ LỤC'),
    )
    .filter((l) => !l.startsWith('\t'));
  const tableRows: TableRow[] = [new TableRow({ children: header!.map((h) => cell(h)), tableHeader: true })];
  rows.forEach((r, i) => {
    if (i === opts.repeatHeaderAt) tableRows.push(new TableRow({ children: header!.map((h) => cell(h)) }));
    const section = /^[IVX]+$/.test(r[0]!) && r.slice(1).every((c) => c === r[1]);
    tableRows.push(new TableRow({ children: section ? [cell(r[0]!), cell(r[1]!, header!.length - 1)] : r.map((c) => cell(c)) }));
  });
  if (opts.noteRow) tableRows.push(new TableRow({ children: [cell(opts.noteRow, header!.length)] }));
  const headerTable = new Table({
    rows: [
      new TableRow({
        children: [
          cell(['ỦY BAN NHÂN DÂN TỈNH BẾN TRE', 'Số: 4561/KH-UBND']),
          cell(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Bến Tre, ngày 28 tháng 9 năm 2018']),
        ],
      }),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          headerTable,
          ...body.map((l) => new Paragraph({ text: l, alignment: AlignmentType.JUSTIFIED })),
          para('PHỤ LỤC'),
          new Table({ rows: tableRows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const summary = (tasks: { id: string; content: string; lead: { name: string }[]; deadline: { text: string } }[]) =>
  tasks.map((t) => [t.id, t.content, t.lead.map((p) => p.name).join('|'), t.deadline.text]);

describe('Word plans', () => {
  it('the seed plan as a Word file imports to the same tasks, metadata and document as from its text', async () => {
    const fromText = await importFile('ke-hoach.txt', Buffer.from(seedText), dir, {}, TODAY);
    const fromWord = await importFile('ke-hoach.docx', await seedDocx(), dir, {}, TODAY);
    expect(fromWord.format).toBe('docx');
    expect(summary(fromWord.plan.tasks)).toEqual(summary(fromText.plan.tasks));
    expect(fromWord.plan).toMatchObject({ number: '4561/KH-UBND', date: '2018-09-28', issuer: 'UBND tỉnh Bến Tre' });
    expect(fromWord.plan.assignments).toHaveLength(7);
    expect(fromWord.plan.document?.basis).toHaveLength(2);
    expect(fromWord.warnings.filter((w) => w.kind === 'metaGuessed')).toEqual([]);
  });
  it('a header row repeated on a new page and a notes row merged across the table are not tasks', async () => {
    const { plan } = await importFile(
      'kh.docx',
      await seedDocx({ repeatHeaderAt: 8, noteRow: 'Ghi chú: các cơ quan báo cáo kết quả về VP.UBND tỉnh.' }),
      dir,
      {},
      TODAY,
    );
    expect(plan.tasks).toHaveLength(19);
    expect(plan.tasks.some((t) => /Ghi chú/.test(t.content))).toBe(false);
  });
  it('a cell with a numbered list, an extra "Sản phẩm" column, and no header table: metadata falls back with warnings', async () => {
    const header = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'];
    const doc = new Document({
      sections: [
        {
          children: [
            para('KẾ HOẠCH'),
            para('Thực hiện chuyển đổi số năm 2027'),
            new Table({
              rows: [
                new TableRow({ children: header.map((h) => cell(h)) }),
                new TableRow({ children: [cell('I'), cell('Hạ tầng số', 5)] }),
                new TableRow({
                  children: [
                    cell('1'),
                    cell(['Nâng cấp mạng nội bộ:', '1. Thay thiết bị chuyển mạch', '2. Kiểm tra an toàn thông tin']),
                    cell('Sở Thông tin và Truyền thông'),
                    cell('Sở Tài chính'),
                    cell('Quý II/2027'),
                    cell('Báo cáo kết quả'),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const { plan, warnings } = await importFile('chuyen-doi-so.docx', await Packer.toBuffer(doc), dir, { source: 'chuyen-doi-so.docx' }, TODAY);
    expect(plan.tasks[0]).toMatchObject({
      id: 'I.1',
      content: 'Nâng cấp mạng nội bộ: 1. Thay thiết bị chuyển mạch 2. Kiểm tra an toàn thông tin',
      product: 'Báo cáo kết quả',
    });
    expect(plan.tasks[0]!.lead.map((p) => p.agency)).toEqual(['so-thong-tin']);
    expect(plan).toMatchObject({ title: 'Thực hiện chuyển đổi số năm 2027', number: 'chuyen-doi-so', date: TODAY });
    expect(warnings.filter((w) => w.kind === 'metaGuessed').map((w) => w.where)).toEqual(['number', 'date', 'issuer']);
  });
});

describe('Excel plans', () => {
  it('title rows above the header, merged section rows, and tasks over two sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const header = ['STT', 'Nội dung thực hiện', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Ghi chú'];
    const one = wb.addWorksheet('Phụ lục I');
    one.addRow(['Phụ lục nhiệm vụ kèm theo Kế hoạch số 123/KH-UBND ngày 05 tháng 1 năm 2027 của UBND tỉnh Bến Tre']);
    one.addRow([]);
    one.addRow(header);
    one.addRow(['I', 'Văn bản chỉ đạo']);
    one.mergeCells('B4:F4');
    one.addRow(['1', 'Ban hành quy chế phối hợp', 'Sở Nội vụ', 'VP.UBND tỉnh', 'Quý I/2027', '']);
    const two = wb.addWorksheet('Phụ lục II');
    two.addRow(header);
    two.addRow(['II', 'Hạ tầng']);
    two.mergeCells('B2:F2');
    two.addRow(['1', 'Nâng cấp trụ sở Bộ phận một cửa', 'UBND cấp huyện', '', '30/6/2027', '']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { plan, format } = await importFile('kh-123.xlsx', bytes, dir, {}, TODAY);
    expect(format).toBe('xlsx');
    expect(plan).toMatchObject({ number: '123/KH-UBND', date: '2027-01-05', issuer: 'UBND tỉnh Bến Tre' });
    expect(plan.sections.map((s) => s.id)).toEqual(['I', 'II']);
    expect(plan.tasks.map((t) => [t.id, t.deadline.due])).toEqual([
      ['I.1', '2027-03-31'],
      ['II.1', '2027-06-30'],
    ]);
  });
});

describe('files that are not plans', () => {
  it('each is refused with a message naming the problem, and nothing is made', async () => {
    await expect(importFile('a.docx', Buffer.from('hello, not a zip'), dir)).rejects.toThrow(/not a Word file/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    await expect(importFile('a.docx', ole, dir)).rejects.toThrow(/password-protected, or in the old format/);
    await expect(importFile('a.xlsx', ole, dir)).rejects.toThrow(/password-protected/);
    const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]);
    await expect(importFile('a.docx', broken, dir)).rejects.toThrow(/damaged/);
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    await expect(importFile('a.docx', await zip.generateAsync({ type: 'nodebuffer' }), dir)).rejects.toThrow(/not a Word document/);
    await expect(importFile('big.docx', Buffer.concat([Buffer.from('PK'), Buffer.alloc(11 * 1024 * 1024)]), dir)).rejects.toThrow(/at most 10 MiB/);
    const noTable = new Document({ sections: [{ children: [para('Một công văn, không có bảng nhiệm vụ')] }] });
    await expect(importFile('cv.docx', await Packer.toBuffer(noTable), dir)).rejects.toThrow(ImportError);
    await expect(importFile('cv.doc', Buffer.from('x'), dir)).rejects.toThrow(/save the file as .docx/);
  });
  it('a small file that unpacks to more than 100 MiB, or holds thousands of parts, is refused before it is read', async () => {
    const bomb = new JSZip();
    bomb.file('word/document.xml', Buffer.alloc(120 * 2 ** 20, 0x20), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const small = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(small.length).toBeLessThan(MAX_IMPORT_BYTES);
    const refused = await importFile('bomb.docx', small, dir).catch((e: unknown) => e);
    expect([(refused as ImportError).code, (refused as ImportError).params]).toEqual(['too-big-unpacked', { size: '120', max: 100 }]);
    const many = new JSZip();
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) many.file(`xl/p${i}.xml`, '<a/>');
    const parts = await importFile('many.xlsx', await many.generateAsync({ type: 'nodebuffer' }), dir).catch((e: unknown) => e);
    expect((parts as ImportError).code).toBe('too-many-parts');
  });
});
