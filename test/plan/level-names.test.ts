/**
 * A body named with its level of government, as offices write it in a coordinators cell: "Công an cấp xã" is the
 * commune police, one party named as typed — not Công an tỉnh and UBND cấp xã (KH 236/KH-UBND, II.9). Excel and Word
 * cells alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { parseParties, type Warning } from '../../src/plan/import/build.ts';
import { createdAgencies, importFile } from '../../src/plan/import/index.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-03-01';
const cell = (text: string) => {
  const warnings: Warning[] = [];
  return { parties: parseParties(text, dir, 'II.9', warnings), warnings };
};

describe('a level written after a body’s name', () => {
  it('II.9 of the PCCC workbook: "Công an cấp xã" coordinates, as typed, and Công an tỉnh does not', async () => {
    const bytes = readFileSync(path.join(import.meta.dirname, '../fixtures/corpus-plans/pccc-2026.xlsx'));
    const { plan } = await importFile('pccc-2026.xlsx', bytes, dir, {}, TODAY);
    const task = plan.tasks.find((t) => t.id === 'II.9')!;
    expect([task.lead, task.coordinate]).toEqual([[{ name: 'UBND cấp xã', agency: 'ubnd-cap-xa' }], [{ name: 'Công an cấp xã' }]]);
    expect(createdAgencies(plan).find((a) => a.name === 'Công an cấp xã')).toEqual({ name: 'Công an cấp xã', tasks: ['II.9'], paragraphs: [] });
    const engine = new Engine(plan, dir);
    expect(engine.ask('II.9 ai phối hợp', { today: TODAY }).text).toContain('• Phối hợp: Công an cấp xã\n');
    expect(engine.ask('công an tỉnh phối hợp những việc nào', { today: TODAY }).tasks.map((t) => t.id)).not.toContain('II.9');
  });
  it('one party for the body at that level, with no directory id; the levels alone and the bodies alone read as before', () => {
    expect(cell('Công an cấp xã')).toEqual({
      parties: [{ name: 'Công an cấp xã' }],
      warnings: [{ kind: 'unknownAgency', where: 'II.9', name: 'Công an cấp xã' }],
    });
    expect(cell('Sở Y tế; Công an cấp huyện (đội PCCC)').parties).toEqual([
      { name: 'Sở Y tế', agency: 'so-y-te' },
      { name: 'Công an cấp huyện', note: 'đội PCCC' },
    ]);
    expect(cell('Công an các xã, phường, thị trấn').parties).toEqual([{ name: 'Công an các xã, phường, thị trấn' }]);
    expect(cell('Công an tỉnh, UBND cấp xã').parties.map((p) => p.agency)).toEqual(['cong-an-tinh', 'ubnd-cap-xa']);
    expect(cell('Công an tỉnh, cấp xã').parties.map((p) => p.agency)).toEqual(['cong-an-tinh', 'ubnd-cap-xa']);
    expect(cell('UBND cấp huyện, cấp xã').parties.map((p) => p.agency)).toEqual(['ubnd-cap-huyen', 'ubnd-cap-xa']);
    expect(cell('Ủy ban nhân dân cấp xã').parties.map((p) => p.agency)).toEqual(['ubnd-cap-xa']);
  });
  it('in a Word table cell too', async () => {
    const c = (text: string) => new TableCell({ children: [new Paragraph({ text })] });
    const row = (cells: string[]) => new TableRow({ children: cells.map(c) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Số: 45/KH-UBND' }),
            new Paragraph({ text: 'KẾ HOẠCH' }),
            new Paragraph({ text: 'Phòng cháy, chữa cháy năm 2026' }),
            new Table({
              rows: [
                row(['STT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn']),
                row(['1', 'Kiểm tra an toàn phòng cháy tại hộ kinh doanh', 'UBND cấp xã', 'Công an cấp xã', 'Quý II/2026']),
              ],
            }),
          ],
        },
      ],
    });
    const { plan, warnings } = await importFile('kh-45.docx', await Packer.toBuffer(doc), dir, {}, TODAY);
    expect(plan.tasks[0]?.coordinate).toEqual([{ name: 'Công an cấp xã' }]);
    expect(warnings.some((w) => w.kind === 'runTogether')).toBe(false);
  });
  it('a body of a kind the directory lacks, named around one it knows, is that body as written (not the known one inside)', () => {
    expect(cell('Sở Lao động - Thương binh và Xã hội; Các cơ sở giáo dục nghề nghiệp').parties).toEqual([
      { name: 'Sở Lao động - Thương binh và Xã hội', agency: 'so-lao-dong' },
      { name: 'Các cơ sở giáo dục nghề nghiệp' },
    ]);
    expect(cell('Phòng Lao động - Thương binh và Xã hội cấp huyện').parties).toEqual([{ name: 'Phòng Lao động - Thương binh và Xã hội cấp huyện' }]);
    expect(cell('Sở Giáo dục và Đào tạo, các trường THPT').parties[0]).toEqual({ name: 'Sở Giáo dục và Đào tạo', agency: 'so-giao-duc' });
  });
});
