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

describe('what the document says, asked the way officials ask it', () => {
  it('says whom a target binds, and that it sets none for a body it does not bind', () => {
    const districts = ask('ubnd cac huyen phai dat bao nhieu % tthc tai cho');
    expect(districts.text).toContain('Chỉ tiêu Kế hoạch 4561/KH-UBND đặt cho UBND cấp huyện:');
    expect(districts.text).toContain('50%');
    expect(districts.text).not.toContain('20%');
    // A department binds through its group, "các sở, ban ngành".
    expect(ask('Sở Tư pháp phải giải quyết tại chỗ bao nhiêu %').text).toContain('tối thiểu 20%');
    const communes = ask('UBND cấp xã phải giải quyết tại chỗ bao nhiêu phần trăm TTHC');
    expect(communes.intent).toBe('not-stated');
    expect(communes.text).toContain('không đặt chỉ tiêu riêng cho UBND cấp xã');
    expect(ask('Who is bound by the 50 percent target?').text).toContain('UBND cấp huyện: phấn đấu');
  });
  it("tells the article a task cites, and where in the body an article stands, with the item's number", () => {
    const centre = ask('thành lập Trung tâm phục vụ hành chính công thì kế hoạch dẫn điều mấy của NĐ 61');
    expect(centre.intent).toBe('document');
    expect(centre.text).toContain('nhắc đến Điều 7 ở một chỗ');
    expect(ask('Điều 38 nằm ở mục mấy của KH').text).toContain('• Phần III, mục 6: Sở Tài chính tham mưu');
  });
  it('reads a cited document by its number ("985/QĐ-TTg"), and the body\'s Implementation part by its name', () => {
    expect(ask('985/qđ-ttg ký khi nào').text).toContain('Quyết định số 985/QĐ-TTg ngày 08/08/2018');
    const funding = ask('ai lo kinh phí theo phần tổ chức thực hiện kh 4561');
    expect(funding.text).toContain('Phần Tổ chức thực hiện, mục 6');
    expect(funding.text).toContain('Chủ trì: Sở Tài chính');
    // A task's own words "tổ chức thực hiện" are no name of the part.
    expect(ask('Việc tổ chức thực hiện toàn bộ quy trình tiếp nhận TTHC tại một cửa còn trong hạn không?').intent).toBe('task');
  });
  it('answers the key work, the span and the scope, and a signer asked as a choice', () => {
    expect(ask('kế hoạch nói gì về tầm quan trọng đối với cchc').text).toContain('nhiệm vụ trọng tâm của nội dung chỉ đạo, điều hành của công tác CCHC');
    expect(ask('KH 4561 kéo dài trong khoảng thời gian nào').text).toContain('2018–2020');
    expect(ask('phạm vi thực hiện KH 4561 là ở đâu').text).toContain('TRÊN ĐỊA BÀN TỈNH BẾN TRE');
    expect(ask('4561 do chủ tịch ký hay phó chủ tịch ký').text).toContain('Người ký: Chủ tịch Cao Văn Trọng.');
    expect(ask('Dạ ngoài tỉnh thì KH 4561 được gửi ra cơ quan nào ở trung ương ạ').text).toContain('Cục Kiểm soát TTHC');
  });
});

