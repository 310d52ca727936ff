/**
 * Desk links on a shared PostgreSQL: a link made by one process is served by another, and a revocation or a leader
 * role decided on one is seen by the other on the next request (tokens live in the store, not in memory).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLink, resolveLink } from '../../src/core/kernel/weblinks.ts';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { coreDeps } from '../core/harness.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';

let db: TestDatabase;
const open: PgStore[] = [];
beforeAll(async () => {
  db = await startTestDatabase();
}, 60_000);
afterAll(async () => {
  for (const s of open) await s.close();
  db?.stop();
});

describe('desk links on a shared database', () => {
  it('one process makes the link, another serves it; a revocation on the first shuts it on the second', async () => {
    const url = db.create('desk');
    const a = await PgStore.connect(url, { max: 2 });
    const b = await PgStore.connect(url, { max: 2 });
    open.push(a, b);
    const clock = { now: new Date('2019-04-10T03:00:00Z') };
    const depsA = coreDeps(a, clock);
    const depsB = coreDeps(b, clock);
    const { official } = await a.addOfficial(
      { account: { channel: 'zalo', userId: 'z5', chatId: 'z5' }, name: 'Lê Văn Tâm', position: '', agency: 'so-noi-vu', approvedBy: 'roster' },
      'roster',
      clock.now,
    );
    const { token } = await makeLink(depsA, 'zalo', 'z5', clock.now);
    expect(await resolveLink(depsB, token, clock.now)).toEqual({ viewer: { all: false, agency: 'so-noi-vu', role: 'official' } });

    expect(await a.setLeader(official.id, true, 'admin:telegram:1000', clock.now)).toBe(true);
    expect(await resolveLink(depsB, token, clock.now)).toEqual({ viewer: { all: true, agency: 'so-noi-vu', role: 'leader' } });

    await a.decide(official.id, 'revoked', 'admin:telegram:1000', clock.now);
    expect(await resolveLink(depsB, token, clock.now)).toEqual({ refused: 'revoked' });
    expect(await resolveLink(depsB, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, clock.now)).toEqual({ refused: 'forged' });
  });
});
