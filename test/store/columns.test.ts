/**
 * Records as columns (the embedded store's side files, the PostgreSQL snapshot): the same records back, a text that
 * repeats stored once, and a damaged value refused rather than read wrong.
 */
import { describe, expect, it } from 'vitest';
import { fromColumns, isColumns, toColumns } from '../../src/store/columns.ts';

describe('records as columns', () => {
  it('give back every record as it was, fields of every kind, absent fields absent', () => {
    const records = Array.from({ length: 200 }, (_, i) => ({
      id: `o${i}`,
      name: `Cán bộ ${i}`,
      agency: ['so-tai-chinh', 'so-noi-vu'][i % 2],
      notify: i % 3 === 0,
      n: i * 0.5,
      accounts: [{ channel: 'telegram', userId: String(i), chatId: String(i) }],
      ...(i % 5 === 0 ? { decidedBy: 'admin' } : {}),
      ...(i % 7 === 0 ? { note: null } : {}),
    }));
    const columns = toColumns(records);
    expect(isColumns(columns)).toBe(true);
    expect(fromColumns(JSON.parse(JSON.stringify(columns)))).toEqual(records);
    expect(fromColumns(toColumns([]))).toEqual([]);
  });

  it('store a text that repeats once, with each record pointing at it; unique texts as they are', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => ({ id: `o${i}`, agency: `agency-${i % 50}`, status: 'approved' }));
    const { fields, columns } = toColumns(records);
    expect((columns[fields.indexOf('agency')] as { dict: unknown[] }).dict).toHaveLength(50);
    expect((columns[fields.indexOf('status')] as { dict: unknown[] }).dict).toEqual(['approved']);
    expect(columns[fields.indexOf('id')]).toHaveLength(10_000);
  });

  it('a damaged value is refused, not read wrong', () => {
    const good = toColumns([
      { id: 'a', agency: 'x' },
      { id: 'b', agency: 'x' },
      { id: 'c', agency: 'x' },
      { id: 'd', agency: 'x' },
      { id: 'e', agency: 'y' },
    ]);
    const shortColumn = { ...good, columns: [['a', 'b'], good.columns[1]!] };
    expect(() => fromColumns(shortColumn)).toThrow('a column of 2 values for 5 records');
    expect(() => fromColumns({ ...good, columns: [good.columns[0]!] })).toThrow('not records as columns');
    expect(() => fromColumns({ ...good, columns: [good.columns[0]!, { dict: ['x'], at: [0] }] })).toThrow('a damaged column');
    expect(isColumns([{ id: 'a' }])).toBe(false);
  });
});