describe('parts by number, cited documents asked yes or no, and what the plan leaves out of them', () => {
  it('tells a part of the body asked by its number, with the appendix section of that number after it', () => {
    const first = ask('phần I của kế hoạch là phần gì').text.split('\n');
    expect(first[0]).toBe('Phần I. MỤC ĐÍCH - YÊU CẦU của Kế hoạch 4561/KH-UBND:');
    expect(first[1]).toMatch(/^1\. Quán triệt, triển khai thống nhất/);
    expect(first.at(-1)).toMatch(/^Phụ lục nhiệm vụ cũng có mục I: .+ \(4 nhiệm vụ\)\.$/);
    expect(ask('part 2 of KH 4561 covers what').text).toContain('Part II. NỘI DUNG THỰC HIỆN of plan 4561/KH-UBND:');
    // Its tasks or how many stay the appendix's section.
    expect(ask('phan II co maays viec').intent).toBe('count');
  });
  it('says yes or no to a document asked as a basis, and that the plan does not say when it took effect', () => {
    expect(ask('kế hoạch có căn cứ Nghị định 45/2020 không').text).toMatch(/^Không\. .*không dẫn văn bản "Nghị định 45"/);
    expect(ask('kế hoạch có căn cứ quyết định 985 không').text).toMatch(/^Có\. Kế hoạch 4561\/KH-UBND dẫn văn bản này như sau:/);
    // "ngoài NĐ 61 còn căn cứ quyết định nào" still lists the bases.
    expect(ask('ngoài nghị định 61 thì kế hoạch còn căn cứ quyết định nào').text).toContain('985/QĐ-TTg');
    const inForce = ask('nghị định 61 có hiệu lực từ ngày nào');
    expect(inForce.intent).toBe('not-stated');
    expect(inForce.text).toContain('không nêu điều này về văn bản');
  });
  it("counts the articles cited and the Implementation part's items asked in other words; a sum is no question of the plan", () => {
    expect(ask('kh 4561 trich may dieu cua nd 61, dieu nao').text).toMatch(/^Kế hoạch 4561\/KH-UBND nhắc đến 3 điều:/);
    expect(ask('Cho em xin số lượng mục giao việc ở phần Tổ chức thực hiện ạ').text).toMatch(/có 7 mục/);
    expect(ask('15 nhân 24 bằng bao nhiêu').intent).toBe('unknown');
  });
});

describe('the document asked yes or no, by a figure, by an ordinal, and what it leaves out', () => {
  it('a target named by its figure is that target; asked whether it binds a body, yes or no first', () => {
    const fifty = ask('Mức 50% thủ tục giải quyết tại chỗ giao cho cơ quan nào ạ').text.split('\n');
    expect(fifty).toHaveLength(2);
    expect(fifty[1]).toMatch(/^• UBND cấp huyện: phấn đấu .*50%/);
    expect(ask('Does the 50% on-the-spot target also apply to the provincial departments?').text).toMatch(/^No\. The targets plan 4561\/KH-UBND sets for/);
    // "tối thiểu hay tối đa" is no yes-or-no question.
    expect(ask('Is the 20% on-the-spot figure for departments a minimum or a maximum?').text).toMatch(/^The targets plan/);
    expect(ask('Does the plan describe its own implementation as a key task of administrative reform?').text).toMatch(/^Yes\. /);
  });
  it('a part by its ordinal; recipients asked "which" are listed, asked "whether" are answered yes or no', () => {
    expect(ask('kh chia 3 phan thi phan thu 3 ten gi').text).toMatch(/^Phần III\. TỔ CHỨC THỰC HIỆN/);
    expect(ask('cơ quan trung ương nào nhận kế hoạch 4561').text).toMatch(/^Nơi nhận Kế hoạch 4561\/KH-UBND:/);
    expect(ask('tt hdnd tinh co nhan kh ko vay').text).toMatch(/^Có\. Thường trực HĐND tỉnh có trong nơi nhận/);
    expect(ask('Who was plan 4561 distributed to?').text).toMatch(/^Plan 4561\/KH-UBND was sent to:/);
  });
  it('says what the plan leaves out of a cited document (its signer, what it replaces, its length) and of itself (when it takes effect)', () => {
    for (const q of ['ai ký Nghị định 61', 'Nghị định 61 thay thế cho nghị định nào', 'How many articles does Decree 61 contain in total?']) {
      expect(ask(q).intent, q).toBe('not-stated');
    }
    // Its signer asked with its date: the cited line, which gives both the date and the issuer.
    expect(ask('qd 985/qd-ttg cua ai ky, ngay bn').text).toContain('Quyết định số 985/QĐ-TTg ngày 08/08/2018 của Thủ tướng Chính phủ');
    const inForce = ask('kế hoạch có hiệu lực từ ngày nào');
    expect([inForce.intent, inForce.text.split('\n')[0]]).toEqual(['not-stated', 'Kế hoạch 4561/KH-UBND không ghi ngày có hiệu lực; văn bản ghi:']);
    expect(ask('kinh phí một cửa theo điều nào của NĐ 61').text).toMatch(/^Kế hoạch 4561\/KH-UBND nhắc đến Điều 38 ở một chỗ:/);
  });
});

