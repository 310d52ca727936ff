/**
 * Periods named in a question: the forms people type ("T8/2019", "quý ba năm 2019", "qII/2024") rewritten onto the
 * ones read here, then a span — absolute ("quý IV/2018"), relative to today ("tháng này", "2 tuần tới"), or a limit
 * ("trước cuối tháng 6/2019") — with the label answers show.
 */
import {
  type Span,
  addDays,
  addMonths,
  formatDate,
  monthSpan,
  monthsSpan,
  parseSpan,
  periodContaining,
  quarterSpan,
  validDate,
  yearSpan,
} from '../plan/deadline.ts';

export const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];
/** Numbers as words, one to ten, folded. */
const NUMBER_WORDS = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi'];
const UNIT_LABEL: Record<string, string> = { ngay: 'ngày', tuan: 'tuần', thang: 'tháng' };

/** Digits as words, as speech-to-text writes them ("hai không hai tư" is 2024). */
const DIGIT_WORDS: Record<string, number> = { khong: 0, linh: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
const DIGIT = '(khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)';
/** 1 to 31 in words ("mười lăm", "hai mươi mốt", "ba mươi"), longest forms first. */
const UNITS_AFTER_TEN = '(mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin)';
const SPOKEN_NUMBER = `(?:(hai|ba) muoi(?: ${UNITS_AFTER_TEN})?|muoi(?: ${UNITS_AFTER_TEN})?|${DIGIT})`;
function spokenValue(tens: string | undefined, unit: string | undefined, tenUnit: string | undefined, digit: string | undefined): number {
  if (tens) return DIGIT_WORDS[tens]! * 10 + (unit ? DIGIT_WORDS[unit]! : 0);
  if (digit) return DIGIT_WORDS[digit]!;
  return 10 + (tenUnit ? DIGIT_WORDS[tenUnit]! : 0);
}

/**
 * Numbers of dates said aloud and written by speech-to-text: "tháng chín" (9), "tháng mười một" (11), "năm hai không
 * hai tư" / "hai nghìn không trăm hai mươi tư" (2024), "mười lăm tháng mười một" (15/11); "1 tháng 10 2024" as a date.
 */
function spokenDates(joined: string): string {
  const n = (m: string[], at: number) => spokenValue(m[at], m[at + 1], m[at + 2], m[at + 3]);
  return (
    joined
      // Years: four digits said one by one, or "hai nghìn (không trăm) hai mươi tư".
      .replace(new RegExp(` hai khong ${DIGIT} ${DIGIT}(?= )`, 'g'), (_, a: string, b: string) => ` 20${DIGIT_WORDS[a]}${DIGIT_WORDS[b]}`)
      // "hai không hai mươi" (2020), "hai không mười chín" (2019): the last two digits said as a number.
      .replace(
        new RegExp(` hai khong (?:(hai|ba|bon|nam|sau|bay|tam|chin) muoi(?: ${UNITS_AFTER_TEN})?|muoi(?: ${UNITS_AFTER_TEN})?)(?= )`, 'g'),
        (_, tens?: string, unit?: string, tenUnit?: string) => ` ${2000 + spokenValue(tens, unit, tenUnit, undefined)}`,
      )
      .replace(new RegExp(` hai (?:nghin|ngan)(?: khong tram)?(?: linh| le)? ${SPOKEN_NUMBER}(?= )`, 'g'), (...m: string[]) => ` ${2000 + n(m, 1)}`)
      // Months: "tháng giêng", "tháng chạp", "tháng mười hai"; "tháng năm" and "tháng sáu" only with their year after
      // them ("tháng sau" is next month).
      .replace(/ thang gieng /g, ' thang 1 ')
      .replace(/ thang chap /g, ' thang 12 ')
      .replace(
        / thang (muoi(?: (?:mot|hai))?|mot|hai|ba|tu|bon|bay|tam|chin|(?:nam|sau)(?= (?:nam )?(?:19|20)\d\d ))(?= )/g,
        (_, w: string) => ` thang ${w === 'muoi' ? 10 : w === 'muoi mot' ? 11 : w === 'muoi hai' ? 12 : DIGIT_WORDS[w]}`,
      )
      // Days before their month: "mười lăm tháng 11", "ngày ba mươi tháng 6".
      // ("từ tháng 10/2019 đến …" folds "từ" to "tu", as "tư" (four): with no "ngày" before it, it is "từ".)
      .replace(new RegExp(` (?:ngay )?${SPOKEN_NUMBER} (?=thang \\d)`, 'g'), (...m: string[]) => {
        if (m[0]!.trim() === 'tu') return m[0]!;
        const v = n(m, 1);
        return v >= 1 && v <= 31 ? ` ${v} ` : m[0]!;
      })
      // "1 tháng 10 2024", "ngày 15 tháng 10 năm 2020": a day, written as the rest of the code reads it.
      .replace(/ (?:ngay )?(\d{1,2}) thang (\d{1,2})(?:\/| nam | )((?:19|20)\d\d) /g, ' $1/$2/$3 ')
      .replace(/ ngay (\d{1,2}) thang (\d{1,2}) /g, ' ngay $1/$2 ')
  );
}

/** Period forms people type, rewritten onto the ones findPeriod reads ("T8/2019" → "tháng 8/2019"). */
export function periodForms(joined: string): string {
  return (
    spokenDates(joined)
      // "thg 8/24", "thg này": "tháng" as it is shortened.
      .replace(/ thg (?=nay |toi |sau |truoc |\d)/g, ' thang ')
      // "tháng 3 năm 25", "quý 2 năm 26": the year in two figures after a month or a quarter.
      .replace(/ (quy|thang) (iv|i{1,3}|\d{1,2}) nam (\d\d) /g, (m, unit: string, n: string, yy: string) =>
        unit === 'quy' || Number(n) <= 12 ? ` ${unit} ${n}/20${yy} ` : m,
      )
      // "quý 3/25", "tháng 12/18", "q3/25": a quarter's or month's year in two figures.
      .replace(/ (quy|q|thang|t) ?(iv|i{1,3}|\d{1,2})\/(\d\d)(?= )/g, (m, unit: string, n: string, yy: string) =>
        unit.startsWith('q') || Number(n) <= 12 ? ` ${unit}${unit.length === 1 ? '' : ' '}${n}/20${yy}` : m,
      )
      // "q3/2019", "q3 năm 2019", "q3": a quarter by its letter.
      .replace(/ q([1-4])(\/| nam | )((?:19|20)\d\d) /g, ' quy $1/$3 ')
      .replace(/ q([1-4]) /g, ' quy $1 ')
      // "thag này", "thág 9": a dropped letter in "tháng" before what makes it a month.
      .replace(/ thag (?=nay |toi |sau |truoc |\d)/g, ' thang ')
      // "quý ba năm 2019", "quý hai/2020": the quarter in words.
      .replace(/ quy (mot|nhat|hai|ba|bon|tu)(?=[ /](?:nam )?(?:19|20)\d\d | nay | toi )/g, (_, n: string) => ` quy ${QUARTER_WORDS[n]}`)
      // "T8 này", "t8 tới": a month by its letter, this year's or the next.
      .replace(/ t(\d{1,2}) (?=nay |toi |sap toi |nam nay )/g, ' thang $1 ')
      // "t9 2024", "t9/2024", "qII/2024": months and quarters as people abbreviate them.
      .replace(/ t(\d{1,2})(?:[ /]| nam )((?:19|20)\d\d) /g, ' thang $1/$2 ')
      .replace(/ q(iv|i{1,3}|[1-4])\/((?:19|20)\d\d) /g, ' quy $1/$2 ')
      // "quý II – quý IV/2019": two quarters, the dash gone, are the span between them.
      .replace(/ quy (iv|i{1,3}|[1-4]) (?:den |toi )?quy (iv|i{1,3}|[1-4])\/((?:19|20)\d\d) /g, ' quy $1 den quy $2/$3 ')
      .replace(/ (?:q|quy) ?(iv|i{1,3}|[1-4]) nam ((?:19|20)\d\d) /g, ' quy $1/$2 ')
      .replace(/ qi{1,3} |qiv /g, (x) => ` quy ${x.trim().slice(1)} `)
      .replace(/ (?:giai doan|tu nam|tu) ((?:19|20)\d\d) (?:den het nam|den het|den nam|den|toi het|toi) ((?:19|20)\d\d) /g, ' giai doan $1 den $2 ')
      .replace(/ giai doan ((?:19|20)\d\d) ((?:19|20)\d\d) /g, ' giai doan $1 den $2 ')
      // "trong hai năm 2018 và 2019": two years in a row, the span of both.
      .replace(/ (?:(?:hai|2) )?nam ((?:19|20)\d\d) (?:va|voi) (?:nam )?((?:19|20)\d\d) /g, (x, a: string, b: string) =>
        Number(b) === Number(a) + 1 ? ` giai doan ${a} den ${b} ` : x,
      )
      // "cuối tháng 6 năm 2019": the month with its year, as the limits read it.
      .replace(/ thang (\d{1,2}) nam ((?:19|20)\d\d) /g, ' thang $1/$2 ')
      // ("nửa sau năm 2019", "nửa cuối năm 2019": its second half.)
      .replace(/ nua (?:sau|sau cua) (?:cua )?nam ((?:19|20)\d\d) /g, ' 6 thang cuoi nam $1 ')
      .replace(/ (?:nua|sau thang) (dau|cuoi) (?:cua )?nam ((?:19|20)\d\d) /g, ' 6 thang $1 nam $2 ')
      .replace(/ (?:nua nam|6 thang|sau thang) (dau|cuoi) ((?:19|20)\d\d) /g, ' 6 thang $1 nam $2 ')
      // "hạn là cuối năm 2020 hả", "hạn tới giữa năm 2019": the year's last quarter, its middle months (not "đến cuối
      // năm 2019", the limit of a span).
      .replace(/(?<! (?:den|toi|truoc|tu|tinh den|tinh toi|het|qua|thang|nua)) cuoi nam ((?:19|20)\d\d) /g, ' quy iv/$1 ')
      .replace(/(?<! (?:den|truoc|tu|tinh den|tinh toi|qua|thang|\d)) giua nam ((?:19|20)\d\d) /g, ' thang 6 den thang 7/$1 ')
      // "ba tháng cuối năm 2024", "3 tháng đầu năm 2019": the year's last or first quarter.
      .replace(/ (?:ba|3) thang (dau|cuoi) (?:cua )?nam ((?:19|20)\d\d) /g, (_, w: string, y: string) => ` quy ${w === 'dau' ? 'i' : 'iv'}/${y} `)
      // "hạn 2019 phải không", "xong trong 2020", "hạn cuối 2019": a bare year after a deadline word is that year.
      .replace(/ (han|han chot|thoi han|xong|xong trong|hoan thanh trong|trong|cuoi|dau|giua) ((?:19|20)\d\d) /g, ' $1 nam $2 ')
  );
}

const QUARTER_WORDS: Record<string, string> = { mot: '1', nhat: '1', hai: '2', ba: '3', bon: '4', tu: '4' };

/** Tết Nguyên đán, the first day of the lunar year, by year (the calendar's fact; officials plan work "trước Tết"). */
const TET: Record<number, string> = {
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** "từ giờ đến Tết", "trước Tết Nguyên đán", "tới Tết dương lịch": from today to the eve of the next Tết. */
function untilTet(joined: string, today: string): { span: Span & { label: string }; text: string } | undefined {
  const mm = joined.match(/ (?:tu (?:gio|nay|bay gio|hom nay|day) )?(?:den|toi|truoc) (?:dip )?tet( nguyen dan| am lich| duong lich| tay)? /);
  if (!mm) return undefined;
  const y = Number(today.slice(0, 4));
  const solar = mm[1] === ' duong lich' || mm[1] === ' tay';
  const day = solar ? `${y + 1}-01-01` : [TET[y], TET[y + 1]].find((d) => d !== undefined && d > today);
  if (!day) return undefined;
  const end = addDays(day, -1);
  return { span: { start: today, end, label: `từ nay đến Tết (${formatDate(end)})` }, text: mm[0].trim() };
}

/** 0 for Monday … 6 for Sunday. */
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** A period named in the question: absolute ("quý IV/2018", "năm 2019") or relative to today ("tháng này"). */
export function findPeriod(joined: string, today: string): { span: Span & { label: string }; text: string } | undefined {
  const found = periodIn(joined, today);
  // "từ nay đến cuối quý 1 năm sau": from today to that period's end, what falls due before it too.
  if (found && found.span.start > today && found.span.end > today) {
    const from = joined.match(/ tu (?:nay|bay gio|gio|hom nay|day) (?:cho )?(?:den|toi) (?:het |cuoi )?/);
    if (from && joined.indexOf(from[0]) < joined.indexOf(` ${found.text.split(' ')[0]} `))
      return { span: { start: today, end: found.span.end, label: `từ nay đến hết ${found.span.label}` }, text: `${from[0].trim()} ${found.text}` };
  }
  return found;
}

function periodIn(joined: string, today: string): { span: Span & { label: string }; text: string } | undefined {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.ceil(m / 3);
  // "2 tuần tới", "30 ngày tới", "trong vòng một tháng tới": a window from today.
  const win = joined.match(/ (\d{1,3}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (ngay|tuan|thang) (?:toi|nua|sap toi|ke tiep|tiep theo|sau) /);
  if (win) {
    const n = /^\d+$/.test(win[1]!) ? Number(win[1]) : NUMBER_WORDS.indexOf(win[1]!) + 1;
    const days = n * (win[2] === 'ngay' ? 1 : win[2] === 'tuan' ? 7 : 30);
    if (n > 0 && days <= 3660) {
      // Months as the calendar counts them: "3 tháng tới" from 1/7 runs to 1/10, not 29/9.
      const end = win[2] === 'thang' ? addMonths(today, n) : addDays(today, days);
      return { span: { start: today, end, label: `${n} ${UNIT_LABEL[win[2]!]} tới (đến ${formatDate(end)})` }, text: win[0].trim() };
    }
  }
  const tet = untilTet(joined, today);
  if (tet) return tet;
  // "quý 2 năm nay", "tháng 8 năm sau", "quý 3 năm ngoái": a quarter or month of a year named from this one.
  const relative = joined.match(/ (quy|thang) (iv|i{1,3}|\d{1,2}) nam (nay|hien tai|sau|toi|ke tiep|tiep theo|ngoai|truoc|qua) /);
  if (relative) {
    const [, unit, n, which] = relative as unknown as [string, string, string, string];
    const year = y + (['sau', 'toi', 'ke tiep', 'tiep theo'].includes(which) ? 1 : ['ngoai', 'truoc', 'qua'].includes(which) ? -1 : 0);
    const num = quarterOf(n);
    if (unit === 'quy' && num >= 1 && num <= 4) return { span: { ...quarterSpan(num, year), label: `Quý ${ROMAN[num]}/${year}` }, text: relative[0].trim() };
    if (unit === 'thang' && num >= 1 && num <= 12) return { span: { ...monthSpan(num, year), label: `tháng ${num}/${year}` }, text: relative[0].trim() };
  }
  // "từ 1/1/2019 đến 30/6/2019", "từ ngày 1/7 tới ngày 15/8", "giữa 1/3 và 31/5": the days between, both counted; a
  // day without its year takes the other's, or this year's.
  const range = joined.match(
    / (?:tu|giua) (?:ngay )?(\d{1,2})\/(\d{1,2})(?:\/((?:19|20)\d\d))? (?:den|toi|cho den|cho toi|va) (?:het )?(?:ngay )?(\d{1,2})\/(\d{1,2})(?:\/((?:19|20)\d\d))? /,
  );
  if (range) {
    const [, d1, m1, y1, d2, m2, y2] = range as unknown as [string, string, string, string | undefined, string, string, string | undefined];
    const end = validDate(d2, m2, y2 ?? y1 ?? String(y));
    const start = validDate(d1, m1, y1 ?? y2 ?? String(y));
    if (start && end && start <= end) return { span: { start, end, label: `từ ${formatDate(start)} đến ${formatDate(end)}` }, text: range[0].trim() };
  }
  // "từ quý III/2019 đến hết quý III/2020", "tu q3/2019 toi q3/2020", "từ tháng 10/2019 đến tháng 3/2020": from the
  // first period's start to the second's end, each with its own year.
  // ("từ tháng 7 tới hết tháng 12/2020": the first without its year takes the second's, or the year before when it
  // comes later in the year.)
  const yearless = joined.match(/ tu ((quy|thang) (iv|i{1,3}|\d{1,2})) (den|toi|cho den|cho toi) (het |cuoi )?(\2 (iv|i{1,3}|\d{1,2})\/((?:19|20)\d\d)) /);
  // "từ tháng 7 tới hết năm 2019": from that month to the year's end.
  const toYearEnd = joined.match(/ tu thang (\d{1,2}) (?:den|toi|cho den|cho toi) (?:het |cuoi )?nam ((?:19|20)\d\d) /);
  if (toYearEnd && Number(toYearEnd[1]) >= 1 && Number(toYearEnd[1]) <= 12) {
    const [a, yy] = [Number(toYearEnd[1]), Number(toYearEnd[2])];
    return { span: { ...monthsSpan(a, 12, yy), label: a === 12 ? `tháng 12/${yy}` : `tháng ${a}–12/${yy}` }, text: toYearEnd[0].trim() };
  }
  // (Both in one year: "tháng 7–12/2020", "Quý II–III/2019", as the spans of one year are named.)
  if (yearless) {
    const quarters = yearless[2] === 'quy';
    const [a, b, yy] = quarters
      ? [quarterOf(yearless[3]!), quarterOf(yearless[7]!), Number(yearless[8])]
      : [Number(yearless[3]), Number(yearless[7]), Number(yearless[8])];
    const text = yearless[0].trim();
    if (quarters && a >= 1 && a < b && b <= 4)
      return { span: { start: quarterSpan(a, yy).start, end: quarterSpan(b, yy).end, label: `Quý ${ROMAN[a]}–${ROMAN[b]}/${yy}` }, text };
    if (!quarters && a >= 1 && a < b && b <= 12) return { span: { ...monthsSpan(a, b, yy), label: `tháng ${a}–${b}/${yy}` }, text };
  }
  const withYear = yearless
    ? (() => {
        const [, first, unit, a, , , second, b, yy] = yearless as unknown as string[];
        const order = (n: string) => (unit === 'quy' ? quarterOf(n) : Number(n));
        return ` tu ${first}/${Number(yy) - (order(a!) > order(b!) ? 1 : 0)} den ${second} `;
      })()
    : undefined;
  const across = (withYear ?? joined).match(
    // ("Q3/2019 – Q3/2020": the dash gone, two periods side by side.)
    / (?:tu |trong )?((?:quy|thang) (?:iv|i{1,3}|\d{1,2})\/(?:19|20)\d\d) (?:(?:den|toi|-|cho den|cho toi) )?(?:het |cuoi )?((?:quy|thang) (?:iv|i{1,3}|\d{1,2})\/(?:19|20)\d\d) /,
  );
  const [fromSpan, toSpan] = across ? [parseSpan(across[1]!), parseSpan(across[2]!)] : [];
  const named = (text: string) => {
    const [unit, n, yy] = text.split(/[ /]/) as [string, string, string];
    return unit === 'quy' ? `Quý ${ROMAN[quarterOf(n)]}/${yy}` : `tháng ${Number(n)}/${yy}`;
  };
  if (across && fromSpan && toSpan && fromSpan.start < toSpan.end)
    return {
      span: { start: fromSpan.start, end: toSpan.end, label: `từ ${named(across[1]!)} đến ${named(across[2]!)}` },
      text: (withYear ? yearless![0] : across[0]).trim(),
    };
  // "trước cuối tháng 6/2019", "đến hết quý II/2019", "trước 30/6/2019", "tính đến 30/6/2019": everything due by then; "từ giờ tới cuối
  // tháng 9", "từ nay đến hết năm", "từ giờ tới trước cuối tháng 6": what falls due from today to then. A month or quarter without its year is this
  // year's.
  const by = joined.match(
    / (tu (?:gio|nay|bay gio|hom nay|day) (?:(?:cho )?(?:toi|den) (?=truoc ))?)?(?:(?:truoc|den het|toi het|cham nhat la|cham nhat|truoc khi het|den truoc|tinh (?:den|toi)(?: het)?) |(?:toi|den) (?=cuoi |het )|(?<!\d )(?:toi|den) (?=(?:ngay )?\d{1,2}\/\d{1,2}[ /]))(?:cuoi |het |ngay )?((?:thang|quy) [0-9iv/]+|\d{1,2}\/\d{1,2}\/(?:19|20)\d\d|\d{1,2}\/\d{1,2}|nam (?:19|20)\d\d|nam nay|nam|thang|quy) (?!(?:nao|may|bao nhieu|gi) )/,
  );
  // "đến cuối năm", "tới hết tháng", "trước cuối quý": this year's, month's, quarter's end.
  const limit = by?.[2]
    ?.replace(/^nam(?: nay)?$/, `nam ${y}`)
    .replace(/^thang(?: nay)?$/, `thang ${m}/${y}`)
    .replace(/^quy(?: nay)?$/, `quy ${q}/${y}`)
    .replace(/^((?:thang|quy) (?:iv|i{1,3}|\d{1,2}))$/, `$1/${y}`)
    // "trước 30/6": this year's.
    .replace(/^(\d{1,2}\/\d{1,2})$/, `$1/${y}`);
  const until = limit ? parseSpan(limit) : undefined;
  if (by && until) {
    // "trước cuối tháng 6 này còn những việc gì phải xong": what is still ahead, from today.
    const fromToday = by[1] !== undefined || / con (?:nhung |cac |may |bao nhieu )?(?:viec|nhiem vu|nv|gi) /.test(joined);
    const label = fromToday ? `từ nay đến ${formatDate(until.end)}` : `chậm nhất ngày ${formatDate(until.end)}`;
    return { span: { start: fromToday ? today : '1970-01-01', end: until.end, label }, text: by[0].trim() };
  }
  const rel: [RegExp, () => Span & { label: string }][] = [
    // "nửa năm tới": six months.
    [
      / (?:nua nam|6 thang|sau thang) (toi|nua|sap toi) /,
      () => ({ start: today, end: addMonths(today, 6), label: `6 tháng tới (đến ${formatDate(addMonths(today, 6))})` }),
    ],
    // "nửa tháng nữa", "từ nay tới nửa tháng tới": fifteen days.
    // "tháng rưỡi tới": a month and a half, 45 days.
    [
      / (?:mot )?thang ruoi (toi|nua|sap toi) /,
      () => ({ start: today, end: addDays(today, 45), label: `45 ngày tới (đến ${formatDate(addDays(today, 45))})` }),
    ],
    [/ nua thang (toi|nua|sap toi) /, () => ({ start: today, end: addDays(today, 14), label: `15 ngày tới (đến ${formatDate(addDays(today, 14))})` })],
    // "mấy hôm nữa", "vài ngày tới": a few days, read as the next ten.
    [
      // (Not "còn mấy ngày nữa", "mấy ngày nữa là tới hạn": the days left, asked.)
      /(?<! con) (may|vai|it|dam) (ngay|hom|bua) (toi|nua|sap toi|sau) (?!(?:la |thi )?(?:toi|den|het) han )/,
      () => ({ start: today, end: addDays(today, 9), label: `10 ngày tới (đến ${formatDate(addDays(today, 9))})` }),
    ],
    // Weeks run Monday to Sunday, as offices count them; "mấy tuần tới" is the next four weeks, not next week.
    [
      / (may|vai|cac|nhung) tuan (toi|sau|nua) /,
      () => ({ start: today, end: addDays(today, 27), label: `4 tuần tới (đến ${formatDate(addDays(today, 27))})` }),
    ],
    [
      / tuan (nay|hien tai) /,
      () => ({ start: today, end: addDays(today, 6 - weekday(today)), label: `tuần này (đến ${formatDate(addDays(today, 6 - weekday(today)))})` }),
    ],
    [
      / tuan (toi|sau) /,
      () => ({
        start: addDays(today, 7 - weekday(today)),
        end: addDays(today, 13 - weekday(today)),
        label: `tuần tới (${formatDate(addDays(today, 7 - weekday(today)))}–${formatDate(addDays(today, 13 - weekday(today)))})`,
      }),
    ],
    [/ thang (nay|hien tai) /, () => ({ ...monthSpan(m, y), label: `tháng ${m}/${y}` })],
    // "tháng tới có việc nào đến hạn" (10/6): what falls due from today to the end of next month — the coming month
    // read as next month or as the next thirty days, both inside it ("tháng sau" is next month alone).
    [
      / thang toi /,
      () => {
        const next = periodContaining('month', addDays(monthSpan(m, y).end, 1));
        return { start: today, end: next.end, label: `từ nay đến hết ${m === 12 ? `tháng 1/${y + 1}` : `tháng ${m + 1}/${y}`}` };
      },
    ],
    [
      / thang (toi|sau) /,
      () => ({ ...periodContaining('month', addDays(monthSpan(m, y).end, 1)), label: m === 12 ? `tháng 1/${y + 1}` : `tháng ${m + 1}/${y}` }),
    ],
    [/ quy (nay|hien tai) /, () => ({ ...quarterSpan(q, y), label: `Quý ${ROMAN[q]}/${y}` })],
    [
      / quy (toi|sau) /,
      () => (q === 4 ? { ...quarterSpan(1, y + 1), label: `Quý I/${y + 1}` } : { ...quarterSpan(q + 1, y), label: `Quý ${ROMAN[q + 1]}/${y}` }),
    ],
    // "nửa đầu năm nay", "6 tháng cuối năm nay": this year's half.
    [
      / (?:nua|6 thang|sau thang) (dau|cuoi) (?:cua )?nam (?:nay|hien tai) /,
      () => {
        const first = / (?:nua|6 thang|sau thang) dau /.test(joined);
        return { ...(first ? monthsSpan(1, 6, y) : monthsSpan(7, 12, y)), label: `6 tháng ${first ? 'đầu' : 'cuối'} năm ${y}` };
      },
    ],
    [/ nam (nay|hien tai) /, () => ({ ...yearSpan(y), label: `năm ${y}` })],
    [/ nam (toi|sau) | sang nam (?!(?:19|20)\d\d )/, () => ({ ...yearSpan(y + 1), label: `năm ${y + 1}` })],
  ];
  for (const [re, f] of rel) {
    const mm = joined.match(re);
    if (mm) return { span: f(), text: mm[0].trim() };
  }
  // "từ tháng 4 đến tháng 9 năm 2019", "tháng 4-9/2019": the months between, both counted (this year's without one).
  const months =
    joined.match(/ (?:tu |trong )?thang (\d{1,2}) (?:den|toi|-|cho den|cho toi) (?:het )?(?:thang )?(\d{1,2})(?:(?:\/| nam | )((?:19|20)\d\d))? /) ??
    // "tháng 7 với tháng 8 năm 2024": two months side by side, the span of both.
    [joined.match(/ (?:trong )?thang (\d{1,2}) (?:voi|va) thang (\d{1,2})(?:(?:\/| nam | )((?:19|20)\d\d))? /)].find(
      (m) => m && Number(m[2]) === Number(m[1]) + 1,
    ) ??
    joined.match(/ (?:trong )?thang (\d{1,2}) (\d{1,2})\/((?:19|20)\d\d) /);
  if (months) {
    const [a, b, yy] = [Number(months[1]), Number(months[2]), months[3] ? Number(months[3]) : y];
    if (a >= 1 && a < b && b <= 12) return { span: { ...monthsSpan(a, b, yy), label: `tháng ${a}–${b}/${yy}` }, text: months[0].trim() };
  }
  // Absolute forms, tried on the question's own words.
  const patterns = [
    /(?:truoc |den )?ngay \d{1,2}\/\d{1,2}\/(?:19|20)\d\d/,
    /quy (?:iv|i{1,3}|[1-4])(?:-| den )(?:quy )?(?:iv|i{1,3}|[1-4])(?:\/| nam )(?:19|20)\d\d/,
    /quy (?:iv|i{1,3}|[1-4])(?:\/| nam | )(?:19|20)\d\d/,
    /thang \d{1,2}(?:\/| nam | )(?:19|20)\d\d/,
    /6 thang (?:dau|cuoi) nam (?:19|20)\d\d/,
    /(?:giai doan |tu nam )?(?:19|20)\d\d(?:-| den (?:nam )?)(?:19|20)\d\d/,
    /nam (?:19|20)\d\d/,
  ];
  for (const re of patterns) {
    const mm = joined.match(re);
    if (!mm) continue;
    // "cuối năm 2018, tức quý IV", "năm 2019, tháng 6": a quarter or month said apart from its one year is of that year.
    const yearOnly = mm[0].match(/^nam ((?:19|20)\d\d)$/);
    const part =
      yearOnly && (joined.match(/ (?:19|20)\d\d /g) ?? []).length === 1
        ? joined.match(/ (?:quy (iv|i{1,3}|[1-4])|thang (\d{1,2}))(?= )(?! (?:lan|mot lan|1 lan) )/)
        : null;
    if (yearOnly && part) {
      const yy = Number(yearOnly[1]);
      const qq = part[1] ? quarterOf(part[1]) : 0;
      if (qq >= 1 && qq <= 4) return { span: { ...quarterSpan(qq, yy), label: `Quý ${ROMAN[qq]}/${yy}` }, text: mm[0] };
      const mo = Number(part[2]);
      if (mo >= 1 && mo <= 12) return { span: { ...monthSpan(mo, yy), label: `tháng ${mo}/${yy}` }, text: mm[0] };
    }
    const text = mm[0].replace(/ ((?:19|20)\d\d)$/, (s, yy: string) => (/^(quy|thang) \S+ (?:19|20)\d\d$/.test(mm[0]) ? `/${yy}` : s));
    const span = parseSpan(text);
    if (span) return { span: { ...span, label: labelOf(mm[0], span) }, text: mm[0] };
  }
  // A quarter or month without a year: this year.
  // ("6 tháng 1 lần" is a rhythm, not January.)
  const bare = joined.match(/ (quy (iv|i{1,3}|[1-4])|thang (\d{1,2})) (?!lan )/);
  if (bare) {
    if (bare[2]) {
      const qq = quarterOf(bare[2]);
      return { span: { ...quarterSpan(qq, y), label: `Quý ${ROMAN[qq]}/${y}` }, text: bare[1]! };
    }
    const mo = Number(bare[3]);
    if (mo >= 1 && mo <= 12) return { span: { ...monthSpan(mo, y), label: `tháng ${mo}/${y}` }, text: bare[1]! };
  }
  return undefined;
}

/** A quarter's number as typed: "3" or "III". */
const quarterOf = (n: string): number => (/^\d+$/.test(n) ? Number(n) : ROMAN.indexOf(n.toUpperCase()));

function labelOf(text: string, span: Span): string {
  const qs = text.match(/quy (iv|i{1,3}|[1-4])(?:-| den )(?:quy )?(iv|i{1,3}|[1-4])\D+((?:19|20)\d\d)$/);
  if (qs) {
    return `Quý ${ROMAN[quarterOf(qs[1]!)]}–${ROMAN[quarterOf(qs[2]!)]}/${qs[3]}`;
  }
  const q = text.match(/^quy (iv|i{1,3}|[1-4])\D+((?:19|20)\d\d)$/);
  if (q) {
    return `Quý ${ROMAN[quarterOf(q[1]!)]}/${q[2]}`;
  }
  const mo = text.match(/^thang (\d{1,2})\D+((?:19|20)\d\d)$/);
  if (mo) return `tháng ${Number(mo[1])}/${mo[2]}`;
  const yr = text.match(/^nam ((?:19|20)\d\d)$/);
  if (yr) return `năm ${yr[1]}`;
  const half = text.match(/^6 thang (dau|cuoi) nam ((?:19|20)\d\d)$/);
  if (half) return `6 tháng ${half[1] === 'dau' ? 'đầu' : 'cuối'} năm ${half[2]}`;
  const [sy, sm, sd] = span.start.split('-');
  const [ey, em, ed] = span.end.split('-');
  // "giai đoạn 2018–2019": whole years, named as years.
  if (sy !== ey && `${sm}-${sd}` === '01-01' && `${em}-${ed}` === '12-31') return `năm ${sy}–${ey}`;
  return span.start === span.end ? `${sd}/${sm}/${sy}` : `${sd}/${sm}/${sy}–${ed}/${em}/${ey}`;
}
