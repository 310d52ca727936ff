import { describe, expect, it } from 'vitest';
import { PAGE_CHARS } from '../../src/answer/engine.ts';
import { ask, engine } from '../helpers.ts';

/** Ask a conversation: each question sees what the answer before it showed. */
function chat(questions: string[], today = '2019-04-10') {
  let context: ReturnType<typeof engine.ask>['context'];
  return questions.map((q) => {
    const r = engine.ask(q, { today, ...(context ? { context } : {}) });
    context = r.context;
    return r;
  });
}

describe('counts come first', () => {
  it('the plan: tasks per section, the assignments, and where the source stops', () => {
    const r = ask('kế hoạch có tổng cộng bao nhiêu nhiệm vụ');
    expect(r.intent).toBe('count');
    expect(r.text.split('\n')[0]).toBe('Kế hoạch 4561/KH-UBND có 19 nhiệm vụ trong phụ lục (mục I: 4, mục II: 9, mục III: 6).');
    expect(r.text).toContain('mục IV');
  });
  it('a section', () => {
    const r = ask('Mục II gồm bao nhiêu');
    expect(r.text.split('\n')[0]).toMatch(/^Mục II \(.+\) có 9 nhiệm vụ:$/);
  });
  it('an agency: the number in the first line', () => {
    expect(ask('VP UBND chủ trì bao nhiêu việc').text.split('\n')[0]).toBe('VP.UBND tỉnh chủ trì 14 nhiệm vụ và phối hợp 1 nhiệm vụ.');
  });
});

describe('sets and combinations', () => {
  it('"cùng chủ trì": the tasks two agencies share, not both lists', () => {
    const r = ask('VP UBND và Sở TTTT cùng chủ trì những việc nào');
    expect(r.text.split('\n')[0]).toBe('VP.UBND tỉnh và Sở Thông tin và Truyền thông cùng chủ trì 3 nhiệm vụ:');
    expect(r.ids.sort()).toEqual(['III.1', 'III.2', 'III.4']);
  });
  it("two agencies' overdue tasks: each of them", () => {
    const r = ask('Sở Nội vụ và Sở Tài chính có việc gì quá hạn', '2019-04-10');
    expect(r.text).toContain('Nhiệm vụ quá hạn của Sở Nội vụ (4)');
    expect(r.text).toContain('Nhiệm vụ quá hạn của Sở Tài chính (1)');
  });
});

describe('agency, role, period and status together', () => {
  it('overdue within a period, for one agency', () => {
    const r = ask('Sở Nội vụ có việc gì quá hạn trong quý I/2019', '2019-04-10');
    expect(r.text.split('\n')[0]).toBe('Nhiệm vụ quá hạn của Sở Nội vụ trong Quý I/2019 (1), tính đến 10/04/2019:');
    expect(r.ids).toEqual(['I.3']);
  });
  it('a role the agency lacks, with a status: said so, and its other role answered', () => {
    const r = ask('việc Sở Nội vụ phối hợp bị quá hạn', '2019-04-10');
    expect(r.text.split('\n')[0]).toContain('Sở Nội vụ không phối hợp nhiệm vụ nào');
    expect(r.text).toContain('Nhiệm vụ quá hạn của Sở Nội vụ (4)');
  });
  it('tasks waiting on another document, with the condition as written', () => {
    const r = ask('việc nào đang chờ thông tư');
    expect(r.intent).toBe('waiting');
    expect(r.ids).toEqual(['I.3', 'I.4', 'III.5']);
    expect(r.text).toContain('Điều kiện: khi có Thông tư của Bộ Nội vụ');
  });
  it('did-you-mean shows task titles only', () => {
    const r = ask('phần mềm');
    if (r.intent === 'task-suggest') expect(r.text).not.toContain('Chủ trì:');
  });
});

