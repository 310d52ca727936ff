import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { taskState } from '../../src/plan/status.ts';
import { ask, dir, engine, plan } from '../helpers.ts';

describe('what an agency must do', () => {
  it('Sở Tài chính: its task as lead and its assignment in part III, nothing of Sở Nội vụ', () => {
    const r = ask('STC phải làm những việc gì vậy?');
    expect(r.intent).toBe('agency');
    expect(r.ids).toContain('I.4');
    expect(r.folded).toContain('kinh phi');
    expect(r.ids).not.toContain('I.3');
  });
  it('says where an agency only coordinates', () => {
    const r = ask('Công an tỉnh có việc gì');
    expect(r.folded).toMatch(/phoi hop \(1\):.*iii\.5/);
    expect(r.folded).not.toMatch(/chu tri \(/);
  });
  it('a district receives the work of "UBND cấp huyện"', () => {
    const r = ask('huyen thanh phu phai lam gi');
    expect(r.agencies).toEqual(['UBND huyện Thạnh Phú']);
    expect(r.ids).toEqual(expect.arrayContaining(['II.3', 'II.6', 'II.7', 'II.8', 'III.5']));
    expect(r.folded).toContain('muc 3');
  });
  it('understands a small typo in the agency name and says how it understood it', () => {
    // ("so noi vuu" is a held-down letter now, read as "vụ" with no doubt to say.)
    const r = ask('so tai chinnh phai lam gi');
    expect(r.agencies).toEqual(['Sở Tài chính']);
    expect(r.folded).toContain('toi hieu la so tai chinh');
  });
  it('restricts to a period when one is named', () => {
    const r = ask('Sở Nội vụ phải xong gì trong quý 4/2018');
    expect(r.ids.sort()).toEqual(['I.2', 'II.1']);
  });
});

describe('who leads, who coordinates, when', () => {
  it('who leads a task, typed without diacritics', () => {
    const r = ask('co quan nao chu tri huong dan bao dam an toan thong tin');
    expect(r.ids).toEqual(['III.6']);
    expect(r.text.split('\n')[0]).toBe('Chủ trì: Sở Thông tin và Truyền thông');
  });
  it('who coordinates, with the condition written beside an agency', () => {
    const r = ask('chuyển đổi hồ sơ giấy sang hồ sơ điện tử thì ai phối hợp?');
    expect(r.ids).toEqual(['III.3']);
    expect(r.text.split('\n')[0]).toBe('Phối hợp: VP.UBND tỉnh, Sở Thông tin và Truyền thông');
  });
  it('when a task is due, with the due date', () => {
    const r = ask('bao gio phai hoan thanh nhan rong phan mem mot cua dien tu');
    expect(r.ids).toEqual(['III.2']);
    expect(r.folded).toContain('quy iii/2020 (han 30/09/2020)');
  });
  it('a task id typed as such gives its card', () => {
    expect(ask('nhiệm vụ II.6b').ids).toEqual(['II.6b']);
    expect(ask('II.9').text).toBe('Không có nhiệm vụ II.9 trong Kế hoạch 4561/KH-UBND.');
  });
  it('abbreviations: CSDL and DVC', () => {
    expect(ask('ai chu tri ket noi DVC voi CSDL quoc gia ve dan cu').ids).toEqual(['III.5']);
  });
});

describe('assignments of the body ("Tổ chức thực hiện")', () => {
  it('are found by search and answered with the agencies they name', () => {
    const r = ask('kinh phí thực hiện một cửa ai lo');
    expect(r.intent).toBe('assignment');
    expect(r.text.split('\n')[0]).toBe('Chủ trì: Sở Tài chính');
    expect(r.text).toContain('Phần Tổ chức thực hiện, mục 6');
  });
  it('lose close calls to appendix tasks', () => {
    expect(ask('ai chủ trì thành lập trung tâm phục vụ hành chính công').ids).toEqual(['II.1']);
  });
});

describe('single syllables that are content words', () => {
  it('"chi" in "mức chi", "chậm tiến độ", "trễ" (not Bến Tre)', () => {
    expect(ask('mức chi cho một cửa khi nào có').ids).toEqual(['I.4']);
    expect(ask('viec nao bi cham tien do', '2019-04-10').intent).toBe('overdue');
    expect(ask('so noi vu co viec nao tre khong', '2019-04-10').intent).toBe('overdue');
    expect(ask('UBND tỉnh Bến Tre phải làm gì').intent).toBe('agency');
  });
});

describe('words that look alike', () => {
  it('"bố trí" is not the district "Ba Tri": a short name is matched exactly, never by typo', () => {
    const r = ask('bao giờ phải bố trí xong trụ sở trung tâm hành chính công');
    expect(r.agencies).toEqual([]);
    expect(r.ids).toEqual(['II.2']);
  });
  it("a task far ahead of every other on half the question's words is an answer", () => {
    expect(ask('đơn vị nào chủ trì số hóa hồ sơ giấy').ids).toEqual(['III.3']);
  });
  it('a clear phrase match answers even when other words of the question are not in the task', () => {
    const r = ask('ai chịu trách nhiệm xây dựng quy trình nội bộ');
    expect(r.intent).toBe('task');
    expect(r.ids).toEqual(['II.5']);
  });
  it('"sắp hết hạn" is coming due, not overdue', () => {
    expect(ask('việc nào sắp hết hạn', '2019-06-10').intent).toBe('upcoming');
  });
  it('greetings and help get the introduction; thanks get a short reply', () => {
    expect(ask('xin chào').intent).toBe('help');
    expect(ask('giúp tôi với').intent).toBe('help');
    expect(ask('cảm ơn nhiều').text).toBe('Không có gì! Cần gì về kế hoạch, bạn cứ hỏi.');
  });
});

describe('dates: periods, overdue, coming due', () => {
  it('"Q3/2020" and "q4 2018" are quarters', () => {
    expect(ask('Q3/2020 có việc gì đến hạn').ids).toEqual(['III.2', 'III.4', 'II.8']);
    expect(ask('q4 2018 phai xong gi').ids).toEqual(expect.arrayContaining(['I.2', 'II.1']));
  });
  it('"khi nào hết hạn việc …" asks for that task\'s deadline, not for the overdue list', () => {
    const r = ask('khi nào hết hạn việc cải tạo trụ sở bộ phận một cửa cấp xã', '2019-06-10');
    expect(r.ids).toEqual(['II.3']);
    expect(r.text.split('\n')[0]).toBe('Thời hạn: Quý I/2019');
  });
  it('periods are named as people write them', () => {
    expect(ask('6 tháng đầu năm 2019 có việc gì phải xong').text).toMatch(/^Nhiệm vụ đến hạn trong 6 tháng đầu năm 2019 \(7\):/);
    expect(ask('từ quý 2 đến quý 3 năm 2019 có gì').text).toMatch(/^Nhiệm vụ đến hạn trong Quý II–III\/2019 \(3\):/);
  });
  it('a task of section IV says the source stops at that section', () => {
    expect(ask('việc IV.1 là gì').text).toContain('bản văn bản chúng tôi có dừng ở tiêu đề mục này');
  });
  it('"hạn của việc …" asks for the deadline', () => {
    expect(ask('han cua viec ra soat thu tuc hanh chinh lien thong').text.split('\n')[0]).toBe('Thời hạn: Hàng năm');
  });
  it('what falls due in a month', () => {
    expect(ask('tháng 6/2019 có việc gì đến hạn').ids).toEqual(expect.arrayContaining(['II.5', 'II.6', 'II.8']));
  });
  it('overdue is as of today, and says the date', () => {
    const r = ask('nhung viec nao bi tre han', '2019-01-15');
    expect(r.ids.sort()).toEqual(['I.1', 'I.2', 'II.1', 'II.8']);
    expect(r.folded).toContain('15/01/2019');
  });
  it('a continuous task is never overdue; an unreported quarter of a recurring task is', () => {
    const r = ask('việc nào quá hạn', '2026-11-28');
    expect(r.ids).not.toContain('III.6');
    expect(r.ids).toContain('II.8');
    expect(r.tasks.find((t) => t.id === 'II.8')!.due).toBe('2026-09-30');
  });
  it('coming due within 30 days', () => {
    const r = ask('sap toi han viec gi', '2019-09-05');
    expect(r.ids).toEqual(['III.1']);
    // II.8's second quarter was never reported: it is overdue, not merely coming due.
    expect(ask('viec nao qua han', '2019-09-05').ids).toContain('II.8');
  });
  it('relative periods: "quý này"', () => {
    expect(ask('quý này có việc gì phải xong', '2019-05-01').ids).toEqual(expect.arrayContaining(['II.5', 'II.6']));
  });
});

describe('status in the government categories', () => {
  const ii1 = plan.tasks.find((t) => t.id === 'II.1')!;
  const ctx = (today: string, completions: [string, { taskId: string; party: string; on: string }[]][] = []) => ({
    today,
    planDate: plan.date,
    dir,
    completions: new Map(completions),
  });
  it('a task led by a group with listed members needs each member: in progress, then overdue', () => {
    expect(taskState(ii1, ctx('2018-11-01'))).toMatchObject({ status: 'in_progress', done: 0, required: 12 });
    expect(taskState(ii1, ctx('2019-01-01')).status).toBe('overdue');
  });
  it('done on time or late follows the due date', () => {
    const i3 = plan.tasks.find((t) => t.id === 'I.3')!;
    expect(taskState(i3, ctx('2019-05-01', [['I.3', [{ taskId: 'I.3', party: 'so-noi-vu', on: '2019-03-20' }]]])).status).toBe('done_on_time');
    expect(taskState(i3, ctx('2019-05-01', [['I.3', [{ taskId: 'I.3', party: 'so-noi-vu', on: '2019-04-02' }]]])).status).toBe('done_late');
  });
});

describe('progress', () => {
  it('of an agency, with a percentage: its parts, as the chart and the report count them', () => {
    expect(ask('tiến độ thực hiện của Sở TT&TT', '2019-04-10').folded).toMatch(/so thong tin va truyen thong .*0\/5 .*\(0%\)/);
  });
  it('of the plan, by status and by agency', () => {
    const r = ask('tien do ke hoach', '2019-04-10');
    expect(r.folded).toContain('0/19');
    // The overdue as the chart counts them, split into work with its own deadline and recurring turns late.
    expect(r.folded).toContain('qua han: 9 (8 viec co han rieng, 1 viec dinh ky chua xong ky gan nhat)');
  });
});

describe('help and questions it cannot answer', () => {
  it('answers off-topic questions with what it can answer and examples, never with tasks', () => {
    for (const q of ['thời tiết hôm nay thế nào', 'ban ten gi', 'xyz qwerty', 'giá vàng hôm nay', 'đặt lịch họp giúp tôi']) {
      const r = ask(q);
      expect(r.intent, q).toBe('unknown');
      expect(r.tasks).toEqual([]);
      expect(r.folded).toContain('vi du');
    }
  });
  it('a weak match says so and offers the closest few', () => {
    const r = ask('ban hành quy chế hoạt động');
    expect(r.intent).toBe('task-suggest');
    expect(r.folded).toContain('chua chac');
    expect(r.tasks.length).toBeGreaterThan(0);
    expect(r.ids).toEqual(expect.arrayContaining(['III.1', 'III.2']));
    expect(r.tasks.length).toBeLessThanOrEqual(3);
  });
  it('replies in English when asked to', () => {
    const en = new Engine(plan, dir, { lang: 'en' });
    expect(en.ask('so tai chinh phai lam gi', { today: '2019-04-10' }).text).toMatch(/^Sở Tài chính — tasks in plan/);
  });
});

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \t  '],
    ['emoji', '😀😀😀'],
    ['control characters', '\u0000\u0007\u001b[31m'],
    ['markup', '<b>*_`&</b>'],
    ['mixed scripts', 'Сở Тài chính 財政'],
  ])('%s gets a clear reply, not a crash', (_name, q) => {
    const r = engine.ask(q, { today: '2026-11-28' });
    expect(r.text.length).toBeGreaterThan(0);
    expect(r.tasks).toEqual([]);
  });
  it('10,000 characters are refused with a message', () => {
    const r = engine.ask('a'.repeat(10_000), { today: '2026-11-28' });
    expect(r.intent).toBe('too-long');
    expect(r.text).toContain('10000');
  });
  it('text in an old encoding (TCVN3, VNI) is named, not guessed at; ordinary Vietnamese is not', () => {
    for (const q of ['Së Tµi chÝnh ph¶i lµm g×?', 'Sôû Taøi chính phaûi laøm gì?']) {
      const r = engine.ask(q, { today: '2026-11-28' });
      expect(r.intent, q).toBe('legacy-encoding');
      expect(r.text).toContain('bảng mã cũ');
    }
    for (const q of ['Sở Tài chính phải làm gì?', 'Ủy ban nhân dân tỉnh Bến Tre', 'Dự kiến Quý I/2019', 'Sở Văn hóa, Thể thao và Du lịch có nhiệm vụ gì']) {
      expect(engine.ask(q, { today: '2026-11-28' }).intent, q).not.toBe('legacy-encoding');
    }
  });
  it('does not echo user text into replies', () => {
    expect(engine.ask('<script>alert(1)</script>', { today: '2026-11-28' }).text).not.toContain('<script>');
  });
});

