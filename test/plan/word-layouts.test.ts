/**
 * One plan laid out in Word the ways offices do (#22 item 2), written with the docx library: section rows as one cell
 * across the table, lead cells merged down over several rows, Word's automatic numbering instead of typed numbers
 * (tasks, sections and the "Tổ chức thực hiện" paragraphs), the table split into several tables that repeat the
 * header, and a signature block with no "Nơi nhận" before it. Each layout imports to the same tasks, task by task.
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createdAgencies, importFile } from '../../src/plan/import/index.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-11-29';
const HEADER = ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'];

/** [content, lead, coordinate, deadline] */
type Row = [string, string, string, string];
const SECTIONS: [string, string, Row[]][] = [
  [
    'I',
    'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH',
    [
      ['Rà soát, sửa đổi quy chế làm việc của UBND tỉnh', 'Sở Nội vụ', 'VP.UBND tỉnh', 'Quý II/2026'],
      ['Ban hành quy định về kinh phí chuyển đổi số', 'Sở Tài chính', 'Sở Thông tin và Truyền thông', '30/9/2026'],
    ],
  ],
  [
    'II',
    'HẠ TẦNG SỐ',
    [
      ['Nâng cấp mạng truyền số liệu chuyên dùng', 'Sở Thông tin và Truyền thông', 'Viettel Bến Tre', 'Năm 2026'],
      ['Phủ sóng di động vùng lõm', 'Sở Thông tin và Truyền thông', 'Viettel Bến Tre', 'Năm 2026'],
      ['Xây dựng trung tâm dữ liệu tỉnh', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', 'Năm 2027'],
      ['Kết nối cáp quang đến các xã', 'Viettel Bến Tre', 'UBND cấp huyện', 'Quý IV/2026'],
    ],
  ],
];

const ASSIGNMENTS = ['Sở Thông tin và Truyền thông chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.', 'Sở Tài chính tham mưu bố trí kinh phí thực hiện.'];

interface Layout {
  /** "I" in the first cell and the title across the rest (the baseline), or "I. TITLE" in one cell across all. */
  sectionRow?: 'two-cells' | 'one-cell';
  /** Numbers typed in the text (the baseline), or made by Word's numbering. */
  numbering?: 'typed' | 'auto';
  /** A lead named once in a cell merged down over the rows it leads in a row (and so the coordinators). */
  mergedLeads?: boolean;
  /** The table split after this many task rows, the header repeated on the next table. */
  splitAfter?: number;
  /** The recipients before the signature (the baseline), or the signature alone. */
  recipients?: boolean;
  /** A header of two rows: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp", the other cells merged down (or left empty). */
  twoRowHeader?: 'merged' | 'empty';
}

const p = (text: string, extra: { numbering?: { reference: string; level: number } } = {}) => new Paragraph({ text, ...extra });
const auto = (reference: string, level = 0) => ({ numbering: { reference, level } });

async function planDocx(l: Layout = {}): Promise<Buffer> {
  const numbered = l.numbering === 'auto';
  const cell = (text: string, o: { span?: number; merge?: 'restart' | 'continue'; num?: ReturnType<typeof auto> } = {}) =>
    new TableCell({
      children: text.split('\n').map((t) => p(t, o.num ?? {})),
      ...(o.span ? { columnSpan: o.span } : {}),
      ...(o.merge ? { verticalMerge: o.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
    });
  const down = (text: string) => (l.twoRowHeader === 'merged' ? cell(text, { merge: 'restart' }) : cell(text));
  const under = () => (l.twoRowHeader === 'merged' ? cell('', { merge: 'continue' }) : cell(''));
  const header = () =>
    l.twoRowHeader
      ? [
          new TableRow({
            children: [down('STT'), down('Nội dung nhiệm vụ'), cell('Cơ quan thực hiện', { span: 2 }), down('Thời gian hoàn thành')],
            tableHeader: true,
          }),
          new TableRow({ children: [under(), under(), cell('Chủ trì'), cell('Phối hợp'), under()], tableHeader: true }),
        ]
      : [new TableRow({ children: HEADER.map((h) => cell(h)), tableHeader: true })];
  const tables: TableRow[][] = [header()];
  let count = 0;
  for (const [roman, title, rows] of SECTIONS) {
    const sectionRow =
      l.sectionRow === 'one-cell'
        ? [cell(numbered ? title : `${roman}. ${title}`, { span: HEADER.length, ...(numbered ? { num: auto('plan', 0) } : {}) })]
        : [numbered ? cell('', { num: auto('plan', 0) }) : cell(roman), cell(title, { span: HEADER.length - 1 })];
    tables.at(-1)!.push(new TableRow({ children: sectionRow }));
    rows.forEach(([content, lead, coordinate, deadline], i) => {
      if (l.splitAfter !== undefined && count === l.splitAfter) tables.push(header());
      count++;
      // Merged down: a lead (and its coordinators) shared with the row above is named once, in a cell merged over both.
      const row = rows[i]!;
      const prev = rows[i - 1];
      const next = rows[i + 1];
      const sameLead = (a?: Row, b?: Row) => Boolean(l.mergedLeads && a && b && a[1] === b[1]);
      const sameBoth = (a?: Row, b?: Row) => sameLead(a, b) && a![2] === b![2];
      const merged = (text: string, same: (a?: Row, b?: Row) => boolean) =>
        same(prev, row) ? cell('', { merge: 'continue' }) : cell(text, same(row, next) ? { merge: 'restart' } : {});
      tables.at(-1)!.push(
        new TableRow({
          children: [
            numbered ? cell('', { num: auto('plan', 1) }) : cell(String(i + 1)),
            cell(content),
            merged(lead, sameLead),
            merged(coordinate, sameBoth),
            cell(deadline),
          ],
        }),
      );
    });
  }
  const signature = [p('TM. ỦY BAN NHÂN DÂN'), p('KT. CHỦ TỊCH'), p('PHÓ CHỦ TỊCH'), p('Nguyễn Văn An')];
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2', alignment: AlignmentType.LEFT },
          ],
        },
        { reference: 'body', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        children: [
          new Table({
            rows: [
              new TableRow({
                children: [
                  cell('ỦY BAN NHÂN DÂN TỈNH BẾN TRE\nSố: 310/KH-UBND'),
                  cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBến Tre, ngày 12 tháng 3 năm 2026'),
                ],
              }),
            ],
          }),
          p('KẾ HOẠCH'),
          p('Chuyển đổi số tỉnh Bến Tre năm 2026'),
          p('I. MỤC ĐÍCH, YÊU CẦU'),
          p('1. Hoàn thiện thể chế và hạ tầng số của tỉnh.'),
          p('II. TỔ CHỨC THỰC HIỆN'),
          ...ASSIGNMENTS.map((a, i) => (numbered ? p(a, auto('body')) : p(`${i + 1}. ${a}`))),
          ...(l.recipients === false
            ? []
            : [new Table({ rows: [new TableRow({ children: [cell('Nơi nhận:\n- Như trên;\n- Lưu: VT.'), new TableCell({ children: signature })] })] })]),
          ...(l.recipients === false ? signature : []),
          p('PHỤ LỤC'),
          p('NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026'),
          ...tables.flatMap((rows, k) => [...(k > 0 ? [p('')] : []), new Table({ rows })]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

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
    expect(base.plan.document?.signer).toEqual({ title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
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
    expect(plan.document?.signer).toEqual({ title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(plan.document?.parts.map((x) => x.items)).toEqual([['Hoàn thiện thể chế và hạ tầng số của tỉnh.'], ASSIGNMENTS]);
    expect(tasks(plan)).toEqual(tasks(base.plan));
  });
  it('a header of two rows ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"), its other cells merged down or empty', async () => {
    for (const twoRowHeader of ['merged', 'empty'] as const) {
      const { plan } = await read({ twoRowHeader });
      expect(tasks(plan), twoRowHeader).toEqual(tasks(base.plan));
    }
  });
  it('all at once', async () => {
    const { plan } = await read({ sectionRow: 'one-cell', numbering: 'auto', mergedLeads: true, splitAfter: 3, recipients: false, twoRowHeader: 'merged' });
    expect(tasks(plan)).toEqual(tasks(base.plan));
    expect(plan.assignments.map((a) => a.text)).toEqual(ASSIGNMENTS);
  });
  it('the agencies the import creates are listed, with their tasks; npm run import prints them before the plan is used', async () => {
    expect(createdAgencies(base.plan)).toEqual([{ name: 'Viettel Bến Tre', tasks: ['II.1', 'II.2', 'II.4'] }]);
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