describe('never a false "no"', () => {
  it('a role the agency does not have is said so, with what it does have', () => {
    const r = ask('Sở Nội vụ phối hợp việc gì');
    expect(r.text.split('\n')[0]).toBe('Sở Nội vụ không phối hợp nhiệm vụ nào trong Kế hoạch 4561/KH-UBND; dưới đây là các nhiệm vụ Sở Nội vụ chủ trì.');
    expect(r.ids).toEqual(expect.arrayContaining(['I.1', 'I.2', 'I.3', 'II.1']));
  });
  it('an agency typed as initials after "sở" is understood; an unknown one is said so, never dropped', () => {
    expect(ask('sở nv có bị trễ việc j ko', '2019-04-10').text).toContain('Nhiệm vụ quá hạn của Sở Nội vụ (4)');
    const r = ask('Sở ABC phải làm gì?');
    expect(r.intent).toBe('unknown-agency');
    expect(r.text).toContain('Không có cơ quan "Sở ABC" trong kế hoạch này');
  });
});

describe('follow-ups', () => {
  it('"còn X thì sao?", "cái thứ 2", "vậy ai phối hợp?"', () => {
    const [, other, second, coord] = chat(['Sở Nội vụ có việc gì quá hạn', 'còn Sở Tài chính thì sao?', 'cái thứ 1 là gì', 'vậy ai phối hợp?']);
    expect(other!.text).toContain('Nhiệm vụ quá hạn của Sở Tài chính (1)');
    expect(second!.intent).toBe('task');
    expect(second!.text).toContain('Nhiệm vụ I.4');
    expect(coord!.text.split('\n')[0]).toMatch(/^Phối hợp: /);
    expect(coord!.tasks.map((t) => t.id)).toEqual(['I.4']);
  });
  it('"việc đó hạn khi nào?" after one task', () => {
    const [, when] = chat(['ai chủ trì thành lập trung tâm phục vụ hành chính công', 'việc đó hạn khi nào?']);
    expect(when!.text.split('\n')[0]).toMatch(/^Thời hạn: Quý IV\/2018/);
  });
  it('"thế còn quá hạn?" after an agency keeps the agency; a question without "còn" does not', () => {
    const [, late, soon, all] = chat(['còn sở nội vụ?', 'thế còn quá hạn?', 'còn sắp đến hạn thì sao', 'việc nào quá hạn']);
    expect(late!.text.split('\n')[0]).toMatch(/^Nhiệm vụ quá hạn của Sở Nội vụ \(\d+\)/);
    expect(soon!.text).toContain('Sở Nội vụ');
    expect(all!.text.split('\n')[0]).toMatch(/^Nhiệm vụ quá hạn \(\d+\)/);
  });
  it('"trong đó việc nào quá hạn" narrows the last agency', () => {
    const [, late] = chat(['Sở Nội vụ phải làm gì?', 'trong đó việc nào quá hạn']);
    expect(late!.text).toContain('Nhiệm vụ quá hạn của Sở Nội vụ');
  });
});

