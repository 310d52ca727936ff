import { describe, expect, it } from 'vitest';
import { ask, plan } from '../helpers.ts';

describe("the plan's own document, imported with it", () => {
  it('is read from the source: the bases with number, date, issuer and subject; the parts; recipients; signer; where it stops', () => {
    const doc = plan.document!;
    expect(doc.basis).toEqual([
      expect.objectContaining({
        kind: 'Nghị định',
        number: '61/2018/NĐ-CP',
        date: '2018-04-23',
        issuer: 'Chính phủ',
        about: expect.stringMatching(/^về thực hiện cơ chế một cửa/),
      }),
      expect.objectContaining({ kind: 'Quyết định', number: '985/QĐ-TTg', date: '2018-08-08', issuer: 'Thủ tướng Chính phủ' }),
    ]);
    expect(doc.parts.map((p) => [p.number, p.title, p.items.length])).toEqual([
      ['I', 'MỤC ĐÍCH - YÊU CẦU', 3],
      ['II', 'NỘI DUNG THỰC HIỆN', 4],
      ['III', 'TỔ CHỨC THỰC HIỆN', 7],
    ]);
    expect(doc.recipients).toHaveLength(11);
    expect(doc.recipients[0]).toBe('Cục Kiểm soát TTHC - Văn phòng Chính phủ');
    expect(doc.signer).toEqual({ title: 'CHỦ TỊCH', name: 'Cao Văn Trọng' });
    expect(doc.stopsAt).toBe('IV');
  });
  it('answers who signed it, its number and date', () => {
    const r = ask('ai ký kế hoạch này');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('Kế hoạch số 4561/KH-UBND ngày 28/09/2018 của UBND tỉnh Bến Tre');
    expect(r.text).toContain('Người ký: Chủ tịch Cao Văn Trọng.');
  });
  it('answers what it is based on, and what it says of a document it cites', () => {
    expect(ask('kế hoạch căn cứ vào văn bản nào').text).toContain('Quyết định số 985/QĐ-TTg ngày 08/08/2018 của Thủ tướng Chính phủ');
    expect(ask('nghị định 61 là gì').text).toContain('Nghị định số 61/2018/NĐ-CP ngày 23/04/2018 của Chính phủ về thực hiện cơ chế một cửa');
    expect(ask('thông tư 01 là gì').text).toContain('không dẫn văn bản "Thông tư 01"');
  });
  it('answers its purpose, its parts and its recipients', () => {
    expect(ask('mục đích của kế hoạch là gì').text).toContain('1. Quán triệt, triển khai thống nhất');
    const parts = ask('kế hoạch gồm những phần nào').text;
    expect(parts).toContain('I. MỤC ĐÍCH - YÊU CẦU (3 điểm)');
    expect(parts).toContain('dừng ở tiêu đề mục IV');
    expect(ask('kế hoạch gửi cho ai').text).toContain('Ngân hàng Nhà nước - Chi nhánh tỉnh');
  });
  it('"phần trăm" asks for the plan\'s target unless it asks about progress', () => {
    const target = ask('mục tiêu bao nhiêu phần trăm thủ tục được giải quyết tại chỗ');
    expect(target.text).toContain('tối thiểu 20% số TTHC');
    expect(target.text).toContain('50% số TTHC');
    expect(ask('tiến độ bao nhiêu phần trăm').intent).toBe('progress');
  });
});
