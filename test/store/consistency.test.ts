/**
 * The rules between records (src/store/check.ts), on both stores: a state that breaks one is refused by `restore`
 * (what `npm run state -- import` calls) with a message naming the problem, and nothing changes; the embedded store
 * refuses to start from such a state file, leaving it as it is.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkState, InconsistentStateError } from '../../src/store/check.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import { type Channel, StateFileError, type Store } from '../../src/store/port.ts';
import { StoredValueError } from '../../src/store/errors.ts';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';
import { consistent, HOSTILE } from './hostile.ts';

let db: TestDatabase;
let n = 0;
const opened: Store[] = [];
beforeAll(async () => {
  db = await startTestDatabase();
}, 60_000);
afterAll(async () => {
  for (const s of opened) await s.close().catch(() => undefined);
  db?.stop();
});

const tmp = () => mkdtempSync(path.join(tmpdir(), 'check-'));

const stores: { name: string; open: () => Promise<Store>; reopenable: () => Promise<{ store: Store; reopen: () => Promise<Store> }> }[] = [
  {
    name: 'embedded',
    open: async () => FileStore.open(path.join(tmp(), 'state.json')),
    reopenable: async () => {
      const file = path.join(tmp(), 'state.json');
      return { store: await FileStore.open(file), reopen: () => FileStore.open(file) };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const s = await PgStore.connect(db.create(`c${++n}`), { max: 2 });
      opened.push(s);
      return s;
    },
    reopenable: async () => {
      const url = db.create(`c${++n}`);
      const open = async () => {
        const s = await PgStore.connect(url, { max: 2 });
        opened.push(s);
        return s;
      };
      return { store: await open(), reopen: open };
    },
  },
];

describe('the consistency check', () => {
  it('finds nothing in a consistent state, and exactly one problem in each hostile one', () => {
    expect(checkState(consistent())).toEqual([]);
    for (const h of HOSTILE) expect(checkState(h.state), h.name).toHaveLength(1);
  });

  for (const kind of stores)
    it(`the ${kind.name} store refuses to restore each hostile state, naming the problem; nothing changes`, async () => {
      const store = await kind.open();
      await store.restore(consistent());
      await store.recordCompletion({ planId: 'P', taskId: 'II.1', party: 'so-tai-chinh', on: '2019-03-21', by: 'o1' }, new Date('2019-03-21T03:00:00Z'));
      const before = await store.exportState();
      for (const h of HOSTILE) {
        const refused = await store.restore(h.state).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(refused, h.name).toBeInstanceOf(InconsistentStateError);
        expect((refused as Error).message, h.name).toContain(h.says);
        expect(await store.exportState(), h.name).toEqual(before);
      }
      // The store still works, and a consistent state is still taken.
      expect(store.completion('c2')?.taskId).toBe('I.4');
      await store.restore(consistent());
      expect((await store.exportState()).completions.map((c) => c.id)).toEqual(['c2']);
    }, 60_000);

  it('the embedded store does not start from a hostile state file: the message names the problem, the file is left as it is', async () => {
    for (const h of HOSTILE) {
      const file = path.join(tmp(), 'state.json');
      const text = JSON.stringify(h.state);
      writeFileSync(file, text);
      const refused = await FileStore.open(file, { lock: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(refused, h.name).toBeInstanceOf(StateFileError);
      expect((refused as Error).message, h.name).toContain(h.says);
      expect((refused as Error).message).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
    // A consistent one starts.
    const file = path.join(tmp(), 'state.json');
    writeFileSync(file, JSON.stringify(consistent()));
    expect((await FileStore.open(file)).official('o1')?.name).toBe('Cán bộ o1');
  });

  for (const kind of stores)
    it(`the ${kind.name} store stores only what it loads: a value the schema refuses is refused at the write, nothing changes, the next start works`, async () => {
      const { store, reopen } = await kind.reopenable();
      await store.restore(consistent());
      const before = await store.exportState();
      const at = new Date('2019-03-21T03:00:00Z');
      const refusals: [string, () => Promise<unknown>][] = [
        // A forged update: an empty user id, a negative file size, a percentage past 100, a reason past 300 characters.
        [
          'empty user id',
          () => store.addOfficial({ account: { channel: 'zalo', userId: '', chatId: '1' }, name: 'A', position: 'B', agency: 'so-tai-chinh' }, 'x', at),
        ],
        [
          'negative size',
          () => store.addEvidence({ completionId: 'c2', channel: 'telegram', kind: 'document', fileId: 'G', name: 'a.pdf', size: -5, by: 'o1' }, at),
        ],
        ['percent 150', () => store.addProgress({ planId: 'P', taskId: 'I.4', party: 'so-tai-chinh', text: 'xong 150%', percent: 150, by: 'o1' }, at)],
        [
          'long reason',
          () =>
            store.requestExtension(
              { planId: 'P', taskId: 'I.5', party: 'so-tai-chinh', from: '2019-03-31', to: '2019-06-30', reason: 'x'.repeat(301), by: 'o1' },
              at,
            ),
        ],
        ['empty conversation key', () => store.putConversation('', { step: 1 }, new Date('2019-03-22T00:00:00Z'), at)],
        ['empty linked account', () => store.linkAccount('o1', { channel: 'zalo', userId: '', chatId: '' }, at)],
        // Edited in place, then refused: the record goes back to what is stored.
        ['an unknown messenger', () => store.setPreferred('o1', 'fax' as Channel, at)],
        [
          'one official with a bad one',
          () =>
            store.importOfficials(
              [
                {
                  accounts: [{ channel: 'telegram', userId: '7', chatId: '7' }],
                  name: 'B',
                  position: '',
                  agency: 'x',
                  status: 'approved',
                  requestedAt: at.toISOString(),
                  notify: true,
                },
                { accounts: [], name: 'C', position: '', agency: 'x', status: 'approved', requestedAt: at.toISOString(), notify: true },
              ],
              'x',
              at,
            ),
        ],
      ];
      for (const [name, attempt] of refusals) {
        const e = await attempt().then(
          () => undefined,
          (x: unknown) => x,
        );
        expect(e, name).toBeInstanceOf(StoredValueError);
        expect((e as Error).message, name).toMatch(/refused to store a value that would not load again: \w+\./);
      }
      expect(store.official('o1')?.preferred).toBeUndefined();
      expect(store.holderOf('telegram', '7')).toEqual({});
      const after = await store.exportState();
      expect({ ...after, seq: 0 }).toEqual({ ...before, seq: 0 });
      // The store still takes a good change, and starts again from what it stored.
      await store.addProgress({ planId: 'P', taskId: 'I.4', party: 'so-tai-chinh', text: 'đang làm 60%', percent: 60, by: 'o1' }, at);
      await store.close();
      const again = await reopen();
      expect(again.latestProgress('P', 'I.4', 'so-tai-chinh')?.percent).toBe(60);
      expect(again.official('o1')?.accounts).toHaveLength(1);
    }, 60_000);

  for (const kind of stores)
    it(`the ${kind.name} store keeps one account on one live official: a link to an account another official holds is refused`, async () => {
      const store = await kind.open();
      const s = consistent();
      s.officials.push({ ...s.officials[0]!, id: 'o4', accounts: [{ channel: 'zalo', userId: 'z', chatId: 'z' }], status: 'pending' });
      s.seq = 4;
      await store.restore(s);
      expect(await store.linkAccount('o1', { channel: 'zalo', userId: 'z', chatId: 'z' }, new Date('2019-03-21T03:00:00Z'))).toBeUndefined();
      expect(store.official('o1')?.accounts.map((a) => a.channel)).toEqual(['telegram']);
      expect(checkState(await store.exportState())).toEqual([]);
    });
});