describe('sized for a phone', () => {
  it('no first message is over one Zalo message; the rest comes as further pages', () => {
    for (const q of ['VP.UBND tỉnh có nhiệm vụ gì?', 'UBND huyện Ba Tri phải làm gì', 'nam 2019 phai hoan thanh gi', 'Việc nào quá hạn?', 'tiến độ']) {
      const r = engine.ask(q, { today: '2019-04-10' });
      expect(r.text.length, q).toBeLessThanOrEqual(PAGE_CHARS);
      for (const page of r.more ?? []) expect(page.length, q).toBeLessThanOrEqual(PAGE_CHARS);
    }
    const big = engine.ask('VP.UBND tỉnh có nhiệm vụ gì?', { today: '2019-04-10' });
    expect(big.more?.length).toBeGreaterThan(0);
    expect([big.text, ...big.more!].join('\n')).toContain('III.5');
  });
  it('pages keep a task with its detail line and a heading with what it heads; a long list all late says so once, in its head', () => {
    const r = engine.ask('Việc nào quá hạn?', { today: '2026-11-28' });
    const pages = [r.text, ...(r.more ?? [])];
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const lines = page.split('\n');
      // No page ends on a task's first line or on a heading, nor starts with a detail line.
      expect(lines.at(-1)!.startsWith('• '), page).toBe(false);
      expect(lines.at(-1)!.endsWith(':'), page).toBe(false);
      expect(lines[0]!.startsWith('   '), page).toBe(false);
    }
    // Fourteen tasks late, without "Quá hạn" on each line.
    expect(r.text.split('\n')[0]).toBe('Nhiệm vụ quá hạn (14), tính đến 28/11/2026:');
    expect(pages.join('\n')).toContain('• III.5 — ');
    expect(
      r.text
        .split('\n')
        .filter((l) => l.startsWith('   '))
        .some((l) => l.includes('Quá hạn')),
    ).toBe(false);
  });
  it('a plan whose period is over says so, in the first message', () => {
    const r = engine.ask('Việc nào quá hạn?', { today: '2026-11-30' });
    expect(r.text.split('\n')[1]).toBe('(Kế hoạch thực hiện trong giai đoạn 2018–2020; tình trạng dưới đây tính đến hôm nay, 30/11/2026.)');
    // Said once a conversation: the next answers in the same chat do not repeat it.
    const next = engine.ask('Sở Nội vụ có việc gì quá hạn', { today: '2026-11-30', context: r.context! });
    expect(next.text).not.toContain('Kế hoạch thực hiện trong giai đoạn');
    expect(engine.ask('còn Sở Tài chính thì sao', { today: '2026-11-30', context: next.context! }).text).not.toContain('giai đoạn 2018–2020');
    // A new conversation (no context) is told again.
    expect(engine.ask('Sở Nội vụ có việc gì quá hạn', { today: '2026-11-30' }).text).toContain('giai đoạn 2018–2020');
  });
  it("recurring tasks in a period list show that period's due date", () => {
    const r = engine.ask('nam 2019 phai hoan thanh gi', { today: '2026-11-30' });
    expect(r.text).toMatch(/II\.8 — [^\n]+\n[^\n]*Hàng quý trong năm \(31\/03\/2019\)/);
  });
  it('weeks run Monday to Sunday; "mấy tuần tới" is the next four weeks', () => {
    expect(engine.ask('tuần tới có việc gì đến hạn', { today: '2019-03-20' }).text.split('\n')[0]).toBe(
      'Nhiệm vụ đến hạn trong tuần tới (25/03/2019–31/03/2019) (5):',
    );
    expect(engine.ask('mấy tuần tới phải xong gì', { today: '2019-03-20' }).text.split('\n')[0]).toBe(
      'Nhiệm vụ đến hạn trong 4 tuần tới (đến 16/04/2019) (5):',
    );
  });
});

describe('questions typed in English', () => {
  const en = (q: string) => engine.ask(q, { today: '2019-04-10' });
  it('are answered in English, whatever the default language', () => {
    const r = en('What must the Department of Finance do?');
    expect(r.agencies).toEqual(['Sở Tài chính']);
    expect(r.text.split('\n')[0]).toBe('Sở Tài chính — tasks in plan 4561/KH-UBND (as of 10/04/2019):');
  });
  it('every kind: lead, deadline, coordination, period, overdue, progress, count, the document', () => {
    expect(en('Who leads setting up the public administration service center?').text).toMatch(/^Lead: VP\.UBND tỉnh, Sở Nội vụ/);
    expect(en('When must the public administration service center be established?').text).toMatch(/^Deadline: Q4 2018/);
    expect(en('Who coordinates connecting the public service portal with the national population database?').text).toContain('Công an tỉnh');
    expect(en('What is due in Q4 2018?').intent).toBe('period');
    expect(en('Which tasks are overdue?').text).toMatch(/^Overdue tasks \(8\)/);
    expect(en('What is the progress of the Department of Home Affairs?').text).toMatch(/^Progress of Sở Nội vụ/);
    expect(en('How many tasks does the plan have in total?').text).toMatch(/^Plan 4561\/KH-UBND has 19 tasks/);
    expect(en('Who signed the plan?').text).toContain('Signed by: Chủ tịch Cao Văn Trọng.');
  });
  it('Vietnamese typed without diacritics is not taken for English', () => {
    expect(engine.ask('ai chu tri thanh lap trung tam phuc vu hanh chinh cong', { today: '2019-04-10' }).text).toMatch(/^Chủ trì: /);
  });
});