describe('lists kept for the day and the completions they were made from', () => {
  it('the overdue list follows a tick (new completions) and the next day, and stays the same for the same inputs', () => {
    const e = new Engine(plan, dir);
    const none = new Map();
    const ids = (r: { tasks: { id: string }[] }) => r.tasks.map((t) => t.id);
    const before = e.ask('Việc nào quá hạn?', { today: '2019-04-10', completions: none });
    expect(ids(before)).toContain('I.4');
    const ticked = new Map([['I.4', [{ taskId: 'I.4', party: 'so-tai-chinh', on: '2019-04-09' }]]]);
    const after = e.ask('Việc nào quá hạn?', { today: '2019-04-10', completions: ticked });
    expect(ids(after)).not.toContain('I.4');
    expect(after.total).toBe((before.total ?? 0) - 1);
    // The same inputs again: the same answer.
    expect(e.ask('Việc nào quá hạn?', { today: '2019-04-10', completions: none }).text).toBe(before.text);
    // Another day: made anew (an earlier day has fewer tasks overdue).
    expect(e.ask('Việc nào quá hạn?', { today: '2018-12-01', completions: none }).total).toBeLessThan(before.total ?? 0);
  });
});

describe('one task described at length, a name begun inside a word, a sum', () => {
  it('"hồ sơ nội bộ" holds no "sở nội" (Sở Nội vụ), while "hồ sơ Sở Nội vụ" names it', () => {
    expect(dir.scan(['luan', 'chuyen', 'ho', 'so', 'noi', 'bo'])).toEqual([]);
    expect(ask('hồ sơ Sở Nội vụ').agencies).toEqual(['Sở Nội vụ']);
  });
  it('"có hạn thế nào" asks the deadline; a task described at length and asked whether late is that task', () => {
    const r = ask('Việc đánh giá kết quả giải quyết thủ tục tại trung tâm với bộ phận một cửa có hạn thế nào ạ');
    expect([r.intent, r.ids]).toEqual(['task', ['II.8']]);
    expect(r.text).toMatch(/^Thời hạn: /);
    const late = ask('Can people pay fees online through the central payment gateway yet, or is that task late?', '2021-01-20');
    expect([late.intent, late.ids]).toEqual(['task', ['III.5']]);
    // A list asked stays a list.
    expect(ask('which tasks are late?', '2021-01-20').intent).toBe('overdue');
  });
  it("a sum asked is not understood, not answered with the plan's targets", () => {
    expect(ask('Tính giúp em 3 phần trăm của 2 triệu là bao nhiêu').intent).toBe('unknown');
  });
  it("a task described with the article it follows, its lead asked, is that task; a missing section is met by its title's pairs of words", () => {
    const r = ask('Chuyện gom lại, sắp xếp bộ phận một cửa dưới huyện, xã cho đúng Điều 7 Nghị định 61 thì ai chịu trách nhiệm ạ');
    expect([r.intent, r.ids]).toEqual(['task', ['II.1']]);
    expect(r.text).toMatch(/^Chủ trì: VP.UBND tỉnh, Sở Nội vụ/);
    // "thẩm định … trả kết quả" shares syllables with section IV's "nghị định", "kiểm tra", but none of its pairs.
    expect(ask('dân nộp hồ sơ rồi thẩm định, ký, trả kết quả luôn tại một cửa thì hạn khi nào phải làm được').text).not.toContain('mục IV');
    expect(ask('Lớp tập huấn Nghị định 61 do ai tổ chức').text).toContain('thuộc mục IV');
    expect(ask('Cơ quan hoàn thành sớm các nhiệm vụ trong kế hoạch có được tuyên dương, khen thưởng gì không anh?').intent).toBe('not-stated');
  });
});

