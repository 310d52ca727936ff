/** Dates as the province reads them (Asia/Ho_Chi_Minh). */
import { todayIn } from '../../plan/deadline.ts';

export const dayOf = (now: Date): string => todayIn(now);

/** "14:05 29/11/2026" in the province's time. */
export function localTime(d: Date): string {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour12: false,
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
