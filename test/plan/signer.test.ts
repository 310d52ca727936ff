/**
 * Who signed a plan, as its signature block says it: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" is kept whole (it was stored as
 * "PHÓ CHỦ TỊCH", losing that the vice chairman signed for the chairman), and "ai ký kế hoạch" is answered as a
 * sentence writes it: the signer's own title before the name, the authority signed with after it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { importFile } from '../../src/plan/import/index.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { DISASTER_PDF, disasterPlanDocx } from '../fixtures/disaster-plan.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-03-01';
const word = async (signature?: string[]) => (await importFile('kh-120.docx', await disasterPlanDocx(signature ? { signature } : {}), dir, {}, TODAY)).plan;
const ask = (plan: Plan, question: string) => new Engine(plan, dir).ask(question, { today: TODAY }).text;

describe('the signer of a plan', () => {
  it('keeps the whole signature block, from Word and from its PDF', async () => {
    const signer = { title: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Trần Thị Mai' };
    expect((await word()).document?.signer).toEqual(signer);
    expect((await importFile('kh-120.pdf', readFileSync(DISASTER_PDF), dir, {}, TODAY)).plan.document?.signer).toEqual(signer);
  });
  it('"ai ký kế hoạch": the vice chairman by title and name, signing for the committee and the chairman; in English too', async () => {
    const plan = await word();
    expect(ask(plan, 'ai ký kế hoạch')).toContain('Người ký: Phó Chủ tịch Trần Thị Mai (TM. Ủy ban nhân dân, KT. Chủ tịch).');
    expect(ask(plan, 'Who signed the plan?')).toContain('Signed by: Phó Chủ tịch Trần Thị Mai (TM. Ủy ban nhân dân, KT. Chủ tịch).');
  });
  it('other blocks as offices sign them', async () => {
    for (const [block, said] of [
      [['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn Hòa'], 'Người ký: Chủ tịch Lê Văn Hòa (TM. Ủy ban nhân dân).'],
      [['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Văn Hòa'], 'Người ký: Phó Giám đốc Lê Văn Hòa (KT. Giám đốc).'],
      [['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Lê Văn Hòa'], 'Người ký: Chánh Văn phòng Lê Văn Hòa (TL. Chủ tịch).'],
      [['TM. ỦY BAN NHÂN DÂN', 'Q. CHỦ TỊCH', 'Lê Văn Hòa'], 'Người ký: Q. Chủ tịch Lê Văn Hòa (TM. Ủy ban nhân dân).'],
      [['CHỦ TỊCH', 'Lê Văn Hòa'], 'Người ký: Chủ tịch Lê Văn Hòa.'],
    ] as const) {
      const plan = await word([...block]);
      expect(plan.document?.signer?.title, block.join(' / ')).toBe(block.slice(0, -1).join(', '));
      expect(ask(plan, 'ai ký kế hoạch này'), block.join(' / ')).toContain(said);
    }
  });
  it('KH 118/KH-UBND from its PDF: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"', async () => {
    const file = path.join(import.meta.dirname, '../fixtures/corpus-plans/phong-chong-thien-tai-2026.pdf');
    const { plan } = await importFile('phong-chong-thien-tai-2026.pdf', readFileSync(file), dir, {}, TODAY);
    expect(plan.document?.signer).toEqual({ title: 'KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Đức' });
    expect(ask(plan, 'ai ký kế hoạch')).toContain('Người ký: Phó Chủ tịch Nguyễn Văn Đức (KT. Chủ tịch).');
  });
});
