/**
 * A digest run with several messages in flight, killed part way, then resumed by a new process on the same store:
 * on the embedded store and on PostgreSQL. The crash is modelled where it hurts most: from the moment of death every
 * message on its way reaches the messenger but its answer never comes back, and no record finishes — so each message
 * in flight is one the messenger has and the store does not.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PlanCatalog } from '../../src/core/kernel/catalog.ts';
import { buttonsView } from '../../src/core/kernel/present.ts';
import { translator } from '../../src/i18n.ts';
import { silentLogger } from '../../src/log.ts';
import { type Outlet, Pusher } from '../../src/push/pusher.ts';
import { type Clock, PacedSender } from '../../src/push/sender.ts';
import { FileStore } from '../../src/store/embedded/file-store.ts';
import type { Official, Store } from '../../src/store/port.ts';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { dir, plan } from '../helpers.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';

const ADMIN = '1000';
const OFFICIALS = 40;
const IN_FLIGHT = 5;
/** Messages the messenger answers before the process dies. */
const BEFORE_DEATH = 15;

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
}, 60_000);
afterAll(() => db?.stop());

const agencies = ['so-tai-chinh', 'so-noi-vu', 'so-y-te', 'huyen-ba-tri', 'vp-ubnd-tinh'];
const officials: Official[] = Array.from({ length: OFFICIALS }, (_, i) => ({
  id: `o${i}`,
  accounts: [{ channel: 'telegram', userId: String(2000 + i), chatId: String(2000 + i) }],
  name: `Cán bộ ${i}`,
  position: '',
  agency: agencies[i % agencies.length]!,
  status: 'approved',
  requestedAt: '2019-01-01T00:00:00.000Z',
  notify: true,
}));

/** What the messenger received, per chat, across both processes. */
type Received = Map<string, number>;

/**
 * One bot process on `store`: a pusher whose messenger counts what it receives and answers after a moment (so
 * several are on their way at once). After `answered` answers it dies: every later send arrives unanswered and
 * every record hangs, writing nothing.
 */
function botProcess(store: Store, received: Received, answered = Number.POSITIVE_INFINITY) {
  let dead = false;
  let stuck = 0;
  let sends = 0;
  const recordDeliveries = store.recordDeliveries.bind(store);
  store.recordDeliveries = (list) => {
    if (!dead) return recordDeliveries(list);
    stuck++;
    return new Promise(() => {});
  };
  const outlet: Outlet = {
    split: (m) => [{ channel: m.channel, chatId: m.chatId, text: buttonsView(m, 'vi').text }],
    send: async (m) => {
      received.set(m.chatId, (received.get(m.chatId) ?? 0) + 1);
      if (++sends > answered) dead = true;
      if (dead) {
        stuck++;
        return new Promise(() => {});
      }
      await new Promise((r) => setTimeout(r, Number(m.chatId) % 3));
    },
  };
  const clock: Clock & { t: number } = { t: 0, now: () => clock.t, sleep: async (ms) => void (clock.t += ms) };
  const pusher = new Pusher({
    plans: new PlanCatalog(dir, {}, [{ plan }]),
    store,
    dir,
    admins: { telegram: [ADMIN] },
    roster: [],
    undoMinutes: 30,
    now: () => new Date('2019-03-25T00:30:00Z'),
    lang: 'vi',
    t: translator('vi'),
    outlets: { telegram: outlet },
    senders: { telegram: new PacedSender({ rate: 30, inFlight: IN_FLIGHT, clock }) },
    remindDays: 30,
    remindBefore: [7, 1],
    log: silentLogger,
  });
  return { pusher, stuck: () => stuck };
}

const kinds: { name: string; open: () => Promise<{ first: Store; again: () => Promise<Store> }> }[] = [
  {
    name: 'embedded',
    async open() {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'push-resume-')), 'state.json');
      return { first: await FileStore.open(file), again: () => FileStore.open(file) };
    },
  },
  {
    name: 'postgres',
    async open() {
      const url = db.create('resume');
      return { first: await PgStore.connect(url, { max: 4 }), again: () => PgStore.connect(url, { max: 4 }) };
    },
  },
];

describe.each(kinds)('a run with several in flight, killed part way ($name store)', (kind) => {
  it('is resumed with everyone reached, at most the messages in flight repeated, none twice to one official', async () => {
    const { first, again } = await kind.open();
    await first.importOfficials(officials, 'test', new Date());
    const received: Received = new Map();
    const dying = botProcess(first, received, BEFORE_DEATH);
    void dying.pusher.runDigest('digest:w1', '2019-03-25');
    // Every place in flight is taken by a message the messenger has and the store does not: the process dies now.
    await vi.waitFor(() => expect(dying.stuck()).toBe(IN_FLIGHT), { timeout: 10_000 });
    expect([...received.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BEFORE_DEATH + IN_FLIGHT);
    // On PostgreSQL the dead process's session (and its right to send) ends with it.
    if (first instanceof PgStore) await first.close();

    const second = await again();
    const r = await botProcess(second, received).pusher.runDigest('digest:w1', '2019-03-25');
    expect(r).toMatchObject({ total: OFFICIALS + 1, sent: OFFICIALS + 1, failed: 0 });
    const chats = [ADMIN, ...officials.map((o) => o.accounts[0]!.chatId)];
    expect(chats.filter((c) => !received.has(c))).toEqual([]);
    expect([...received.values()].every((n) => n <= 2)).toBe(true);
    const repeated = [...received.values()].reduce((n, c) => n + c - 1, 0);
    expect(repeated).toBe(IN_FLIGHT);
    if (second instanceof PgStore) await second.close();
  });
});