describe('follow-ups that lean on the last answer (blind16)', () => {
  const first = (r: ReturnType<typeof engine.ask>) => r.text.split('\n')[0];
  it('"việc này", "đơn vị đó" are what the chat was just shown', () => {
    const [, police, deadline] = chat([
      'Ai chủ trì thiết lập Cổng Dịch vụ công tỉnh nối với Cổng DVC quốc gia?',
      'Công an có tham gia việc này không?',
      'hạn chót?',
    ]);
    expect([police!.tasks.map((t) => t.id), first(police!)]).toEqual([['III.4'], 'Không. Công an tỉnh không có phần trong việc này.']);
    expect(first(deadline!)).toBe('Thời hạn: Quý III/2020');
    const [, role] = chat(['Công an tỉnh có nhiệm vụ gì trong kế hoạch?', 'đơn vị đó chủ trì hay chỉ phối hợp?']);
    expect(first(role!)).toBe('Công an tỉnh không chủ trì nhiệm vụ nào trong Kế hoạch 4561/KH-UBND; dưới đây là các nhiệm vụ Công an tỉnh phối hợp.');
    const [, lead, late] = chat(
      ['Chuyển hồ sơ giấy thành hồ sơ điện tử thì khi nào phải làm?', 'có phải Văn phòng UBND tỉnh chủ trì không?', 'việc này đã quá hạn chưa?'],
      '2020-01-01',
    );
    expect(first(lead!)).toBe('Không. VP.UBND tỉnh không chủ trì mà chỉ phối hợp việc này.');
    expect(first(late!)).toMatch(/^Chưa trễ hạn\. Tình trạng: Đang thực hiện trong hạn/);
  });
  it('a field asked after a short list is answered task by task; days left too', () => {
    const [, lead, days] = chat(['Từ giờ đến cuối tháng có việc gì phải xong không?', 'ai chủ trì?', 'còn bao nhiêu ngày?'], '2019-09-05');
    expect(lead!.text.split('\n')).toEqual([
      'Lần lượt từng việc vừa nêu (2):',
      '• III.1 — Xây dựng, nâng cấp Cổng dịch vụ công, Hệ thống thông tin một cửa cấp…',
      '   Chủ trì: VP.UBND tỉnh, Sở Thông tin và Truyền thông',
      '• II.8 — Đánh giá việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ…',
      '   Chủ trì: VP.UBND tỉnh, UBND cấp huyện, UBND cấp xã',
    ]);
    expect(days!.text).toContain('Quý III/2019 — còn 25 ngày');
    const [, coordinates] = chat(['What is due in the last quarter of 2020?', 'Who coordinates?']);
    expect(first(coordinates!)).toBe('Task by task, as just listed (4):');
  });
  it('"quý sau" after a quarter is the quarter after it; "trong đó của X" narrows the list; "tổng cộng mấy việc" counts it', () => {
    const [, next] = chat(['Quý II/2019 có những nhiệm vụ nào đến hạn?', 'quý sau thì sao?'], '2026-12-03');
    expect(first(next!)).toBe('Nhiệm vụ đến hạn trong Quý III/2019 (1):');
    const [, district, firstDone] = chat(
      ['6 thang dau nam 2019 co bao nhieu viec phai hoan thanh', 'trong do cua ubnd cap huyen', 'viec dau tien xong chua'],
      '2019-05-15',
    );
    expect(first(district!)).toBe('UBND cấp huyện — nhiệm vụ đến hạn trong 6 tháng đầu năm 2019 (tính đến 15/05/2019):');
    expect(firstDone!.tasks.map((t) => t.id)).toEqual([district!.tasks[0]!.id]);
    const [, those] = chat(['Which tasks are overdue today?', 'which of those do the districts lead?'], '2019-07-20');
    expect(first(those!)).toBe('Overdue tasks of UBND cấp huyện (3), as of 20/07/2019:');
    const [, count] = chat(['the quy 3 2020 co viec gi', 'tong cong may viec']);
    expect(first(count!)).toBe('Có 2 nhiệm vụ.');
    const [, police, deadline] = chat(['What is the Department of Home Affairs responsible for?', 'what about the police?', 'and the deadline?']).slice(0);
    expect([police!.tasks.length, first(deadline!)]).toEqual([1, 'Deadline: Q4 2020']);
  });
});
