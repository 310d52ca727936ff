/** The kinds of question that used to fail, each answered as a user would read it (issue: understanding that holds). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { loadDirectory, loadPlan } from '../../src/plan/load.ts';
import { ask, engine } from '../helpers.ts';

const first = (q: string, today = '2026-11-28') => ask(q, today).text.split('\n')[0]!;
/** An engine over one of the corpus's plans (test/fixtures/corpus-plans/<file>.json) and the bundled directory. */
const fixturePlan = (file: string) => new Engine(loadPlan(path.join(import.meta.dirname, `../fixtures/corpus-plans/${file}.json`)), loadDirectory());
/** Plans imported for the blind sets fresh-6 (traffic safety, Excel) and fresh-5 (tourism, Word). */
const traffic = fixturePlan('95-KH-UBND-2026');
const tourism = fixturePlan('77-KH-UBND-2026');

describe('kinds of question', () => {
  it("one task's state: the status and deadline first, not a list", () => {
    const r = ask('thanh lap trung tam phuc vu hanh chinh cong tre han chua', '2019-02-01');
    expect(r.ids).toEqual(['II.1']);
    expect(r.text.split('\n')[0]).toMatch(/^Có, đã quá hạn\. Tình trạng: Quá hạn.*Quý IV\/2018/);
  });
  it("a task's state asked yes or no is answered so first, from the question's own words", () => {
    // III.4 is due Quý III/2020: on 1/8/2020 it is neither late nor done.
    expect(first('ket noi cong dvc quoc gia xong chua', '2020-08-01')).toMatch(/^Chưa xong\. Tình trạng: Đang thực hiện trong hạn/);
    expect(first('việc kết nối cổng dịch vụ công quốc gia đã bị trễ hạn chưa', '2020-08-01')).toMatch(/^Chưa trễ hạn\./);
    expect(first('việc kết nối cổng dịch vụ công quốc gia đã bị trễ hạn chưa', '2020-11-01')).toMatch(/^Có, đã quá hạn\./);
    const en = first('Is hooking the provincial public service portal up to the national portal still on schedule?', '2020-08-01');
    expect(en).toMatch(/^No, not overdue: still within its deadline\. Status: .*Deadline: Q3 2020/);
    // Asked what the state is, not yes or no: the state alone.
    expect(first('tình hình kết nối cổng dvc quốc gia', '2020-08-01')).toMatch(/^Tình trạng: /);
  });
  it("the progress of one piece of work named is that task's state, not the plan's", () => {
    const vi = ask('tiến độ kết nối cổng dvc quốc gia', '2020-08-01');
    expect(vi.ids).toEqual(['III.4']);
    expect(vi.text.split('\n')[0]).toMatch(/^Tình trạng: Đang thực hiện trong hạn.*Quý III\/2020/);
    expect(first('How is the national portal connection going?', '2020-08-01')).toMatch(/^Status: In progress, on time.*Q3 2020/);
    expect(ask('where are we on the yearly review of inter-agency procedures?', '2020-03-10').ids).toEqual(['II.7']);
    // "late, or is it ongoing?": the state asked both ways, answered yes or no.
    expect(first('is the info security guidance for the portal and one-stop systems late, or is it ongoing?', '2020-06-01')).toMatch(/^No, not overdue/);
    // The plan's own progress stays the plan's; so do words that name no work.
    expect(first('tiến độ thực hiện kế hoạch thế nào', '2020-03-10')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND/);
    expect(first('cho tôi số liệu tiến độ chung của kế hoạch', '2020-03-10')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND/);
  });
  it('an agency that leads nothing has no 0/0 progress: what it does have instead', () => {
    const r = ask('cong an tinh tien do the nao', '2019-07-01');
    expect(r.text).toBe(
      'Công an tỉnh không chủ trì nhiệm vụ nào trong Kế hoạch 4561/KH-UBND, nên không có tiến độ riêng.\nCơ quan này phối hợp 1 nhiệm vụ; hỏi “Công an tỉnh phối hợp việc gì” để xem.',
    );
  });
  it('a role held only through a group is said so, beside what the body is named for in the other role', () => {
    // Sở KH&ĐT leads III.3 only as one of "các cơ quan chuyên môn tỉnh", and is named among III.5's coordinators.
    const r = ask('so khdt co chu tri nv nao ko hay chi phoi hop');
    expect(r.text.split('\n')[0]).toBe(
      'Có, qua các cơ quan chuyên môn tỉnh: không có việc nào giao đích danh cho Sở Kế hoạch và Đầu tư chủ trì, nhưng Sở Kế hoạch và Đầu tư thuộc nhóm này nên cùng chủ trì các việc dưới đây.',
    );
    expect(r.text).toMatch(/Chủ trì \(1\):\n• III\.3/);
    expect(r.text).toMatch(/Phối hợp \(1\):\n• III\.5/);
  });
  it('yes or no first', () => {
    expect(first('Công an tỉnh có chủ trì việc nào không?')).toMatch(/^Không/);
    // "A không, hay chỉ B": asked of the first role; the verdict and why in one line.
    expect(first('UBND các huyện có phải phối hợp với cơ quan khác trong nhiệm vụ nào không hay chỉ chủ trì thôi?')).toBe(
      'Không. UBND cấp huyện không phối hợp nhiệm vụ nào trong Kế hoạch 4561/KH-UBND; dưới đây là các nhiệm vụ UBND cấp huyện chủ trì.',
    );
    expect(first('Sở Nội vụ có phải chủ trì việc nhân rộng phần mềm một cửa điện tử không?')).toBe('Không. Sở Nội vụ không chủ trì việc này.');
    expect(first('Sở Tài chính có việc gì quá hạn không', '2019-05-01')).toBe('Có.');
    // Given work only through a group the plan names ("các cơ quan Trung ương đặt tại tỉnh"): yes, and how.
    expect(first('kho bac tinh co dc giao nv nao trong kh 4561 k')).toBe(
      'Có, qua các cơ quan Trung ương đặt tại tỉnh: không có việc nào giao đích danh cho Kho bạc Nhà nước tỉnh, nhưng Kho bạc Nhà nước tỉnh thuộc nhóm này nên có phần trong các việc dưới đây.',
    );
    // The body's short name, without its place.
    expect(first('cong an co phoi hop viec nao khong')).toMatch(/^Có/);
    expect(first('Kho bạc có được giao việc gì không')).toMatch(
      /^Có, qua các cơ quan Trung ương đặt tại tỉnh: không có việc nào giao đích danh cho Kho bạc Nhà nước tỉnh, nhưng/,
    );
    // Southern "hông" for "không"; a task named after the role asked is that task, not the agency's list.
    const r = ask('Sở Tài chánh có chủ trì vụ quy định mức chi cho một cửa hông?', '2019-01-01');
    expect([r.intent, r.ids, r.text.split('\n')[0]]).toEqual(['task', ['I.4'], 'Có. Sở Tài chính chủ trì việc này.']);
    const no = ask('so tai chinh co phai chu tri viec huong dan che do chinh sach cho can bo mot cua khong', '2019-01-01');
    expect([no.ids, no.text.split('\n\n').slice(0, 2)]).toEqual([['I.3'], ['Không. Sở Tài chính không chủ trì việc này.', 'Chủ trì: Sở Nội vụ']]);
  });
  it('the earliest and the latest deadline, in the scope asked', () => {
    expect(ask('việc nào có hạn sớm nhất').ids).toEqual(['I.1']);
    expect(ask('nhiem vu nao het han cuoi cung').ids).toEqual(['III.5']);
    expect(ask('mục II việc nào đến hạn đầu tiên').ids).toEqual(['II.1']);
  });
  it('windows and dates as people type them', () => {
    expect(ask('3 tuần tới có việc gì đến hạn?', '2019-03-15').ids).toEqual(expect.arrayContaining(['II.2']));
    expect(first('T8/2019 có việc gì')).toContain('tháng 8/2019');
    expect(ask('trước cuối tháng 6/2019 phải xong việc gì').ids).toEqual(expect.arrayContaining(['II.5', 'II.6', 'I.1']));
    // From today to a limit: what falls due in between, not what was due before today.
    const window = ask('từ giờ tới cuối tháng 9 còn những việc nào phải xong', '2019-08-20');
    expect(window.text.split('\n')[0]).toMatch(/^Nhiệm vụ đến hạn từ nay đến 30\/09\/2019 \(\d+\):/);
    expect(window.ids).toEqual(expect.arrayContaining(['III.1']));
    expect(window.ids).not.toContain('I.1');
    expect(first('tu gio toi truoc cuoi thang 6 con viec gi phai xong ko', '2019-06-01')).toMatch(/^Nhiệm vụ đến hạn từ nay đến 30\/06\/2019 \(\d+\):/);
    expect(first('trước cuối quý 3 có việc nào phải xong', '2019-08-20')).toMatch(/^Nhiệm vụ đến hạn chậm nhất ngày 30\/09\/2019/);
    // The year, month or quarter named without its number is this one.
    // Only recurring work comes round then: said so, not counted as tasks falling due.
    expect(first('từ nay đến cuối năm còn những việc gì phải xong', '2019-10-15')).toBe(
      'Không có nhiệm vụ nào có hạn riêng từ nay đến 31/12/2019; chỉ có 3 việc định kỳ đến kỳ:',
    );
    expect(first('trước cuối tháng có việc gì', '2019-03-05')).toMatch(/^Nhiệm vụ đến hạn chậm nhất ngày 31\/03\/2019/);
  });
  it('a count of things a plan does not count is a figure it does not state; several rhythms are each listed', () => {
    expect(ask('Trung tâm Phục vụ hành chính công tỉnh có bao nhiêu quầy giao dịch?').intent).toBe('not-stated');
    expect(ask('VP UBND tỉnh chủ trì bao nhiêu việc?').intent).toBe('agency');
    expect(ask('kế hoạch có bao nhiêu nhiệm vụ').intent).toBe('count');
    // "máy" folds like "mấy": a machine is no count.
    expect(ask('mua máy tính, máy quét cho trung tâm hành chính công tỉnh ai lo').ids).toEqual(['II.2']);
    const both = ask('những việc nào làm định kỳ hằng năm, hằng quý');
    expect(both.text.split('\n')[0]).toMatch(/^Nhiệm vụ thực hiện hàng năm hoặc thực hiện hàng quý \(\d+\):/);
    expect(both.ids).toEqual(expect.arrayContaining(['II.6b', 'II.8']));
  });
  it('what the plan does not state is said so, never invented', () => {
    expect(first('Tổng kinh phí thực hiện kế hoạch là bao nhiêu tỷ đồng?')).toMatch(/không nêu/);
    expect(first('muc IV co nhung nhiem vu nao')).toMatch(/dừng ở tiêu đề mục này/);
    // The document's own header, asked in everyday words.
    expect(first('kh 4561 ra ngay nao, noi ve viec gi')).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
  });
  it('a figure the body does state is quoted where it stands; an article or a document number is no figure', () => {
    const r = tourism.ask('den 2027 tinh dat muc tieu don bao nhieu luot khach vay', { today: '2026-11-28' });
    expect(r.text.split('\n')).toEqual([
      'Về điều này, Kế hoạch 77/KH-UBND nêu:',
      '• Phần I: Phấn đấu đến năm 2027 đón 2,2 triệu lượt khách, trong đó khách quốc tế đạt 400.000 lượt;',
    ]);
    // The body names "kinh phí" only beside "Điều 38" and "Nghị định số 61/2018": still not stated.
    expect(first('sửa trụ sở bộ phận một cửa ở huyện được bao nhiêu kinh phí')).toMatch(/không nêu/);
    expect(tourism.ask('tong kinh phi thuc hien ke hoach la bao nhieu', { today: '2026-11-28' }).text).toMatch(/không nêu/);
  });
  it('ordinary words are not agencies; everyday words find the plan’s wording', () => {
    // "cả tỉnh" (the whole province) is no "CA tỉnh" (Công an tỉnh), which is typed without marks.
    const whole = ask('Cái vụ nhân rộng phần mềm một cửa điện tử dùng chung cả tỉnh thì ai đứng ra lo?');
    expect([whole.intent, whole.ids]).toEqual(['task', ['III.2']]);
    expect(ask('CA tỉnh phối hợp việc gì').text).toContain('Công an tỉnh');
    expect(ask('ca tinh phoi hop viec gi').text).toContain('Công an tỉnh');
    expect(ask('Đến thời điểm này có việc gì bị chậm so với kế hoạch không?', '2019-07-15').intent).toBe('overdue');
    expect(ask('tiền bồi dưỡng cho người làm ở bộ phận một cửa do ai quy định?').ids).toEqual(['I.4']);
    expect(ask('mua máy tính, máy quét cho trung tâm hành chính công tỉnh ai lo').ids).toEqual(['II.2']);
    expect(ask('Ai lo chuyện chống hack, giữ an toàn cho cổng DVC với phần mềm 1 cửa').ids).toEqual(['III.6']);
    expect(ask('so sach ho so giay xu ly the nao theo ke hoach').ids).toEqual(['III.3']);
    expect(first('kế hoạch đặt ra những yêu cầu gì')).toMatch(/^Phần I/);
    expect(ask('how much have the district committees completed?', '2019-07-01').intent).toBe('progress');
  });
  it('a task by its place, an article by its number', () => {
    expect(ask('nhiệm vụ số 2 mục I là gì').ids).toEqual(['I.2']);
    expect(first('Điều 11 nói về gì')).toMatch(/Điều 11/);
  });
  it('English answers name their periods in English', () => {
    expect(first('What is due in Q2 2019?')).toBe('Tasks due in Q2 2019 (2):');
    expect(first('what tasks fall due in June 2019')).toContain('June 2019');
  });
  it('follow-ups keep the last list across a card, and say the days left', () => {
    const turns = ['Liệt kê các nhiệm vụ mục I', 'việc thứ 3 thì sao', 'còn việc đầu?', 'còn mấy ngày nữa'];
    let context: ReturnType<typeof engine.ask>['context'];
    const replies = turns.map((q) => {
      const r = engine.ask(q, { today: '2018-09-24', ...(context ? { context } : {}) });
      context = r.context;
      return r;
    });
    expect(replies[1]!.tasks.map((t) => t.id)).toEqual(['I.3']);
    expect(replies[2]!.tasks.map((t) => t.id)).toEqual(['I.1']);
    // Days left are asked of the task's state: the state, with the days.
    expect(replies[3]!.text.split('\n')[0]).toMatch(/^Tình trạng: Đang thực hiện trong hạn .*Thời hạn: Tháng 9\/2018 — còn 6 ngày/);
  });
  it('the field asked comes first: a leading "hạn", a state asked as "tới đâu rồi", a role asked yes or no', () => {
    expect(first('han ban hanh huong dan che do cho nguoi lam mot cua')).toBe('Thời hạn: Dự kiến Quý I/2019');
    expect(first('quy trinh noi bo, dien tu toi dau roi', '2019-06-10')).toMatch(/^Tình trạng: Đang thực hiện trong hạn · Thời hạn: Quý II\/2019/);
    expect(first('viec thanh lap trung tam phuc vu hanh chanh cong hien trang the nao', '2018-11-15')).toMatch(/^Tình trạng: Đang thực hiện trong hạn/);
    // Who leads it instead, after a "no"; not "Chủ trì: Sở Tài chính" again after a "yes" that already said so.
    const no = ask('Công an tỉnh có chủ trì việc kết nối Cổng DVC quốc gia không?', '2019-06-10').text.split('\n\n');
    expect(no.slice(0, 2)).toEqual(['Không. Công an tỉnh không chủ trì việc này.', 'Chủ trì: VP.UBND tỉnh, Sở Thông tin và Truyền thông']);
    const yes = ask('so tai chinh co chu tri viec quy dinh muc chi khong', '2019-06-10').text.split('\n\n');
    expect(yes[0]).toBe('Có. Sở Tài chính chủ trì việc này.');
    expect(yes[1]).toMatch(/^Nhiệm vụ I\.4/);
  });
  it('a long everyday paraphrase of one task is answered with that task', () => {
    const r = ask('Dạ cho em hỏi tiền bồi dưỡng anh em làm một cửa thì ai chịu trách nhiệm ra quy định ạ');
    expect(r.intent).toBe('task');
    expect(r.ids).toEqual(['I.4']);
    expect(first('Dạ cho em hỏi tiền bồi dưỡng anh em làm một cửa thì ai chịu trách nhiệm ra quy định ạ')).toBe('Chủ trì: Sở Tài chính');
  });
  it('the body’s Implementation part, asked of an agency; the recipients, asked of one', () => {
    const r = ask('theo phần tổ chức thực hiện thì Sở TT&TT phải làm gì');
    expect(r.intent).toBe('assignment');
    // The item naming the agency itself first, then those reaching it through "Các sở, ban ngành".
    expect(r.text.split('\n').slice(0, 2)).toEqual([
      'Phần Tổ chức thực hiện của Kế hoạch 4561/KH-UBND giao Sở Thông tin và Truyền thông (3):',
      expect.stringMatching(/^• Mục 5: Sở Thông tin và truyền thông phối hợp/),
    ]);
    expect(first('kế hoạch có gửi Công an tỉnh không')).toBe('Có. Công an tỉnh có trong nơi nhận Kế hoạch 4561/KH-UBND.');
    expect(first('kh co gui so y te khong')).toBe('Có. Sở Y tế có trong nơi nhận Kế hoạch 4561/KH-UBND.');
    expect(first('Kế hoạch có gửi Bưu điện tỉnh không')).toBe('Không. Bưu điện tỉnh không có tên trong nơi nhận Kế hoạch 4561/KH-UBND.');
    expect(first('ke hoach co gui kho bac nha nuoc tinh khong')).toMatch(/^Có\. /);
  });
  it('a status question naming only the plan asks for its progress; a section the copy lacks is what the plan does not state', () => {
    expect(first('ke hoach 4561 thuc hien toi dau roi', '2019-06-10')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND/);
    expect(first('Sở Nội vụ thực hiện kế hoạch tới đâu rồi?', '2019-06-10')).toMatch(/^Tiến độ của Sở Nội vụ/);
    // A task that names the plan in its own words stays that task.
    expect(ask('việc xây dựng kế hoạch triển khai tới đâu rồi', '2019-06-10').ids).toEqual(['I.1']);
    expect(ask('mục IV có bao nhiêu nhiệm vụ').intent).toBe('not-stated');
  });
  it("an agency's overdue work: what it leads, then what it coordinates", () => {
    const r = ask('Sở KH&ĐT có việc nào quá hạn không?', '2021-02-01');
    expect(r.text.split('\n')[0]).toBe('Có.');
    expect(r.text).toContain('Sở Kế hoạch và Đầu tư không có nhiệm vụ chủ trì nào quá hạn tính đến 01/02/2021.');
    expect(r.text).toContain('Nhiệm vụ Sở Kế hoạch và Đầu tư phối hợp đã quá hạn (1):\n• III.5');
    expect(ask('Sở KH&ĐT có việc nào quá hạn không?', '2019-06-10').text.split('\n')[0]).toBe('Không.');
  });
  it('progress asked with "tiến độ" and a state word stays progress', () => {
    expect(first('Anh chị cho em hỏi tiến độ thực hiện kế hoạch của UBND cấp huyện hiện ra sao rồi ạ?', '2019-08-20')).toMatch(/^Tiến độ của UBND cấp huyện/);
  });
  it('periods as people type them: quarters in words, "t9 2024", "qII/2024", "thag này", a span with its dash lost', () => {
    expect(first('Dạ cho em hỏi trong quý ba năm 2019 có những nhiệm vụ nào đến hạn hoàn thành theo kế hoạch 4561 ạ?')).toMatch(
      /^Nhiệm vụ đến hạn trong Quý III\/2019/,
    );
    expect(first('sáu tháng đầu 2019 cần hoàn thành gì')).toMatch(/6 tháng đầu năm 2019/);
    expect(first('t9 2019 nhung viec gi den han')).toMatch(/tháng 9\/2019/);
    expect(first('qIV/2018 co gi phai lam xong')).toMatch(/Quý IV\/2018/);
    expect(first('Trong khoảng quý II – quý IV/2019 có những việc gì đến hạn ạ')).toMatch(/Quý II–IV\/2019/);
    // Quý IV is not Quý I followed by a "v".
    expect(first('quý IV/2018 có việc gì')).toBe('Nhiệm vụ đến hạn trong Quý IV/2018 (2):');
  });
  it('a percentage inside a task’s words asked for a field is the task; a task named with its rhythm is that task', () => {
    expect(ask('Tỷ lệ 20% TTHC giải quyết tại chỗ thì ai chủ trì?').intent).not.toBe('document');
    const r = ask('nv ra soat cong bo danh muc tthc hang nam noi gi');
    expect(r.intent).toBe('task');
    expect(r.ids).toEqual(['II.6b']);
    expect(ask('những việc làm hàng năm').intent).toBe('recurring');
  });
  it('English task questions on a plan of another domain reach its Vietnamese tasks through the glossary', async () => {
    const path = await import('node:path');
    const { Engine } = await import('../../src/answer/engine.ts');
    const { loadDirectory, loadPlan } = await import('../../src/plan/load.ts');
    const plan = loadPlan(path.join(import.meta.dirname, '../fixtures/corpus-plans/88-KH-UBND-2025.json'));
    const engine = new Engine(plan, loadDirectory());
    const head = (q: string) => engine.ask(q, { today: '2025-01-10' }).text.split('\n')[0];
    expect(head('Who dredges the canals and reinforces the dykes?')).toBe('Lead: Sở Nông nghiệp và Phát triển nông thôn');
    expect(head('who handles sorting household waste at source')).toBe('Lead: UBND cấp huyện');
    expect(head('When must the climate change action plan be updated?')).toBe('Deadline: September 2025');
  });
  it("a section's progress, the section named by its number or by a run of its title's words", () => {
    expect(first('muc III thuc hien toi dau', '2020-05-15')).toMatch(
      /^Tiến độ mục III \(Triển khai ứng dụng công nghệ thông tin.*: 0\/6 nhiệm vụ đã hoàn thành/,
    );
    expect(first('Phần ứng dụng CNTT (mục III) tiến độ đến đâu rồi?', '2020-05-15')).toMatch(/^Tiến độ mục III/);
    expect(first('Trong phần ứng dụng CNTT, nhiệm vụ nào có thời hạn sớm nhất')).toMatch(/^Nhiệm vụ thuộc mục III có hạn sớm nhất: Quý III\/2019/);
  });
  it('a plan of one year is said so once its period is over ("năm 2024", not "giai đoạn 2024–2024")', async () => {
    const path = await import('node:path');
    const { Engine } = await import('../../src/answer/engine.ts');
    const { loadDirectory, loadPlan } = await import('../../src/plan/load.ts');
    const full = loadPlan(path.join(import.meta.dirname, '../fixtures/corpus-plans/215-KH-UBND-2024.json'));
    const plan = { ...full, tasks: full.tasks.filter((t) => (t.deadline.due ?? '').startsWith('2024')) };
    const text = new Engine(plan, loadDirectory()).ask('Sở Y tế phải làm gì', { today: '2026-11-28' }).text;
    expect(text.split('\n')[1]).toBe('(Kế hoạch thực hiện trong năm 2024; tình trạng dưới đây tính đến hôm nay, 28/11/2026.)');
  });
  it('an item of the Implementation part by its number', () => {
    const r = ask('mục 7 phần tổ chức thực hiện giao ai làm gì');
    expect(r.intent).toBe('assignment');
    expect(r.text).toContain('Phần Tổ chức thực hiện, mục 7 (Kế hoạch 4561/KH-UBND):\nVăn phòng Ủy ban nhân dân tỉnh theo dõi');
    expect(first('tổ chức thực hiện mục 9 nói gì')).toBe('Phần Tổ chức thực hiện của Kế hoạch 4561/KH-UBND có 7 mục; không có mục 9.');
    // An agency named with the part is still its paragraphs.
    expect(ask('theo phần tổ chức thực hiện thì Sở TT&TT phải làm gì').text).toMatch(/^Phần Tổ chức thực hiện của Kế hoạch 4561\/KH-UBND giao Sở Thông tin/);
  });
  it('a count of a section named by its title’s words', () => {
    expect(first('phan tham muu ban hanh van ban chi dao dieu hanh gom may nv')).toBe(
      'Mục I (Tham mưu ban hành xây dựng các văn bản chỉ đạo, điều hành) có 4 nhiệm vụ:',
    );
  });
  it('the plan named by its title is no task; "phụ trách" asks all of an agency\'s work; a first period ahead says so', () => {
    const yearly = tourism.ask('Những việc nào trong KH du lịch phải làm lặp lại mỗi năm?', { today: '2026-11-28' });
    expect(yearly.intent).toBe('recurring');
    expect(yearly.text.split('\n')[0]).toBe('Nhiệm vụ thực hiện hàng năm (3):');
    // Dated 16/01/2026, the plan's first yearly period is 2027's: not "this period".
    expect(yearly.text).toContain('Hạn: Hằng năm (kỳ đầu hạn 31/12/2027)');
    const youth = tourism.ask('tinh doan phu trach nhung viec gi trong kh 77 vay', { today: '2026-11-28' });
    expect(youth.text).toMatch(/Chủ trì \(1\):[\s\S]*Phối hợp \(\d+\):[\s\S]*ẩm thực/);
  });
  it("lateness asked of one task named in everyday words is that task's state, in either language", () => {
    const app = tourism.ask('app ben tre travel lam xong chua, co bi tre ko', { today: '2026-09-20' });
    expect([app.intent, app.tasks.map((t) => t.id), app.text.split('\n')[0]]).toEqual([
      'task',
      ['II.6'],
      'Có, đã quá hạn. Tình trạng: Quá hạn · Thời hạn: 15/9/2026 (tính đến 20/09/2026)',
    ]);
    const toilets = tourism.ask('Is the upgrade of public toilets at tourist sites overdue now?', { today: '2027-04-05' });
    expect([toilets.intent, toilets.tasks.map((t) => t.id)]).toEqual(['task', ['II.4']]);
    expect(toilets.text).toMatch(/^Yes, it is overdue\./);
    const partners = tourism.ask('Which agencies work alongside the lead on attracting investors for seaside resorts?', { today: '2026-11-28' });
    expect([partners.intent, partners.tasks.map((t) => t.id)]).toEqual(['task', ['I.7']]);
    expect(partners.text).toMatch(/^Coordinating: .*Bình Đại/);
    // "Phụ cấp" is the staff's allowances (chế độ chính sách, I.3), not the spending levels (mức chi, I.4).
    expect(ask('Who leads drafting the guidance on allowances for staff working at the one-stop desks?').ids).toEqual(['I.3']);
  });
  it('of two tasks the words fit alike, the one they describe whole is the answer; a real tie is still asked back', () => {
    // II.4 is "công bố danh mục TTHC tại Trung tâm …"; II.6b reviews and publishes more besides.
    const r = ask('cong bo danh muc tthc o trung tam hcc han khi nao vay a');
    expect([r.intent, r.ids, r.text.split('\n')[0]]).toEqual(['task', ['II.4'], 'Thời hạn: Quý I/2019']);
    const toilets = tourism.ask('vụ làm nhà vệ sinh sạch sẽ ở mấy điểm du lịch thì ai lo', { today: '2026-11-28' });
    expect(toilets.intent).toBe('task-suggest');
    expect(toilets.text).toContain('II.4 — Xây dựng, cải tạo nhà vệ sinh công cộng');
  });
  it('words of other names are no typos; a plan named by its title is no section; "còn" is from today', () => {
    // "thành phố" is no "Thạnh Phú"; "sát giao thông" no "Sở Giao thông".
    const cameras = traffic.ask('vụ gắn camera ở mấy ngã tư lớn trong thành phố thì ai lo', { today: '2026-11-28' });
    expect([cameras.intent, cameras.tasks.map((t) => t.id), cameras.text.split('\n')[0]]).toEqual(['task', ['II.3'], 'Chủ trì: Công an tỉnh']);
    expect(traffic.ask('How many traffic cameras will be installed in Ben Tre city under this plan?', { today: '2026-11-28' }).text).toMatch(
      /^Plan 95\/KH-UBND does not state this/,
    );
    expect(first('so tai chin phai lam gi')).toBe('(Tôi hiểu là Sở Tài chính.)');
    const latest = traffic.ask('Which task in the traffic safety plan has the latest deadline?', { today: '2026-11-28' });
    expect(latest.text.split('\n')[0]).toBe('The latest deadline: 2027 (due 31/12/2027):');
    const left = traffic.ask('trước cuối tháng 6 này còn những việc gì phải xong', { today: '2026-05-10' });
    expect(left.text.split('\n')[0]).toMatch(/^Nhiệm vụ đến hạn từ nay đến 30\/06\/2026 \(\d+\):/);
    // "chỉ phối hợp chứ không chủ trì": the first role; "thường xuyên hoặc định kỳ": both kinds.
    expect(traffic.ask('nhung viec nao ca tinh chi phoi hop chu ko chu tri', { today: '2026-11-28' }).text).not.toContain('Chủ trì (');
    expect(traffic.ask('co nhung viec nao phai lam thuong xuyen hoac lap lai dinh ky ko', { today: '2026-11-28' }).text).toMatch(
      /^Có\.\nNhiệm vụ định kỳ và thường xuyên/,
    );
  });
  it('a party a plan stored by name answers to every name the directory now knows for it; an English question may name one in Vietnamese', () => {
    // 88/KH-UBND was imported before the directory knew "Hội Liên hiệp Phụ nữ tỉnh": its tasks sit under that name.
    const env = fixturePlan('88-KH-UBND-2025');
    expect(env.ask('hoi lhpn tinh co tham gia nv nao ko', { today: '2025-06-01' }).text).toMatch(/^Có/);
    const press = env.ask('What does Báo Đồng Khởi have to do?', { today: '2025-06-01' });
    expect([press.intent, press.text.split('\n')[0]]).toEqual(['agency', 'Báo Đồng Khởi — tasks in plan 88/KH-UBND (as of 01/06/2025):']);
    // Several words changed are no typo of a name: "dvc toàn trình" is not "công đoàn tỉnh".
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('dvc toan trinh 80% con han k', { today: '2024-08-15' }).intent).toBe('task');
  });
  it('progress asked as a count of what is done, a cited decree by its number and year, "ở đâu" of an agency’s role', () => {
    // A count of finished tasks is progress, not the size of the plan.
    expect(first('tới giờ có mấy nhiệm vụ đã xong rồi', '2020-08-01')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND \(tính đến 01\/08\/2020\)/);
    expect(first('ty le xong duoc may phan tram roi', '2020-08-01')).toMatch(/^Tiến độ/);
    // "NĐ 61/2018 nói về vấn đề gì": what the plan cites, quoted, not a task guess.
    expect(ask('nđ 61/2018 nói về vấn đề gì').text).toMatch(/Nghị định số 61\/2018\/NĐ-CP ngày 23\/04\/2018 của Chính phủ về thực hiện cơ chế một cửa/);
    // With an agency and its role, "ở đâu" asks in which tasks.
    const r = ask('so tai chinh phoi hop o dau vay');
    expect(r.intent).toBe('agency');
    expect(r.text.split('\n')[0]).toMatch(/^Sở Tài chính/);
  });
  it('a lone "r" is "rồi"; "TT dữ liệu" is a centre; "trọn gói" is the whole procedure', () => {
    expect(first('cong an tinh lam toi dau r', '2019-07-01')).toMatch(/Công an tỉnh không chủ trì nhiệm vụ nào/);
    expect(ask('ai chủ trì làm trọn gói thủ tục tại chỗ ở một cửa').ids).toEqual(['II.6']);
  });
  it('a word typed as the initials of a run of the plan’s words is that run; words of the language are not', async () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    const r = digital.ask('tổ CNSCĐ ở các ấp do sở nào chủ trì', { today: '2024-05-01' });
    expect(r.tasks.map((t) => t.id)).toEqual(['IV.1']);
    expect(r.text.split('\n')[0]).toBe('Chủ trì: Sở Thông tin và Truyền thông');
    // Thanks typed short, an English word: no acronym of the plan's.
    expect(digital.ask('tks', { today: '2024-05-01' }).intent).toBe('thanks');
    expect(digital.search.acronym('app')).toBeUndefined();
    expect(digital.search.acronym('cnscd')).toEqual(['cong', 'nghe', 'so', 'cong', 'dong']);
  });
  it('days left asked of a task’s state; whether a task falls due in a period; a lowercase "huyện" is no name', () => {
    expect(first('nang cap cong dvc, he thong thong tin mot cua cap tinh con bao nhieu ngay nua thi den han', '2019-09-10')).toMatch(
      /^Tình trạng: Đang thực hiện trong hạn.*Quý III\/2019 — còn 20 ngày/,
    );
    expect(first('công bố danh mục TTHC tại trung tâm có phải hoàn thành trong năm 2019 không')).toBe('Có. Thời hạn: Quý I/2019');
    const r = ask('nâng cấp cổng dvc với hệ thống thông tin một cửa cấp tỉnh, huyện hiện giờ có chậm không', '2019-08-20');
    expect(r.ids).toEqual(['III.1']);
  });
  it('English: a deadline passed, an agency in charge of anything, a figure the plan does not give, the plan named by its title', () => {
    expect(first('Has the deadline passed for connecting the provincial portal to the national one?', '2020-11-01')).toMatch(/^Yes, it is overdue\./);
    expect(first('Is the Department of Home Affairs in charge of anything?')).toBe('Yes.');
    expect(ask('How many officials will be relocated to the centre under this plan?').intent).toBe('not-stated');
    expect(first('How many tasks does the one-stop-shop plan contain altogether?')).toMatch(/^Plan 4561\/KH-UBND has 19 tasks/);
  });
  it('"đến Tết" and "T8 này" are periods; a long everyday paraphrase keeping runs of a task’s wording is that task', () => {
    expect(ask('từ nay tới Tết có việc gì phải xong không', '2018-11-15').text).toContain('Nhiệm vụ đến hạn từ nay đến Tết (04/02/2019) (2):');
    expect(first('T8 này có việc gì tới hạn', '2019-07-20')).toBe('Không có nhiệm vụ nào đến hạn trong tháng 8/2019.');
    const r = ask('cái vụ lắp đặt phần mềm một cửa cho hết các cơ quan trong tỉnh dùng chung thì ai lo');
    expect(r.ids).toEqual(['III.2']);
    expect(r.text.split('\n')[0]).toBe('Chủ trì: Sở Thông tin và Truyền thông, VP.UBND tỉnh');
  });
  it('everyday words through the thesaurus ("thuốc sâu", "vỏ chai"); a plan named by its title and number; how much asked of a task', () => {
    const environment = fixturePlan('88-KH-UBND-2025');
    const today = { today: '2025-01-01' };
    expect(environment.ask('vỏ thuốc sâu vứt ngoài đồng thì ai lo thu gom', today).tasks.map((t) => t.id)).toEqual(['I.6']);
    expect(environment.ask('KH môi trường 88 có tổng cộng mấy nhiệm vụ', today).text).toMatch(/^Kế hoạch 88\/KH-UBND có 18 nhiệm vụ/);
    // "đem đi" is no "đếm".
    expect(environment.ask('vỏ chai lọ thuốc bvtv gom lại đem đi xử lý ai chủ trì', today).intent).toBe('task');
    const digital = fixturePlan('215-KH-UBND-2024');
    const g = digital.ask('việc đo kinh tế số chiếm bao nhiêu % GRDP do ai phối hợp', today);
    expect(g.tasks.map((t) => t.id)).toEqual(['III.5']);
    expect(g.text).toMatch(/^Phối hợp: /);
  });
  it('names of people, fees and contractors are what the plan does not state; "hạn" before a task’s verb asks its deadline', () => {
    for (const q of [
      'cán bộ nào theo dõi kế hoạch ở sở nội vụ, tên gì vậy',
      'phí nộp hồ sơ trực tuyến mỗi lần là bao nhiêu tiền',
      'công ty nào thi công cổng dịch vụ công',
    ])
      expect(ask(q).intent, q).toBe('not-stated');
    // "dòng việc" is no money ("đồng"), "ds" is "danh sách".
    expect(first('mục II có tất cả bao nhiêu dòng việc')).toMatch(/^Mục II .* có 9 nhiệm vụ/);
    expect(ask('ds thủ tục ở trung tâm hcc do ai công bố').ids).toEqual(['II.4']);
    expect(first('danh muc tthc tai trung tam tinh han cong bo la khi nao')).toMatch(/^Thời hạn: Quý I\/2019/);
  });
  it('a level named bare as the subject of an agency’s work is that level’s committees; a district by name is not', () => {
    expect(first('huyện mình phải làm những gì')).toMatch(/^UBND cấp huyện — nhiệm vụ/);
    expect(first('xa em duoc giao viec gi')).toMatch(/^UBND cấp xã — nhiệm vụ/);
    expect(ask('Huyện Cái Nước có việc gì').intent).not.toBe('agency');
  });
  it('a list names each task to the end of the phrase it cuts into; a long list fits its first message', () => {
    const r = ask('từ năm 2019 đến năm 2020 những việc gì phải xong');
    expect(r.text).toContain('III.5 — Kết nối Cổng Dịch vụ công tỉnh, Hệ thống thông tin một cửa điện tử tỉnh…');
    const late = ask('những việc nào quá hạn', '2019-10-15');
    expect(late.more ?? []).toEqual([]);
    expect(late.ids).toHaveLength(12);
  });
  it('one task named at length, with the field asked, is answered, not offered', () => {
    const r = ask('cho em hỏi cái việc dựng lên trung tâm phục vụ hành chính công của tỉnh với sắp xếp lại một cửa ở huyện xã đó, phải xong trước lúc nào ạ');
    expect(r.intent).toBe('task');
    expect(r.text.split('\n')[0]).toBe('Thời hạn: Quý IV/2018');
  });
  it('"bên nào chủ trì", "trễ bao nhiêu ngày", "VP UB", an abbreviation with a letter doubled, "within its deadline"', () => {
    expect(first('vụ lập phần mềm một cửa dùng chung cả tỉnh là bên nào chủ trì')).toMatch(/^Chủ trì: /);
    expect(first('trụ sở, trang thiết bị trung tâm hcc tỉnh trễ mấy ngày rồi', '2019-04-30')).toMatch(/Quý I\/2019 — đã quá hạn 30 ngày/);
    expect(first('VP UB có việc gì quá hạn', '2019-05-20')).toMatch(/VP\.UBND tỉnh/);
    expect(first('snvv chủ trì những việc gì')).toMatch(/^Sở Nội vụ/);
    expect(first('Is the provincial public service centre’s building and equipment still within its deadline?', '2019-02-01')).toMatch(/^No, not overdue/);
  });
  it('a task’s deadline checked against a period, yes or no; "từ nay cho tới trước 30/6"; an agency’s progress names what is open', () => {
    expect(first('II.5 hạn quý 2/2019 à')).toBe('Có. Thời hạn: Quý II/2019');
    expect(first('hạn III.4 là năm 2019 phải không')).toBe('Không. Thời hạn: Quý III/2020');
    expect(first('từ nay cho tới trước 30/6 còn việc gì phải làm xong', '2019-03-01')).toMatch(/từ nay đến 30\/06\/2019/);
    const r = ask('tiến độ của sở tài chính tới đâu rồi', '2019-07-01');
    expect(r.text).toContain('Còn phải làm (2):\n• I.4 — ');
    expect(r.ids).toEqual(['I.4', 'III.3']);
  });
  it('a name the directory lacks with a digit or a head met first is said unknown; "bản sao giấy tờ" is no recipient; "hạn sớm nhất" of a section', () => {
    expect(ask('sở kh2 phải làm gì').intent).toBe('unknown-agency');
    expect(ask('Ban Quản lý dự án số tỉnh có việc gì trong kế hoạch').intent).toBe('unknown-agency');
    expect(ask('chuyển bản sao giấy tờ của dân sang hồ sơ điện tử do ai làm').ids).toEqual(['III.3']);
    expect(ask('phần ứng dụng công nghệ thông tin việc nào hạn sớm nhất').intent).toBe('first-last');
  });
  it('agencies and sections ranked by their tasks, counted as each agency’s own count', () => {
    expect(first('đơn vị nào chủ trì nhiều nhiệm vụ nhất')).toBe('Chủ trì nhiều nhiệm vụ nhất trong Kế hoạch 4561/KH-UBND: VP.UBND tỉnh (14 nhiệm vụ).');
    expect(first('Sở Nội vụ chủ trì bao nhiêu việc')).toMatch(/^Sở Nội vụ chủ trì 5 nhiệm vụ/);
    expect(ask('đơn vị nào chủ trì nhiều nhiệm vụ nhất').text).toContain('Sở Nội vụ (5)');
    expect(first('phần nào có nhiều việc nhất')).toBe('Mục có nhiều nhiệm vụ nhất trong Kế hoạch 4561/KH-UBND: mục II (9 nhiệm vụ).');
    expect(first('Which section has the fewest tasks?')).toBe('The section with the fewest tasks in plan 4561/KH-UBND: section I (4 tasks).');
  });
  it('the day the asker is at is no period; months as the calendar counts them; two fields asked, the last first', () => {
    expect(first('có việc nào trễ hạn không, hôm nay là giữa tháng 10 năm 2018', '2018-10-15')).toMatch(/^Có\.|^Nhiệm vụ quá hạn \(1\)/);
    expect(first('Which tasks were overdue as of mid February 2019?', '2019-02-15')).toBe('Overdue tasks (3), as of 15/02/2019:');
    expect(ask('việc gì đến hạn trong 3 tháng tới', '2020-07-01').text).toMatch(/3 tháng tới \(đến 01\/10\/2020\)/);
    expect(first('xây dựng kế hoạch triển khai NĐ 61 thì ai chủ trì, ai phối hợp')).toMatch(/^Phối hợp: /);
    expect(first('ai lo việc ban hành quy trình nội bộ, quy trình điện tử? hạn khi nào')).toMatch(/^Thời hạn: Quý II\/2019/);
    expect(first('công bố danh mục thủ tục ở trung tâm còn hạn hông', '2019-02-01')).toMatch(/^Còn hạn|^Chưa trễ|^Không/);
  });
  it('a task by its number in a section is the one numbered so; help, thanks and participants asked in other words', () => {
    expect(ask('việc số 8 của phần II nói về gì').ids).toEqual(['II.8']);
    expect(ask('mục III số 2 là gì').ids).toEqual(['III.2']);
    expect(ask('em nên hỏi thế nào cho đúng ạ').intent).toBe('help');
    expect(ask('c.ơn anh').intent).toBe('thanks');
    expect(first('thiết lập cổng dịch vụ công tỉnh kết nối cổng quốc gia thì đơn vị nào tham gia')).toMatch(/^Phối hợp: /);
    expect(first('ai lo việc theo dõi, đôn đốc thực hiện kế hoạch')).toMatch(/VP\.UBND tỉnh|Văn phòng/);
    expect(first('Has the one-stop software been rolled out across the province?', '2020-10-20')).toMatch(/^Not done|^No/);
  });
  it('a target the plan sets none for is said so with the targets it does set; drafting a plan is a task, not the header', () => {
    const r = ask('kế hoạch đặt chỉ tiêu bao nhiêu phần trăm hồ sơ nộp qua mạng mức độ 4');
    expect(r.intent).toBe('not-stated');
    expect(r.text.split('\n')[0]).toBe('Kế hoạch 4561/KH-UBND không đặt chỉ tiêu về điều này. Các chỉ tiêu kế hoạch có nêu:');
    expect(ask('chỉ tiêu giải quyết tại chỗ thủ tục hành chính là bao nhiêu phần trăm').intent).toBe('document');
    expect(ask('kế hoạch triển khai nghị định 61 phải xây dựng xong khi nào').ids).toEqual(['I.1']);
  });
  it('English: "from now to the end of June" is a window from today; agencies that "help with" a task coordinate it', () => {
    expect(first('from now to the end of June what is due?', '2019-04-01')).toBe('Tasks due from now to 30/06/2019 (2):');
    expect(first('Which agencies help with connecting the provincial portal to the national one?')).toMatch(/^Coordinating: |^Coordinate/);
  });
  it('two parts of the document asked at once; what a section our copy lacks would hold; "phải hoàn thành" is no progress', () => {
    const r = ask('kế hoạch ký ngày nào và dựa trên các văn bản nào');
    expect(r.text).toMatch(/ngày 28\/09\/2018[\s\S]*Nghị định số 61\/2018\/NĐ-CP ngày 23\/04\/2018/);
    const training = ask('ai tổ chức tập huấn, tuyên truyền nghị định 61 cho cán bộ');
    expect(training.intent).toBe('not-stated');
    expect(training.text).toMatch(/^Việc này thuộc mục IV/);
    expect(ask('quý IV/2018 có mấy việc phải hoàn thành').intent).toBe('period');
    expect(first('Cục Thuế tỉnh cần thực hiện những nội dung gì')).toMatch(/^Cục Thuế tỉnh — nhiệm vụ/);
  });
  it('"sotttt" is Sở TTTT; a plan named at length with its year names no period; words of the plan typed with capitals are no agency; English windows and the asker’s day', () => {
    expect(first('sotc chủ trì việc gì')).toMatch(/^Sở Tài chính/);
    expect(ask('Sở Nội vụ có được giao việc gì trong kế hoạch thực hiện cơ chế một cửa, một cửa liên thông năm 2018 không').intent).toBe('agency');
    expect(ask('ai chủ trì việc thành lập Trung tâm Phục vụ hành chính công tỉnh').intent).not.toBe('unknown-agency');
    expect(ask('Sở Du lịch có việc gì không').intent).toBe('unknown-agency');
    expect(first('What falls due between now and the end of the year?', '2020-07-01')).toMatch(/^Tasks due from now to 31\/12\/2020/);
    expect(first('Which tasks were overdue on 10 January 2019?', '2019-01-10')).toBe('Overdue tasks (3), as of 10/01/2019:');
    expect(first('Is the Department of Justice given any task?')).toMatch(/^Yes, through .*: no task names Sở Tư pháp itself, but Sở Tư pháp is one of them/);
    expect(ask('có việc nào phải làm hằng quý không, ai chủ trì').intent).toBe('recurring');
  });
  it('a rhythm’s own words are no task’s content; "định kỳ không" is no signature; a target or part the plan lacks is not stated', () => {
    expect(ask('kế hoạch có việc nào làm định kỳ hằng quý không, ai chủ trì vậy').intent).toBe('recurring');
    expect(ask('những việc lặp lại định kỳ không có hạn cụ thể').intent).toBe('recurring');
    const environment = fixturePlan('88-KH-UBND-2025');
    expect(environment.ask('kế hoạch đặt chỉ tiêu giảm bao nhiêu phần trăm rác thải nhựa', { today: '2025-01-01' }).intent).toBe('not-stated');
  });
  it('one task described at length with "trễ nhất" asks its deadline; a signature asked yes or no', () => {
    expect(first('hướng dẫn chế độ chính sách cho cán bộ một cửa ban hành chậm nhất lúc nào')).toMatch(/^Thời hạn: Dự kiến Quý I\/2019/);
    expect(ask('kế hoạch này có phải chủ tịch tỉnh ký không').intent).toBe('document');
  });
  it('a superlative after a list is asked anew, not "the first of that list"', () => {
    const one = engine.ask('Sở Tài chính phải làm gì?', { today: '2026-11-28' });
    const r = engine.ask('so nao chu tri nhieu viec nhat', { today: '2026-11-28', context: one.context });
    expect(r.text.split('\n')[0]).toBe('Chủ trì nhiều nhiệm vụ nhất trong Kế hoạch 4561/KH-UBND: VP.UBND tỉnh (14 nhiệm vụ).');
  });
  it('English: bodies "supposed to support the lead agencies" are the coordinators', () => {
    expect(first('For connecting the provincial portal to the national one, which bodies are supposed to support the lead agencies?')).toMatch(
      /^Coordinating: /,
    );
  });
  it('the day the asker names is the day the states are told at; a range of days; "tính đến" a day is a limit', () => {
    // Asked on 3/12/2026 of 15/10/2020: what was overdue then, not now.
    expect(first('tính đến ngày 15/10/2020, những việc VP UBND tỉnh chủ trì đã quá hạn là việc nào', '2026-12-03')).toBe(
      'Nhiệm vụ quá hạn của VP.UBND tỉnh (10), tính đến 15/10/2020:',
    );
    expect(first('hôm nay là 1/7/2019, việc nào sắp đến hạn', '2026-12-03')).toMatch(/tính đến 01\/07\/2019/);
    const progress = ask('đến ngày 01/01/2020 thì kế hoạch đã đến hạn bao nhiêu việc, còn bao nhiêu việc chưa đến hạn', '2026-12-03');
    expect([progress.intent, progress.text.split('\n')[0]]).toEqual([
      'progress',
      'Tiến độ Kế hoạch 4561/KH-UBND (tính đến 01/01/2020): 0/19 nhiệm vụ đã hoàn thành (0%).',
    ]);
    // Not a state asked: the day is the limit of a window of deadlines.
    expect(first('việc nào phải xong tính đến 30/6/2019', '2019-01-03')).toBe('Nhiệm vụ đến hạn chậm nhất ngày 30/06/2019 (10):');
    expect(first('từ 1/1/2019 đến 30/6/2019 có việc gì phải xong', '2019-01-03')).toBe('Nhiệm vụ đến hạn từ 01/01/2019 đến 30/06/2019 (7):');
    expect(first('from 1/7/2019 to 30/9/2019 what falls due?', '2019-01-03')).toBe('Tasks due from 01/07/2019 to 30/09/2019 (1):');
  });
  it("English typed short, mixed with the plan's Vietnamese words, or loosely: still English, still understood", () => {
    expect(first('overdue?', '2019-07-01')).toBe('Overdue tasks (10), as of 01/07/2019:');
    expect(first('II.2 late?', '2019-02-10')).toMatch(/^No, not overdue: still within its deadline\./);
    // Vietnamese without marks whose words English also has stays Vietnamese.
    expect(first('tien do', '2019-07-01')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND/);
    expect(first('vnpt co nv nao k')).not.toMatch(/^Sorry|^I do not/);
    expect(first('who phối hợp on connecting the provincial portal to the national one?')).toMatch(/^Coordinating: /);
    expect(first('Department Finance must doing what?')).toMatch(/^Sở Tài chính — tasks in plan 4561/);
    expect(first('planning & investment dept coordinating which tasks?')).toMatch(/^Sở Kế hoạch và Đầu tư — tasks/);
    expect(first('which Department of Information and Communications task is due latest')).not.toMatch(/^Sở Thông tin và Truyền thông — tasks/);
    expect(first('Is the provincial police coordinating the connection to the national population database or not?')).toBe(
      'Yes. Công an tỉnh coordinates this task.',
    );
    expect(first('Before everyone leaves for the Lunar New Year holiday, which pieces must be wrapped up?', '2018-12-03')).toBe(
      'Tasks due from now to Tết (04/02/2019) (2):',
    );
    expect(first('How many days do we still have before the connection to the national portal falls due?', '2020-09-01')).toMatch(/29 days left/);
    expect(first('The implementation part refers to Article 38 of the Government decree. What is it invoked for?')).toBe(
      'Plan 4561/KH-UBND cites Article 38 in one place:',
    );
    // "staff who sit at the counters": the clause's "who" asks nobody; the task is the one about their pay.
    const pay = ask('When are the rules on pay and benefits for staff who sit at the one-stop counters expected to come out?', '2019-07-01');
    expect([pay.ids, pay.text.split('\n')[0]]).toEqual([['I.3'], 'Deadline: expected Q1 2019']);
  });
  it('"còn hạn hay đã trễ" asks which of the two; a quantity in hectares the plan does not give is not stated', () => {
    expect(first('viec nhan rong phan mem mot cua dien tu con han hay da tre', '2020-08-20')).toMatch(/^Còn trong hạn\. Tình trạng: /);
    expect(first('ket noi cong dich vu cong quoc gia xong dung han hay tre', '2020-11-01')).toMatch(/^Đã quá hạn\. Tình trạng: Quá hạn/);
    expect(first('is rolling out the one-stop software still in time or already late?', '2020-11-01')).toMatch(/^Overdue\. Status: Overdue/);
    const environment = fixturePlan('88-KH-UBND-2025');
    expect(environment.ask('trồng bao nhiêu ha rừng ngập mặn', { today: '2025-04-10' }).intent).toBe('not-stated');
  });
  it('dates said aloud, ids typed with a space, a district\'s office, "phụ" for helping, commands, the work named before the field asked', () => {
    expect(first('nhung viec phai xong truoc ba muoi thang sau nam hai khong mot chin', '2019-01-03')).toBe('Nhiệm vụ đến hạn chậm nhất ngày 30/06/2019 (10):');
    expect(first('tháng mười hai năm hai nghìn không trăm mười tám có việc gì đến hạn', '2018-11-03')).toBe('Nhiệm vụ đến hạn trong tháng 12/2018 (2):');
    expect(first('tu nay den het thang chin co nhung viec gi toi han', '2019-05-20')).toBe('Nhiệm vụ đến hạn từ nay đến 30/09/2019 (3):');
    // "tháng sau" is next month, not June.
    expect(first('thang sau co viec gi den han', '2019-05-20')).toMatch(/tháng 6\/2019/);
    expect(ask('han ii 8').ids).toEqual(['II.8']);
    expect(first('bien giay to thanh ho so dien tu thi so nao phu giup')).toBe('Phối hợp: VP.UBND tỉnh, Sở Thông tin và Truyền thông');
    expect(first('ai phu trach ket noi cong dich vu cong quoc gia')).toMatch(/^Chủ trì: /);
    const district = ask('huyen em phai lam tron goi tu nhan ho so toi tra ket qua ngay tai mot cua, vay han toi bao gio', '2019-01-01');
    expect([district.ids, district.text.split('\n')[0]]).toEqual([['II.6'], 'Thời hạn: Quý II/2019 — còn 180 ngày']);
    const digital = fixturePlan('215-KH-UBND-2024');
    const d = (q: string, today = '2024-10-01') => digital.ask(q, { today }).text.split('\n')[0];
    expect(d('viec nao sttt chu tri ma tre han tinh den 1 thang 10 2024', '2026-12-03')).toBe(
      'Nhiệm vụ quá hạn của Sở Thông tin và Truyền thông (3), tính đến 01/10/2024:',
    );
    expect(d('gui em ds viec so KH&DT phoi hop')).toMatch(/^Sở Kế hoạch và Đầu tư — nhiệm vụ/);
    // An assignment of the Implementation part that sets its own date says it.
    expect(d('các sở phải làm xong kế hoạch chuyển đổi số của đơn vị mình trước ngày nào')).toBe(
      'Thời hạn: Trước ngày 15/4/2024 (theo phần Tổ chức thực hiện, mục 3).',
    );
    expect(d('How many tasks are in the 2024 digital transformation plan altogether?')).toMatch(/^Plan 215\/KH-UBND has 22 tasks/);
    const environment = fixturePlan('88-KH-UBND-2025');
    const e = (q: string) => environment.ask(q, { today: '2025-10-01' });
    expect(e('Dạ bên em là phòng tài nguyên môi trường huyện Ba Tri, huyện em có phần việc nào không ạ').agencies).toEqual(['UBND huyện Ba Tri']);
    expect(e('xa em dc giao viec phat loa nhac ba con giu duong sa sach se, viec nay ai chu tri').text.split('\n')[0]).toBe('Chủ trì: UBND cấp xã');
    expect(e('vụ trồng cây chắn sóng dọc bờ biển ai lo').tasks.map((t) => t.id)).toEqual(['II.4']);
  });
  it('"cb", "1 cửa" as typed; the steps of handling a file are the internal procedure; "làm trọn thủ tục" is the whole process', () => {
    expect(first('chinh sach cho cb ngoi 1 cua ai lo vay')).toBe('Chủ trì: Sở Nội vụ');
    expect(ask('sơ đồ các bước xử lý hồ sơ trong cơ quan phải có khi nào').ids).toEqual(['II.5']);
    expect(ask('Ai chịu trách nhiệm cho dân làm trọn thủ tục ngay tại một cửa').ids).toEqual(['II.6']);
  });
  it('tasks counted in a section whose name speaks of money: the count, not "not stated"', () => {
    const coops = fixturePlan('167-KH-UBND-2026');
    const r = coops.ask('Mục II hỗ trợ hợp tác xã về vốn, đất đai... có bao nhiêu nhiệm vụ?', { today: '2026-03-01' });
    expect([r.intent, r.text.split('\n')[0]]).toEqual([
      'count',
      'Mục II (Hỗ trợ hợp tác xã về vốn, đất đai, nhân lực, thị trường và khoa học công nghệ) có 10 nhiệm vụ:',
    ]);
    expect(coops.ask('tổng kinh phí bao nhiêu tỷ', { today: '2026-03-01' }).intent).toBe('not-stated');
  });
  it('a role left out ("ko tính phần phối hợp") asks the other; fire-safety words of a new plan in everyday terms', () => {
    const fire = fixturePlan('236-KH-UBND-2026');
    const f = (q: string) => fire.ask(q, { today: '2026-05-01' });
    const commune = f('cấp xã thì phải tự lo việc gì, ko tính phần phối hợp');
    expect([commune.intent, commune.text]).toEqual([expect.stringMatching(/^agency$/), expect.not.stringContaining('Phối hợp (')]);
    expect(f('ai phoi hop voi cong an trong vu dien tap chay lon o cho dong nguoi').tasks.map((t) => t.id)).toEqual(['III.5']);
    expect(f('ai lo vu gan them voi nuoc cho xe cuu hoa tren duong pho').tasks.map((t) => t.id)).toEqual(['III.3']);
    expect(f('vụ đi soát mấy cái chợ với cây xăng coi có an toàn cháy nổ ko thì ai chủ trì').text.split('\n')[0]).toBe('Chủ trì: Sở Công Thương');
  });
  it('a range of months; the quarter, month or year with the most (or fewest) tasks falling due', () => {
    expect(first('tu thang 4 den thang 9 nam 2019 co nhung han nao')).toBe('Nhiệm vụ đến hạn trong tháng 4–9/2019 (3):');
    expect(first('thang 4-9/2019 co viec gi')).toBe('Nhiệm vụ đến hạn trong tháng 4–9/2019 (3):');
    expect(first('What falls due from April to September 2019?')).toBe('Tasks due in April–September 2019 (3):');
    expect(ask('quy nao don nhieu viec den han nhat').text.split('\n')).toEqual([
      'Dồn nhiều nhiệm vụ đến hạn nhất trong Kế hoạch 4561/KH-UBND: Quý I/2019 (5 nhiệm vụ có hạn cụ thể).',
      'Các kỳ khác: Quý IV/2018 (2), Quý II/2019 (2), Quý III/2020 (2), Quý III/2018 (1), Quý III/2019 (1), Quý IV/2020 (1). Việc định kỳ và thường xuyên không tính.',
    ]);
    expect(first('năm nào có nhiều nhiệm vụ đến hạn nhất')).toBe(
      'Dồn nhiều nhiệm vụ đến hạn nhất trong Kế hoạch 4561/KH-UBND: năm 2019 (8 nhiệm vụ có hạn cụ thể).',
    );
    expect(first('which quarter has the most deadlines?')).toBe('Most tasks falling due in plan 4561/KH-UBND: Q1 2019 (5 tasks with a fixed deadline).');
  });
  it('the years a plan runs, asked as its period; work repeated every six months', () => {
    // (The key period asked: the plan's own sentence that names it.)
    expect(ask('Kế hoạch coi giai đoạn nào là trọng tâm?').text).toContain('Xác định đây là nhiệm vụ trọng tâm trong giai đoạn 2018-2020.');
    expect(ask('Kế hoạch thực hiện trong giai đoạn nào?').text).toContain('Thời gian thực hiện: 2018–2020');
    expect(ask('How long does the plan run?').text).toContain('Runs: 2018–2020');
    const environment = fixturePlan('88-KH-UBND-2025');
    expect(environment.ask('việc nào làm định kỳ 6 tháng', { today: '2025-01-01' }).text.split('\n')[0]).toBe('Nhiệm vụ thực hiện 6 tháng một lần (1):');
  });
  it('coming due "in the next month" is from today to that month\'s end, as the answer says', () => {
    const environment = fixturePlan('88-KH-UBND-2025');
    const r = environment.ask('Sở Nông nghiệp có việc gì sắp đến hạn trong tháng tới?', { today: '2025-03-20' });
    expect([r.tasks.map((t) => t.id), r.text.split('\n')[0]]).toEqual([
      ['II.3'],
      'Nhiệm vụ của Sở Nông nghiệp và Phát triển nông thôn sắp đến hạn, từ nay đến 30/04/2025 (1), tính đến 20/03/2025:',
    ]);
  });
  it('"chưa quá hạn" lists the tasks still before their deadline, not the overdue ones; roles left out in other words; an agency nobody names', () => {
    const open = ask('toi hom nay nhung viec nao chua qua han vay', '2019-08-01');
    expect([open.intent, open.text.split('\n')[0]]).toEqual(['upcoming', 'Nhiệm vụ chưa đến hạn (6), tính đến 01/08/2019:']);
    expect(open.ids).not.toContain('I.1');
    expect(first('which tasks are not yet due?', '2019-08-01')).toBe('Tasks not yet due (6), as of 01/08/2019:');
    // One task's "còn hạn không" stays that task's state.
    expect(first('việc kết nối cổng dịch vụ công quốc gia còn hạn không', '2019-08-01')).toMatch(/^Chưa trễ hạn\./);
    const vp = ask('Dạ cho em hỏi, ngoài những việc chủ trì ra thì Văn phòng Ủy ban nhân dân tỉnh còn phải phối hợp với đơn vị khác ở nhiệm vụ nào không ạ?');
    expect(vp.ids).toEqual(['III.3']);
    expect(first('so tn&mt co nhung viec nao ko chu tri ma chi phoi hop')).toMatch(/^Sở Tài nguyên và Môi trường không phối hợp nhiệm vụ nào/);
    expect(first('ban kinh te bien tinh co dc giao viec j ko')).toMatch(/^Không có cơ quan "ban kinh te bien tinh" trong kế hoạch này/);
    // A body of the province the plan does not name is known as such: it has no task of its own here.
    expect(ask('ban dan toc tinh co dc giao viec j ko').text).toContain('Ban Dân tộc tỉnh không được giao nhiệm vụ nào trong Kế hoạch 4561/KH-UBND.');
  });
  it('an agency asked within a section; a plan whose copy has no signature says so when asked who signed', () => {
    expect(ask('Sở Tài chính có việc gì ở mục II không').text.split('\n')[0]).toBe('Không.');
    expect(ask('sở tttt có việc gì ở mục III').text.split('\n')[0]).toBe('Sở Thông tin và Truyền thông — nhiệm vụ thuộc mục III (tính đến 28/11/2026):');
    // Asked yes or no: Sở Nội vụ leads III.3 only as one of the province's specialised agencies, and is told so first.
    const homeAffairs = ask('Does the Department of Home Affairs lead anything in section III?').text.split('\n');
    expect(homeAffairs[0]).toBe(
      'Yes, through các cơ quan chuyên môn tỉnh: no task names Sở Nội vụ as its lead, but Sở Nội vụ is one of them, so it shares the lead of the tasks below.',
    );
    expect(homeAffairs).toContain('Sở Nội vụ — tasks in section III (as of 28/11/2026):');
    const environment = fixturePlan('88-KH-UBND-2025');
    const signed = environment.ask('kh 88 bao ve moi truong ai ky vay', { today: '2025-10-01' });
    expect([signed.intent, signed.text.split('\n')[0]]).toEqual(['not-stated', 'Bản Kế hoạch 88/KH-UBND chúng tôi có không có phần chữ ký.']);
  });
  it('a plan named at the start by its title ("KH chuyển đổi số có những việc nào …") is the topic, not task words', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('kh chuyen doi so co nhung viec nao ko co han chot cu the', { today: '2025-05-01' }).intent).toBe('recurring');
    // A plan to draft is a task of this one.
    expect(first('kế hoạch thực hiện nghị định 61 phải xây dựng khi nào', '2019-05-01')).toBe('Thời hạn: Tháng 9/2018');
  });
  it('the agencies of one role only ("cơ quan nào chỉ phối hợp chứ không chủ trì việc nào")', () => {
    expect(first('trong kh 4561 co quan nao chi phoi hop chu ko chu tri viec nao het')).toBe(
      'Chỉ phối hợp, không chủ trì nhiệm vụ nào trong Kế hoạch 4561/KH-UBND (3 cơ quan): Công an tỉnh (1), Ngân hàng Nhà nước - Chi nhánh tỉnh (1), Sở Kế hoạch và Đầu tư (1).',
    );
    expect(first('sở nào không chủ trì mà chỉ phối hợp')).toMatch(/^Chỉ phối hợp, không chủ trì nhiệm vụ nào trong Kế hoạch 4561\/KH-UBND \(3 cơ quan\)/);
  });
  it('"X phối hợp với những cơ quan nào": the agencies it works with, task by task', () => {
    expect(ask('cong an tinh phoi hop voi nhung co quan naof, lam viec gi', '2019-05-01').text.split('\n')).toEqual([
      'Công an tỉnh cùng làm với 5 cơ quan trong Kế hoạch 4561/KH-UBND, theo từng việc:',
      '• III.5 — Kết nối Cổng Dịch vụ công tỉnh, Hệ thống thông tin một cửa điện tử…',
      '   Chủ trì: VP.UBND tỉnh, UBND cấp huyện, UBND cấp xã · Cùng phối hợp: Sở Kế hoạch và Đầu tư, Ngân hàng Nhà nước - Chi nhánh tỉnh',
    ]);
    // Which of its tasks it coordinates with others is its list, not its partners.
    expect(ask('so tc phai phoi hop voi ben khac trong nhung viec nao').intent).toBe('agency');
  });
  it('"cho ca tinh" is the whole province, not the provincial police; an unknown agency is quoted as far as its name goes', () => {
    const r = ask('trien khai phan mem mot cua dien tu cho ca tinh xong chua, co tre ko', '2020-11-15');
    expect([r.ids, r.text.split('\n')[0]]).toEqual([
      ['III.2'],
      'Có, đã quá hạn. Tình trạng: Quá hạn · 0/2 cơ quan đã báo cáo · Thời hạn: Quý III/2020 (tính đến 15/11/2020)',
    ]);
    expect(ask('so tc va ca tinh phoi hop viec gi').agencies).toContain('Công an tỉnh');
    expect(first('chi cuc bien dao chu tri viec nao')).toMatch(/^Không có cơ quan "chi cuc bien dao" trong kế hoạch này/);
    expect(ask('chi cuc kiem lam chu tri viec nao').text).toContain('Chi cục Kiểm lâm không được giao nhiệm vụ nào trong Kế hoạch 4561/KH-UBND.');
  });
  it('two sections or two agencies compared by their counts; targets stated as figures; a rank the plan does not give', () => {
    expect(ask('Sở TC hay Sở NV nhiều việc hơn').text.split('\n')).toEqual(['Sở Tài chính: 2 · Sở Nội vụ: 5 nhiệm vụ.', 'Nhiều hơn: Sở Nội vụ.']);
    expect(ask('mục II với mục III mục nào nhiều việc hơn').text.split('\n')).toEqual(['Mục II: 9 · Mục III: 6 nhiệm vụ.', 'Nhiều hơn: Mục II.']);
    expect(first('Does the Department of Finance or the Department of Home Affairs lead more tasks?')).toBe('Sở Tài chính: 2 · Sở Nội vụ: 5 tasks led.');
    expect(first('Section I or section III: which one has more tasks?')).toBe('Section I: 4 · Section III: 6 tasks.');
    const pci = fixturePlan('249-KH-UBND-2026');
    const target = pci.ask('Dạ cho em hỏi kế hoạch đặt mục tiêu PCI năm nay tăng bao nhiêu bậc ạ?', { today: '2026-03-01' });
    expect(target.text).toContain('tăng ít nhất 05 bậc');
    expect(pci.ask('Bến Tre xếp hạng PCI 2025 thứ mấy', { today: '2026-03-01' }).intent).toBe('not-stated');
  });
  it('"đến đầu tháng 10 năm 2020 thì" is the day states are asked at; a plan\'s own agency asked without "Chi nhánh"', () => {
    const r = ask('đến đầu tháng 10 năm 2020 thì kh 4561 có tổng cộng mấy việc quá hạn', '2026-12-03');
    expect(r.text.split('\n').slice(0, 2)).toEqual(['Có 13 nhiệm vụ.', 'Nhiệm vụ quá hạn (13), tính đến 01/10/2020:']);
    expect(first('tính đến cuối tháng 6/2019 có việc nào trễ', '2026-12-03')).toBe('Nhiệm vụ quá hạn (8), tính đến 30/06/2019:');
    const poverty = fixturePlan('262-KH-UBND-2026');
    // (The plan stored "Chi nhánh Ngân hàng Chính sách xã hội tỉnh" by name; the directory has since learnt it, and
    // the plan is served as that agency's: its heading is the directory's name.)
    expect(poverty.ask('Ngân hàng Chính sách xã hội tỉnh được giao làm gì trong kế hoạch giảm nghèo?', { today: '2026-10-01' }).text.split('\n')[0]).toBe(
      'Ngân hàng Chính sách xã hội tỉnh — nhiệm vụ theo Kế hoạch 262/KH-UBND (tính đến 01/10/2026):',
    );
  });
  it("words of a task that look like a cue or an agency stay the task's; the doer asked of work that names an agency", () => {
    const plan = (n: string) => new Engine(loadPlan(path.join(import.meta.dirname, `../fixtures/corpus-plans/${n}.json`)), loadDirectory());
    const reading = plan('275-KH-UBND-2026');
    // "tài liệu địa chí" folds to "địa chỉ" (an address, which no plan states): with the word before it, the plan's own.
    const digital = reading.ask('thu vien so, so hoa tai lieu dia chi bao gio phai xong', { today: '2026-11-28' });
    expect([digital.intent, digital.tasks[0]?.id, digital.text.split('\n')[0]]).toEqual(['task', 'II.3', 'Thời hạn: Năm 2027']);
    // "nâng cấp Thư viện tỉnh" is II.1's wording, led by another: the library's own tasks share a word at most.
    const upgrade = reading.ask('viec lam phong doc thieu nhi, nang cap thu vien tinh tre han chua', { today: '2027-01-10' });
    expect([upgrade.tasks[0]?.id, upgrade.text.split('\n')[0]]).toEqual([
      'II.1',
      'Có, đã quá hạn. Tình trạng: Quá hạn · Thời hạn: Quý IV/2026 (tính đến 10/01/2027)',
    ]);
    expect(reading.ask('Is the school library review overdue as of today?', { today: '2026-09-05' }).tasks[0]?.id).toBe('II.5');
    // Who is asked first; "bao nhiêu lao động" only describes the task.
    const pci = plan('249-KH-UBND-2026');
    expect(pci.ask('ai lo vu hoi doanh nghiep can bao nhieu lao dong roi dao tao nghe theo dat hang', { today: '2026-11-28' }).text.split('\n')[0]).toBe(
      'Chủ trì: Sở Lao động - Thương binh và Xã hội',
    );
    // "sở nào chịu trách nhiệm": the doer of the work asked; the hospital is what the work is about.
    const health = plan('142-KH-UBND-2025');
    const ward = health.ask('tiền xây khoa ung bướu bv nguyễn đình chiểu thì sở nào chịu trách nhiệm bố trí', { today: '2026-11-28' });
    expect([ward.intent, ward.tasks[0]?.id]).toEqual(['task', 'I.6']);
  });
  it('overdue counts work with a deadline of its own; recurring turns late are said apart; the day a progress question runs to', () => {
    const r = ask('viec nao qua han', '2019-07-01');
    expect(r.text.split('\n')[0]).toBe('Nhiệm vụ quá hạn (10), tính đến 01/07/2019:');
    expect(r.text).toContain('Ngoài ra, việc định kỳ chưa xong kỳ gần nhất (1):\n• II.8 — ');
    expect(r.ids).toEqual(['I.1', 'I.2', 'II.1', 'I.3', 'I.4', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.8']);
    // Only a recurring turn late: still a yes, said so.
    const env = fixturePlan('88-KH-UBND-2025');
    expect(env.ask('tinh den 1/12/2025 co bn viec qua han', { today: '2026-11-28' }).text.split('\n').slice(0, 2)).toEqual([
      'Có 8 nhiệm vụ.',
      'Nhiệm vụ quá hạn (8), tính đến 01/12/2025:',
    ]);
    const progress = env.ask('kh moi truong 88 toi 15/10/2025 tien do the nao roi', { today: '2026-11-28' }).text;
    expect(progress.split('\n')[0]).toBe('Tiến độ Kế hoạch 88/KH-UBND (tính đến 15/10/2025): 0/18 nhiệm vụ đã hoàn thành (0%).');
    expect(progress).toContain('• Quá hạn: 10\n   (7 việc có hạn riêng, 3 việc định kỳ chưa xong kỳ gần nhất)');
    expect(first('den dau nam 2020 co bn viec qua han', '2026-11-28')).toBe('Có 11 nhiệm vụ.');
    expect(first('tinh hinh kh mot cua toi giua thang 3/2020 the nao, bn viec tre', '2026-11-28')).toBe('Có 11 nhiệm vụ.');
  });
  it("a cue typed with other marks is no cue; a quarter of a year named from this one; a plan's own body asked by its short name", () => {
    const water = fixturePlan('288-KH-UBND-2026');
    const at = (q: string, today = '2026-04-10') => water.ask(q, { today });
    // "Hạng mục phát triển" holds "mục phát", which is not "mức phạt" as typed.
    const pipes = at('Hạng mục phát triển mạng lưới ống truyền tải từ NMN Sơn Đông ra các xã ven TP Bến Tre và Châu Thành có mốc hoàn thành khi nào?');
    expect([pipes.intent, pipes.tasks[0]?.id]).toEqual(['task', 'II.1']);
    expect(at('Mức phạt nếu chậm là bao nhiêu').intent).toBe('not-stated');
    expect(at('quy 2 nam nay phai xong nhung nv nao').text.split('\n')[0]).toMatch(/Quý II\/2026/);
    expect(at('quý 3 năm sau có việc gì').text.split('\n')[0]).toMatch(/Quý III\/2027/);
    expect(at('quy 2 nam ngoai co viec gi').text.split('\n')[0]).toMatch(/Quý II\/2025/);
    // "Trung tâm Nước sạch" for "… và Vệ sinh môi trường nông thôn"; "Công ty CP" for "Công ty Cổ phần".
    expect(at('Dạ những việc do Trung tâm Nước sạch chủ trì, tính đến nay có việc nào bị trễ hạn không ạ?').agencies).toEqual([
      'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn',
    ]);
    expect(at('Bên em là Công ty CP Cấp thoát nước Bến Tre, trong KH 288 bên em được giao những phần việc gì?').text.split('\n')[0]).toBe(
      'Công ty Cổ phần Cấp thoát nước Bến Tre — nhiệm vụ theo Kế hoạch 288/KH-UBND (tính đến 10/04/2026):',
    );
    expect(at('As of today, which tasks in the rural water plan are already past their deadline?').intent).toBe('overdue');
  });
  it("English dates the asker is at; a role denied in brackets; the basis asked with its issuer; a preface about one's report", () => {
    const en = ask('As of 1 Oct 2019, is fitting out the office and equipment of the provincial public administration service centre overdue?', '2026-11-28');
    expect([en.ids, en.text.split('\n')[0]]).toEqual([['II.2'], 'Yes, it is overdue. Status: Overdue · Deadline: Q1 2019 (as of 01/10/2019)']);
    const dic = ask('Which tasks does the Department of Information and Communications co-ordinate (not lead) in plan 4561?');
    expect(dic.ids).toEqual(['III.3']);
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('kế hoạch chuyển đổi số năm 2024 căn cứ những quyết định nào của thủ tướng', { today: '2026-11-28' }).text.split('\n')[0]).toBe(
      'Kế hoạch 215/KH-UBND căn cứ 3 văn bản:',
    );
    // "mục phát triển xã hội số": "mục phát" is no "mức phạt" when "phát triển xã hội" is a section's title.
    expect(digital.ask('muc phat trien xa hoi so co may nv', { today: '2026-11-28' }).intent).toBe('count');
    const report = digital.ask(
      'Dạ thưa anh chị, em đang làm báo cáo sơ kết, cho em hỏi tính tới ngày 30/11/2024 thì kế hoạch chuyển đổi số năm 2024 thực hiện tới đâu rồi, bao nhiêu việc đã quá hạn ạ? Em cảm ơn.',
      { today: '2026-11-28' },
    );
    expect([report.intent, report.text.split('\n')[0]]).toEqual([
      'progress',
      'Tiến độ Kế hoạch 215/KH-UBND (tính đến 30/11/2024): 0/22 nhiệm vụ đã hoàn thành (0%).',
    ]);
    // "hopw": the hook key typed after the last consonant.
    const env = fixturePlan('88-KH-UBND-2025');
    const sorting = env.ask('phan loai rac sinh hoat tai nguon thi ai phoi hopw', { today: '2026-11-28' });
    expect([sorting.tasks[0]?.id, sorting.text.split('\n')[0]]).toEqual(['I.2', expect.stringMatching(/^Phối hợp: /)]);
  });
  it('a body named inside the work asked of an English "who"; "kế hoạch năm nay" is the plan, not a year to filter by', () => {
    const food = fixturePlan('301-KH-UBND-2026');
    const at = (q: string) => food.ask(q, { today: '2026-11-28' });
    const lab = at('Who is responsible for buying rapid test kits and upgrading the testing lab of the provincial CDC?');
    expect([lab.tasks[0]?.id, lab.text.split('\n')[0]]).toEqual(['III.3', 'Lead: Sở Y tế']);
    const partner = at('Chi cục An toàn vệ sinh thực phẩm phối hợp những việc nào trong kế hoạch năm nay?');
    expect([partner.intent, partner.text.split('\n')[0]]).toEqual(['agency', 'Chi cục ATVSTP — nhiệm vụ theo Kế hoạch 301/KH-UBND (tính đến 28/11/2026):']);
    const paper = ask("For turning people's paper documents into electronic dossiers, which agencies are listed as the supporting ones?");
    expect([paper.ids, paper.text.split('\n')[0]]).toEqual([['III.3'], 'Coordinating: VP.UBND tỉnh, Sở Thông tin và Truyền thông']);
  });
  it("every rhythm a deadline names; a letter's salutation is no task word", () => {
    const fire = fixturePlan('236-KH-UBND-2026');
    // III.8 is due "Định kỳ 6 tháng, hằng năm": it is yearly work too.
    expect(fire.ask('co nhung viec nao lam dinh ky hang nam ko', { today: '2026-11-28' }).tasks.map((t) => t.id)).toEqual(['I.6', 'II.9', 'III.8']);
    const letter = ask(
      'Kính gửi anh chị, đơn vị chúng tôi đang rà soát việc thành lập Trung tâm Phục vụ hành chính công và kiện toàn bộ phận tiếp nhận ở huyện, xã; xin cho biết cơ quan nào được giao chủ trì nhiệm vụ này ạ?',
    );
    expect([letter.ids, letter.text.split('\n')[0]]).toEqual([['II.1'], 'Chủ trì: VP.UBND tỉnh, Sở Nội vụ, UBND cấp huyện, UBND cấp xã']);
  });
  it('spoken letters and years; how often; a district the province lacks; "chữ ký cuối"; who, though another "ai" is "cho ai"', () => {
    const spoken = ask('tính tới mười lăm tháng mười năm hai không hai mươi việc nối cổng dê vê xê tỉnh lên cổng quốc gia trễ hạn chưa');
    expect([spoken.ids, spoken.text.split('\n')[0]]).toEqual([
      ['III.4'],
      'Có, đã quá hạn. Tình trạng: Quá hạn · 0/2 cơ quan đã báo cáo · Thời hạn: Quý III/2020 (tính đến 15/10/2020)',
    ]);
    const often = ask('danh gia viec xu ly ho so o trung tam, bp mot cua bao lau lam 1 lan');
    expect([often.ids, often.text.split('\n')[0]]).toEqual([['II.8'], 'Thời hạn: Hàng quý trong năm']);
    const repair = ask('vu sua sang lai nha cua, sam them do dac cho bpmc o huyen xa thi phai xong truoc luc nao');
    expect([repair.ids, repair.text.split('\n')[0]]).toEqual([['II.3'], 'Thời hạn: Quý I/2019']);
    expect(first('kh nay tong cong co bao nhiu nv vay')).toMatch(/^Kế hoạch 4561\/KH-UBND có 19 nhiệm vụ/);
    expect(ask('chu ky cuoi kh mot cua la cua ai, chuc vu gi').text).toContain('Người ký: Chủ tịch Cao Văn Trọng.');
    expect(first('nhung vc nam nao cung phai lam lai')).toMatch(/^Nhiệm vụ thực hiện hàng năm/);
    expect(first('Which tasks are ongoing or periodic rather than having a one-off deadline?')).toBe('Recurring and ongoing tasks (5):');
    expect(ask('kh 4561 gio sao roi, con dang do bao nhieu').intent).toBe('progress');
    expect(first('UBND huyện Cái Bè có nhiệm vụ gì')).toMatch(/^Không có cơ quan "huyện Cái Bè" trong kế hoạch này/);
    expect(first('UBND huyện Ba Tri có nhiệm vụ gì')).toMatch(/^UBND huyện Ba Tri — /);
    expect(first('Hôm nay 10/4/2019, UBND huyện đang chậm những việc nào?', '2019-04-10')).toMatch(/^Nhiệm vụ quá hạn của UBND cấp huyện/);
    const monitor = ask('ai co trach nhiem theo doi don doc cac don vi lam dung tien do kh, co vuong mac thi bao cho ai');
    expect(monitor.text.split('\n')[0]).toBe('Chủ trì: VP.UBND tỉnh');
  });
  it('the doer asked of work that names a body; English progress and partners in other words; "cầm trịch"', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    const at = (q: string, today = '2026-11-28') => digital.ask(q, { today });
    const post = at(
      'Dạ em ở xã Phú Túc, bà con lớn tuổi ở đây lên huyện nộp giấy tờ xa quá, nghe nói tỉnh có chủ trương cho nộp hồ sơ rồi lấy kết quả ngay ở bưu điện xã luôn. Cho em hỏi việc này cơ quan nào đứng ra chủ trì ạ?',
    );
    expect([post.intent, post.tasks[0]?.id, post.text.split('\n')[0]]).toEqual(['task', 'II.6', 'Chủ trì: Bưu điện tỉnh']);
    // "ai phối hợp với VP UBND": the body named is the task's lead, asked about as before.
    expect(at('Số hóa hồ sơ TTHC thì ai phối hợp với VP UBND?').tasks[0]?.id).toBe('II.2');
    expect(at('How is the plan going overall? how many items already late?', '2025-01-10').intent).toBe('progress');
    expect(ask('Besides the PPC Office, which agencies join the conversion of paper dossiers into electronic ones?').text.split('\n')[0]).toMatch(
      /^Coordinating: /,
    );
  });
  it("a journalist's own paper is not what is asked; the province's specialised agencies and Ben Tre City by their other names", () => {
    const press = ask(
      'Tôi là phóng viên báo Đồng Khởi, muốn hỏi kế hoạch thực hiện cơ chế một cửa của tỉnh đến nay tiến độ ra sao, có bao nhiêu việc đã quá hạn?',
      '2019-04-05',
    );
    expect([press.intent, press.text.split('\n')[0]]).toEqual([
      'progress',
      'Tiến độ Kế hoạch 4561/KH-UBND (tính đến 05/04/2019): 0/19 nhiệm vụ đã hoàn thành (0%).',
    ]);
    // The paper's own part asked: the paper.
    expect(first('tôi là phóng viên báo Đồng Khởi, báo chúng tôi phải làm gì')).toMatch(/^Báo Đồng Khởi — /);
    expect(first('co quan chuyen mon thuoc ubnd tinh lam j trong kh 4561')).toMatch(/^Các cơ quan chuyên môn tỉnh — /);
    expect(first("What does the Ben Tre City People's Committee have to do under plan 4561?")).toMatch(/^UBND thành phố Bến Tre — /);
  });
  it('the plan by number and topic; "giữa tháng 7 này"; a cue whose last word begins an agency; English "cite as its basis"', () => {
    const water = fixturePlan('366-KH-UBND-2026');
    const at = (q: string) => water.ask(q, { today: '2026-11-28' });
    expect(at('Xin phép hỏi, tiến độ thực hiện Kế hoạch 366 về an toàn giao thông đường thủy đến nay ra sao ạ?').text.split('\n')[0]).toBe(
      'Tiến độ Kế hoạch 366/KH-UBND (tính đến 28/11/2026): 0/17 nhiệm vụ đã hoàn thành (0%).',
    );
    expect(at('Which law does the inland waterway safety plan cite as its basis?').text.split('\n')[0]).toBe('Plan 366/KH-UBND is based on 2 documents:');
    expect(first('den giua thang 7 nay kh mot cua co nhung viec nao bi cham so voi han', '2019-07-15')).toBe('Nhiệm vụ quá hạn (10), tính đến 15/07/2019:');
    // "… thì công an tỉnh": not "thi công" (building works), which the plan does not state.
    const police = ask('noi cong dvc tinh voi csdl dan cu thi cong an tinh co phai phoi hop k');
    expect([police.intent, police.ids]).toEqual(['task', ['III.5']]);
    expect(ask('don vi thi cong phan mem mot cua la ai').intent).toBe('not-stated');
  });
  it("whether a body is responsible for one task named after the cue is that task's lead, yes or no", () => {
    expect(first('so noi vu co phai chiu trach nhiem bo tri tru so, trang thiet bi cho trung tam phuc vu hcc tinh ko')).toBe(
      'Không. Sở Nội vụ không chủ trì việc này.',
    );
    expect(first('VP UBND có phụ trách việc công bố danh mục thủ tục tại trung tâm không')).toBe('Có. VP.UBND tỉnh chủ trì việc này.');
    // Nothing named after the cue: the body's work, yes or no.
    expect(ask('Sở Tài chính có trách nhiệm gì không').intent).toBe('agency');
  });
  it('the plan by its topic after other words; a quarter said apart from its year; plural possessives; "văn bản" of a task; TW', () => {
    const poverty = fixturePlan('262-KH-UBND-2026');
    const at = (q: string) => poverty.ask(q, { today: '2026-07-10' });
    // "kh giảm nghèo" names the plan, not a task whose words hold "giảm nghèo".
    expect(at('kh giam ngheo den nay co viec gi bi cham han khong').text.split('\n')[1]).toBe('Nhiệm vụ quá hạn (4), tính đến 10/07/2026:');
    expect(at('Who provides soft loans to students?').text.split('\n')[0]).toBe('Lead: Chi nhánh Ngân hàng Chính sách xã hội tỉnh');
    expect(first('trong năm 2019, quý 3 có việc nào đến hạn')).toBe('Nhiệm vụ đến hạn trong Quý III/2019 (1):');
    expect(first('năm 2020 tháng 6 có nhiệm vụ gì')).toMatch(/trong tháng 6\/2020/);
    expect(first("What is the Department of Home Affairs' work?")).toMatch(/^Sở Nội vụ — tasks in plan/);
    expect(first('How far along is the plan?')).toMatch(/^Progress of plan 4561\/KH-UBND/);
    // "văn bản quy phạm …" is task I.2's wording; "văn bản này" is the plan.
    expect(first('văn bản quy phạm về kiểm soát TTHC ban hành khi nào')).toBe('Thời hạn: Quý IV/2018');
    expect(ask('van ban nay ban hanh ngay nao').intent).toBe('document');
    expect(first('cac co quan TW dong tren dia ban phai lam gi')).toMatch(/^Các cơ quan Trung ương đặt tại tỉnh — /);
  });
  it("a role denied at the question's end is left out: the other asked", () => {
    expect(first('so noi vu tham gia nhung viec nao ma khong chu tri')).toMatch(/^Sở Nội vụ không phối hợp nhiệm vụ nào/);
    const led = ask('Sở TT&TT làm những việc gì mà không phải phối hợp').text;
    expect(led).toMatch(/\nChủ trì \(4\):\n/);
    expect(led).not.toMatch(/\nPhối hợp \(/);
  });
  it("the asker's own commune or district; lead or only coordinate, answered with the role held; the coming month", () => {
    expect(first('huyện mình phải làm gì trong kế hoạch')).toMatch(/^UBND cấp huyện — /);
    expect(first('phuong chung toi co phai cai tao tru so bo phan mot cua khong')).toBe('Có. UBND cấp xã chủ trì việc này.');
    // "cấp huyện tới giờ": "tới" is not the asker ("tôi").
    expect(ask('nâng cấp cổng dvc cấp huyện tới giờ trễ chưa', '2019-06-10').ids).toEqual(['III.1']);
    expect(first('Sở KH&ĐT chủ trì hay chỉ phối hợp việc kết nối cổng dịch vụ công với csdl dân cư')).toBe(
      'Không. Sở Kế hoạch và Đầu tư không chủ trì mà chỉ phối hợp việc này.',
    );
    expect(first('VP UBND có phối hợp việc kết nối cổng dvc với csdl dân cư không')).toBe('Không. VP.UBND tỉnh không phối hợp mà chủ trì việc này.');
    // On 10/6 "tháng tới" holds what falls due by the end of July: 30/6 as well as July.
    expect(first('tháng tới hết hạn những việc gì', '2019-06-10')).toBe('Nhiệm vụ đến hạn từ nay đến hết tháng 7/2019 (2):');
    expect(first('what falls due next month?', '2019-06-10')).toBe('No tasks fall due in July 2019.');
  });
  it('"trẻ em" is no lateness; one rare word found in one task only; the bot asked what it does; how often, with a body in the work', () => {
    const children = fixturePlan('389-KH-UBND-2026');
    expect(children.ask('So Y te chu tri nhung viec gi trong ke hoach tre em', { today: '2026-11-28' }).text.split('\n')[0]).toMatch(
      /^Sở Y tế — nhiệm vụ theo/,
    );
    expect(children.ask('What does the Provincial Police do in the children plan?', { today: '2026-11-28' }).intent).toBe('agency');
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('trung tam SOC ai chu tri', { today: '2026-11-28' }).text.split('\n')[0]).toBe('Chủ trì: Sở Thông tin và Truyền thông');
    expect(ask('tro ly ao nay hoi duoc gi').intent).toBe('help');
    expect(ask('Sở Tài chính làm được gì').intent).toBe('agency');
    const often = ask('cong bo danh muc tthc cua cac bo nganh giao cho tinh, ke ca co quan nganh doc, bao lau lam 1 lan');
    expect([often.ids, often.text.split('\n')[0]]).toEqual([['II.6b'], 'Thời hạn: Hàng năm']);
    expect(first('Who else takes part in the connection of the provincial portal to the national portal?')).toMatch(/^Coordinating: /);
  });
  it('the plan by the initials of its title; "mới năm" is no "mỗi năm"; thanks after a yes/no; a held-down last letter; targets under one aim', () => {
    const rural = fixturePlan('415-KH-UBND-2026');
    const at = (q: string) => rural.ask(q, { today: '2026-07-20' });
    expect(at('tính đến nay KH NTM có việc nào chậm không').text.split('\n')[1]).toBe('Nhiệm vụ quá hạn (7), tính đến 20/07/2026:');
    // "nông thôn mới năm nay" (the plan's own words), not the yearly rhythm; the thanks after "không" keep the yes/no.
    const treasury = at('Sở Tài chính có nhiệm vụ gì trong kế hoạch nông thôn mới năm nay không, cảm ơn');
    expect([treasury.intent, treasury.text.split('\n')[0]]).toEqual(['agency', 'Có.']);
    expect(at('kho bac co nhiem vu gi trong kh nong thon moi nam nay ko').intent).toBe('agency');
    expect(at('viec nao moi nam phai lam').intent).toBe('recurring');
    // "Phấn đấu năm 2026: … 12 xã …; 35 sản phẩm OCOP …; 95% …": each figure after the aim is a target.
    expect(at('chỉ tiêu sản phẩm OCOP năm 2026 là bao nhiêu').text).toContain('• 35 sản phẩm OCOP được công nhận mới đạt từ 3 sao trở lên;');
    expect(first('việc nào hạn sớm nhấtt')).toBe('Nhiệm vụ có hạn sớm nhất: Tháng 9/2018 (hạn 30/09/2018):');
    expect(first('UBND H phải làm gì trong quý I/2019', '2019-04-15')).toMatch(/^UBND cấp huyện — nhiệm vụ đến hạn trong Quý I\/2019/);
    expect(first('kế hoạch 4561 triển khai đến đâu rồi', '2019-04-15')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND/);
    expect(first('Which tasks fall due in the year 2019?')).toBe('Tasks due in 2019 (8):');
    expect(first("Which central agencies' duties does the plan list?")).toMatch(/^Các cơ quan Trung ương đặt tại tỉnh — tasks/);
  });
  it("a district the province lacks typed without capitals or named alone; a level inside a task's words; one task's rhythm asked", () => {
    expect(ask('ubnd huyen tan phuoc co viec gi khong').intent).toBe('unknown-agency');
    expect(ask('Tân Phước được giao những gì').intent).toBe('unknown-agency');
    // Known districts, whole or begun, stay theirs; "UBND huyện. Nhờ …" runs into another sentence.
    expect(first('Châu Thành được giao những gì')).toMatch(/^UBND huyện Châu Thành — /);
    expect(ask('ubnd huyen mo cay phai lam gi').intent).toBe('agency');
    expect(ask('Tôi là Phó Chủ tịch UBND huyện. Nhờ hệ thống liệt kê các nhiệm vụ UBND cấp huyện phải thực hiện').intent).toBe('agency');
    // "hạn … bộ phận một cửa cấp xã": the level is the task's, its deadline asked.
    expect(ask('han niem yet cong khai tthc tai bo phan mot cua cap xa').intent).toBe('task');
    expect(ask('việc 4 tại chỗ ai chủ trì').ids).toEqual(['II.6']);
    const rhythm = ask('viec danh gia giai quyet tthc o trung tam co han cu the khong hay lam hang quy');
    expect([rhythm.ids, rhythm.text.split('\n')[0]]).toEqual([['II.8'], 'Thời hạn: Hàng quý trong năm']);
    expect(ask('những việc nào làm hằng năm').intent).toBe('recurring');
  });
  it('work with a deadline of its own counted; "no fixed deadline" is every rhythm; "việc nào không" ends a yes/no only at its end', () => {
    expect(first('co bao nhieu viec co han cu the')).toBe(
      'Kế hoạch 4561/KH-UBND có 14 nhiệm vụ có hạn cụ thể (trong 19 nhiệm vụ của phụ lục; 5 việc còn lại là định kỳ hoặc thường xuyên).',
    );
    expect(first('mấy việc phải xong theo hạn, không tính việc định kỳ hay thường xuyên')).toMatch(/^Kế hoạch 4561\/KH-UBND có 14 nhiệm vụ có hạn cụ thể/);
    expect(first('how many tasks have a fixed deadline?')).toMatch(/^Plan 4561\/KH-UBND has 14 tasks with a deadline of their own/);
    expect(first('những việc nào không có hạn cụ thể, chỉ ghi hằng năm thôi')).toBe('Nhiệm vụ định kỳ và thường xuyên (5):');
    expect(first('quy 3 2019 co viec nao khong')).toBe('Có.');
  });
  it('English mixed into Vietnamese; departments by their field ("bên thuế", "ngành giáo dục", "sở nội"); periods in two-figure years', () => {
    expect(first('Who sign plan này, chức vụ gì?')).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    expect(first('Sở Tư pháp have việc gì in plan?')).toMatch(/^Sở Tư pháp — nhiệm vụ theo/);
    expect(first('ngành giáo dục phải làm gì')).toMatch(/^Sở Giáo dục và Đào tạo — /);
    expect(first('bên tài chính làm gì')).toMatch(/^Sở Tài chính — /);
    expect(ask('ben thue co dc giao nv nao trong ke hoach mot cua ko ak').agencies).toEqual(['Cục Thuế tỉnh']);
    expect(first('so noi toi 1/10/19 con may viec qua han', '2019-10-01')).toBe('Có 4 nhiệm vụ.');
    expect(first('q4/18 co viec gi')).toBe('Nhiệm vụ đến hạn trong Quý IV/2018 (2):');
    expect(first('thang 12/18 co viec gi')).toMatch(/^Nhiệm vụ đến hạn trong tháng 12\/2018/);
    expect(first('6 tháng đầu năm nay có việc nào đến hạn', '2019-10-01')).toBe('Nhiệm vụ đến hạn trong 6 tháng đầu năm 2019 (7):');
  });
  it('which task has the last deadline, its lead asked after; "6 tháng 1 lần" is no January; from now to a coming period\'s end', () => {
    expect(first('Việc nào có hạn chót xa nhất, ai chủ trì?')).toBe('Nhiệm vụ có hạn muộn nhất: Quý IV/2020 (hạn 31/12/2020):');
    const env = fixturePlan('88-KH-UBND-2025');
    const at = (q: string) => env.ask(q, { today: '2025-12-05' }).text.split('\n')[0];
    expect(at('việc nào làm 6 tháng 1 lần')).toMatch(/^Nhiệm vụ thực hiện 6 tháng một lần/);
    expect(at('từ giờ đến hết quý 1 năm sau có việc gì đến hạn')).toBe('Nhiệm vụ đến hạn từ nay đến hết Quý I/2026 (3):');
    expect(at('From now to the end of Q1 next year, what falls due?')).toBe('Tasks due from now to the end of Q1 2026 (3):');
  });
  it("the state asked first and the deadline last; scanning citizens' papers into files is converting them to electronic records", () => {
    expect(first('việc công bố danh mục thủ tục tại trung tâm đã xong chưa, hạn là quý mấy?', '2019-06-10')).toBe('Thời hạn: Quý I/2019');
    expect(first('hạn công bố danh mục tthc là khi nào, xong chưa', '2019-06-10')).toMatch(/^Chưa xong/);
    expect(ask('scan giấy tờ của dân thành file lưu trên máy thì ai chủ trì').ids).toEqual(['III.3']);
  });
  it('English with a dash before "who" asks who; office buildings and their repair; step-by-step rules', () => {
    expect(first('The step by step internal rules for each procedure, paper and electronic — who makes them?')).toMatch(/^Lead: /);
    expect(ask('Repair of the office buildings for the one-stop desks at district and commune level: late or not?', '2019-04-15').ids).toEqual(['II.3']);
  });
  it('"hạn xây dựng …" asks a task\'s deadline: drafting the plan for the decree is a task of this one', () => {
    expect(first('When was the plan for Decree 61 supposed to be drafted?')).toBe('Deadline: September 2018');
    expect(first('hạn xây dựng kế hoạch triển khai nghị định 61')).toBe('Thời hạn: Tháng 9/2018');
  });
  it('"bv môi trường" shortened; two months side by side; "ký ngày bao nhiêu"', () => {
    const env = fixturePlan('88-KH-UBND-2025');
    const at = (q: string) => env.ask(q, { today: '2026-11-28' }).text.split('\n')[0];
    expect(at('kh bv moi truong 2025 co tong cong bao nhieu viec')).toMatch(/^Kế hoạch 88\/KH-UBND có 18 nhiệm vụ/);
    expect(at('kh nay ky ngay bao nhieu')).toMatch(/^Kế hoạch số 88\/KH-UBND ngày 20\/01\/2025/);
    expect(first('tháng 7 và tháng 8 năm 2019 có việc gì')).toMatch(/tháng 7–8\/2019/);
  });
  it("a year after the plan named is the plan's only when the words between are its title's; the asker's purpose is no task word", () => {
    expect(first('Tôi cần tổng hợp các việc của kế hoạch một cửa có hạn trong năm 2020 để báo cáo, nhờ anh chị liệt kê')).toBe(
      'Nhiệm vụ đến hạn trong năm 2020 (3):',
    );
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('trong kh chuyen doi so nam 2024 co bao nhieu viec', { today: '2026-11-28' }).intent).toBe('count');
  });
  it('"trách nhiệm thuộc bên nào" asks the lead; "số CMND" is no body', () => {
    expect(first('nếu các cơ quan vẫn xài phần mềm một cửa riêng, chưa dùng chung phần mềm thống nhất, thì trách nhiệm thuộc bên nào')).toMatch(/^Chủ trì: /);
    expect(ask('so cmnd cua dan khoi phai khai lai thi ai lo').intent).not.toBe('unknown-agency');
  });
  it('courtesy around a question asks nothing: greetings, "nhờ chị cho em hỏi tí", "vậy chị", "cám ơn em nhé"', () => {
    expect(first('Chào chị, nhờ chị cho em hỏi tí: hạn hoàn thành quy trình nội bộ từng thủ tục là lúc nào vậy chị?', '2019-06-10')).toMatch(
      /^Thời hạn: Quý II\/2019/,
    );
    expect(first('em ơi, cải tạo trụ sở một cửa huyện xã đã làm xong chưa vậy em, cám ơn em nhé', '2019-06-10')).toMatch(/^Chưa xong, và đã quá hạn/);
    expect(ask('ok cảm ơn em nha').intent).toBe('thanks');
    // "cho vay" is a loan: no "vậy" to drop.
    expect(ask('dạ chính sách cho vay vốn thì ai lo').intent).not.toBe('help');
  });
  it('responsibility "in carrying out the plan" names the plan, not a task; a level named bare as the topic', () => {
    const r = ask('Bảo hiểm xã hội tỉnh có trách nhiệm gì trong việc thực hiện kế hoạch một cửa, một cửa liên thông không');
    expect([r.intent, r.agencies]).toEqual(['agency', ['BHXH tỉnh']]);
    expect(first('huyện thì chủ trì tất cả mấy việc trong kh này')).toMatch(/^UBND cấp huyện chủ trì 7 nhiệm vụ/);
  });
  it('which articles the plan cites; a provincial body named without "tỉnh"; what the bot can help with', () => {
    expect(ask('kế hoạch này viện dẫn những điều nào của nghị định 61').text.split('\n').slice(0, 3)).toEqual([
      'Kế hoạch 4561/KH-UBND nhắc đến 3 điều:',
      '• Điều 7: Nhiệm vụ II.1',
      '• Điều 11: Phần III, mục 2',
    ]);
    expect(first('What articles does the plan refer to?')).toBe('Plan 4561/KH-UBND cites 3 articles:');
    expect(ask('bộ đội biên phòng có nhiệm vụ gì không').agencies).toEqual(['Bộ đội Biên phòng tỉnh']);
    expect(ask('con bot này giúp được những gì vậy').intent).toBe('help');
  });
  it("an official's shorthand read where the word beside it says what it is; lateness as 'chậm'; helping is coordinating", () => {
    expect(first('cq nào ph vụ số hóa hồ sơ giấy')).toMatch(/^Phối hợp: /);
    expect(first('quy trình nội bộ đã ht chưa z', '2019-06-10')).toMatch(/^Chưa xong/);
    expect(first('ai chịu tn quy định mức chi')).toBe('Chủ trì: Sở Tài chính');
    expect(first('kh 4561 giao bnhiu việc')).toMatch(/^Kế hoạch 4561\/KH-UBND có 19 nhiệm vụ/);
    expect(ask('Sở TC làm mức chi thì có ai phối hợp không').ids).toEqual(['I.4']);
    expect(ask('cấp xã có nv nào chậm chưa', '2019-06-10').intent).toBe('overdue');
    expect(first('số hóa hồ sơ giấy hỗ trợ với ai')).toMatch(/^Phối hợp: /);
    expect(first('cơ quan nào làm đầu mối thành lập trung tâm phục vụ hành chính công')).toMatch(/^Chủ trì: /);
    // "chấm điểm" (scoring) is no lateness.
    expect(ask('việc chấm điểm giải quyết hồ sơ ai lo').intent).toBe('task');
  });
  it('what the asker says of themselves asks nothing: who they are, what they need the answer for', () => {
    expect(first('Tuần sau phòng em họp sơ kết, quy trình nội bộ từng thủ tục hạn khi nào', '2019-06-10')).toMatch(/^Thời hạn: Quý II\/2019/);
    expect(first('Ai chủ trì quy định mức chi để em trình sếp ký?')).toBe('Chủ trì: Sở Tài chính');
    expect(ask('Em làm văn thư, mới nhận kế hoạch này, việc nào đã trễ hạn?', '2019-06-10').intent).toBe('overdue');
    // A clause naming the work the question then points to stays: "nhiệm vụ này".
    expect(first('Đơn vị chúng tôi đang theo dõi việc thành lập Trung tâm Phục vụ hành chính công, xin cho biết ai chủ trì nhiệm vụ này')).toMatch(
      /^Chủ trì: /,
    );
    // "Dạ" opens a question but asks nothing; "vấn đề" is no purpose after "để".
    expect(first('Dạ em đang chuẩn bị tài liệu cho cuộc họp sáng mai, ai chủ trì đánh giá việc giải quyết thủ tục')).toMatch(/^Chủ trì: /);
    expect(ask('ai chu tri van de cua em').intent).not.toBe('unknown');
    // "tới" folds as "tôi" does: no asker there.
    expect(ask('Từ nay tới cuối năm 2019, còn những việc gì phải hoàn thành?', '2019-06-10').intent).not.toBe('unknown');
  });
  it('English: "work items", "what number of", a cut-off date, past due, done last', () => {
    expect(first('How many work items are in section III?')).toMatch(/^Section III \(.*\) has 6 tasks:$/);
    expect(first('Which task has the latest cut-off date?')).toBe('The latest deadline: Q4 2020 (due 31/12/2020):');
    expect(ask('Which tasks are past due?', '2019-06-10').intent).toBe('overdue');
    expect(first('Which task is expected to be done last?')).toBe('The latest deadline: Q4 2020 (due 31/12/2020):');
  });
  it('what the corpus did not cover: "còn kịp hạn", "bch", a name in quotes, "every six months", the plan named last, the total of both roles', () => {
    const env = (n: string) => new Engine(loadPlan(path.join(import.meta.dirname, `../fixtures/corpus-plans/${n}.json`)), loadDirectory());
    const digital = env('215-KH-UBND-2024');
    const green = env('88-KH-UBND-2025');
    const at = (e: Engine, q: string, today = '2026-11-28') => e.ask(q, { today });
    expect(at(digital, 'việc xây kho dữ liệu dùng chung có còn kịp hạn không', '2024-11-10').text.split('\n')[0]).toMatch(/^Chưa trễ hạn\./);
    expect(at(digital, 'bao nhiêu việc kế hoạch chuyển đổi số tổng cộng').intent).toBe('count');
    expect(at(green, 'bch quan su tinh dc giao nv gi').intent).toBe('agency');
    expect(at(green, "When does the 'schools say no to plastic waste' campaign need to be done by?").tasks.map((t) => t.id)).toEqual(['III.4']);
    expect(at(green, 'Which tasks have to be done every six months?').intent).toBe('recurring');
    expect(first('VP UBND tham gia bao nhiêu việc')).toBe('VP.UBND tỉnh tham gia 15 nhiệm vụ: chủ trì 14, phối hợp 1.');
    // One task's state asked either way ("có chưa hay đã trễ"), not the overdue list.
    expect(ask('quy dinh muc chi cho hd mot cua co chua hay da tre roi', '2019-05-20').ids).toEqual(['I.4']);
  });
  it('English: "Home Affairs", a district of three words, partner agencies, on hold until, a phone number the plan does not give', () => {
    expect(first('What did Home Affairs have to wrap up in Q4 2018?')).toMatch(/^Sở Nội vụ — tasks due in Q4 2018/);
    expect(first('What is Mo Cay Nam district expected to do in this plan?')).toMatch(/^UBND huyện Mỏ Cày Nam — /);
    // "What is X assigned": what the body is given, not "là gì" of it; a district the province lacks is said so.
    expect(ask('What is Cai Lay district assigned in this plan?').intent).toBe('unknown-agency');
    expect(first('What is the Department of Finance assigned?')).toMatch(/^Sở Tài chính — tasks in plan 4561/);
    expect(first('who are the partner agencies on rolling out the unified e-one-stop software?')).toMatch(/^Coordinating: /);
    expect(first('For the quarterly assessment of procedures at the service centre, who are the supporting agencies?')).toMatch(/^Coordinating: /);
    expect(ask('Which task is on hold until the Ministry of Finance puts out its circular?').intent).toBe('waiting');
    expect(ask("Are the commune People's Committees behind on anything?", '2019-02-01').text.split('\n')[0]).toBe('Yes.');
    expect(ask('ai la dau moi o so tttt phu trach kh nay, sdt bao nhieu').intent).toBe('not-stated');
  });
  it('the one asked, addressed after the last word; "thg 8/24", "tháng 3 năm 25"; going along to help; a role asked yes or no in English', () => {
    expect(first('Công an tỉnh có chủ trì việc nào không anh ơi?')).toMatch(/^Không\. Công an tỉnh không chủ trì/);
    expect(first('ket noi cong dvc quoc gia xong chua chi', '2020-08-01')).toMatch(/^Chưa xong\./);
    const env = fixturePlan('88-KH-UBND-2025');
    const head = (q: string) => env.ask(q, { today: '2025-01-10' }).text.split('\n')[0];
    expect(head('thang 3 nam 25 can xong viec gi')).toMatch(/^Nhiệm vụ đến hạn trong tháng 3\/2025/);
    expect(head('Chiến dịch nói không với rác nhựa trong trường học có đơn vị nào đi cùng hỗ trợ không?')).toMatch(/^Phối hợp: /);
    expect(head('Cuộc diễn tập phòng chống thiên tai cấp tỉnh thì bên nào chịu trách nhiệm tổ chức?')).toMatch(/^Chủ trì: /);
    expect(head('Who helps out with the saltwater intrusion forecasts?')).toMatch(/^Coordinating: /);
    expect(first('Is the PPC Office one of the agencies in charge of rolling out the unified e-one-stop software?')).toBe('Yes. VP.UBND tỉnh leads this task.');
    expect(first("Are the district People's Committees among the leads for the quarterly assessment of how procedures are handled?")).toBe(
      'Yes. UBND cấp huyện leads this task.',
    );
    expect(first('Is the police in charge of the population database link?')).toBe('No. Công an tỉnh does not lead this task; it coordinates it.');
    expect(first('Does the police lead any task?')).toMatch(/^No\. Công an tỉnh leads no task/);
  });
  it('where the money comes from; which leader signed; a deadline let slip; the distribution list', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    const money = digital.ask('Tiền để làm kế hoạch chuyển đổi số lấy từ nguồn nào?', { today: '2025-10-01' }).text.split('\n');
    expect(money[0]).toBe('Phần IV. KINH PHÍ THỰC HIỆN của Kế hoạch 215/KH-UBND:');
    expect(money[1]).toMatch(/^• Kinh phí thực hiện từ nguồn ngân sách nhà nước/);
    expect(digital.ask('Where does the money for the digital transformation plan come from?', { today: '2025-10-01' }).text).toMatch(/ngân sách nhà nước/);
    // A plan with no part on funding: what its body says of money, each sentence once.
    const oneStop = ask('tiền làm một cửa lấy từ nguồn nào').text.split('\n');
    expect(oneStop[0]).toBe('Kế hoạch 4561/KH-UBND nói về kinh phí:');
    expect(oneStop.slice(1)).toEqual([expect.stringMatching(/^• Phần III, mục 6: Sở Tài chính tham mưu UBND tỉnh về kinh phí/)]);
    const env = fixturePlan('88-KH-UBND-2025');
    const signed = env.ask('Which leader signed off on the 2025 environment plan?', { today: '2025-10-01' });
    expect([signed.intent, signed.text.split('\n')[0]]).toEqual(['not-stated', 'Our copy of plan 88/KH-UBND has no signature part.']);
    expect(first('Has the Information and Communications department let any deadline slip?', '2020-10-20')).toBe('Yes.');
    expect(first('Was the provincial Tax Department on the distribution list?')).toBe('Yes. Cục Thuế tỉnh is among the recipients of plan 4561/KH-UBND.');
  });
  it("a cited document's date with its issuer named; opening hours the plan does not give; the bot asked what it can do after a clause", () => {
    expect(ask('Nghị định 61/2018 được Chính phủ ký ban hành ngày mấy?').text).toMatch(/Nghị định số 61\/2018\/NĐ-CP ngày 23\/04\/2018 của Chính phủ/);
    expect(ask('Trung tâm Phục vụ hành chính công tỉnh làm việc từ mấy giờ, thứ bảy có mở cửa không?').intent).toBe('not-stated');
    expect(ask('What are the opening hours of the public administration service centre?').intent).toBe('not-stated');
    const digital = fixturePlan('215-KH-UBND-2024');
    const help = digital.ask('Em mới được giao theo dõi kế hoạch chuyển đổi số, bot này giúp được em những gì vậy?', { today: '2025-10-01' });
    expect([help.intent, help.text.split('\n')[0]]).toEqual(['help', expect.stringMatching(/^Tôi là trợ lý Kế hoạch 215\/KH-UBND/)]);
    // "Bộ đội biên phòng" is no ministry issuing a decree: an agency asked about as ever.
    expect(ask('bo doi bien phong phoi hop viec gi').intent).toBe('agency');
  });
  it("a task by its place in words, in a section named by its title's words", () => {
    expect(ask('Dạ anh chị cho em hỏi việc thứ tư của phần ứng dụng CNTT là làm gì ạ').ids).toEqual(['III.4']);
    expect(ask('nhiệm vụ thứ ba mục II là gì').ids).toEqual(['II.3']);
    expect(ask('viec dau tien phan tham muu ban hanh van ban la gi').ids).toEqual(['I.1']);
    expect(first('việc cuối của phần ứng dụng công nghệ thông tin ai chủ trì')).toBe('Chủ trì: Sở Thông tin và Truyền thông');
  });
  it('a deadline stated and asked back is a yes or no; "cả tỉnh" typed plain is no police; English months cut short and roles "to support"', () => {
    expect(first('Việc làm trọn các khâu từ nhận hồ sơ, thẩm định, ký duyệt tới trả kết quả ngay ở một cửa, hạn là cuối quý I/2019 hả anh?')).toMatch(
      /^Không\. Thời hạn: Quý II\/2019/,
    );
    expect(first('nhan rong pm mot cua dien tu thong nhat ca tinh han cuoi nam 2019 ha')).toMatch(/^Không\. Thời hạn: Quý III\/2020/);
    expect(first('publish the TTHC list at Trung tâm HCC and district one-stop - it was due by Q1 2019, correct?')).toBe('Yes. Deadline: Q1 2019');
    expect(first('Does VP UBND tỉnh has to support (phối hợp) the converting of paper files to e-dossier?')).toBe('Yes. VP.UBND tỉnh coordinates this task.');
    expect(
      first('does the State Bank branch (NHNN chi nhánh) have to support linking provincial portal with population database and payment gateway?'),
    ).toMatch(/^Yes\. Ngân hàng Nhà nước - Chi nhánh tỉnh coordinates this task/);
    expect(ask('ca tinh phoi hop viec gi').agencies).toEqual(['Công an tỉnh']);
    const env = fixturePlan('88-KH-UBND-2025');
    expect(env.ask('Which tasks must finish in Sep 2025?', { today: '2025-01-10' }).text.split('\n')[0]).toMatch(/^Tasks due in September 2025/);
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('Which tasks have deadline within first half of year 2024?', { today: '2024-01-10' }).intent).toBe('period');
    const ict = digital.ask("Which of the ICT department's jobs are ongoing or repeat every quarter rather than having a one-off deadline?", {
      today: '2024-01-10',
    });
    expect([ict.intent, ict.agencies]).toEqual(['recurring', ['Sở Thông tin và Truyền thông']]);
  });
  it('who issued the plan, its main contents, an agency\'s progress "how far", "for year 2021", the bot asked what it is for', () => {
    expect(ask('kh 4561 do cq nào ban hành vậy').intent).toBe('document');
    expect(first('phan noi dung thuc hien cua kh gom nhung muc lon nao')).toBe('Kế hoạch 4561/KH-UBND gồm 3 phần:');
    expect(first('how far Sở TT&TT has done its tasks until now?', '2020-10-01')).toMatch(/^Progress of Sở Thông tin và Truyền thông/);
    expect(first('For year 2021, still have any task must finish?', '2020-06-01')).toMatch(/^No task with a deadline of its own falls due in 2021/);
    expect(ask('e moi vao nhom, bot nay dung de lam j vay a').intent).toBe('help');
    // What the plan is for stays the plan's purpose.
    expect(ask('kế hoạch này dùng để làm gì').intent).toBe('document');
  });
  it('a part of the appendix named by a head and two words of its title: "phần tuyên truyền", "mảng xã hội số", "the climate change part"', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('Trong mảng xã hội số, việc nào phải xong sớm nhất?', { today: '2024-06-01' }).text.split('\n')[0]).toMatch(
      /^Nhiệm vụ thuộc mục IV có hạn sớm nhất/,
    );
    const env = fixturePlan('88-KH-UBND-2025');
    const head = (q: string) => env.ask(q, { today: '2025-10-10' }).text.split('\n')[0];
    expect(head('Phần tuyên truyền, việc nào có hạn chót trễ nhất?')).toMatch(/^Nhiệm vụ thuộc mục III có hạn muộn nhất/);
    expect(head('Progress of the climate change and disaster prevention part until now is how far?')).toMatch(/^Progress of section II /);
    expect(head('tiến độ phần ứng phó biến đổi khí hậu')).toMatch(/^Tiến độ mục II /);
    expect(first('Phần công nghệ thông tin của kế hoạch, Văn phòng UBND tỉnh dính những việc nào?')).toBe(
      'VP.UBND tỉnh — nhiệm vụ thuộc mục III (tính đến 28/11/2026):',
    );
  });
  it('difficulties met and where to report them; the closing paragraph; "nộp bc"; "phóng sự" is no "Phòng"', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    const stuck = digital.ask('Trong lúc làm mà gặp khó khăn, vướng mắc thì các đơn vị phải báo về chỗ nào theo KH 215?', { today: '2024-06-01' }).text;
    expect(stuck.split('\n')[0]).toBe('Kế hoạch 215/KH-UBND nói về khó khăn, vướng mắc:');
    expect(stuck).toMatch(/phản ánh về Sở Thông tin và Truyền thông/);
    const closing = ask('Cuối kế hoạch, UBND tỉnh yêu cầu những ai phải triển khai nghiêm túc vậy ạ?').text;
    expect(closing.split('\n')[0]).toBe('Đoạn kết của Kế hoạch 4561/KH-UBND:');
    expect(closing).toMatch(/yêu cầu Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện/);
    const env = fixturePlan('88-KH-UBND-2025');
    expect(env.ask('ai phai nop bc so ket 6 thang cua kh 88 vay', { today: '2025-06-01' }).tasks.map((t) => t.id)).toEqual(['III.6']);
    expect(env.ask('phong su, chuong trinh tivi ve chong rac thai nhua bao lau phai lam 1 lan', { today: '2025-06-01' }).tasks.map((t) => t.id)).toEqual([
      'III.2',
    ]);
    // A department the province lacks is still said so, though "sở dữ" stands in "cơ sở dữ liệu".
    expect(ask('Sở Du lịch có việc gì trong kế hoạch này?').intent).toBe('unknown-agency');
  });
  it('a part\'s progress asked with a state word; "What\'s due in December 2025?"; who helps the lead named', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    expect(digital.ask('Phần chính quyền số tới giờ làm được tới đâu rồi?', { today: '2024-10-01' }).text.split('\n')[0]).toMatch(/^Tiến độ mục II /);
    expect(
      digital.ask("Which agencies help the Statistics Office measure the digital economy's share of GRDP?", { today: '2024-10-01' }).text.split('\n')[0],
    ).toMatch(/^Coordinating: /);
    const env = fixturePlan('88-KH-UBND-2025');
    expect(env.ask("What's due in December 2025?", { today: '2025-07-01' }).text.split('\n')[0]).toMatch(/^Tasks due in December 2025/);
    expect(env.ask('Mảng quản lý chất thải, kiểm soát ô nhiễm tiến độ tới đâu rồi?', { today: '2025-07-01' }).text.split('\n')[0]).toMatch(/^Tiến độ mục I /);
    // "phần mềm" is software, not a part: one task's state.
    expect(ask('phan mem 1 cua dien tu nhan rong toi dau roi, co tre k', '2020-08-01').ids).toEqual(['III.2']);
    expect(ask('tiến độ nhân rộng phần mềm một cửa điện tử thống nhất', '2020-08-01').ids).toEqual(['III.2']);
    expect(first('tiến độ phần ứng dụng công nghệ thông tin', '2020-08-01')).toMatch(/^Tiến độ mục III /);
  });
  it('a count of what a body leads tells apart what names it and what it shares as one of a group', () => {
    expect(first('Sở Nội vụ chủ trì mấy việc')).toBe(
      'Sở Nội vụ chủ trì 5 nhiệm vụ (4 nhiệm vụ được giao đích danh, 1 nhiệm vụ giao chung cho các cơ quan chuyên môn tỉnh) và phối hợp 0 nhiệm vụ.',
    );
    expect(first('How many tasks does the Department of Home Affairs lead?')).toBe(
      'Sở Nội vụ leads 5 tasks (4 by name, 1 given to các cơ quan chuyên môn tỉnh) and coordinates 0.',
    );
    expect(first('huyện Giồng Trôm chủ trì mấy việc')).toBe('UBND huyện Giồng Trôm chủ trì 7 nhiệm vụ (giao chung cho UBND cấp huyện) và phối hợp 0 nhiệm vụ.');
    // Named in every task it holds: the number alone.
    expect(first('VP UBND tỉnh chủ trì mấy việc')).toBe('VP.UBND tỉnh chủ trì 14 nhiệm vụ và phối hợp 1 nhiệm vụ.');
  });
  it('English: "due by … ?", "the one that has to", "listed as a coordinating agency", "get a copy"; a decree\'s number the plan never gives', () => {
    expect(first('Is the link to the national population and business registration databases due by the end of 2020?')).toBe('Yes. Deadline: Q4 2020');
    expect(first('Is the Finance Department the one that has to set the spending levels for one-stop work?')).toBe('Yes. Sở Tài chính leads this task.');
    expect(first('is BHXH listed as a coordinating agency anywhere in the plan?')).toBe('No.');
    expect(first('Did the provincial Social Insurance get a copy of the plan?')).toBe('Yes. BHXH tỉnh is among the recipients of plan 4561/KH-UBND.');
    expect(ask('Trung tâm Phục vụ hành chính công tỉnh được thành lập theo quyết định số mấy?').intent).toBe('not-stated');
    expect(ask('Thông tư của Bộ Nội vụ về chế độ cho cán bộ một cửa mà kế hoạch nhắc tới là thông tư số mấy?').intent).toBe('not-stated');
    // The plan's own number is its header; "sở nào" typed plain is no "số nào".
    expect(ask('kế hoạch này số mấy').intent).toBe('document');
    expect(ask('viec ra cac van ban phap quy ve co che mot cua do so nao phu trach').ids).toEqual(['I.2']);
  });
  it('"… thì X có chủ trì không": a yes or no asked after a long description of the work', () => {
    expect(first('Việc công bố danh mục TTHC tại Trung tâm HCC và bộ phận một cửa cấp huyện thì UBND huyện có chủ trì không?')).toBe(
      'Không. UBND cấp huyện không chủ trì việc này.',
    );
  });
  it('a level named bare after the work it holds: "mấy việc xã phối hợp … đã trễ hạn", "những nhiệm vụ huyện chủ trì"', () => {
    const env = fixturePlan('88-KH-UBND-2025');
    const late = env.ask('Mấy việc xã phối hợp với cấp trên mà giờ đã trễ hạn là những việc nào?', { today: '2025-08-01' });
    expect([late.intent, late.agencies]).toEqual(['overdue', ['UBND cấp xã']]);
    expect(ask('những nhiệm vụ huyện chủ trì là gì').agencies).toEqual(['UBND cấp huyện']);
  });
  it('what the bot can look up "về kế hoạch một cửa": the plan named is what help is asked about', () => {
    expect(ask('bot nay tra cuu duoc nhung gi ve ke hoach mot cua vay').intent).toBe('help');
    expect(ask('giúp tôi về kế hoạch này').intent).toBe('help');
  });
  it('a state asked "as of" a month: its middle ("hết tháng" its end); English "No, not overdue"', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    const head = (q: string) => digital.ask(q, { today: '2026-11-28' }).text.split('\n')[0];
    expect(head('Is the provincial cyber security operations centre overdue as of February 2025?')).toBe(
      'No, not overdue: still within its deadline. Status: In progress, on time · Deadline: Q1 2025 (as of 15/02/2025)',
    );
    expect(head('tính đến tháng 2/2025 trung tâm giám sát an ninh mạng trễ hạn chưa')).toMatch(/^Chưa trễ hạn\..*\(tính đến 15\/02\/2025\)$/);
    expect(head('tính đến hết tháng 3/2025 trung tâm giám sát an ninh mạng trễ hạn chưa')).toMatch(/\(tính đến 31\/03\/2025\)$/);
  });
  it('a span between two periods each with its year; "từ tháng" is no "ngày tư tháng"; English "within ten days from now"', () => {
    expect(first('Từ quý III/2019 đến hết quý III/2020 có những nhiệm vụ nào đến hạn?')).toMatch(/^Nhiệm vụ đến hạn từ Quý III\/2019 đến Quý III\/2020 \(3\):/);
    expect(first('tu q3/2019 toi q3/2020 phai xong nhung viec gi')).toMatch(/^Nhiệm vụ đến hạn từ Quý III\/2019 đến Quý III\/2020/);
    expect(first('từ tháng 10/2019 đến tháng 3/2020 có việc gì đến hạn')).toMatch(/từ tháng 10\/2019 đến tháng 3\/2020/);
    expect(first('What falls due between Q3 2019 and Q3 2020?')).toBe('Tasks due from Q3 2019 to Q3 2020 (3):');
    expect(first('which tasks fall due within ten days from now', '2018-12-22')).toBe('Tasks due in the next 10 days (to 01/01/2019) (2):');
  });
  it('a role asked yes or no in everyday verbs: "có hỗ trợ … không" is coordinating, "có lo chính … không" leading', () => {
    expect(first('Công an tỉnh có hỗ trợ kết nối CSDL dân cư không?')).toBe('Có. Công an tỉnh phối hợp việc này.');
    expect(first('cong an tinh co lo chinh nhiem vu gi ko')).toMatch(/^Không\. Công an tỉnh không chủ trì nhiệm vụ nào/);
    expect(first('ubnd cac huyen co cung lam nhiem vu gi khong')).toMatch(/^Không\. UBND cấp huyện không phối hợp nhiệm vụ nào/);
  });
  it('the state asked on a day ("tới 20/8 rồi, … vẫn còn trong hạn hả") is no deadline asked back', () => {
    const disease = fixturePlan('467-KH-UBND-2026');
    const r = disease.ask('toi 20/8 roi, vu tiem vac xin soi rubella cho tre van con trong han ha', { today: '2026-08-20' });
    expect(r.text.split('\n')[0]).toBe('Chưa trễ hạn. Tình trạng: Đang thực hiện trong hạn · Thời hạn: 30/9/2026 (tính đến 20/08/2026)');
  });
  it('where in the plan its tasks are written (the appendix, by section); English "… - yes or no?"', () => {
    const where = ask('Thời gian hoàn thành và trách nhiệm của từng cơ quan được ghi cụ thể ở đâu trong kế hoạch?').text.split('\n');
    expect(where[0]).toBe('Nhiệm vụ, cơ quan chủ trì, phối hợp và thời hạn của Kế hoạch 4561/KH-UBND được ghi ở phụ lục kèm theo: 19 nhiệm vụ, theo các mục:');
    expect(where[1]).toBe('I. Tham mưu ban hành xây dựng các văn bản chỉ đạo, điều hành (4 nhiệm vụ)');
    expect(first('DIC in charge of rolling out the one-stop software to all agencies - yes or no?')).toBe('Yes. Sở Thông tin và Truyền thông leads this task.');
  });
  it('English health words: measles, rubella, shots, catch-up', () => {
    const disease = fixturePlan('467-KH-UBND-2026');
    expect(disease.ask('When is the deadline for the catch-up measles-rubella shots for kids aged 1 to 5?', { today: '2026-05-01' }).text.split('\n')[0]).toBe(
      'Deadline: 30/9/2026',
    );
  });
  it('a rhythm asked back of one task ("… là làm mỗi năm 1 lần hả"): yes or no first', () => {
    expect(first('đánh giá việc giải quyết TTHC ở trung tâm với một cửa huyện, xã là làm mỗi năm 1 lần hả')).toBe('Không. Thời hạn: Hàng quý trong năm');
    expect(first('việc rà soát thủ tục liên thông làm hằng năm phải không')).toBe('Có. Thời hạn: Hàng năm');
  });
  it('the plan named by its title with the decree it carries out ("kế hoạch thực hiện Nghị định 61 của tỉnh mình"): no question about the decree', () => {
    expect(first('Dạ cho em hỏi kế hoạch thực hiện Nghị định 61 của tỉnh mình giao tổng cộng bao nhiêu đầu việc ạ?')).toMatch(
      /^Kế hoạch 4561\/KH-UBND có 19 nhiệm vụ/,
    );
    // The decree asked of stays the decree; the plan to be drafted for it stays a task.
    expect(first('Nghị định 61 nói về cái gì')).toMatch(/dẫn văn bản này/);
    expect(ask('kế hoạch thực hiện Nghị định 61 phải xây dựng khi nào').ids).toEqual(['I.1']);
  });
  it('"NHNN VN" is the State Bank of Vietnam, not its provincial branch', () => {
    expect(ask('nv nao doi huong dan cua nhnn vn').text).toMatch(/Ngân hàng Nhà nước Việt Nam/);
  });
  it('tasks waiting on another document, asked of an agency: the ones it awaits or holds; none of its own said so', () => {
    expect(ask('nv nao doi huong dan cua nhnn vn').ids).toEqual(['III.5']);
    const own = ask('Sở Tài chính có việc nào đang chờ thông tư không');
    expect(own.ids).toEqual(['I.4']);
    expect(own.text).toMatch(/^Có\. /);
    expect(ask('việc nào còn chờ văn bản cấp trên').ids).toEqual(['I.3', 'I.4', 'III.5']);
    const none = ask('sở tư pháp có việc nào chờ hướng dẫn không');
    expect(none.text.split('\n')[0]).toBe('Không. Sở Tư pháp không có nhiệm vụ nào chờ văn bản hoặc hướng dẫn khác.');
    expect(none.ids).toEqual(['I.3', 'I.4', 'III.5']);
  });
  it('a few days ahead ("mấy hôm nữa"); work held up ("bị treo"); a bare year after "hạn"; "thực hiện được bao nhiêu"; a decree "ra đời", "put out"', () => {
    expect(ask('Mấy hôm nữa có nhiệm vụ nào tới hạn không?', '2019-03-22').text.split('\n').slice(0, 2)).toEqual([
      'Có.',
      'Nhiệm vụ đến hạn trong 10 ngày tới (đến 31/03/2019) (5):',
    ]);
    // The days left, asked, stay a question of one task.
    expect(ask('nâng cấp cổng dvc và hệ thống một cửa cấp tỉnh, huyện còn mấy ngày nữa là hết hạn', '2019-09-10').ids).toEqual(['III.1']);
    const held = ask('bo noi vu chua co thong tu thi viec nao bi treo');
    expect(held.intent).toBe('waiting');
    expect(held.ids).toEqual(['I.3']);
    expect(first('ket noi csdl dan cu, dkkd han 2019 phai k')).toBe('Không. Thời hạn: Quý IV/2020');
    expect(first('Đến giờ kế hoạch một cửa đã thực hiện được bao nhiêu rồi?', '2021-01-10')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND/);
    expect(ask('Nghị định 61 về một cửa ra đời ngày tháng năm nào vậy').text).toMatch(/ngày 23\/04\/2018/);
    expect(ask('which body put out decree 61/2018/ND-CP').text).toMatch(/by Chính phủ/);
  });
  it('"có phải X ra quy định không", "… là X lo đúng ko": whether the body named leads the work, yes or no first', () => {
    expect(first('Tiền bồi dưỡng cho anh em ngồi một cửa có phải Sở Nội vụ ra quy định không')).toBe('Không. Sở Nội vụ không chủ trì việc này.');
    expect(first('muc chi cho nguoi lam mot cua la stc lo dung ko')).toBe('Có. Sở Tài chính chủ trì việc này.');
  });
  it('English: "joined-up" procedures are inter-agency ones, a "support programme" is no role', () => {
    expect(first('How often must the joined-up (lien thong) procedures and their regulations be reviewed?')).toBe('Deadline: every year');
    expect(ask('How often must the joined-up (lien thong) procedures and their regulations be reviewed?').ids).toEqual(['II.7']);
  });
  it('"danh mục" is no part of the appendix; a state asked either way ("đã có quy định chưa hay quá hạn rồi")', () => {
    const listed = ask('Niêm yết danh mục thủ tục ở trung tâm hành chính công với một cửa huyện tới đâu rồi', '2019-01-20');
    expect(listed.ids).toEqual(['II.4']);
    expect(listed.text.split('\n')[0]).toMatch(/^Tình trạng: Đang thực hiện trong hạn/);
    expect(first('mục II tới đâu rồi', '2019-01-20')).toMatch(/^Tiến độ mục II /);
    const either = ask('muc chi phuc vu mot cua lien thong da co quy dinh chua hay qua han roi', '2019-05-20');
    expect(either.ids).toEqual(['I.4']);
    expect(either.text.split('\n')[0]).toMatch(/^Có, đã quá hạn\./);
  });
  it('"đang ở đâu rồi" is how far along, no place; "là phần của cơ quan nào" whose work, no issuer; "xong hồi nào" when', () => {
    expect(first('vb qppl mot cua lien thong dang o dau roi, tre chua', '2018-11-10')).toMatch(/^Chưa trễ hạn\. Tình trạng: Đang thực hiện trong hạn/);
    expect(first('trung tâm hcc đặt ở đâu')).toMatch(/không nêu điều này/);
    expect(first('tham muu cho tinh dung ke hoach trien khai nghi dinh 61 la phan cua co quan nao')).toBe('Chủ trì: VP.UBND tỉnh, Sở Nội vụ');
    expect(first('Nghị định 61 là của cơ quan nào')).toMatch(/dẫn văn bản này/);
    expect(first('Cái kế hoạch tỉnh triển khai NĐ 61 phải soạn xong hồi nào')).toBe('Thời hạn: Tháng 9/2018');
  });
  it('a stop word typed without marks that makes the plan\'s own pair stays ("che do", "can bo"); English "PCs", "by the end of 2018", a district\'s committee of three words', () => {
    expect(first('huong dan che do mot cua can bo han cuoi nam 2018 phai khong')).toBe('Không. Thời hạn: Dự kiến Quý I/2019');
    expect(first('Was the guidance on benefits for one-stop staff due by the end of 2018?')).toBe('No. Deadline: expected Q1 2019');
    expect(first('commune-level PCs: deadlines in Q2 2019?')).toMatch(/^UBND cấp xã — tasks due in Q2 2019/);
    expect(first("What does Mo Cay Nam district People's Committee have to do under this plan?")).toMatch(/^UBND huyện Mỏ Cày Nam — tasks in plan 4561/);
  });
  it('how many people a body must send or keep is a figure the plan does not give; which task of a part named finishes last', () => {
    expect(first('so nganh cu may nguoi xuong ttpvhcc vay a')).toMatch(/^Kế hoạch 4561\/KH-UBND không nêu điều này/);
    expect(first('bộ phận một cửa ở xã phải bố trí mấy người trực')).toMatch(/không nêu điều này/);
    expect(first('trong phan thanh lap kien toan bo phan mot cua, nv nao xong sau cung')).toBe(
      'Nhiệm vụ thuộc mục II có hạn muộn nhất: Quý II/2019 (hạn 30/06/2019):',
    );
  });
  it('English: "Is it X that …?" asks whether X leads the work; the "date and issuer" of a cited decision', () => {
    expect(first('Is it the Department of Justice that reviews which procedures the ministries hand to the province for the centre to receive?')).toBe(
      'No. Sở Tư pháp does not lead this task.',
    );
    expect(ask('date and issuer of QD 985/QD-TTg?').text).toMatch(/985\/QĐ-TTg of 08\/08\/2018 by Thủ tướng Chính phủ/);
  });
  it('"là việc của ai" asks whose work; "làm cùng với những sở nào" who coordinates; "nửa tháng nữa"; "Bộ CHQS"; "done so far"', () => {
    const env = fixturePlan('88-KH-UBND-2025');
    const e = (q: string, today = '2025-05-05') => env.ask(q, { today }).text.split('\n')[0]!;
    expect(e('Sơ kết, báo cáo kết quả thực hiện KH 88 về UBND tỉnh là việc của ai?')).toMatch(/^Chủ trì: /);
    expect(e('Nâng cấp khu xử lý chất thải rắn tập trung thì Sở Xây dựng làm cùng với những sở nào?')).toMatch(/^Phối hợp: /);
    const digital = fixturePlan('215-KH-UBND-2024');
    const half = digital.ask('Từ nay tới nửa tháng nữa có việc gì phải xong không?', { today: '2024-04-18' }).text.split('\n');
    expect(half[0]).toBe('Có.');
    expect(half[1]).toMatch(/15 ngày tới \(đến 02\/05\/2024\)/);
    expect(e('bo chqs tinh co nv gi trong kh 88')).toMatch(/^Bộ Chỉ huy Quân sự tỉnh — nhiệm vụ theo Kế hoạch 88/);
    expect(e('How much of the environment plan is done so far?')).toMatch(/^Progress of plan 88\/KH-UBND/);
  });
  it('fresh-60/62 kinds: a role stated and asked back ("… là Sở Nội vụ chủ trì hả"); greetings to the bot; "xã phường thị trấn"; English windows, rhythms and section tasks', () => {
    expect(first('danh gia viec giai quyet thu tuc o mot cua huyen xa la so noi vu chu tri ha')).toBe('Không. Sở Nội vụ không chủ trì việc này.');
    expect(ask('bot oi').intent).toBe('help');
    expect(ask('chào bot, em mới dùng lần đầu').intent).toBe('help');
    expect(first('trung tâm phục vụ hành chính công tỉnh bố trí mấy quầy tiếp nhận hồ sơ')).toMatch(/không nêu điều này/);
    // "số mấy, ban hành ngày nào" asks the plan's number and date, no counters.
    expect(first('kế hoạch này số mấy, ban hành ngày nào')).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    expect(first('xa phuong thi tran nv nao phai xong cuoi cung vay')).toMatch(/^Nhiệm vụ của UBND cấp xã có hạn muộn nhất/);
    expect(first('co quan chuyen mon cap tinh dc phan cong lam gi trong ke hoach mot cua')).toMatch(/^Các cơ quan chuyên môn tỉnh — nhiệm vụ/);
    expect(first('noi csdl dan cu, cong thanh toan han cuoi 2019 phai ko')).toBe('Không. Thời hạn: Quý IV/2020');
    // ("anything …?" asks yes or no: the answer, then the list.)
    expect(ask('anything with a deadline in the coming 6 weeks?', '2019-08-20').text.split('\n').slice(0, 2)).toEqual([
      'Yes.',
      'Tasks due in the next 6 weeks (to 01/10/2019) (1):',
    ]);
    expect(first('Is the information-security guidance for the portal something done once a year?')).toBe('No. Deadline: ongoing');
    expect(first('Which section II task comes due first?')).toMatch(/^The earliest deadline in section II: Q4 2018/);
  });
  it('two sections counted together ("mục I với mục III gộp lại có mấy nhiệm vụ"); "mục II hay III" compared', () => {
    expect(first('mục I với mục III gộp lại có mấy nhiệm vụ')).toBe('Các mục I, III có tổng cộng 10 nhiệm vụ (mục I: 4, mục III: 6).');
    expect(first('How many tasks are in sections I and III together?')).toBe('Sections I, III hold 10 tasks in all (section I: 4, section III: 6).');
    expect(first('mục II hay III nhiều việc hơn')).toBe('Mục II: 9 · Mục III: 6 nhiệm vụ.');
    expect(first('mục II có mấy việc')).toMatch(/^Mục II \(.*\) có 9 nhiệm vụ:/);
  });
  it('a deadline asked back as "cuối năm 2019", "giữa năm 2019", "mid-2019"; "ba tháng cuối năm 2024"; "sang năm"; "xài chung" is "dùng chung"', () => {
    expect(first('ban hành quy chế hoạt động cổng DVC, hệ thống một cửa tỉnh huyện hạn cuối năm 2019 đúng không')).toBe('Không. Thời hạn: Quý III/2019');
    expect(first('cho cả tỉnh xài chung một phần mềm một cửa thì hạn là cuối năm 2020 hả')).toBe('Không. Thời hạn: Quý III/2020');
    expect(first('sửa sang chỗ tiếp dân một cửa dưới huyện, xã hạn tới giữa năm 2019 phải không', '2026-11-28')).toBe('Không. Thời hạn: Quý I/2019');
    // The limit of a span stays one: "đến cuối năm 2019".
    expect(first('đến cuối năm 2019 có việc nào quá hạn', '2026-11-28')).toBe('Nhiệm vụ quá hạn (11), tính đến 31/12/2019:');
    expect(first('6 tháng cuối năm 2019 có những nhiệm vụ nào đến hạn?')).toMatch(/^Nhiệm vụ đến hạn trong 6 tháng cuối năm 2019/);
    expect(first('Sang năm có những việc gì tới hạn?', '2019-08-20')).toMatch(/^Nhiệm vụ đến hạn trong năm 2020/);
    expect(first('ba tháng cuối năm 2019 có việc gì đến hạn')).toMatch(/^Không có nhiệm vụ nào có hạn riêng trong Quý IV\/2019/);
  });
  it('a section\'s work with a deadline of its own, counted ("mục II có mấy việc có hạn chót rõ ràng", "phần … có bn nv có deadline cụ thể")', () => {
    const head =
      'Mục II (Thành lập, kiện toàn tổ chức, nhiệm vụ, quyền hạn và trụ sở của Bộ phận một cửa) có 6 nhiệm vụ có hạn cụ thể (trong 9 nhiệm vụ của mục; 3 việc còn lại là định kỳ hoặc thường xuyên):';
    expect(first('mục II có mấy việc có hạn chót rõ ràng, không tính việc hằng năm, hằng quý')).toBe(head);
    expect(first('phan kien toan bo phan mot cua co bn nv co deadline cu the')).toBe(head);
    expect(first('kh co bao nhieu viec co han chot ro rang')).toMatch(/^Kế hoạch 4561\/KH-UBND có 14 nhiệm vụ có hạn cụ thể/);
  });
  it('fresh-64/65 kinds: the role then the work asked back ("SKHĐT chủ trì việc … hả"); "thx a lot"; "tỷ lệ hoàn thành" is progress; "có chậm việc gì"; a count by name said in tasks', () => {
    expect(first('SKHĐT chủ trì việc nối dữ liệu dân cư, đăng ký doanh nghiệp hả')).toBe(
      'Không. Sở Kế hoạch và Đầu tư không chủ trì mà chỉ phối hợp việc này.',
    );
    expect(ask('thx a lot').intent).toBe('thanks');
    expect(first('ty le hoan thanh kh mot cua hien nay la bn %', '2019-12-20')).toMatch(/^Tiến độ Kế hoạch 4561\/KH-UBND \(tính đến 20\/12\/2019\)/);
    // The plan's targets asked stay its targets.
    expect(first('ty le hai long cua dan doi voi mot cua chi tieu bn %')).toMatch(/^Chỉ tiêu Kế hoạch 4561\/KH-UBND/);
    expect(first('Sở Tài chính chủ trì tổng cộng mấy nhiệm vụ?')).toBe(
      'Sở Tài chính chủ trì 2 nhiệm vụ (1 nhiệm vụ được giao đích danh, 1 nhiệm vụ giao chung cho các cơ quan chuyên môn tỉnh) và phối hợp 0 nhiệm vụ.',
    );
    const env = fixturePlan('88-KH-UBND-2025');
    expect(env.ask('Hội Liên hiệp Phụ nữ tỉnh tới giờ có chậm việc gì không ạ', { today: '2025-05-15' }).text.split('\n')[0]).toBe('Không.');
  });
  it('"cả kế hoạch môi trường có tất cả mấy đầu việc": the whole plan named by its title', () => {
    const env = fixturePlan('88-KH-UBND-2025');
    expect(env.ask('ca kh moi truong co tat ca may dau viec', { today: '2025-05-15' }).text.split('\n')[0]).toMatch(/^Kế hoạch 88\/KH-UBND có 18 nhiệm vụ/);
  });
  it('fresh-66 kinds: a body\'s count in a section; English "How is X going", "SBV branch", "the last task to be due"; who heads an office is not in the plan', () => {
    expect(first('Mục III ứng dụng CNTT thì VP UBND tỉnh chủ trì mấy việc')).toBe('VP.UBND tỉnh chủ trì 4 nhiệm vụ và phối hợp 1 nhiệm vụ.');
    expect(first('How is the DIC going with its tasks so far?', '2019-11-01')).toMatch(/^Progress of Sở Thông tin và Truyền thông \(as of 01\/11\/2019\)/);
    expect(ask('SBV branch - is it in charge of anything in plan 4561 or only support?').text).toMatch(/Ngân hàng Nhà nước - Chi nhánh tỉnh — tasks/);
    expect(first('for district level, what is the last task to be due?')).toMatch(/^The latest deadline of UBND cấp huyện: Q4 2020/);
    expect(first("Which district People's Committee task has the latest deadline?")).toMatch(/^The latest deadline of UBND cấp huyện: Q4 2020/);
    expect(first('trưởng bộ phận một cửa ở huyện là ai vậy')).toMatch(/không nêu điều này/);
  });
  it('"vụ soạn kh triển khai nghị định 61 là của cơ quan nào": whose work, not who issued the decree', () => {
    expect(first('vu soan kh trien khai nghi dinh 61 la cua co quan nao')).toBe('Chủ trì: VP.UBND tỉnh, Sở Nội vụ');
    expect(first('Nghị định 61 là của cơ quan nào')).toMatch(/dẫn văn bản này/);
  });
  it('fresh-67 kinds: "làm với những ai" asks who coordinates; "xong trước hết" the first deadline; English "report books", "report cards"', () => {
    const digital = fixturePlan('215-KH-UBND-2024');
    const d = (q: string) => digital.ask(q, { today: '2024-05-01' }).text.split('\n')[0]!;
    expect(d('Chiến dịch tình nguyện hè chỉ bà con cài VNeID thì Tỉnh Đoàn làm với những ai?')).toMatch(/^Phối hợp: Công an tỉnh, VP\.UBND tỉnh/);
    expect(d("Who's in charge of digital school report books for pupils?")).toBe('Lead: Sở Giáo dục và Đào tạo');
    expect(d('nv nao phai xong truoc het')).toMatch(/^Nhiệm vụ có hạn sớm nhất/);
  });
  it('"việc số 1 của phần III" is a place, not the one-stop "1 cửa"', () => {
    expect(ask('viec so 1 cua phan III noi gi').ids).toEqual(['III.1']);
  });
  it('English "police in charge of the … hookup?": a body and a role asked as a question, yes or no', () => {
    expect(first('police in charge of the population data + online fee payment hookup?')).toBe('No. Công an tỉnh does not lead this task; it coordinates it.');
  });
  it('a level named bare after "thì" ("… thì huyện có phải chủ trì ko") is that level\'s committees', () => {
    expect(first('trang bi tru so thiet bi cho trung tam hcc tinh thi huyen co phai chu tri ko')).toBe('Không. UBND cấp huyện không chủ trì việc này.');
  });
  it('English questions put yes or no ("Does X have any part …?", "Has Bình Đại fallen behind …?", "any overdue work for …?") answer yes or no first', () => {
    expect(first('Does the Department of Natural Resources and Environment have any part to play in this plan?')).toMatch(/^Yes, through /);
    expect(first('Has Binh Dai district fallen behind on any of its tasks?', '2019-07-20')).toBe('Yes.');
    expect(first("any overdue work for the Binh Dai district People's Committee?", '2019-07-20')).toBe('Yes.');
  });
  it('the Implementation part asked of as a whole ("phần III tổ chức thực hiện gồm mấy mục", "phần TCTH giao những gì"): its items, one line each', () => {
    const r = ask('phần III tổ chức thực hiện gồm mấy mục');
    expect(r.intent).toBe('document');
    expect(r.text.split('\n')[0]).toBe('Phần Tổ chức thực hiện của Kế hoạch 4561/KH-UBND có 7 mục, giao việc cho các cơ quan:');
    expect(r.text.split('\n').filter((l) => l.startsWith('• Mục '))).toHaveLength(7);
    expect(first('phan to chuc thuc hien giao bao nhieu dau viec cho cac co quan')).toBe(r.text.split('\n')[0]);
    // An agency's part, or one item, stays as it was.
    expect(first('theo phần tổ chức thực hiện thì Sở TT&TT phải làm gì')).toMatch(
      /^Phần Tổ chức thực hiện của Kế hoạch 4561\/KH-UBND giao Sở Thông tin và Truyền thông/,
    );
    expect(first('mục 5 phần tổ chức thực hiện nói gì')).toBe('Phần Tổ chức thực hiện, mục 5 (Kế hoạch 4561/KH-UBND):');
  });
  it('fresh-69 kinds: "là SNV làm đầu mối hả anh"; "nửa năm tới"; English "the third quarter of 2019"', () => {
    expect(first('Dạ nâng cấp cổng DVC, hệ thống thông tin 1 cửa cấp tỉnh cấp huyện là SNV làm đầu mối hả anh')).toBe(
      'Không. Sở Nội vụ không chủ trì việc này.',
    );
    expect(first('nửa năm tới có những việc gì tới hạn', '2020-04-01')).toBe('Nhiệm vụ đến hạn trong 6 tháng tới (đến 01/10/2020) (2):');
    expect(first('deadlines between the third quarter of 2019 and the third quarter of 2020')).toMatch(/^Tasks due from Q3 2019 to Q3 2020 \(3\)/);
    expect(first('tasks due from the second to the fourth quarter of 2019')).toBe('Tasks due in Q2–Q4 2019 (3):');
  });
  it('"T9 năm 2018"; a body\'s total asked without a role ("UBND huyện, thành phố có tất cả bao nhiêu việc")', () => {
    expect(first('T9 nam 2018 phai hoan thanh nv nao')).toBe('Nhiệm vụ đến hạn trong tháng 9/2018 (1):');
    expect(first('UBND huyện, thành phố có tất cả bao nhiêu việc')).toBe('UBND cấp huyện chủ trì 7 nhiệm vụ và phối hợp 0 nhiệm vụ.');
    // A section named by a title holding a body's name stays the section's count.
    expect(first('mục II có bao nhiêu nv')).toMatch(/^Mục II \(/);
  });
  it('sanctions for lateness are not in the plan; "đang ra sao" is one task\'s state; English "done or running late", "with an actual due date"', () => {
    expect(ask('What sanctions apply to agencies that miss their deadlines?').intent).toBe('not-stated');
    expect(ask('is there any penalty for units late on tasks in plan 4561').intent).toBe('not-stated');
    expect(first('vụ quy định mức chi cho một cửa bây giờ đang ra sao', '2019-05-20')).toMatch(/^Tình trạng: Quá hạn/);
    expect(first('spending norms for the one-stop mechanism - done or running late?', '2019-05-20')).toMatch(/^Yes, it is overdue\./);
    expect(first('number of tasks with an actual due date')).toMatch(/^Plan 4561\/KH-UBND has 14 tasks with a deadline of their own/);
  });
  it('a list narrowed to a section keeps to it ("Mục I có việc nào quá hạn không": section I\'s late work only)', () => {
    const late = ask('Mục I có việc nào quá hạn không?', '2019-06-10');
    expect(late.text.split('\n').slice(0, 2)).toEqual(['Có.', 'Nhiệm vụ quá hạn thuộc mục I (4), tính đến 10/06/2019:']);
    expect(late.ids).toEqual(['I.1', 'I.2', 'I.3', 'I.4']);
    // None late in it: said so, and where its work stands.
    expect(first('mục III có việc nào quá hạn không', '2019-06-10')).toBe('Không.');
    expect(ask('mục III có việc nào quá hạn không', '2019-06-10').text).toContain('Nhiệm vụ thuộc mục III: 6 (6 đang thực hiện trong hạn).');
    const soon = ask('mục II có việc gì sắp đến hạn không', '2019-06-10');
    expect(soon.text.split('\n')[1]).toBe('Nhiệm vụ thuộc mục II sắp đến hạn, từ nay đến 10/07/2019 (2), tính đến 10/06/2019:');
    expect(soon.ids).toEqual(['II.5', 'II.6']);
    expect(ask('Sở Nội vụ có việc nào quá hạn ở mục I không', '2019-06-10').ids).toEqual(['I.1', 'I.2', 'I.3']);
  });
  it('a task named by its rhythm ("việc hằng năm về thủ tục liên thông"), and English "what does … require"', () => {
    expect(ask('hang nam lien thong thu tuc gom nhung gi').ids).toEqual(['II.7']);
    expect(first('nhiem vu hang nam ve thu tuc lien thong la gi')).toMatch(/^Nhiệm vụ II\.7 /);
    expect(first('What does the yearly task about inter-connected (lien thong) procedures actually require?')).toMatch(/^Task II\.7 /);
    // Its rhythm asked back stays the deadline's answer.
    expect(first('viec ra soat thu tuc lien thong co han khong hay lam hang nam')).toBe('Thời hạn: Hàng năm');
  });
  it('the body\'s part "Nội dung thực hiện" asked item by item, under any head ("Phần II …", "… có mấy ý lớn")', () => {
    for (const q of [
      'Phần II Nội dung thực hiện nêu những nhóm việc gì vậy ạ',
      'noi dung thuc hien cua ke hoach co may y lon',
      'II noi dung thuc hien co may noi dung lon vay',
    ]) {
      const r = ask(q);
      expect(r.intent).toBe('document');
      expect(r.text).toContain('Nội dung thực hiện (phần II):');
    }
    // A task's or an agency's own content stays theirs.
    expect(ask('nội dung thực hiện của nhiệm vụ II.3 là gì').ids).toEqual(['II.3']);
    expect(ask('noi dung thuc hien cua so noi vu gom nhung gi').intent).toBe('agency');
  });
  it('how often and by when, in other words: "trong năm là mấy lần", "làm theo kỳ nào, hạn ra sao", "giúp em hạn …"', () => {
    expect(first('so lan danh gia viec giai quyet tthc tai mot cua huyen xa trong nam la may lan')).toBe('Thời hạn: Hàng quý trong năm');
    expect(first('Đánh giá kết quả giải quyết TTHC ở TTPVHCC làm theo kỳ nào, hạn ra sao ạ')).toBe('Thời hạn: Hàng quý trong năm');
    expect(first('sơ lược giúp em hạn bố trí trụ sở, trang thiết bị trung tâm hcc tỉnh')).toBe('Thời hạn: Quý I/2019');
    // "tới hạn" is coming due, "quyền hạn" a word of a title: no deadline asked of one task.
    expect(first('Trong tháng này có việc nào tới hạn phải xong không?', '2019-03-05')).toMatch(/^Có\.$/);
  });
  it('a span whose first month has no year takes the second\'s ("từ tháng 7 tới hết tháng 12/2020")', () => {
    const r = ask('Từ tháng 7 tới hết tháng 12/2020 kế hoạch còn việc gì phải xong ạ', '2019-05-10');
    expect(r.text.split('\n')[0]).toBe('Nhiệm vụ đến hạn trong tháng 7–12/2020 (3):');
    expect(r.ids.slice(0, 3)).toEqual(['III.2', 'III.4', 'III.5']);
    // Later in the year than the second: the year before.
    expect(first('tu thang 10 den thang 3/2020 co viec gi phai xong')).toMatch(/từ tháng 10\/2019 đến tháng 3\/2020/);
  });
  it('everyday verbs for a task\'s: "làm mới cổng DVC" is its upgrade, "lập trung tâm", "sắp xếp lại một cửa" its founding', () => {
    expect(first('làm mới trang dịch vụ công với hệ thống một cửa tỉnh, huyện thì bên nào cầm trịch')).toBe(
      'Chủ trì: VP.UBND tỉnh, Sở Thông tin và Truyền thông',
    );
    expect(ask('Việc làm mới Cổng DVC với hệ thống một cửa cấp tỉnh, cấp huyện hiện có bị chậm không anh', '2019-11-01').ids).toEqual(['III.1']);
    expect(ask('lập trung tâm hành chính công tỉnh với sắp xếp lại một cửa huyện, xã thì ai đứng ra').ids).toEqual(['II.1']);
  });
  it('a plan\'s own words are kept beside their everyday synonym\'s target ("SOC an ninh mạng" of 215 is I.4, not I.5\'s "an toàn thông tin")', () => {
    const cds = fixturePlan('215-KH-UBND-2024');
    const r = cds.ask('soc an ninh mang phoi hop voi ai', { today: '2024-06-01' });
    expect(r.tasks.map((t) => t.id)).toEqual(['I.4']);
    expect(r.text.split('\n')[0]).toBe('Phối hợp: Công an tỉnh, Viettel Bến Tre');
    // Where the plan does not say them, the everyday words still reach its wording.
    expect(ask('bảo mật cổng dịch vụ công ai phụ trách').ids).toEqual(['III.6']);
  });
  it('the plan\'s recipients "gửi lên trung ương", its basis "dựa vào QĐ 985", a body\'s count in a part named by its title', () => {
    expect(first('kế hoạch gửi lên trung ương cho cơ quan nào')).toBe('Nơi nhận Kế hoạch 4561/KH-UBND:');
    expect(ask('KH có dựa vào QĐ 985 của Thủ tướng, văn bản đó về chuyện gì vậy').text).toContain('Quyết định số 985/QĐ-TTg ngày 08/08/2018');
    expect(first('Riêng phần thành lập, kiện toàn bộ phận một cửa thì VPUB làm chủ trì mấy việc ạ')).toBe(
      'VP.UBND tỉnh chủ trì 8 nhiệm vụ và phối hợp 0 nhiệm vụ.',
    );
    expect(first('What requirements does the plan lay down?')).toBe('Part I. MỤC ĐÍCH - YÊU CẦU of plan 4561/KH-UBND:');
    expect(first('how many things does the information and communications department have to lead')).toBe(
      'Sở Thông tin và Truyền thông leads 4 tasks and coordinates 1.',
    );
  });
  it('"bộ phận một cửa cấp huyện" asked "ai …" is the desks\' level, not the district committees; English of the same', () => {
    expect(first('ai công bố danh mục thủ tục tại trung tâm và bộ phận một cửa cấp huyện')).toBe('Chủ trì: VP.UBND tỉnh');
    expect(first('who responsible for announce the list of admin procedures at the service centre and at district one-stop desks?')).toBe('Lead: VP.UBND tỉnh');
    expect(first('deadline for strengthening the one-stop sections at district and commune level')).toBe('Deadline: Q4 2018');
    // A district named before "district" stays that district.
    expect(ask('What is Mo Cay Nam district expected to do').agencies).toEqual(['UBND huyện Mỏ Cày Nam']);
  });
  it('"… đã quá hạn mà chưa xong" counts the late ones; "ban hành vào ngày nào"; English numbers of days in words', () => {
    expect(first('giờ tổng cộng bao nhiêu nhiệm vụ đã quá hạn mà chưa xong vậy', '2019-05-06')).toMatch(/^Có \d+ nhiệm vụ/);
    expect(ask('giờ tổng cộng bao nhiêu nhiệm vụ đã quá hạn mà chưa xong vậy', '2019-05-06').intent).toBe('overdue');
    expect(first('KH được ban hành vào ngày nào?')).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    expect(first('anything due within sixty days from today?', '2020-08-15')).toMatch(/^Yes\./);
  });
  it('"bộ phận một cửa cấp huyện" is the desks\' level whatever is asked of the work ("… đã công bố chưa")', () => {
    const r = ask('Danh mục TTHC tiếp nhận ở Trung tâm và bộ phận một cửa cấp huyện hiện đã công bố chưa ạ', '2019-02-15');
    expect(r.ids).toEqual(['II.4']);
    expect(r.text.split('\n')[0]).toBe('Tình trạng: Đang thực hiện trong hạn · Thời hạn: Quý I/2019 (tính đến 15/02/2019)');
    // Its work asked of the committees of that level stays theirs.
    expect(ask('UBND cấp huyện phải làm gì').intent).toBe('agency');
  });
  it('"khi có thông tư" names a task whose state is asked; alone, it asks the work waiting on one', () => {
    expect(first('Việc quy định mức chi khi có thông tư Bộ Tài chính hiện giờ thế nào rồi ạ', '2019-05-10')).toBe(
      'Tình trạng: Quá hạn · Thời hạn: Dự kiến Quý I/2019 (tính đến 10/05/2019)',
    );
    expect(ask('những việc nào phải làm khi có thông tư', '2019-05-10').intent).toBe('waiting');
  });
  it('drafting the plan ("làm kế hoạch thực hiện nghị định 61") is task I.1 when a field is asked of it', () => {
    expect(first('lam ke hoach thuc hien nghi dinh 61 han chot bao gio vay a')).toBe('Thời hạn: Tháng 9/2018');
    // The plan itself asked stays the plan's header.
    expect(ask('kế hoạch thực hiện nghị định 61 ban hành ngày nào').intent).toBe('document');
  });
  it('English fresh-79 kinds: a body\'s share of the work, the appendix\'s total, "scheduled for … ?", "- finished?", "in what capacity", drafting the plan', () => {
    expect(first("construction dept's share of the work in plan 4561")).toMatch(/^Sở Xây dựng — tasks in plan 4561\/KH-UBND/);
    expect(first('total number of tasks in the appendix')).toMatch(/^Plan 4561\/KH-UBND has 19 tasks in its appendix/);
    expect(first('Was the guidance on benefits for one-stop staff scheduled for Q1 2019?')).toBe('Yes. Deadline: expected Q1 2019');
    expect(first('allowances and policies for one-stop civil servants - due Q1 2019, correct?')).toBe('Yes. Deadline: expected Q1 2019');
    expect(first('one-stop expense norms - finished?', '2019-05-01')).toMatch(/^Not done yet, and overdue\./);
    expect(ask('in what capacity was plan 4561 signed').text).toContain('Signed by: Chủ tịch Cao Văn Trọng.');
    expect(first("Who was responsible for drafting the province's plan to implement Decree 61?")).toBe('Lead: VP.UBND tỉnh, Sở Nội vụ');
    expect(first('Cái kế hoạch tỉnh thực hiện NĐ 61 hồi đầu do ai chịu trách nhiệm soạn vậy anh')).toBe('Chủ trì: VP.UBND tỉnh, Sở Nội vụ');
  });
  it('a level of online service aimed at is a target ("mức độ mấy"); a percentage or a figure of a level named is not stated', () => {
    for (const q of ['kế hoạch yêu cầu đẩy dịch vụ công trực tuyến lên mức độ mấy', 'giai quyet tthc truc tuyen phai dat muc do bao nhieu']) {
      const r = ask(q);
      expect(r.text.split('\n')[0]).toBe('Chỉ tiêu Kế hoạch 4561/KH-UBND đặt ra:');
      expect(r.text).toContain('trực tuyến mức độ 3, 4');
    }
    expect(ask('Chỉ tiêu bao nhiêu % hồ sơ nộp trực tuyến mức độ 4').intent).toBe('not-stated');
    expect(ask('chi tieu so tthc truc tuyen muc do 3 4 la may').intent).toBe('not-stated');
  });
  it('the closing asked as "cuối văn bản", "phần kết của kế hoạch"; "đoàn kết", "phần kết nối" are no closing', () => {
    expect(first('Cuối văn bản KH 4561, UBND tỉnh yêu cầu thủ trưởng nào phải triển khai ạ')).toBe('Đoạn kết của Kế hoạch 4561/KH-UBND:');
    expect(first('phan ket cua ke hoach giao cho ai thuc hien nghiem tuc')).toBe('Đoạn kết của Kế hoạch 4561/KH-UBND:');
    expect(ask('phần kết nối cổng dịch vụ công với cơ sở dữ liệu quốc gia ai phối hợp').ids).toEqual(['III.5']);
  });
  it('fresh-78 kinds: "ngày ra văn bản KH", "văn bản của cơ quan nào", "có được gửi", "làm cái kế hoạch", "chưa hay bị trễ hạn", a dash gone between two quarters', () => {
    expect(first('Cho em hỏi ngày ra văn bản KH 4561 là ngày mấy ạ')).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    expect(first('kh 4561 la van ban cua co quan nao')).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018 của UBND tỉnh Bến Tre/);
    expect(ask('Bên thuế có được gửi KH 4561 không ạ').intent).toBe('document');
    expect(first('Ai đứng ra làm cái kế hoạch thực hiện NĐ 61 của tỉnh vậy ạ')).toBe('Chủ trì: VP.UBND tỉnh, Sở Nội vụ');
    expect(first('Dạ cho em hỏi tiền chi cho hoạt động một cửa đã có quy định chưa hay bị trễ hạn rồi ạ', '2019-06-05')).toMatch(/^Có, đã quá hạn\./);
    expect(first('Trong khoảng Q3/2019 – Q3/2020 có những việc gì tới hạn ạ', '2019-06-05')).toBe('Nhiệm vụ đến hạn từ Quý III/2019 đến Quý III/2020 (3):');
    expect(first('sơ bộ việc rà soát thủ tục liên thông thì làm theo hạn nào')).toBe('Thời hạn: Hàng năm');
  });
  it('fresh-77 kinds: "từ tháng 7 tới hết năm 2019", "hai năm 2018 và 2019", years named as years; English implementation summary, articles cited', () => {
    expect(first('Từ tháng 7 tới hết năm 2019 KH còn việc gì đến hạn ạ', '2019-06-05')).toBe('Nhiệm vụ đến hạn trong tháng 7–12/2019 (1):');
    expect(first('trong hai năm 2018 và 2019 phải xong những việc gì')).toBe('Nhiệm vụ đến hạn trong năm 2018–2019 (11):');
    expect(first('tasks due in 2018-2019')).toBe('Tasks due in 2018–2019 (11):');
    expect(first('What does the implementation section of the plan say?')).toBe(
      'The Implementation part of plan 4561/KH-UBND has 7 items, giving work to agencies:',
    );
    expect(first('articles of decree 61 cited in plan 4561')).toBe('Plan 4561/KH-UBND cites 3 articles:');
    expect(first('When is the guidance on entitlements for one-stop staff expected?')).toBe('Deadline: expected Q1 2019');
  });
  it('a section named with its title\'s words, its late work asked, is the section\'s overdue list; "… cấp huyện thì cơ quan nào được giao phối hợp"', () => {
    for (const q of ['Phần III (ứng dụng CNTT) có nhiệm vụ nào đang bị trễ hạn không?', 'mục III hiện có nv nào trễ k']) {
      const r = ask(q, '2019-11-05');
      expect(r.text.split('\n').slice(0, 2)).toEqual(['Có.', 'Nhiệm vụ quá hạn thuộc mục III (1), tính đến 05/11/2019:']);
      expect(r.ids).toEqual(['III.1']);
    }
    const coord = 'Xin phép hỏi, việc tham mưu công bố danh mục thủ tục tại Trung tâm và bộ phận một cửa cấp huyện thì cơ quan nào được giao phối hợp ạ?';
    expect(ask(coord).ids).toEqual(['II.4']);
    expect(first(coord)).toBe('Phối hợp: Các cơ quan, đơn vị liên quan');
  });
  it('English: "coming fortnight", "how long do we have for", "which agency is responsible for", "where does X stand with its tasks"', () => {
    const cds = fixturePlan('215-KH-UBND-2024');
    const at = (q: string) => cds.ask(q, { today: '2024-08-20' }).text.split('\n')[0];
    expect(at('Which agency is responsible for measuring how much the digital economy contributes to GRDP?')).toBe('Lead: Cục Thống kê tỉnh');
    expect(at('Where does the Education Department stand with its digital transformation tasks?')).toMatch(/^Progress of Sở Giáo dục và Đào tạo/);
    expect(first('Anything falling due in the coming fortnight?', '2019-06-20')).toMatch(/^Yes\./);
    expect(first('How long do we have for the yearly review of inter-connected procedures?')).toBe('Deadline: every year');
  });
  it('everyday words: "nâng đời website DVC … đảm trách", "chụp giấy tờ … lưu thành file điện tử", "nhắc các báo đưa tin"', () => {
    expect(first('nang doi website dich vu cong cua tinh do co quan nao dam trach')).toBe('Chủ trì: VP.UBND tỉnh, Sở Thông tin và Truyền thông');
    expect(ask('chup giay to nguoi dan nop roi luu thanh file dien tu la viec cua don vi nao').ids).toEqual(['III.3']);
    expect(first('Theo kế hoạch thì bên nào có trách nhiệm nhắc các báo đưa tin về cơ chế một cửa vậy ạ')).toBe(
      'Phần Tổ chức thực hiện, mục 5 (Kế hoạch 4561/KH-UBND):',
    );
  });
  it('a budget approved or a number of counters is not stated ("được duyệt dự toán bao nhiêu", "số quầy … mấy cái")', () => {
    expect(ask('Làm mới Cổng DVC với hệ thống một cửa được duyệt dự toán bao nhiêu vậy').intent).toBe('not-stated');
    expect(ask('Số quầy nhận hồ sơ ở Trung tâm HCC tỉnh là mấy cái vậy').intent).toBe('not-stated');
  });
  it("the fourteen late tasks at the plan's end fit the first message, each line shorter (a shorter list keeps its longer lines)", () => {
    const r = ask('Tính đến nay những nhiệm vụ nào đã quá hạn?', '2021-03-01');
    expect(r.text.split('\n')[0]).toBe('Nhiệm vụ quá hạn (14), tính đến 01/03/2021:');
    expect(r.text).toContain('• III.5 — ');
    expect(r.text.length).toBeLessThanOrEqual(1900);
    expect(ask('Which tasks are already overdue as of today?', '2020-10-20').text).toContain('Cổng Dịch vụ công quốc gia');
  });
  it('a target is said with whom it binds; "ít nhất 20%" is no ranking; English "what share of routine procedures"', () => {
    const r = ask('chỉ tiêu giải quyết tại chỗ là bao nhiêu phần trăm vậy ạ');
    expect(r.text).toContain('• Các sở, ban ngành: phấn đấu thực hiện tại chỗ');
    expect(r.text).toContain('• UBND cấp huyện: phấn đấu thực hiện tại chỗ việc tiếp nhận, thẩm định, phê duyệt, trả kết quả đối với 50%');
    // A figure named is that target's.
    expect(ask('Huyện phấn đấu giải quyết tại chỗ 50% là 50% của cái gì vậy ạ').text).toContain(
      '• UBND cấp huyện: phấn đấu thực hiện tại chỗ việc tiếp nhận, thẩm định, phê duyệt, trả kết quả đối với 50% số TTHC thường xuyên phát sinh hồ sơ',
    );
    // Each target once, though the body's part III repeats the assignments.
    expect(r.text.split('\n').filter((l) => l.includes('20%'))).toHaveLength(1);
    expect(ask('Ai phải phấn đấu làm tại chỗ ít nhất 20% số thủ tục vậy ạ').intent).not.toBe('agency');
    expect(first('What share of routine procedures should the district one-stop desks aim to handle fully on the spot?')).toBe(
      'The targets plan 4561/KH-UBND sets:',
    );
  });
  it('where the plan is filed ("bản gốc lưu ở đâu") and whether a body received it ("HĐND tỉnh có nhận được bản KH này không")', () => {
    const filed = ask('bản gốc kế hoạch lưu ở đâu');
    expect(filed.text.split('\n')[0]).toBe('Nơi nhận Kế hoạch 4561/KH-UBND:');
    expect(filed.text).toContain('Lưu: VT');
    expect(first('HĐND tỉnh có nhận được bản KH này không ạ')).toBe('Có. Thường trực HĐND tỉnh có trong nơi nhận Kế hoạch 4561/KH-UBND.');
    // A place the plan leaves out stays not stated.
    expect(ask('trung tâm phục vụ hành chính công đặt ở đâu').intent).toBe('not-stated');
  });
  it("English of the document: who put the plan out, points of the implementation section, main areas of work, what it implements, a cited decision's signer", () => {
    expect(first('which body put out this plan')).toMatch(/^Plan no\. 4561\/KH-UBND of 28\/09\/2018 by UBND tỉnh Bến Tre/);
    expect(first('How many points are there in the implementation section of the plan?')).toBe(
      'The Implementation part of plan 4561/KH-UBND has 7 items, giving work to agencies:',
    );
    expect(first('What are the main areas of work the plan lays out?')).toBe('Plan 4561/KH-UBND has 3 parts:');
    expect(first("Which government decree and which Prime Minister's decision does plan 4561 implement?")).toBe('Plan 4561/KH-UBND is based on 2 documents:');
    expect(ask('decision 985/QD-TTg - signed by which authority, when').text).toContain('985/QĐ-TTg of 08/08/2018 by Thủ tướng Chính phủ');
  });
  it('a recipient asked by a name holding two bodies is answered for the one sent the plan', () => {
    expect(first("Did the Government Office's Administrative Procedure Control Agency get a copy of the plan?")).toBe(
      'Yes. Cục Kiểm soát TTHC - Văn phòng Chính phủ is among the recipients of plan 4561/KH-UBND.',
    );
    expect(first('Kế hoạch có gửi Sở Tư pháp không')).toMatch(/^Có\./);
  });
  it('English: "has anything gone overdue yet", "do X have any overdue tasks", "the coming quarter", "N weeks ahead", "last due date", "plus", "list the articles"', () => {
    expect(first('Has anything gone overdue yet?', '2018-10-15')).toBe('Yes.');
    expect(first('do commune-level committees have any overdue tasks', '2019-04-10')).toBe('Yes.');
    expect(first('which tasks must be finished in the coming quarter', '2020-06-15')).toBe('Tasks due in Q3 2020 (2):');
    expect(first('tasks with deadlines in the 2 weeks ahead', '2019-09-20')).toMatch(/^(?:Yes\.|Tasks due in the next 2 weeks)/);
    expect(first('last due date the district-level committees have to meet')).toMatch(/^The latest deadline of UBND cấp huyện: Q4 2020/);
    expect(first('section 2 plus section 3 task count')).toBe('Sections II, III hold 15 tasks in all (section II: 9, section III: 6).');
    expect(first('list the articles cited in plan 4561')).toBe('Plan 4561/KH-UBND cites 3 articles:');
  });
  it('review mends: bodies asked side by side are each answered; December to the year\'s end; two years apart are no span; "soạn" of another work drafts no plan; "ít nhất là 20%"', () => {
    const r = ask('Kế hoạch có gửi Bộ Nội vụ và Công an tỉnh không');
    expect(r.text.split('\n').slice(0, 2)).toEqual([
      'Không. Bộ Nội vụ không có tên trong nơi nhận Kế hoạch 4561/KH-UBND.',
      'Có. Công an tỉnh có trong nơi nhận Kế hoạch 4561/KH-UBND.',
    ]);
    expect(first('từ tháng 12 tới hết năm 2019 có việc gì')).toMatch(/tháng 12\/2019/);
    expect(first('Which tasks were due in 2018 and 2020?')).not.toMatch(/2018–2020/);
    expect(ask('Theo kế hoạch, việc soạn quy trình nội bộ do ai chủ trì').ids).toEqual(['II.5']);
    expect(ask('phấn đấu ít nhất là 20% thủ tục là chỉ tiêu của ai').intent).not.toBe('agency');
    expect(first('Công an tỉnh mục I có việc nào quá hạn không', '2021-01-01')).toBe('Không.');
  });
  it('the key work the plan names ("nhiệm vụ trọng tâm … giai đoạn nào"), with where it stands', () => {
    const r = ask('UBND cấp huyện phải xác định việc này là nhiệm vụ trọng tâm trong giai đoạn nào');
    expect(r.text.split('\n')[0]).toBe('Kế hoạch 4561/KH-UBND nói về nhiệm vụ trọng tâm:');
    expect(r.text).toContain('Xác định đây là nhiệm vụ trọng tâm trong giai đoạn 2018-2020.');
    expect(first('Which period does the plan single out as the key period for this work?')).toBe('What plan 4561/KH-UBND names as key work:');
    // An agency's own key tasks asked stay its tasks.
    expect(ask('Sở Nội vụ có nhiệm vụ trọng tâm nào').intent).toBe('agency');
  });
  it('"ai là người ký kế hoạch" is its signer; greetings and "bạn là ai" are help', () => {
    expect(ask('ai là người ký kế hoạch').text).toContain('Người ký: Chủ tịch Cao Văn Trọng.');
    expect(ask('ai là người phụ trách bộ phận một cửa').intent).toBe('not-stated');
    for (const q of ['bạn là ai vậy', 'ê bot', 'khởi động', 'who are you', 'good morning', 'hey']) expect(ask(q).intent, q).toBe('help');
  });
});

describe('a plan named by its title', () => {
  it("is the plan's header, no sentence of its body that shares the title's words", () => {
    expect(fixturePlan('215-KH-UBND-2024').ask('kh chuyen doi so 2024 ban hanh hom nao vay', { today: '2026-11-28' }).text).toContain('15/03/2024');
  });
});
