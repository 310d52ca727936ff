/** Slips of typing read as the words meant (src/understand/typos.ts), and what is left as typed. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.ts';
import { loadDirectory, loadPlan } from '../../src/plan/load.ts';
import { countWords, Speller, strictSyllable } from '../../src/understand/typos.ts';
import { ask, engine } from '../helpers.ts';

const vocabulary = (text: string) => {
  const { counts, pairs, follows } = countWords([text.split(' ')]);
  return { count: (w: string) => counts.get(w) ?? 0, pair: (p: string) => pairs.get(p) ?? 0, follows: (w: string) => follows.get(w) ?? 0 };
};

describe('slips of typing', () => {
  it('a word that is no syllable is the known one a slip away; one that is a syllable only with a known pair', () => {
    const speller = new Speller(vocabulary('so tai chinh phai lam ke hoach nhiem vu huyen thang nay'), () => false);
    const fix = (q: string) =>
      q
        .split(' ')
        .map((_, i, words) => speller.fix(words, i) ?? words[i])
        .join(' ');
    expect(fix('so tai chnih phai lam')).toBe('so tai chinh phai lam');
    expect(fix('hyuen phai lam')).toBe('huyen phai lam');
    expect(fix('bn nhim vu')).toBe('bn nhiem vu');
    expect(fix('ke hoch nay')).toBe('ke hoach nay');
    // A syllable with no known pair, an acronym, a one-letter change of a syllable: as typed.
    expect(fix('nhim con')).toBe('nhim con');
    expect(fix('ntm ocop')).toBe('ntm ocop');
    expect(fix('bua nay')).toBe('bua nay');
    expect([strictSyllable('hyuen'), strictSyllable('huyen'), strictSyllable('nghieng')]).toEqual([false, true, true]);
    // A word the texts know, beside a word it never follows, when a neighbour follows that word often ("kế hạch").
    const often = new Speller(vocabulary(`${'ke hoach '.repeat(20)}hach toan`), () => false);
    expect(often.fix(['ke', 'hach', 'nay'], 1)).toBe('hoach');
    expect(often.fix(['hach', 'toan'], 0)).toBeUndefined();
  });
  it('questions with slips are answered as if typed right', () => {
    expect(ask('Sở Tài chníh phải làm gì').agencies).toEqual(['Sở Tài chính']);
    expect(ask('ubnd hueyn dc giao nhung viec gi').agencies).toEqual(['UBND cấp huyện']);
    expect(ask('kế hoch 4561 do ai ký').text).toMatch(/^Kế hoạch số 4561\/KH-UBND ngày 28\/09\/2018/);
    expect(ask('SNV đứng chủ trì tổng cộng bn nhimệ vụ').text.split('\n')[0]).toMatch(/^Sở Nội vụ chủ trì \d+ nhiệm vụ/);
    // "niệm" is a word, "niệm vụ" none: the word meant makes the plan's pair with the word after it (typed with marks,
    // too); a common word beside its pair stays ("hạn thành lạp …" keeps "hạn").
    expect(ask('Cấp xã được giao bao nhiêu niệm vụ tất cả vậy ạ').text.split('\n')[0]).toBe('UBND cấp xã chủ trì 7 nhiệm vụ và phối hợp 0 nhiệm vụ.');
    expect(ask('hạn thành lạp trung tâm HCC').text.split('\n')[0]).toBe('Thời hạn: Quý IV/2018');
    // "bao jờ", "jải quyết": "gi" typed as "j".
    expect(ask('quy trình điện tử bao jờ phải xong z').text.split('\n')[0]).toBe('Thời hạn: Quý II/2019');
    // "tài chánh" is how the south says "tài chính", not a slip to mend into another word.
    expect(ask('so tai chanh lam gi').agencies).toEqual(['Sở Tài chính']);
  });
  it("on another plan, that plan's words are the vocabulary", () => {
    const env = new Engine(loadPlan(path.join(import.meta.dirname, '../fixtures/corpus-plans/88-KH-UBND-2025.json')), loadDirectory());
    expect(env.ask('ai chủ trì nạo vét kênh mươgn', { today: '2025-06-05' }).text.split('\n')[0]).toMatch(/^Chủ trì: /);
    const prepared = env.prepare('ai chủ trì nạo vét kênh mươgn', { today: '2025-06-05' });
    expect('q' in prepared && prepared.q.words).toContain('muong');
  });
  it('what review found: marks typed apart, a word typed right with its marks, a council of a district, a child hospital', () => {
    // Marks typed as separate code points (NFD) are the same letters.
    expect(ask('Sở Tài chính phải làm gì?'.normalize('NFD')).text).toBe(ask('Sở Tài chính phải làm gì?').text);
    // "đường" typed with its marks is no slip for "dựng".
    const prepared = engine.prepare('ai xây đường', { today: '2026-11-28' });
    expect('q' in prepared && prepared.q.words).toContain('duong');
    // The province's council is named with its "tỉnh"; a district's is that district's committee, as before.
    expect(ask('HĐND huyện Ba Tri có nhiệm vụ gì').agencies).toEqual(['UBND huyện Ba Tri']);
    expect(ask('ai tổ chức hội nghị định kỳ').intent).toBe('recurring');
    // "nhỉ" closes a question, "nhi" (children's) names a hospital: no closer.
    const child = engine.prepare('bệnh viện nhi', { today: '2026-11-28' });
    expect('q' in child && child.q.words).toContain('nhi');
  });
  it('a question longer than the bound is refused before any work on it', () => {
    const r = ask(`${'Em đang chuẩn bị họp, '.repeat(20000)}ai chủ trì?`);
    expect(r.intent).toBe('too-long');
  });
});
