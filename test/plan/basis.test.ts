/**
 * The documents a plan cites in its "Căn cứ" lines (#22): kind, title, number, date, issuer and what each does, read
 * as written — a document without a number keeps its kind and title, "số" in a name is no number, "… của UBND tỉnh
 * phê duyệt …" names the issuer and the subject, and a plan cited there is never taken for the plan itself.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { importFile } from '../../src/plan/import/index.ts';
import { readBases, readBasis, readMeta } from '../../src/plan/import/text.ts';
import { arrivingPlanDocx, BASIS } from '../fixtures/arriving-plan.ts';
import { BASIS as DISASTER_BASIS, disasterPlanDocx } from '../fixtures/disaster-plan.ts';
import { dir } from '../helpers.ts';

const fields = (line: string) => {
  const { text: _, ...rest } = readBasis(line);
  return rest;
};

describe('a cited document, as the plan writes it', () => {
  it('a law without a number keeps its kind and its title, and "số" in its title is no number', () => {
    expect(fields('Căn cứ Luật Chuyển đổi số ngày 14 tháng 6 năm 2025;')).toEqual({ kind: 'Luật', title: 'Chuyển đổi số', date: '2025-06-14' });
    expect(fields('Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;')).toEqual({ kind: 'Luật', title: 'Khám bệnh, chữa bệnh', date: '2023-01-09' });
  });
  it('a law with a number keeps its title apart from its kind and number', () => {
    expect(fields('Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19 tháng 6 năm 2015;')).toEqual({
      kind: 'Luật',
      title: 'Tổ chức chính quyền địa phương',
      number: '77/2015/QH13',
      date: '2015-06-19',
    });
  });
  it('a law whose name holds "của" and "sửa đổi" is not cut there', () => {
    expect(
      fields('Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;'),
    ).toEqual({
      kind: 'Luật',
      title: 'sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương',
      date: '2019-11-22',
    });
  });
  it('a directive without a number does not swallow its issuer or subject into its kind', () => {
    expect(fields('Căn cứ Chỉ thị của Thủ tướng Chính phủ về đẩy mạnh chuyển đổi số quốc gia;')).toEqual({
      kind: 'Chỉ thị',
      issuer: 'Thủ tướng Chính phủ',
      about: 'về đẩy mạnh chuyển đổi số quốc gia',
    });
  });
  it('"… của UBND tỉnh phê duyệt …": the issuer is UBND tỉnh, the subject is what it approves', () => {
    expect(fields(BASIS[2]!)).toEqual({
      kind: 'Quyết định',
      number: '123/QĐ-UBND',
      date: '2026-01-15',
      issuer: 'UBND tỉnh',
      about: 'phê duyệt Đề án phát triển tổ công nghệ số cộng đồng tỉnh Bến Tre',
    });
    expect(fields('Căn cứ Quyết định số 5316/QĐ-BYT ngày 22 tháng 12 năm 2020 của Bộ trưởng Bộ Y tế phê duyệt Chương trình chuyển đổi số y tế;')).toMatchObject(
      {
        issuer: 'Bộ trưởng Bộ Y tế',
        about: 'phê duyệt Chương trình chuyển đổi số y tế',
      },
    );
  });
  it('a decree that "quy định …", and a number written without "số"', () => {
    expect(fields(BASIS[1]!)).toEqual({
      kind: 'Nghị định',
      number: '45/2025/NĐ-CP',
      date: '2025-02-28',
      issuer: 'Chính phủ',
      about: 'quy định chi tiết một số điều của Luật Chuyển đổi số',
    });
    expect(fields('Căn cứ Nghị định 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;')).toMatchObject({
      kind: 'Nghị định',
      number: '61/2018/NĐ-CP',
      date: '2018-04-23',
      issuer: 'Chính phủ',
    });
  });
  it('the subject is what follows the issuer, not the first "về" in it', () => {
    const b = fields('Căn cứ Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư;');
    expect(b).toMatchObject({ issuer: 'Thủ tướng Chính phủ', about: 'phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư' });
  });
  it('a line that names no document has no kind and no issuer', () => {
    expect(fields('Căn cứ tình hình thực tế của địa phương;')).toEqual({});
  });
});

describe("the plan's own reference", () => {
  it('is its appendix caption\'s, not that of a plan cited in a "Căn cứ" line or before the caption', () => {
    const text = [
      'KẾ HOẠCH',
      'Phát triển tổ công nghệ số cộng đồng',
      'Căn cứ Kế hoạch số 100/KH-UBND ngày 10 tháng 01 năm 2026 của UBND tỉnh về chuyển đổi số năm 2026;',
      '1. Các sở triển khai Kế hoạch số 55/KH-UBND ngày 02/02/2026 của UBND tỉnh về dữ liệu số.',
      'PHỤ LỤC',
      '(Kèm theo Kế hoạch số 412/KH-UBND ngày 20 tháng 4 năm 2026 của Ủy ban nhân dân tỉnh Bến Tre phê duyệt nhiệm vụ năm 2026)',
    ].join('\n');
    expect(readMeta(text)).toEqual({ number: '412/KH-UBND', date: '2026-04-20', issuer: 'UBND tỉnh Bến Tre', title: 'Phát triển tổ công nghệ số cộng đồng' });
  });
});

describe('a Word plan that cites documents', async () => {
  const { plan } = await importFile('kh-412.docx', await arrivingPlanDocx(), dir, {}, '2026-05-01');
  it('is its own plan, not the plan it cites ("Căn cứ Kế hoạch số 100/KH-UBND …")', () => {
    expect(plan).toMatchObject({ number: '412/KH-UBND', date: '2026-04-20', issuer: 'UBND tỉnh Bến Tre' });
    expect(plan.document?.basis.map((b) => [b.kind, b.number])).toEqual([
      ['Luật', undefined],
      ['Nghị định', '45/2025/NĐ-CP'],
      ['Quyết định', '123/QĐ-UBND'],
      ['Kế hoạch', '100/KH-UBND'],
      ['Chỉ thị', undefined],
    ]);
  });
  it('answers what it is based on and what a cited decision is, with its issuer and subject', () => {
    const engine = new Engine(plan, dir);
    const basis = engine.ask('kế hoạch căn cứ vào văn bản nào', { today: '2026-05-01' }).text;
    expect(basis).toContain('Kế hoạch 412/KH-UBND căn cứ 5 văn bản');
    expect(basis).toContain('Luật Chuyển đổi số ngày 14 tháng 6 năm 2025');
    const cited = engine.ask('quyết định 123 là gì', { today: '2026-05-01' }).text;
    expect(cited).toContain('Quyết định số 123/QĐ-UBND ngày 15/01/2026 của UBND tỉnh phê duyệt Đề án phát triển tổ công nghệ số cộng đồng');
  });
});

/** KH 118/KH-UBND's first "Căn cứ" line: two laws. */
const BASES_118 = DISASTER_BASIS[0]!;

