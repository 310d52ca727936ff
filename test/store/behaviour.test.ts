/**
 * The storage port's behaviour, the same tests against both implementations: the embedded store (a state file in a
 * temporary folder) and PostgreSQL (a throwaway server started here, a fresh database per test). Then what only a
 * shared database has: several processes (here: several PgStore instances) on one database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import type { State, Store } from '../../src/store/port.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';

let db: TestDatabase;
let n = 0;
beforeAll(async () => {
  db = await startTestDatabase();
}, 60_000);
afterAll(() => db?.stop());

interface Kind {
  name: string;
  /** A fresh empty store, and a way to open it again (as a restart would). */
  fresh(): Promise<{ store: Store; reopen: () => Promise<Store> }>;
}

const embedded: Kind = {
  name: 'embedded',
  async fresh() {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'port-')), 'state.json');
    return { store: await FileStore.open(file), reopen: () => FileStore.open(file) };
  },
};

const postgres: Kind = {
  name: 'postgres',
  async fresh() {
    const url = db.create(`t${++n}`);
    const opened: PgStore[] = [];
    const open = async () => {
      const s = await PgStore.connect(url, { max: 4 });
      opened.push(s);
      return s;
    };
    cleanups.push(() => Promise.all(opened.map((s) => s.close().catch(() => undefined))));
    return { store: await open(), reopen: open };
  },
};

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const AT = new Date('2026-11-02T01:00:00.000Z');
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);
const tick = (task: string, party = 'so-noi-vu', by = 'admin:telegram:9') => ({ planId: 'p', taskId: task, party, on: '2026-11-02', by });
const official = (userId: string, agency = 'so-noi-vu') => ({
  account: { channel: 'telegram' as const, userId, chatId: userId },
  name: `Cán bộ ${userId}`,
  position: 'Chuyên viên',
  agency,
});