describe('a task by its rhythm in other words, an agency\'s part asked "chỗ nào"', () => {
  it('"mỗi quý" names the quarterly task as "hằng quý" does', () => {
    const r = ask('Mỗi quý ai đứng ra xem xét việc xử lý thủ tục ở trung tâm và một cửa các cấp');
    expect([r.intent, r.ids]).toEqual(['task', ['II.8']]);
  });
  it('"có tham gia phối hợp chỗ nào" lists the agency\'s part; English names of the SBV branch and the ICT department', () => {
    const r = ask('NHNN có tham gia phối hợp chỗ nào k');
    expect(r.intent).toBe('agency');
    expect(r.ids).toContain('III.5');
    expect(ask('State Bank of Vietnam Ben Tre branch: lead agency on any task or not?').agencies).toEqual(['Ngân hàng Nhà nước - Chi nhánh tỉnh']);
    expect(ask('info & comms dept - which tasks do they head?').agencies).toEqual(['Sở Thông tin và Truyền thông']);
  });
});

describe('"chậm nhất quý nào" asks which quarter', () => {
  it('is a deadline asked, no period of this quarter', () => {
    const r = ask('Nâng cấp cổng DVC rồi ban hành quy chế thì chậm nhất quý nào phải xong', '2019-01-01');
    expect([r.intent, r.ids]).toEqual(['task', ['III.1']]);
    expect(r.text).toMatch(/^Thời hạn: Quý III\/2019/);
  });
});

