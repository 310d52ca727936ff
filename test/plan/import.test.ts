import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n.ts';
import { describeWarning, importPlan } from '../../src/plan/import/index.ts';
import { parseParties } from '../../src/plan/import/build.ts';
import type { Warning } from '../../src/plan/import/build.ts';
import { SOURCE, dir, plan } from '../helpers.ts';

const imported = importPlan('ke-hoach.txt', readFileSync(SOURCE, 'utf8'), dir);

describe('importing the plan text', () => {
  it('reads the plan number, date, issuer and title', () => {
    expect(imported.plan).toMatchObject({ number: '4561/KH-UBND', date: '2018-09-28', issuer: 'UBND tỉnh Bến Tre' });
    expect(imported.plan.title).toMatch(/61\/2018\/NĐ-CP/);
  });
  it('reads all 19 rows of sections I–III with ids that keep the numbering, and the repeated 6 as II.6b', () => {
    expect(imported.plan.tasks).toHaveLength(19);
    expect(imported.plan.tasks.map((t) => t.id)).toEqual([
      'I.1',
      'I.2',
      'I.3',
      'I.4',
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
      'II.6',
      'II.6b',
      'II.7',
      'II.8',
      'III.1',
      'III.2',
      'III.3',
      'III.4',
      'III.5',
      'III.6',
    ]);
    expect(imported.plan.tasks.find((t) => t.id === 'II.6b')?.number).toBe('6');
  });
  it('keeps section IV with its title, marked as missing in the source', () => {
    expect(imported.plan.sections.at(-1)).toMatchObject({ id: 'IV', missingInSource: true });
    expect(imported.plan.sections.at(-1)!.title).toMatch(/^Tổ chức quán triệt/);
  });
  it('splits agencies run together without a comma (II.1) and warns about it', () => {
    const ii1 = imported.plan.tasks.find((t) => t.id === 'II.1')!;
    expect(ii1.lead.map((p) => p.agency)).toEqual(['vp-ubnd-tinh', 'so-noi-vu', 'ubnd-cap-huyen', 'ubnd-cap-xa']);
    expect(imported.warnings).toContainEqual(expect.objectContaining({ kind: 'runTogether', where: 'II.1' }));
    expect(imported.warnings).toContainEqual({ kind: 'repeatedNumber', where: 'II.6', number: '6', id: 'II.6b' });
    expect(imported.warnings).toContainEqual({ kind: 'missingRows', where: 'IV' });
  });
  it('never splits a group on its commas, and keeps a condition as the note of its agency', () => {
    const iii5 = imported.plan.tasks.find((t) => t.id === 'III.5')!;
    expect(iii5.coordinate.map((p) => p.agency)).toEqual(['so-ke-hoach-dau-tu', 'cong-an-tinh', 'nhnn-chi-nhanh']);
    expect(iii5.coordinate[2]!.note).toBe('khi có hướng dẫn của Ngân hàng Nhà nước Việt Nam');
    expect(imported.plan.tasks[0]!.coordinate).toEqual([{ name: 'Các cơ quan, đơn vị liên quan', agency: 'lien-quan' }]);
  });
  it('reads the seven assignments of "Tổ chức thực hiện" with the agencies they name', () => {
    const a = imported.plan.assignments;
    expect(a).toHaveLength(7);
    expect(a[5]!.lead.map((p) => p.agency)).toEqual(['so-tai-chinh']);
    expect(a[3]!.lead.map((p) => p.agency)).toEqual(['trung-uong-tai-tinh']);
    expect(a[4]!.coordinate.map((p) => p.agency)).toEqual(['lien-quan']);
    expect(a[2]!.text).toMatch(/Chỉ đạo UBND cấp xã/);
  });
  it('the bundled data file is what the importer produces from the bundled source', () => {
    expect(plan).toEqual({ ...imported.plan, source: plan.source });
  });
  it('keeps an unknown agency as written and lists it', () => {
    const w: Warning[] = [];
    expect(parseParties('Sở Nội vụ, Ban Chỉ đạo 389 tỉnh', dir, 'X.1', w)).toEqual([
      { name: 'Sở Nội vụ', agency: 'so-noi-vu' },
      { name: 'Ban Chỉ đạo 389 tỉnh' },
    ]);
    expect(w).toEqual([{ kind: 'unknownAgency', where: 'X.1', name: 'Ban Chỉ đạo 389 tỉnh' }]);
  });
  it('reads a group heading the names of some of its members as those members only', () => {
    const w: Warning[] = [];
    expect(parseParties('UBND các huyện Bình Đại, Ba Tri, Thạnh Phú, Sở Tài chính', dir, 'X.1', w)).toEqual([
      { name: 'UBND huyện Bình Đại', agency: 'huyen-binh-dai' },
      { name: 'UBND huyện Ba Tri', agency: 'huyen-ba-tri' },
      { name: 'UBND huyện Thạnh Phú', agency: 'huyen-thanh-phu' },
      { name: 'Sở Tài chính', agency: 'so-tai-chinh' },
    ]);
    expect(w).toEqual([]);
    // The group alone, or before another kind of party, is the group.
    expect(parseParties('UBND các huyện, Sở Tài chính', dir, 'X.1', w).map((p) => p.agency)).toEqual(['ubnd-cap-huyen', 'so-tai-chinh']);
  });
});

