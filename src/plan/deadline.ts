/**
 * Deadlines as the plans write them ("Quý IV/2018", "Dự kiến Quý I/2019", "Hàng năm", "Thường xuyên từ Quý
 * I/2019", "6 tháng đầu năm 2019", "trước ngày 15/10/2018", "Trước mùa khô 2026"…), with or without diacritics. A period is due on its
 * last day. Dates are calendar days in Asia/Ho_Chi_Minh, carried as "YYYY-MM-DD" strings (which sort as dates).
 * A form not known here stays as written (kind "unknown"): never a guess.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import utc from 'dayjs/plugin/utc.js';
import { clean, fold } from '../text/fold.ts';
import type { Deadline } from './schema.ts';

dayjs.extend(customParseFormat);
dayjs.extend(utc);

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type Unit = 'year' | 'half' | 'quarter' | 'month';

/** A span of calendar days, both ends included. */
export interface Span {
  start: string;
  end: string;
}

/** Today's date where the province is, whatever the server's zone. */
const DAY_IN_ZONE = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayIn(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return DAY_IN_ZONE.format(now);
}

const ISO = 'YYYY-MM-DD';

// Calendar arithmetic on "YYYY-MM-DD" strings with integers and Date.UTC: these run for every task of every
// answer, so they avoid date-library parsing.
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const parts = (s: string): [number, number, number] => [+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)];
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The same day n months on (the month's last day when it has no such day: 31/1 + 1 month is 28/2 or 29/2). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const [yy, mm] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
  return iso(yy, mm, Math.min(d, lastDay(yy, mm)));
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export function monthSpan(month: number, year: number): Span {
  return { start: iso(year, month, 1), end: iso(year, month, lastDay(year, month)) };
}

export function monthsSpan(from: number, to: number, year: number): Span {
  return { start: iso(year, from, 1), end: iso(year, to, lastDay(year, to)) };
}

export function quarterSpan(q: number, year: number): Span {
  return monthsSpan(q * 3 - 2, q * 3, year);
}

export function yearSpan(year: number): Span {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The period of a recurring unit that contains a day. */
export function periodContaining(unit: Unit, date: string): Span {
  const [y, m] = parts(date);
  switch (unit) {
    case 'year':
      return yearSpan(y);
    case 'half':
      return m <= 6 ? monthsSpan(1, 6, y) : monthsSpan(7, 12, y);
    case 'quarter':
      return quarterSpan(Math.ceil(m / 3), y);
    case 'month':
      return monthSpan(m, y);
  }
}

/** The period that follows one. */
export function nextPeriod(unit: Unit, span: Span): Span {
  const [y, m] = parts(span.end);
  const months = unit === 'year' ? 12 : unit === 'half' ? 6 : unit === 'quarter' ? 3 : 1;
  // span.end is the last day of the period's last month: the next period starts the month after.
  const nextMonth = m === 12 ? 1 : m + 1;
  const nextYear = m === 12 ? y + 1 : y;
  return unit === 'year' ? yearSpan(nextYear) : monthsSpan(nextMonth, nextMonth + months - 1, nextYear);
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const QUARTER = '(i{1,3}|iv|[1-4])';
const YEAR = '((?:19|20)\\d\\d)';

function quarterNumber(s: string): number {
  return ROMAN[s] ?? Number(s);
}

/** The ISO date of a day typed as day, month and year, when it is a real day. */
export function validDate(d: string, m: string, y: string): string | undefined {
  const parsed = dayjs.utc(iso(+y, +m, +d), ISO, true);
  return parsed.isValid() ? parsed.format(ISO) : undefined;
}

/** A folded, punctuation-light form: "quy iv/2018", "thang 9/2018", "15/10/2018". */
function foldDeadline(text: string): string {
  return fold(clean(text))
    .replace(/[.,;:]+$/g, '')
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/\bqui\b/g, 'quy')
    .replace(/\bhang\b/g, 'hang')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A fixed period written in a deadline or a question: a date, a month, a range of months, a quarter or range
 * of quarters, a half year, a year, or a multi-year stage. Anchored at both ends when `whole` is true.
 */
export function parseSpan(folded: string, whole = true): (Span & { exactDay?: boolean }) | undefined {
  const a = (re: string) => new RegExp(whole ? `^(?:${re})$` : `\\b(?:${re})\\b`);
  let m: RegExpMatchArray | null;
  if ((m = folded.match(a(`(?:truoc |cham nhat |han chot |den )?(?:ngay )?(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-]${YEAR}`)))) {
    const iso = validDate(m[1]!, m[2]!, m[3]!);
    return iso ? { start: iso, end: iso, exactDay: true } : undefined;
  }
  if ((m = folded.match(a(`(?:ngay )?(\\d{1,2}) thang (\\d{1,2}) nam ${YEAR}`)))) {
    const iso = validDate(m[1]!, m[2]!, m[3]!);
    return iso ? { start: iso, end: iso, exactDay: true } : undefined;
  }
  if ((m = folded.match(a(`(?:trong )?quy ${QUARTER}(?:-| den )(?:quy )?${QUARTER}(?:/| nam )${YEAR}`)))) {
    const [q1, q2] = [quarterNumber(m[1]!), quarterNumber(m[2]!)];
    if (q1 <= q2) return { start: quarterSpan(q1, +m[3]!).start, end: quarterSpan(q2, +m[3]!).end };
  }
  if ((m = folded.match(a(`quy ${QUARTER}(?:/| nam |-)${YEAR}`)))) return quarterSpan(quarterNumber(m[1]!), +m[2]!);
  if ((m = folded.match(a(`thang (\\d{1,2})(?:-| den )(?:thang )?(\\d{1,2})(?:/| nam )${YEAR}`)))) {
    const [m1, m2] = [+m[1]!, +m[2]!];
    if (m1 >= 1 && m2 <= 12 && m1 <= m2) return monthsSpan(m1, m2, +m[3]!);
  }
  if ((m = folded.match(a(`thang (\\d{1,2})(?:/| nam |-)${YEAR}`)))) {
    const month = +m[1]!;
    if (month >= 1 && month <= 12) return monthSpan(month, +m[2]!);
  }
  if ((m = folded.match(a(`6 thang (dau|cuoi) nam ${YEAR}`)))) {
    return m[1] === 'dau' ? monthsSpan(1, 6, +m[2]!) : monthsSpan(7, 12, +m[2]!);
  }
  if ((m = folded.match(a(`(?:giai doan |tu nam |nam )?${YEAR}(?:-| den (?:nam )?)${YEAR}`)))) {
    if (+m[1]! <= +m[2]!) return { start: yearSpan(+m[1]!).start, end: yearSpan(+m[2]!).end };
  }
  if ((m = folded.match(a(`(?:trong |cuoi )?nam ${YEAR}`)))) return yearSpan(+m[1]!);
  if (whole && (m = folded.match(/^((?:19|20)\d\d)$/))) return yearSpan(+m[1]!);
  return undefined;
}

const RECURRING: [RegExp, Unit][] = [
  [/^(?:dinh ky )?hang nam(?: trong (?:nam|giai doan))?$/, 'year'],
  [/^(?:dinh ky )?6 thang(?: mot lan)?$|^(?:dinh ky )?hang 6 thang$|^dinh ky 6 thang.*$|^(?:dinh ky )?nua nam$/, 'half'],
  [/^(?:dinh ky )?hang quy(?: trong nam)?$|^dinh ky hang quy.*$/, 'quarter'],
  [/^(?:dinh ky )?hang thang(?: trong nam)?$/, 'month'],
];

const PER: Record<string, Unit> = {
  nam: 'year',
  '1 nam': 'year',
  '12 thang': 'year',
  '6 thang': 'half',
  'nua nam': 'half',
  quy: 'quarter',
  '1 quy': 'quarter',
  '3 thang': 'quarter',
  thang: 'month',
  '1 thang': 'month',
};

/** "6 tháng/lần", "3 tháng một lần", "mỗi quý", "mỗi tháng 1 lần", "1 năm/lần": a rhythm written as once per span. */
function rhythmPer(s: string): Unit | undefined {
  const t = s.replace(/\//g, ' ').replace(/\s+/g, ' ').trim();
  const m =
    t.match(/^(?:dinh ky )?(?:(?:hang|moi|tung) )?(1 nam|nam|12 thang|6 thang|nua nam|1 quy|quy|3 thang|1 thang|thang) (?:(?:mot|1) )?lan$/) ??
    t.match(/^(?:dinh ky )?(?:moi|tung) (nam|6 thang|nua nam|quy|thang)$/);
  return m ? PER[m[1]!] : undefined;
}

/** Parse a deadline cell. `ok` is false when the text was kept as written without a meaning. */
export function parseDeadline(text: string): { deadline: Deadline; ok: boolean } {
  const written = clean(text);
  let s = foldDeadline(written);
  let tentative = false;
  const tent = s.match(/^(?:du kien|du kien la|khoang)\s*:?\s*(.*)$|^(.*)\s*\(du kien\)$/);
  if (tent) {
    tentative = true;
    s = (tent[1] ?? tent[2] ?? '').trim();
  }
  const base = { text: written, tentative };
  if (s === '') return { deadline: { ...base, kind: 'unknown' }, ok: written === '' };

  const cont = s.match(/^(?:thuong xuyen|lien tuc)(?:,? (?:tu|bat dau tu|ke tu) (.+))?$/);
  if (cont) {
    if (!cont[1]) return { deadline: { ...base, kind: 'continuous' }, ok: true };
    const from = parseSpan(cont[1]);
    if (from) return { deadline: { ...base, kind: 'continuous', start: from.start }, ok: true };
  }

  // "Tháng 11 hằng năm", "trước ngày 15/12 hằng năm": every year, due on that day of it.
  const yearly = s.match(/^(?:(?:truoc|cham nhat|han chot) )?(?:(?:ngay )?(\d{1,2})\/(\d{1,2})|thang (\d{1,2})) (?:hang|moi|tung) nam$/);
  if (yearly) {
    const month = +(yearly[2] ?? yearly[3])!;
    const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    const day = yearly[1] ? +yearly[1] : last;
    if (last && day && day >= 1 && day <= last) {
      const two = (n: number) => String(n).padStart(2, '0');
      return { deadline: { ...base, kind: 'recurring', every: 'year', day: `${two(month)}-${two(day)}` }, ok: true };
    }
  }
  const rec = s.match(/^(.*?)(?:,? (?:tu|bat dau tu|ke tu) (.+))?$/);
  if (rec) {
    const unit = RECURRING.find(([re]) => re.test(rec[1]!))?.[1] ?? rhythmPer(rec[1]!);
    const from = rec[2] ? parseSpan(rec[2]) : undefined;
    if (unit && (!rec[2] || from)) {
      return { deadline: { ...base, kind: 'recurring', every: unit, ...(from ? { start: from.start } : {}) }, ok: true };
    }
  }

  // "Trước mùa khô 2026", "trước khi vào mùa mưa bão năm 2026": before a season of that year, so within that year at
  // the latest (due on its last day). Which months the season covers differs by region (the Mekong delta's dry season
  // runs December–April, the central coast's January–August), so no earlier day is certain; the text says the rest.
  // A season across two years ("mùa khô 2025-2026") begins in the first: due at that one's end.
  const season = s.match(
    /^truoc (?:khi (?:buoc )?vao )?mua (?:kho|mua|lu|bao|nang|he|dong|xuan|thu|gio|chay)(?: [a-z]+){0,2} (?:nam )?((?:19|20)\d\d)(?:-(?:19|20)\d\d)?$/,
  );
  if (season) {
    const year = yearSpan(+season[1]!);
    return { deadline: { ...base, kind: 'period', start: year.start, due: year.end }, ok: true };
  }

  const span = parseSpan(s);
  if (span) {
    return { deadline: { ...base, kind: span.exactDay ? 'date' : 'period', start: span.start, due: span.end }, ok: true };
  }
  return { deadline: { ...base, kind: 'unknown' }, ok: false };
}

/** "31/12/2018" */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