describe('whether an agency must do a thing', () => {
  it('is answered from the one close item that is its own, by name or through its group', () => {
    const health = ask('Sở Y tế có phải cử công chức lên Trung tâm phục vụ hành chính công không');
    expect(health.intent).toBe('assignment');
    expect(health.text).toMatch(/^Có, qua Các sở, ban ngành: Sở Y tế thuộc nhóm này/);
    expect(ask('co quan trung uong dat tai tinh co phai kien toan quy che bo phan mot cua ko').text).toMatch(
      /^Có\. Các cơ quan Trung ương đặt tại tỉnh chủ trì việc này\./,
    );
    // A role named is asked of the task the words fit best, not of the agency's own.
    expect(ask('Công an tỉnh có chủ trì việc kết nối Cổng DVC quốc gia không?').text).toMatch(/^Không\./);
  });
});

describe('counts leaving a section out, halves of a year, long paraphrases far ahead', () => {
  it('"trừ mục III ra" counts the other sections; "bộ phận" is no "bỏ phần"', () => {
    expect(ask('trừ mục III ra thì kế hoạch còn bao nhiêu nhiệm vụ').text).toBe('Các mục I, II có tổng cộng 13 nhiệm vụ (mục I: 4, mục II: 9).');
    expect(ask('Phần II thành lập, kiện toàn bộ phận một cửa gồm bao nhiêu nhiệm vụ?').text).toMatch(/^Mục II \(.*\) có 9 nhiệm vụ/);
  });
  it('"nửa sau năm 2019" is its second half', () => {
    expect(ask('Trong nửa sau năm 2019 kế hoạch còn việc gì phải hoàn thành ạ').text).toMatch(/^Nhiệm vụ đến hạn trong 6 tháng cuối năm 2019/);
  });
  it('a long paraphrase whose three word pairs put one task twice ahead of the next is that task', () => {
    const r = ask('Vẽ ra trình tự giải quyết từng loại hồ sơ, cả bản giấy lẫn trên phần mềm, thì ai chịu trách nhiệm tham mưu');
    expect([r.intent, r.ids]).toEqual(['task', ['II.5']]);
    expect(ask('Làm khép kín từ nhận hồ sơ đến trả kết quả ở bộ phận một cửa hạn chót lúc nào ạ').ids).toEqual(['II.6']);
  });
});