describe('importing CSV and TSV', () => {
  const meta = { number: '12/KH-UBND', date: '2020-01-15', issuer: 'UBND tỉnh Bến Tre', title: 'Kế hoạch thử' };
  it('reads a CSV with quoted commas, a section row, a "Sản phẩm" column and "Thời gian thực hiện"', () => {
    const csv = [
      'STT,Nội dung,Cơ quan chủ trì,Cơ quan phối hợp,Sản phẩm,Thời gian thực hiện,Ghi chú',
      'I,Nhóm một,Nhóm một,Nhóm một,Nhóm một,Nhóm một,Nhóm một',
      '1,"Rà soát, đánh giá ""một cửa""",Sở Nội vụ,"UBND cấp huyện, cấp xã",Báo cáo,Quý II/2020,',
      '2,Việc không rõ hạn,Sở Tư pháp,,Quyết định,Khi có hướng dẫn,ghi chú',
    ].join('\r\n');
    const r = importPlan('plan.csv', csv, dir, meta);
    expect(r.format).toBe('csv');
    expect(r.plan.tasks.map((t) => t.id)).toEqual(['I.1', 'I.2']);
    expect(r.plan.tasks[0]).toMatchObject({ content: 'Rà soát, đánh giá "một cửa"', product: 'Báo cáo', deadline: { due: '2020-06-30' } });
    expect(r.plan.tasks[0]!.coordinate.map((p) => p.agency)).toEqual(['ubnd-cap-huyen', 'ubnd-cap-xa']);
    expect(r.warnings).toContainEqual({ kind: 'badDeadline', where: 'I.2', text: 'Khi có hướng dẫn' });
  });
  it('reads a TSV with a "Kết quả" column and no sections', () => {
    const tsv = 'STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tKết quả\n1\tViệc A\tSTC\t\tNăm 2020\tBáo cáo\n';
    const r = importPlan('plan.tsv', tsv, dir, meta);
    expect(r.plan.tasks[0]).toMatchObject({ id: 'NV.1', product: 'Báo cáo', lead: [{ agency: 'so-tai-chinh' }] });
  });
  it('a number the document does not give is taken from the file name where it has one, and said so', () => {
    const csv = 'STT,Nội dung,Cơ quan chủ trì\n1,Việc,Sở Nội vụ\n';
    for (const [name, number] of [
      ['ke-hoach-1234-KH-UBND-2021.csv', '1234/KH-UBND'],
      ['KH 1234-UBND.csv', '1234/KH-UBND'],
      ['77_KH-SYT.csv', '77/KH-SYT'],
      ['KH1234-UBND (ban sua).csv', '1234/KH-UBND'],
    ] as const) {
      const { plan, warnings } = importPlan(name, csv, dir, { source: name });
      expect(plan).toMatchObject({ id: number, number });
      expect(warnings.filter((w) => w.where === 'number')).toEqual([{ kind: 'metaFromName', where: 'number', text: number }]);
      expect(describeWarning(warnings.find((w) => w.kind === 'metaFromName')!, t)).toBe(`Văn bản không ghi số kế hoạch; lấy theo tên tệp: "${number}"`);
    }
    // A name without one (a year is not a plan number) is a stand-in, as before; a number in the document wins.
    for (const name of ['ke-hoach-2021.csv', 'bao-cao-12-KH.csv', 'KH-0-UBND.csv'])
      expect(
        importPlan(name, csv, dir, { source: name })
          .warnings.filter((w) => w.where === 'number')
          .map((w) => w.kind),
      ).toEqual(['metaGuessed']);
    const given = importPlan('ke-hoach-1234-KH-UBND-2021.csv', csv, dir, { source: 'ke-hoach-1234-KH-UBND-2021.csv', number: '99/KH-UBND' });
    expect(given.plan.number).toBe('99/KH-UBND');
    expect(given.warnings.some((w) => w.where === 'number')).toBe(false);
  });
  it("a CSV that does not say the plan's number, date, issuer or title is imported with stand-ins, each named in a warning", () => {
    const { plan, warnings } = importPlan('plan-thang-3.csv', 'STT,Nội dung,Cơ quan chủ trì\n1,Việc,Sở Nội vụ\n', dir, { source: 'plan-thang-3.csv' });
    expect(plan).toMatchObject({ number: 'plan-thang-3', title: 'plan-thang-3' });
    expect(warnings.filter((w) => w.kind === 'metaGuessed').map((w) => w.where)).toEqual(['number', 'date', 'issuer', 'title']);
    // As the chat's preview says it: the missing part named in Vietnamese, no option of the command line.
    const said = warnings.filter((w) => w.kind === 'metaGuessed').map((w) => describeWarning(w, t));
    expect(said[0]).toBe('Văn bản không ghi số kế hoạch; tạm dùng "plan-thang-3"');
    expect(said.join(' ')).not.toMatch(/--|number|title|issuer/);
    // The stand-in date as people write it.
    expect(said[1]).toMatch(/^Văn bản không ghi ngày ban hành; tạm dùng "\d{2}\/\d{2}\/\d{4}"$/);
  });
});
