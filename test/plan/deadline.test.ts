import { describe, expect, it } from 'vitest';
import { parseDeadline, todayIn } from '../../src/plan/deadline.ts';

const d = (s: string) => parseDeadline(s).deadline;

describe('deadlines as plans write them', () => {
  it('a month or a quarter is due on its last day', () => {
    expect(d('Tháng 9/2018')).toMatchObject({ kind: 'period', due: '2018-09-30' });
    expect(d('Quý IV/2018')).toMatchObject({ kind: 'period', start: '2018-10-01', due: '2018-12-31' });
    expect(d('quy 4/2018')).toMatchObject({ due: '2018-12-31' });
    expect(d('Quý IV năm 2018')).toMatchObject({ due: '2018-12-31' });
  });
  it('"Dự kiến" keeps the date and marks it tentative', () => {
    expect(d('Dự kiến Quý I/2019')).toMatchObject({ kind: 'period', due: '2019-03-31', tentative: true });
    expect(d('Du kien quy I/2019')).toMatchObject({ due: '2019-03-31', tentative: true });
  });
  it('recurring and continuous forms', () => {
    expect(d('Hàng năm')).toMatchObject({ kind: 'recurring', every: 'year' });
    expect(d('Hằng năm')).toMatchObject({ kind: 'recurring', every: 'year' });
    expect(d('Hàng quý trong năm')).toMatchObject({ kind: 'recurring', every: 'quarter' });
    // Once per span, as offices write it: "6 tháng/lần", "3 tháng một lần", "mỗi quý", "mỗi tháng 1 lần".
    expect(d('6 tháng/lần')).toMatchObject({ kind: 'recurring', every: 'half' });
    expect(d('3 tháng một lần')).toMatchObject({ kind: 'recurring', every: 'quarter' });
    expect(d('Mỗi quý')).toMatchObject({ kind: 'recurring', every: 'quarter' });
    expect(d('Mỗi tháng 1 lần')).toMatchObject({ kind: 'recurring', every: 'month' });
    expect(d('1 năm/lần')).toMatchObject({ kind: 'recurring', every: 'year' });
    expect(d('Thường xuyên')).toMatchObject({ kind: 'continuous' });
    expect(d('Thường xuyên')).not.toHaveProperty('due');
    expect(d('Thường xuyên từ Quý I/2019')).toMatchObject({ kind: 'continuous', start: '2019-01-01' });
  });
  it('half years, dates, years and stages', () => {
    expect(d('6 tháng đầu năm 2019')).toMatchObject({ due: '2019-06-30' });
    expect(d('trước ngày 15/10/2018')).toMatchObject({ kind: 'date', due: '2018-10-15' });
    expect(d('Năm 2019')).toMatchObject({ due: '2019-12-31' });
    expect(d('Giai đoạn 2018-2020')).toMatchObject({ start: '2018-01-01', due: '2020-12-31' });
    expect(d('Tháng 10-12/2018')).toMatchObject({ start: '2018-10-01', due: '2018-12-31' });
  });
  it('before a season of a year is due within that year at the latest; a season across two years, within the first', () => {
    expect(parseDeadline('Trước mùa khô 2026')).toEqual({
      deadline: { text: 'Trước mùa khô 2026', kind: 'period', tentative: false, start: '2026-01-01', due: '2026-12-31' },
      ok: true,
    });
    expect(d('trước khi vào mùa mưa bão năm 2026')).toMatchObject({ kind: 'period', due: '2026-12-31' });
    expect(d('Truoc mua chay rung 2027')).toMatchObject({ kind: 'period', due: '2027-12-31' });
    expect(d('Dự kiến trước mùa lũ 2026')).toMatchObject({ kind: 'period', due: '2026-12-31', tentative: true });
    expect(d('Trước mùa khô 2025 - 2026')).toMatchObject({ kind: 'period', start: '2025-01-01', due: '2025-12-31' });
    // After a season, or a season with no year, says no limit: kept as written.
    expect(parseDeadline('Sau mùa mưa 2026').ok).toBe(false);
    expect(parseDeadline('Trước mùa khô').ok).toBe(false);
  });
  it('keeps an unknown form as written, with no date, and says so', () => {
    const r = parseDeadline('Sau khi có hướng dẫn của Trung ương');
    expect(r.ok).toBe(false);
    expect(r.deadline).toEqual({ text: 'Sau khi có hướng dẫn của Trung ương', kind: 'unknown', tentative: false });
    expect(parseDeadline('ngày 31/02/2019').deadline.kind).toBe('unknown');
  });
  it('today is the calendar day in Asia/Ho_Chi_Minh, not the server zone', () => {
    expect(todayIn(new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
    expect(todayIn(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});

describe('the tasks due within a span, found through the sorted index', () => {
  it('are exactly those firstDueWithin finds, with the same day, for every month, quarter and year of the plan and odd spans', async () => {
    const { dueWithin, firstDueWithin } = await import('../../src/plan/status.ts');
    const { monthSpan, quarterSpan, yearSpan, addDays } = await import('../../src/plan/deadline.ts');
    const { plan } = await import('../helpers.ts');
    const spans = [];
    for (let y = 2017; y <= 2022; y++) {
      spans.push(yearSpan(y));
      for (let q = 1; q <= 4; q++) spans.push(quarterSpan(q, y));
      for (let m = 1; m <= 12; m++) spans.push(monthSpan(m, y));
    }
    for (let d = 0; d < 900; d += 37) spans.push({ start: addDays('2018-09-01', d), end: addDays('2018-09-01', d + 45) });
    let found = 0;
    // Asked again: the spans asked lately are remembered, older ones worked out anew; the same either way.
    for (const span of [...spans, ...spans.slice(-8), ...spans]) {
      const expected = new Map(
        plan.tasks.flatMap((t) => {
          const due = firstDueWithin(t, span, plan.date);
          return due ? [[t, due] as const] : [];
        }),
      );
      const got = dueWithin(plan.tasks, span, plan.date);
      expect(new Map([...got].sort((a, b) => plan.tasks.indexOf(a[0]) - plan.tasks.indexOf(b[0])))).toEqual(expected);
      found += got.size;
    }
    expect(found).toBeGreaterThan(150);
  });
});