describe('a body named "Ban Chính quyền", a month and a half, "có hạn không", "có đứng ra lo"', () => {
  it('"Ban Chính quyền điện tử" is an agency the directory does not know, not the plan\'s "bản chính"', () => {
    expect(ask('Ban Chính quyền điện tử tỉnh có nhiệm vụ gì trong kế hoạch?').intent).toBe('unknown-agency');
    expect(ask('bản chính kế hoạch lưu ở đâu').intent).toBe('document');
  });
  it('"tháng rưỡi tới" is the next 45 days; "có hạn ko" asks the deadline; "có đứng ra lo … hông" the lead', () => {
    expect(ask('UBND các huyện tháng rưỡi tới phải xong gì k', '2019-05-20').text).toContain('45 ngày tới (đến 04/07/2019)');
    expect(ask('viec danh gia giai quyet tthc co han ko hay lam theo quy').text).toMatch(/^Thời hạn: Hàng quý/);
    expect(ask('Sở Tài chánh có đứng ra lo trụ sở Trung tâm hành chính công tỉnh hông?').text).toMatch(/^Không\. Sở Tài chính không chủ trì việc này\./);
  });
});

describe('asking how to use the bot, in more words', () => {
  it('is help, however the help phrase is split by its asking words; thanks stay thanks', () => {
    for (const q of [
      'em cần hỗ trợ',
      'cho em xin danh sách lệnh',
      'tôi muốn tra cứu thì làm thế nào',
      'chatbot này hoạt động ra sao',
      'hdsd',
      'how does this work',
    ])
      expect(ask(q).intent, q).toBe('help');
    expect(ask('great, thanks for your help').intent).toBe('thanks');
    // The plan's own work asked "ra sao" stays that work.
    expect(ask('phần mềm một cửa hoạt động ra sao').intent).toBe('task');
  });
});