describe.each([embedded, postgres])('the $name store', (kind) => {
  it('registration, approval, a second decision refused, leaving; all kept across a restart', async () => {
    const { store, reopen } = await kind.fresh();
    const { official: o } = await store.addOfficial(official('11'), 'telegram:11', AT);
    expect(o.status).toBe('pending');
    expect((await store.addOfficial(official('11'), 'telegram:11', AT)).existing).toBe(true);
    expect(await store.decide(o.id, 'approved', 'admin', later(1))).toMatchObject({ official: { status: 'approved' } });
    expect(await store.decide(o.id, 'rejected', 'admin', later(2))).toEqual({ refused: 'already', status: 'approved' });
    await store.setNotify(o.id, false, later(3));
    await store.linkAccount(o.id, { channel: 'zalo', userId: 'z11', chatId: 'z11' }, later(4));
    const again = await reopen();
    expect(again.holderOf('zalo', 'z11').approved).toMatchObject({ id: o.id, notify: false, name: 'Cán bộ 11' });
    expect(await again.leave(o.id, o.id, later(5))).toBe(true);
    expect((await reopen()).official(o.id)?.status).toBe('left');
  });

  it('a rejection keeps its reason across a restart; a second decision on a request is refused and changes nothing', async () => {
    const { store, reopen } = await kind.fresh();
    const { official: o } = await store.addOfficial(official('12'), 'telegram:12', AT);
    expect(await store.decide(o.id, 'rejected', 'admin:telegram:9', later(1), 'Sai cơ quan')).toMatchObject({ official: { decisionReason: 'Sai cơ quan' } });
    const ask = (taskId: string) => ({ planId: 'p', taskId, party: 'so-noi-vu', from: '2026-12-31', to: '2027-06-30', reason: 'chờ Thông tư', by: o.id });
    const first = await store.requestExtension(ask('I.1'), later(2));
    const second = await store.requestExtension(ask('I.2'), later(3));
    if (!('extension' in first) || !('extension' in second)) throw new Error('not requested');
    expect(store.pendingExtensions().map((e) => e.taskId)).toEqual(['I.1', 'I.2']);
    expect(await store.decideExtension(second.extension.id, false, 'admin:zalo:z', later(4), 'Không đủ căn cứ')).toMatchObject({
      extension: { status: 'rejected', decisionReason: 'Không đủ căn cứ' },
    });
    expect(await store.decideExtension(second.extension.id, true, 'admin:telegram:9', later(5))).toEqual({ refused: 'decided' });
    const again = await reopen();
    expect(again.official(o.id)).toMatchObject({ status: 'rejected', decisionReason: 'Sai cơ quan' });
    expect(again.extension(second.extension.id)).toMatchObject({ status: 'rejected', decisionReason: 'Không đủ căn cứ', decidedBy: 'admin:zalo:z' });
    expect(again.pendingExtensions().map((e) => e.taskId)).toEqual(['I.1']);
  });

  it('looking an official up by account or id follows every change to officials: new, decided, left, linked', async () => {
    const { store, reopen } = await kind.fresh();
    // A second process on the same database (the embedded store: the same file opened again) catches up.
    const other = kind.name === 'postgres' ? await reopen() : undefined;
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const check = async (s: Store) => {
      const st = await s.exportState();
      const keys = new Set(st.officials.flatMap((o) => o.accounts.map((a) => `${a.channel}:${a.userId}`)));
      for (const key of [...keys, 'telegram:nobody', 'zalo:nobody']) {
        const [channel, userId] = key.split(':') as ['telegram' | 'zalo', string];
        const mine = st.officials.filter((o) => o.accounts.some((a) => a.channel === channel && a.userId === userId));
        const got = s.holderOf(channel, userId);
        expect(got.approved?.id).toBe(mine.find((o) => o.status === 'approved')?.id);
        expect(got.pending?.id).toBe(mine.find((o) => o.status === 'pending')?.id);
      }
      for (const o of st.officials) expect(s.official(o.id)).toEqual(o);
    };
    // The indexes built before the changes, then kept up to date by them (the other process's: by catching up).
    await check(store);
    if (other) await check(other);
    for (let step = 0; step < 60; step++) {
      const st = await store.exportState();
      const pick = (status?: string) => {
        const some = st.officials.filter((o) => !status || o.status === status);
        return some.length > 0 ? some[rand(some.length)] : undefined;
      };
      const at = later(step);
      switch (rand(6)) {
        case 0:
          await store.addOfficial({ ...official(String(100 + rand(30))), ...(rand(2) ? { approvedBy: 'admin' } : {}) }, 'admin', at);
          break;
        case 1: {
          const o = pick('pending');
          if (o) await store.decide(o.id, rand(2) ? 'approved' : 'rejected', 'admin', at);
          break;
        }
        case 2: {
          const o = pick('approved');
          if (o) await (rand(2) ? store.leave(o.id, o.id, at) : store.decide(o.id, 'revoked', 'admin', at));
          break;
        }
        case 3: {
          const o = pick('approved');
          if (o) await store.linkAccount(o.id, { channel: 'zalo', userId: `z${rand(20)}`, chatId: 'z' }, at);
          break;
        }
        case 4: {
          const o = pick();
          if (o) await store.setNotify(o.id, !o.notify, at);
          break;
        }
        default:
          await store.markReachable('telegram', String(100 + rand(30)), at);
      }
      await check(store);
    }
    if (other) {
      await other.refresh();
      await check(other);
    }
    await check(await reopen());
  });

  it('a tick is recorded once however many times it is confirmed, even at the same moment; undo frees it', async () => {
    const { store, reopen } = await kind.fresh();
    const results = await Promise.all([
      store.recordCompletion(tick('I.1'), AT),
      store.recordCompletion(tick('I.1'), AT),
      store.recordCompletion(tick('I.2'), AT),
    ]);
    expect(results.filter((r) => !r.existing)).toHaveLength(2);
    const again = await reopen();
    expect([...again.completions('p').keys()].sort()).toEqual(['I.1', 'I.2']);
    const live = again.liveCompletion('p', 'I.1', 'so-noi-vu')!;
    expect((await again.undoCompletion(live.id, 'admin:telegram:9', later(1)))?.undoneBy).toBe('admin:telegram:9');
    expect(await again.undoCompletion(live.id, 'admin:telegram:9', later(2))).toBeUndefined();
    expect((await again.recordCompletion(tick('I.1'), later(3))).existing).toBe(false);
    expect((await reopen()).completions('p').get('I.1')).toHaveLength(1);
  });

  it('many ticks at once are all kept, each with its own id', async () => {
    const { store, reopen } = await kind.fresh();
    await Promise.all(Array.from({ length: 120 }, (_, i) => store.recordCompletion(tick(`T.${i}`), AT)));
    const again = await reopen();
    expect(again.completions('p').size).toBe(120);
    const ids = new Set((await again.exportState()).completions.map((c) => c.id));
    expect(ids.size).toBe(120);
  });

  it('ticks arriving together when the reserved ids run low are all kept (no "no id reserved")', async () => {
    const { store } = await kind.fresh();
    // One at a time until a block of ids (100 on PostgreSQL) is nearly used, then 40 at once.
    for (let i = 0; i < 97; i++) await store.recordCompletion(tick(`S.${i}`), AT);
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.recordCompletion(tick(`C.${i}`), AT)));
    expect(store.completions('p').size).toBe(137);
  });

  it('conversation values expire and can be dropped; extensions, evidence, progress and archived plans are kept', async () => {
    const { store, reopen } = await kind.fresh();
    await store.putConversation('session:telegram:1', { step: 'tick' }, later(10), AT);
    expect(store.conversation('session:telegram:1', later(5))).toEqual({ step: 'tick' });
    expect(store.conversation('session:telegram:1', later(11))).toBeUndefined();
    await store.putConversation('link:123456', { official: 'o1' }, later(60), AT);
    await store.dropConversation('link:123456');
    const r = await store.requestExtension(
      { planId: 'p', taskId: 'I.1', party: 'so-noi-vu', from: '2026-12-01', to: '2027-01-15', reason: 'chờ', by: 'admin:telegram:9' },
      AT,
    );
    expect('extension' in r).toBe(true);
    expect(
      await store.requestExtension(
        { planId: 'p', taskId: 'I.1', party: 'so-noi-vu', from: '2026-12-01', to: '2027-02-01', reason: 'x', by: 'admin:telegram:9' },
        AT,
      ),
    ).toEqual({
      refused: 'pending',
    });
    if (!('extension' in r)) return;
    await store.decideExtension(r.extension.id, true, 'admin', later(1));
    const rec = await store.recordCompletion(tick('I.1'), later(2));
    await store.addEvidence(
      { completionId: rec.record.id, kind: 'photo', fileId: 'file-1', name: 'a.jpg', size: 10, channel: 'telegram', by: 'admin:telegram:9' },
      later(3),
    );
    await store.addProgress({ planId: 'p', taskId: 'I.2', party: 'so-noi-vu', text: 'đang làm 60%', percent: 60, by: 'admin:telegram:9' }, later(4));
    expect(await store.setPlanArchived('p', true, 'admin', later(5))).toBe(true);
    const again = await reopen();
    expect(again.conversation('session:telegram:1', later(5))).toEqual({ step: 'tick' });
    expect(again.conversation('link:123456', later(5))).toBeUndefined();
    expect(again.completions('p').dues?.get('I.1|so-noi-vu')).toBe('2027-01-15');
    expect(again.evidenceOf(rec.record.id)).toHaveLength(1);
    // A value the schema would not load (a forged negative size) is refused at the store, and nothing is written.
    await expect(
      again.addEvidence(
        { completionId: rec.record.id, kind: 'photo', fileId: 'file-2', name: 'b.jpg', size: -5, channel: 'telegram', by: 'admin:telegram:9' },
        later(4),
      ),
    ).rejects.toThrow();
    expect(again.evidenceOf(rec.record.id)).toHaveLength(1);
    expect((await reopen()).evidenceOf(rec.record.id)).toHaveLength(1);
    expect(again.latestProgress('p', 'I.2', 'so-noi-vu')?.percent).toBe(60);
    expect(again.planArchived('p')).toBe(true);
  });

  it('a push run: deliveries recorded as they go, resumed without repeats, kept for the last run only', async () => {
    const { store } = await kind.fresh();
    const claim = await store.claimPushes();
    expect(claim).toBeDefined();
    await store.startRun('digest:1', 2, AT, { day: '2026-11-02' });
    const { official: o } = await store.addOfficial({ ...official('7'), approvedBy: 'admin' }, 'admin', AT);
    await store.recordDeliveries([{ run: 'digest:1', to: 'o-a', status: 'sent', at: AT.toISOString(), attempts: 1, part: 0, parts: 2 }]);
    await store.recordDeliveries([{ run: 'digest:1', to: o.id, status: 'blocked', at: AT.toISOString(), attempts: 1 }]);
    expect([...store.partsSent('digest:1', 'o-a')]).toEqual([0]);
    expect([...store.deliveredIn('digest:1')]).toEqual([o.id]);
    expect(store.official(o.id)?.unreachable).toBe(true);
    await store.finishRun('digest:1', { sent: 1, failed: 1 }, later(1));
    await store.startRun('digest:2', 1, later(2));
    await store.recordDeliveries([{ run: 'digest:2', to: o.id, status: 'sent', at: AT.toISOString(), attempts: 1 }]);
    await store.finishRun('digest:2', { sent: 1, failed: 0 }, later(3));
    const state = await store.exportState();
    expect(state.deliveries.map((d) => d.run)).toEqual(['digest:2']);
    expect(state.runs.map((r) => [r.key, r.sent, r.failed, Boolean(r.finishedAt)])).toEqual([
      ['digest:1', 1, 1, true],
      ['digest:2', 1, 0, true],
    ]);
    await claim!.release();
  });

  it('exports everything and restores it into the other kind of store, unchanged', async () => {
    const { store } = await kind.fresh();
    const { official: o } = await store.addOfficial({ ...official('5'), approvedBy: 'admin' }, 'admin', AT);
    await store.recordCompletion(tick('II.3', 'so-tai-chinh', o.id), AT);
    await store.putConversation('session:telegram:5', { a: 1 }, later(600), AT);
    await store.recordReminders(['p|I.1|so-noi-vu|2026-12-01|7|o1'], AT);
    await store.startRun('digest:9', 1, AT);
    await store.recordDeliveries([{ run: 'digest:9', to: o.id, status: 'sent', at: AT.toISOString(), attempts: 1 }]);
    const state = await store.exportState();
    const other = await (kind === embedded ? postgres : embedded).fresh();
    await other.store.restore(state as State);
    const back = await other.reopen();
    const moved = await back.exportState();
    expect(strip(moved)).toEqual(strip(state));
    expect(back.holderOf('telegram', '5').approved?.id).toBe(o.id);
    // New ids never reuse moved ones.
    const next = await back.recordCompletion(tick('II.4', 'so-tai-chinh', o.id), later(1));
    expect(moved.completions.map((c) => c.id)).not.toContain(next.record.id);
  });
});

