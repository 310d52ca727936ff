/**
 * Agency cells and "Tổ chức thực hiện" paragraphs as offices write them, commas and all (KH 118/KH-UBND): a name is
 * never read across a comma it does not have itself ("Bộ Chỉ huy Quân sự tỉnh, UBND …" names no "Tỉnh ủy"), and
 * "UBND các huyện, thành phố" with the kinds listed after it is one party, UBND cấp huyện.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { buildPlan, parseParties, type Warning } from '../../src/plan/import/build.ts';
import { namedParties } from '../../src/plan/import/body-parties.ts';
import { createdAgencies } from '../../src/plan/import/index.ts';
import { dir } from '../helpers.ts';

const cell = (text: string) => {
  const warnings: Warning[] = [];
  return { parties: parseParties(text, dir, 'III.5', warnings), warnings };
};

describe('an agency cell', () => {
  it('"Bộ Chỉ huy Quân sự tỉnh, UBND các huyện, thành phố": the command by its name, and UBND cấp huyện — no Tỉnh ủy, no "UBND các huyện" twice', () => {
    const { parties, warnings } = cell('Bộ Chỉ huy Quân sự tỉnh, UBND các huyện, thành phố');
    expect(parties).toEqual([{ name: 'Bộ Chỉ huy Quân sự tỉnh' }, { name: 'UBND cấp huyện', agency: 'ubnd-cap-huyen' }]);
    expect(warnings).toEqual([{ kind: 'unknownAgency', where: 'III.5', name: 'Bộ Chỉ huy Quân sự tỉnh' }]);
  });
  it('"Các sở, ngành liên quan", "Các sở, ngành, đoàn thể liên quan": the departments (and the bodies concerned), no body called "ngành"', () => {
    expect(cell('Các sở, ngành liên quan')).toEqual({ parties: [{ name: 'Các sở, ban ngành', agency: 'cac-so-ban-nganh' }], warnings: [] });
    expect(cell('Các sở, ngành, đoàn thể liên quan; UBND các huyện, thành phố')).toEqual({
      parties: [
        { name: 'Các sở, ban ngành', agency: 'cac-so-ban-nganh' },
        { name: 'Các cơ quan, đơn vị liên quan', agency: 'lien-quan' },
        { name: 'UBND cấp huyện', agency: 'ubnd-cap-huyen' },
      ],
      warnings: [],
    });
  });
  it('"Trung tâm Y tế các huyện, thành phố": a body no alias names, of the districts\' level, is one body as written — not UBND cấp huyện', () => {
    expect(cell('Bệnh viện Nguyễn Đình Chiểu, Trung tâm Y tế các huyện, thành phố')).toEqual({
      parties: [{ name: 'Bệnh viện Nguyễn Đình Chiểu', agency: 'bv-nguyen-dinh-chieu' }, { name: 'Trung tâm Y tế các huyện, thành phố' }],
      warnings: [{ kind: 'unknownAgency', where: 'III.5', name: 'Trung tâm Y tế các huyện, thành phố' }],
    });
  });
  it('the districts with the towns and cities listed after them are UBND cấp huyện, once', () => {
    for (const text of [
      'UBND các huyện, thành phố',
      'UBND các huyện, thị xã, thành phố',
      'Ủy ban nhân dân các huyện, thành phố',
      'các huyện, thành phố',
      'các huyện, thị xã, thành phố',
      'UBND huyện, thị xã, thành phố',
    ])
      expect(cell(text), text).toEqual({ parties: [{ name: 'UBND cấp huyện', agency: 'ubnd-cap-huyen' }], warnings: [] });
    expect(cell('Sở Y tế, các huyện, thị xã, thành phố').parties.map((p) => p.agency)).toEqual(['so-y-te', 'ubnd-cap-huyen']);
    expect(cell('Công an tỉnh, UBND các huyện, thành phố').parties.map((p) => p.agency)).toEqual(['cong-an-tinh', 'ubnd-cap-huyen']);
  });
  it('a name that has a comma of its own is still read whole, also where the office wrote a dash as a comma', () => {
    expect(cell('Sở Văn hóa, Thể thao và Du lịch, Tỉnh Đoàn').parties.map((p) => p.agency)).toEqual(['so-van-hoa', 'tinh-doan']);
    expect(cell('Sở Lao động, Thương binh và Xã hội').parties.map((p) => p.agency)).toEqual(['so-lao-dong']);
    expect(cell('Các sở, ban, ngành tỉnh, UBND cấp huyện, cấp xã').parties.map((p) => p.agency)).toEqual(['cac-so-ban-nganh', 'ubnd-cap-huyen', 'ubnd-cap-xa']);
  });
  it('a town named after a department is no kind of the department: it stays a name of its own', () => {
    expect(cell('Sở Y tế, thị xã').parties).toEqual([{ name: 'Sở Y tế', agency: 'so-y-te' }, { name: 'thị xã' }]);
  });
});

describe('the parties of a cell, in the order the cell names them', () => {
  it('a body the directory does not know keeps its place before a department, and the task card lists them so', () => {
    expect(cell('Bộ Chỉ huy Quân sự tỉnh, Sở Nội vụ').parties).toEqual([{ name: 'Bộ Chỉ huy Quân sự tỉnh' }, { name: 'Sở Nội vụ', agency: 'so-noi-vu' }]);
    const { plan } = buildPlan(
      {
        number: '118/KH-UBND',
        date: '2026-02-12',
        issuer: 'UBND tỉnh Bến Tre',
        title: 'Phòng, chống thiên tai',
        sections: [
          {
            id: 'I',
            title: 'Chỉ đạo, điều hành',
            rows: [
              {
                stt: '1',
                content: 'Kiện toàn Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh',
                lead: 'Sở Nông nghiệp và Phát triển nông thôn',
                coordinate: 'Bộ Chỉ huy Quân sự tỉnh, Sở Nội vụ, UBND các huyện, thành phố',
                deadline: '31/3/2026',
                note: '',
              },
            ],
          },
        ],
        assignments: [],
      },
      dir,
    );
    const card = new Engine(plan, dir).ask('nhiệm vụ I.1', { today: '2026-03-01' }).text;
    expect(card).toContain('• Phối hợp: Bộ Chỉ huy Quân sự tỉnh, Sở Nội vụ, UBND cấp huyện\n');
  });
});

describe('a "Tổ chức thực hiện" paragraph', () => {
  const texts = [
    'UBND các huyện, thành phố xây dựng kế hoạch phòng, chống thiên tai của địa phương; chỉ đạo UBND cấp xã kiện toàn Ban Chỉ huy.',
    'Bộ Chỉ huy Quân sự tỉnh, UBND các huyện, thị xã, thành phố chuẩn bị lực lượng, phương tiện sẵn sàng ứng phó.',
    'Sở Tài chính chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh, UBND các huyện, thành phố bố trí kinh phí.',
  ];
  it('reads "UBND các huyện, thành phố" as one name, with the kinds listed after it', () => {
    expect(namedParties(texts[0]!).lead).toEqual(['UBND các huyện, thành phố']);
    expect(namedParties(texts[1]!).lead).toEqual(['Bộ Chỉ huy Quân sự tỉnh', 'UBND các huyện, thị xã, thành phố']);
    expect(namedParties(texts[2]!)).toEqual({ lead: ['Sở Tài chính'], coordinate: ['Bộ Chỉ huy Quân sự tỉnh', 'UBND các huyện, thành phố'] });
  });
  it('gives the work to UBND cấp huyện, also after a task row named them together, and creates only the command the directory does not know', () => {
    const { plan } = buildPlan(
      {
        number: '118/KH-UBND',
        date: '2026-02-12',
        issuer: 'UBND tỉnh Bến Tre',
        title: 'Phòng, chống thiên tai',
        sections: [
          {
            id: 'I',
            title: 'Chung',
            rows: [
              {
                stt: '5',
                content: 'Thành lập đội thanh niên tình nguyện',
                lead: 'Tỉnh Đoàn',
                coordinate: 'Bộ Chỉ huy Quân sự tỉnh, UBND các huyện, thành phố',
                deadline: '30/6/2026',
                note: '',
              },
            ],
          },
        ],
        assignments: texts.map((text, i) => ({ number: String(i + 1), text })),
      },
      dir,
    );
    const parties = (ps: { name: string; agency?: string }[]) => ps.map((p) => p.agency ?? p.name);
    expect(plan.assignments.map((a) => [parties(a.lead), parties(a.coordinate)])).toEqual([
      [['ubnd-cap-huyen'], []],
      [['Bộ Chỉ huy Quân sự tỉnh', 'ubnd-cap-huyen'], []],
      [['so-tai-chinh'], ['Bộ Chỉ huy Quân sự tỉnh', 'ubnd-cap-huyen']],
    ]);
    expect(createdAgencies(plan)).toEqual([{ name: 'Bộ Chỉ huy Quân sự tỉnh', tasks: ['I.5'], paragraphs: ['2', '3'] }]);
  });
});