describe('two tasks near alike on the words, one of them described whole', () => {
  it("is the one the words describe whole (II.4, the centre's list, not II.6b, the ministries' yearly review)", () => {
    const r = ask('đưa danh sách thủ tục ra công khai ở trung tâm hành chính công hạn khi nào');
    expect([r.intent, r.ids]).toEqual(['task', ['II.4']]);
    expect(r.text).toMatch(/^Thời hạn: Quý I\/2019/);
    expect(ask('Danh mục TTHC thuộc thẩm quyền do các Bộ, ngành giao cho tỉnh rà soát, công bố hạn khi nào').ids).toEqual(['II.6b']);
  });
});

describe('drafting the plan, in other words', () => {
  it('"thảo bản kế hoạch", "sơ thảo", "chắp bút" a plan are the plan\'s "xây dựng kế hoạch" (task I.1, not the bodies\' own plans)', () => {
    for (const q of ['Ai giúp UBND tỉnh thảo bản kế hoạch thực hiện NĐ 61 vậy', 'Dạ khâu chắp bút kế hoạch thực hiện NĐ 61 lúc đầu do ai lo vậy ạ'])
      expect(ask(q).ids, q).toEqual(['I.1']);
    expect(ask('so thao ke hoach thuc hien nd 61 phai xong luc nao').text).toMatch(/^Thời hạn: Tháng 9\/2018/);
  });
});

describe('rebuilding the portal, and people the plan does not name', () => {
  it('"làm lại", "xây lại" the portal is its upgrade (III.1)', () => {
    expect(ask('Ai chịu trách nhiệm làm lại cổng DVC và hệ thống một cửa cho cả tỉnh lẫn huyện vậy').ids).toEqual(['III.1']);
  });
  it('the name of whoever runs an office or a system is not stated', () => {
    for (const q of ['người quản trị phần mềm một cửa điện tử của tỉnh tên gì', 'Người phụ trách bộ phận tiếp nhận và trả kết quả của UBND huyện tên gì ạ'])
      expect(ask(q).intent, q).toBe('not-stated');
  });
});

describe('the commune desks by their full name, and an item holding more of the words', () => {
  it('"bộ phận tiếp nhận và trả kết quả cấp xã" names the desks, not the communes\' committees; its rules are item 3', () => {
    const r = ask('ban hành quy chế hoạt động bộ phận tiếp nhận trả kết quả cấp xã là trách nhiệm của ai');
    expect(r.intent).toBe('assignment');
    expect(r.text).toMatch(/^Chủ trì: UBND cấp huyện/);
    // A deadline asked stays a task's, which the assignments have not.
    expect(ask('By when must the district and commune one-stop units be reorganised?').ids).toEqual(['II.1']);
  });
});
