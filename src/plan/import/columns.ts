/** Which column a table header names, in the spellings plans use. */
import { fold } from '../../text/fold.ts';

export type Column = 'stt' | 'content' | 'lead' | 'coordinate' | 'deadline' | 'note' | 'product';

const HEADERS: [RegExp, Column][] = [
  [/^(stt|so tt|tt|so thu tu)$/, 'stt'],
  [/^(noi dung|nhiem vu|cong viec)/, 'content'],
  [/chu tri/, 'lead'],
  [/phoi hop/, 'coordinate'],
  [/^(thoi gian|thoi han|han hoan thanh|tien do)/, 'deadline'],
  [/^ghi chu/, 'note'],
  [/^(san pham|ket qua)/, 'product'],
];

export function columnOf(header: string): Column | undefined {
  const h = fold(header)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return HEADERS.find(([re]) => re.test(h))?.[1];
}