describe('a "Căn cứ" line that cites several documents', () => {
  const texts = (line: string) => readBases(line).map((b) => b.text);
  it('is one entry per document, each with its own kind, title and date, none with another document as issuer', () => {
    expect(readBases(BASES_118)).toEqual([
      { text: 'Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013', kind: 'Luật', title: 'Phòng, chống thiên tai', date: '2013-06-19' },
      {
        text: 'Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020',
        kind: 'Luật',
        title: 'sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều',
        date: '2020-06-17',
      },
    ]);
  });
  it('documents after a date and a comma or "và" are apart too', () => {
    expect(texts('Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013, Luật Đê điều ngày 29/11/2006;')).toEqual([
      'Luật Phòng, chống thiên tai ngày 19/6/2013',
      'Luật Đê điều ngày 29/11/2006',
    ]);
    expect(
      readBases('Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 và Nghị định số 107/2021/NĐ-CP ngày 6/12/2021 của Chính phủ;').map((b) => b.number),
    ).toEqual(['61/2018/NĐ-CP', '107/2021/NĐ-CP']);
  });
  it('laws named in what a decree is about stay that decree’s words', () => {
    const line =
      'Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06 tháng 7 năm 2021 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống thiên tai và Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều;';
    expect(readBases(line)).toHaveLength(1);
    expect(readBases(line)[0]).toMatchObject({ number: '66/2021/NĐ-CP', issuer: 'Chính phủ', about: expect.stringMatching(/Luật Đê điều$/) });
  });
  it('a Word plan with such a line: the answer lists each document', async () => {
    const { plan } = await importFile('kh-120.docx', await disasterPlanDocx(), dir, {}, '2026-03-01');
    expect(plan.document?.basis.map((b) => [b.kind, b.number ?? b.date])).toEqual([
      ['Luật', '2013-06-19'],
      ['Luật', '2020-06-17'],
      ['Nghị định', '66/2021/NĐ-CP'],
    ]);
    const basis = new Engine(plan, dir).ask('kế hoạch căn cứ vào văn bản nào', { today: '2026-03-01' }).text;
    expect(basis).toContain('Kế hoạch 120/KH-UBND căn cứ 3 văn bản:\n• Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013\n• Luật sửa đổi, bổ sung');
  });
  it('"và" before a kind with its number starts another document, after the issuer too (fresh-19\'s workbook)', () => {
    const bases = readBases(
      'Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ và Nghị quyết số 07/2025/NQ-HĐND ngày 10/12/2025 của HĐND tỉnh',
    );
    expect(bases.map((b) => [b.number, b.issuer])).toEqual([
      ['90/QĐ-TTg', 'Thủ tướng Chính phủ'],
      ['07/2025/NQ-HĐND', 'HĐND tỉnh'],
    ]);
  });
});
