/** A yearly task due on a named day ("Tháng 11 hằng năm"): read as such, late after that day each year. */
import { describe, expect, it } from 'vitest';
import { formatDate, parseDeadline } from '../../src/plan/deadline.ts';
import type { Task } from '../../src/plan/schema.ts';
import { type Completion, dueDatesWithin, firstDueWithin, taskState } from '../../src/plan/status.ts';
import { deadlineEn } from '../../src/understand/english.ts';
import { dir } from '../helpers.ts';

const task = (text: string): Task => ({
  id: 'I.8',
  section: 'I',
  number: '8',
  content: 'Tổ chức Tháng hành động vì an toàn giao thông',
  leadText: 'Sở Giao thông vận tải',
  lead: [{ name: 'Sở Giao thông vận tải', agency: 'so-giao-thong' }],
  coordinateText: '',
  coordinate: [],
  deadline: parseDeadline(text).deadline,
});

describe('a yearly task due on a named day', () => {
  it('is read from the ways plans write it; an impossible day stays as written', () => {
    expect(parseDeadline('Tháng 11 hằng năm')).toEqual({
      deadline: { text: 'Tháng 11 hằng năm', tentative: false, kind: 'recurring', every: 'year', day: '11-30' },
      ok: true,
    });
    expect(parseDeadline('Trước ngày 15/12 hàng năm').deadline).toMatchObject({ kind: 'recurring', every: 'year', day: '12-15' });
    expect(parseDeadline('Hằng năm').deadline).toEqual({ text: 'Hằng năm', tentative: false, kind: 'recurring', every: 'year' });
    expect(parseDeadline('Ngày 31/2 hằng năm')).toMatchObject({ deadline: { kind: 'unknown' }, ok: false });
    expect(deadlineEn('Tháng 11 hằng năm')).toBe('every year in November');
    expect(deadlineEn('6 tháng/lần')).toBe('every six months');
    expect(deadlineEn('Mỗi quý')).toBe('every quarter');
  });
  it('falls due on that day of each year, from the first one after the plan, and is late after it until reported', () => {
    const t = task('Tháng 11 hằng năm');
    const at = (today: string, reports: Completion[] = []) =>
      taskState(t, { today, planDate: '2026-01-12', dir, completions: new Map(reports.length ? [['I.8', reports]] : []) });
    // A plan of 12/01/2026: November 2026 is the first.
    expect(at('2026-06-01')).toMatchObject({ status: 'in_progress', due: '2026-11-30' });
    expect(at('2026-12-02')).toMatchObject({ status: 'overdue', due: '2026-11-30' });
    expect(at('2026-12-02', [{ taskId: 'I.8', party: 'so-giao-thong', period: '2026-12-31', on: '2026-11-20' }])).toMatchObject({
      status: 'done_on_time',
    });
    // Next year, 2026's unreported November is still what is late.
    expect(at('2027-02-01')).toMatchObject({ status: 'overdue', due: '2026-11-30' });
    expect(dueDatesWithin(t, { start: '2026-01-01', end: '2027-12-31' }, '2026-01-12')).toEqual(['2026-11-30', '2027-11-30']);
    expect(firstDueWithin(t, { start: '2026-12-01', end: '2027-12-31' }, '2026-01-12')).toBe('2027-11-30');
    expect(firstDueWithin(t, { start: '2026-11-01', end: '2026-11-30' }, '2026-01-12')).toBe('2026-11-30');
    expect(formatDate(at('2026-06-01').due!)).toBe('30/11/2026');
  });
});

describe('a season before a year, in English', () => {
  it('"Trước mùa khô 2026" is said as the season, not "by mùa khô 2026"', () => {
    expect(deadlineEn('Trước mùa khô 2026')).toBe('before the dry season of 2026');
    expect(deadlineEn('Trước mùa mưa bão 2027')).toBe('before the storm season of 2027');
  });
});
