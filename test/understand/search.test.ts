/** Task search with the thesaurus: a question's phrase the plan does not use is searched as the one it does. */
import { describe, expect, it } from 'vitest';
import { canonicalTokens } from '../../src/text/canonical.ts';
import { loadThesaurus, thesaurus } from '../../src/understand/language.ts';
import { TaskSearch } from '../../src/understand/search.ts';
import { ask } from '../helpers.ts';

const words = (s: string) => canonicalTokens(s);
const group = (...phrases: string[]) => phrases.map(words);
/** A search over `items` where `item` is also named by the rhythm "hằng năm". */
const yearly = (items: string[], item: string) =>
  new TaskSearch(
    items,
    (t) => t,
    () => 1,
    [],
    (t) => (t === item ? 'hằng năm' : ''),
  );

describe('thesaurus in task search', () => {
  const tasks = ['Cải tạo trụ sở Bộ phận một cửa cấp huyện', 'Công bố danh mục thủ tục hành chính', 'Tập huấn nghiệp vụ cho công chức'];
  const search = new TaskSearch(
    tasks,
    (t) => t,
    () => 1,
    [group('sửa chữa', 'sửa sang', 'cải tạo'), group('niêm yết', 'công khai', 'công bố')],
  );

  it('swaps a phrase the plan does not use for the member of its group it does use', () => {
    const plain = new TaskSearch(tasks, (t) => t);
    expect(plain.search(words('sửa sang'))).toEqual([]);
    expect(search.search(words('sửa sang'))[0]?.item).toBe(tasks[0]);
    expect(search.search(words('niêm yết'))[0]?.item).toBe(tasks[1]);
  });
  it('keeps a phrase the plan uses, and words of no group, as typed', () => {
    const plain = new TaskSearch(tasks, (t) => t);
    expect(search.search(words('cải tạo trụ sở'))[0]?.coverage).toBeCloseTo(plain.search(words('cải tạo trụ sở'))[0]!.coverage);
    expect(search.search(words('tập huấn công chức'))[0]?.item).toBe(tasks[2]);
  });
  it('without a member in the plan, the phrase stays: nothing is invented', () => {
    const none = new TaskSearch(
      ['Tập huấn nghiệp vụ'],
      (t) => t,
      () => 1,
      [group('sửa chữa', 'cải tạo')],
    );
    expect(none.search(words('sửa chữa trụ sở'))).toEqual([]);
  });
  it('the bundled thesaurus loads, every phrase in canonical words, no phrase in two groups', () => {
    const groups = thesaurus();
    expect(groups.length).toBeGreaterThan(300);
    const seen = new Map<string, number>();
    groups.forEach((g, i) => {
      for (const p of g) {
        expect(p.join(' ')).toBe(words(p.join(' ')).join(' '));
        expect(seen.get(p.join(' ')) ?? i).toBe(i);
        seen.set(p.join(' '), i);
      }
    });
    expect(loadThesaurus()).toEqual(groups);
  });
  it('an everyday verb for the plan’s reaches the task (bundled plan)', () => {
    const r = ask('ai lo việc tu sửa trụ sở một cửa cấp huyện', '2019-01-01');
    expect(r.ids).toEqual(['II.3']);
    expect(r.text.split('\n')[0]).toBe('Chủ trì: UBND cấp huyện, UBND cấp xã');
  });
  it('tags name an item without weighing on it: found by them, ranked as before on words that are not them', () => {
    const items = ['Rà soát thủ tục liên thông', 'Rà soát thủ tục tại trung tâm'];
    const tagged = yearly(items, items[0]!);
    const plain = new TaskSearch(items, (t) => t);
    expect(tagged.search(words('rà soát hằng năm'))[0]?.item).toBe(items[0]);
    expect(plain.search(words('rà soát hằng năm'))[0]?.coverage).toBeLessThan(tagged.search(words('rà soát hằng năm'))[0]!.coverage);
    const asked = words('rà soát thủ tục tại trung tâm');
    expect(tagged.search(asked).map((h) => [h.item, h.score, h.precision])).toEqual(plain.search(asked).map((h) => [h.item, h.score, h.precision]));
  });
  it("of several members the items use, the one used beside the question's other words", () => {
    const items = ['Cải tạo trụ sở Bộ phận một cửa', 'Nâng cấp Cổng dịch vụ công'];
    const search = new TaskSearch(
      items,
      (t) => t,
      () => 1,
      [group('sửa chữa', 'cải tạo', 'làm mới', 'nâng cấp')],
    );
    expect(search.search(words('làm mới cổng dịch vụ công'))[0]?.item).toBe(items[1]);
    expect(search.search(words('làm mới trụ sở một cửa'))[0]?.item).toBe(items[0]);
    // Nothing beside it: the first in the group's order.
    expect(search.search(words('làm mới'))[0]?.item).toBe(items[0]);
  });
  it('a tag is found only by its whole phrase: its words alone ("hàng", "năm") are no match', () => {
    const items = ['Kết nối ngân hàng', 'Rà soát thủ tục liên thông'];
    const tagged = yearly(items, items[1]!);
    expect(tagged.search(words('ngân hàng')).map((h) => h.item)).toEqual([items[0]]);
    expect(tagged.search(words('việc hằng năm')).map((h) => h.item)).toEqual([items[1]]);
  });
});