describe('what the body says of a thing no task holds', () => {
  it("quotes the body's sentences whose words the question runs, with where they stand", () => {
    const r = ask('kế hoạch nói gì về việc tháo gỡ khó khăn phát sinh');
    expect(r.intent).toBe('document');
    expect(r.text.split('\n')).toEqual(['Kế hoạch 4561/KH-UBND nói về điều này:', '• Phần I: kịp thời tháo gỡ các khó khăn phát sinh.']);
    expect(ask('kế hoạch yêu cầu đảm bảo điều gì giữa các cơ quan khi thực hiện').text).toContain('Phần I: Đảm bảo sự phối hợp và giám sát chặt chẽ');
  });
});

describe("the plan's date asked against a month", () => {
  it('says yes or no first, then the header', () => {
    expect(ask('Was plan 4561 signed in October 2018?').text).toMatch(/^No\. Plan no\. 4561\/KH-UBND of 28\/09\/2018/);
    expect(ask('kế hoạch 4561 có phải ký tháng 9/2018 không').text).toMatch(/^Có\. Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    // Tasks due in a month stay a period's list.
    expect(ask('kế hoạch có việc nào hạn tháng 10/2018 không').intent).toBe('period');
  });
});

describe('the header and the targets asked in other words; Vietnamese shorthand is no English', () => {
  it('answers "ngày tháng năm nào", "số bao nhiêu", "from when to when", "mức nào", "main parts"', () => {
    expect(ask('Dạ KH một cửa của tỉnh ra ngày tháng năm nào ạ').text).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    expect(ask('Kế hoạch thực hiện Nghị định 61 của tỉnh số bao nhiêu').intent).toBe('document');
    expect(ask('how long does plan 4561 run, from when to when').text).toContain('2018–2020');
    expect(ask('so lieu muc do dvc truc tuyen phai dat trong kh la muc nao').text).toContain('mức độ 3, 4');
    expect(ask('What are the main parts of the plan?').text).toMatch(/^Plan 4561\/KH-UBND has 3 parts:/);
    // "kh" with "may", "can" (Vietnamese syllables) is Vietnamese; a plan's number "88/KH-UBND" holds no shorthand.
    expect(ask('kh 4561 co may can cu').text).toMatch(/^Kế hoạch 4561\/KH-UBND căn cứ 2 văn bản:/);
    expect(ask('structure of KH 4561 pls').text).toMatch(/^Plan 4561\/KH-UBND has 3 parts:/);
  });
});

describe("the appendix's own title", () => {
  it('is read from the source under "PHỤ LỤC" and told when asked', () => {
    expect(plan.document?.appendixTitle).toBe('CÁC NHIỆM VỤ CỤ THỂ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG');
    for (const q of ['phụ lục kèm theo kế hoạch tên là gì', 'Dạ phụ lục ban kèm KH có tiêu đề như thế nào ạ'])
      expect(ask(q).text, q).toMatch(
        /^Phụ lục kèm theo Kế hoạch 4561\/KH-UBND: CÁC NHIỆM VỤ CỤ THỂ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG — 19 nhiệm vụ/,
      );
    expect(ask('what is the appendix of plan 4561 called').text).toMatch(/^The appendix of plan 4561\/KH-UBND: CÁC NHIỆM VỤ CỤ THỂ/);
    // Section IV, whose heading only our copy has, is said so, not counted as holding no task.
    expect(ask('phụ lục kèm theo kế hoạch tên là gì').text.split('\n').at(-1)).toMatch(/^IV\. .* \(bản chúng tôi có chỉ có tiêu đề mục này\)$/);
    // The plan's own title stays the plan's.
    expect(ask('tên đầy đủ của kế hoạch là gì').text).toMatch(/^Kế hoạch số 4561\/KH-UBND/);
  });
});
