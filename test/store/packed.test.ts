/**
 * The packed snapshot gives back exactly the records it was given: every field and value (nulls, nested objects,
 * numbers, booleans, texts that repeat and texts that do not), each record's key and transaction, section by section.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type PackedEntry, pack, unpack } from '../../src/store/postgres/packed.ts';
import type { RecordSection } from '../../src/store/records.ts';

async function roundTrip(sections: Partial<Record<RecordSection, PackedEntry[]>>) {
  const back: Partial<Record<RecordSection, PackedEntry[]>> = {};
  await unpack(await pack(sections), (section, key, xid, rec) => {
    (back[section] ??= []).push([key, xid, rec]);
  });
  return back;
}

describe('packed snapshots', () => {
  it('give back every record as it was: keys, transactions, fields of every kind', async () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const agencies = ['so-tai-chinh', 'so-noi-vu', 'ubnd-ba-tri'];
    const officials: PackedEntry[] = Array.from({ length: 500 }, (_, i) => {
      const rec: Record<string, unknown> = {
        id: `o${i}`,
        name: `Cán bộ ${i}`,
        agency: agencies[rand(3)],
        status: i % 7 === 0 ? 'pending' : 'approved',
        notify: i % 2 === 0,
        accounts: [{ channel: 'telegram', userId: String(1000 + i), chatId: String(1000 + i) }],
      };
      if (i % 5 === 0) rec.decidedBy = 'admin';
      if (i % 11 === 0) rec.note = null;
      return [`o${i}`, String(900 + (i % 3)), rec];
    });
    const completions: PackedEntry[] = Array.from({ length: 300 }, (_, i) => [
      `c${i}`,
      String(5000 + i),
      { id: `c${i}`, planId: 'P1', taskId: `I.${i}`, party: agencies[i % 3], on: '2024-06-01', ...(i % 4 === 0 ? { period: '2024-12-31' } : {}), n: i * 1.5 },
    ]);
    // A record whose key is not its own id (as a key written by hand would be).
    const runs: PackedEntry[] = [
      ['digest:1', '42', { key: 'digest:1', sent: 3, total: 3 }],
      ['other-key', '43', { key: 'digest:2', sent: 0, total: 0 }],
    ];
    const back = await roundTrip({ officials, completions, runs, reminders: [] });
    expect(back).toEqual({ officials, completions, runs });
  });

  it('a snapshot in another format is refused with a message, not read wrong', async () => {
    await expect(unpack(gzipSync(JSON.stringify({ format: 9, sections: {} })), () => undefined)).rejects.toThrow('unknown snapshot format 9');
  });
});