/** What must survive a move: everything but the id counter (each store keeps its own, past every id it holds). */
function strip(s: State) {
  const { seq: _seq, ...rest } = s;
  return rest;
}

describe('PostgreSQL shared by several processes', () => {
  const two = async () => {
    const { store: a, reopen } = await postgres.fresh();
    return { a: a as PgStore, b: (await reopen()) as PgStore };
  };

  it('a change made by one is seen by the other after a refresh: conversation state, link codes, approvals', async () => {
    const { a, b } = await two();
    await a.putConversation('session:telegram:9', { step: 'evidence' }, later(30), AT);
    const { official: o } = await a.addOfficial(official('9'), 'telegram:9', AT);
    await b.refresh();
    expect(b.conversation('session:telegram:9', later(1))).toEqual({ step: 'evidence' });
    expect(b.holderOf('telegram', '9').pending?.id).toBe(o.id);
    await b.decide(o.id, 'approved', 'admin', later(1));
    await b.dropConversation('session:telegram:9');
    await a.refresh();
    expect(a.holderOf('telegram', '9').approved?.id).toBe(o.id);
    expect(a.conversation('session:telegram:9', later(1))).toBeUndefined();
  });

  it('the same tick confirmed in two processes at once is recorded once; both are told it is done', async () => {
    const { a, b } = await two();
    for (let i = 0; i < 10; i++) {
      const [x, y] = await Promise.all([a.recordCompletion(tick(`I.${i}`), AT), b.recordCompletion(tick(`I.${i}`), AT)]);
      expect([x.existing, y.existing].sort()).toEqual([false, true]);
      expect(x.record.id).toBe(y.record.id);
    }
    await a.refresh();
    expect((await a.exportState()).completions).toHaveLength(10);
  });

  it('two admins deciding the same registration in two processes: one decision counts, the other is told', async () => {
    const { a, b } = await two();
    const { official: o } = await a.addOfficial(official('3'), 'telegram:3', AT);
    await b.refresh();
    const [x, y] = await Promise.all([a.decide(o.id, 'approved', 'admin-a', later(1)), b.decide(o.id, 'rejected', 'admin-b', later(1))]);
    const outcomes = [x, y].map((r) => ('official' in r ? r.official.status : r.refused));
    expect(outcomes.filter((s) => s === 'already')).toHaveLength(1);
    await a.refresh();
    await b.refresh();
    expect(a.official(o.id)?.status).toBe(b.official(o.id)?.status);
    expect((await a.exportState()).audit.filter((e) => e.subject === o.id && e.action !== 'register')).toHaveLength(1);
  });

  it('one process at a time holds the right to send pushes; it passes on when the holder goes', async () => {
    const { a, b } = await two();
    const held = await a.claimPushes();
    expect(held).toBeDefined();
    expect(await b.claimPushes()).toBeUndefined();
    await a.close();
    const taken = await b.claimPushes();
    expect(taken).toBeDefined();
    await taken!.release();
  });

  it('migrations run once, whichever process starts first', async () => {
    const url = db.create(`m${++n}`);
    const stores = await Promise.all([PgStore.connect(url, { max: 2 }), PgStore.connect(url, { max: 2 })]);
    const pg = await import('pg');
    const c = new pg.default.Client(url);
    await c.connect();
    const { rows } = await c.query('select version from schema_migrations order by version');
    await c.end();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('a database that cannot be reached stops start-up with a message naming it, without the password', async () => {
    await expect(PgStore.connect('postgres://bot:secret@127.0.0.1:1/none')).rejects.toThrow(
      /cannot use the database postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/none/,
    );
  });
});

describe('PostgreSQL start-up from a snapshot', () => {
  it('a process that stops saves the picture; the next starts from it and reads what was written since, removals included', async () => {
    const { store: a, reopen } = await postgres.fresh();
    const { official: o } = await a.addOfficial({ ...official('21'), approvedBy: 'admin' }, 'admin', AT);
    await a.recordCompletion(tick('I.1'), AT);
    await a.putConversation('session:telegram:21', { step: 'note' }, later(600), AT);
    const b = await reopen();
    await a.close();
    // Written after the snapshot, by another process: a tick, an undo, a removal, a change to an official.
    await b.refresh();
    await b.recordCompletion(tick('I.2'), later(1));
    await b.undoCompletion(b.liveCompletion('p', 'I.1', 'so-noi-vu')!.id, o.id, later(2));
    await b.dropConversation('session:telegram:21');
    await b.setNotify(o.id, false, later(3));
    const c = (await reopen()) as PgStore;
    expect([...c.completions('p').keys()]).toEqual(['I.2']);
    expect(c.conversation('session:telegram:21', later(5))).toBeUndefined();
    expect(c.official(o.id)?.notify).toBe(false);
    // Ticks made from the snapshot's picture still refuse a second live tick (the transaction ids came with it).
    expect((await c.recordCompletion(tick('I.2'), later(4))).existing).toBe(true);
    await c.close();
    const d = await reopen();
    expect(await d.exportState()).toEqual(await b.exportState());
  });

  it('a snapshot saved as one text by an earlier version is read as it was; the next one is saved packed', async () => {
    const url = db.create(`t${++n}`);
    const a = await PgStore.connect(url, { max: 2 });
    const { official: o } = await a.addOfficial({ ...official('31'), approvedBy: 'admin' }, 'admin', AT);
    await a.recordCompletion(tick('I.1'), AT);
    await a.putConversation('session:telegram:31', { step: 'note' }, later(600), AT);
    const before = await a.exportState();
    await a.close();
    // The picture as version 2 saved it: [key, transaction, record] per record of each section, in `body`.
    const c = new pg.Client(url);
    await c.connect();
    const { rows } = await c.query<{ section: string; key: string; xid: string; data: unknown }>(
      'select section, key, xid::text as xid, data from records where data is not null order by n',
    );
    const body: Record<string, unknown[]> = {};
    for (const r of rows) (body[r.section] ??= []).push([r.key, r.xid, r.data]);
    await c.query('update snapshots set packed = null, body = $1', [JSON.stringify(body)]);
    const b = await PgStore.connect(url, { max: 2 });
    expect(await b.exportState()).toEqual(before);
    expect(b.official(o.id)?.status).toBe('approved');
    expect((await b.recordCompletion(tick('I.1'), later(1))).existing).toBe(true);
    await b.close();
    const saved = await c.query<{ packed: Buffer | null; body: string | null }>('select packed, body from snapshots');
    await c.end();
    expect(saved.rows[0]!.body).toBeNull();
    expect(saved.rows[0]!.packed?.length).toBeGreaterThan(0);
  });

  it('a restore replaces the snapshot too: the next start has the restored state, not the one before', async () => {
    const { store: a, reopen } = await postgres.fresh();
    await a.recordCompletion(tick('I.1'), AT);
    await (a as PgStore).saveSnapshot();
    const empty = await (await embedded.fresh()).store.exportState();
    await a.restore(empty as State);
    const b = await reopen();
    expect(b.completions('p').size).toBe(0);
  });
});
