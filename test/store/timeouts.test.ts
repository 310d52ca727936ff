/**
 * PostgreSQL out of reach under a running store (a proxy that freezes it, as a stopped server or a partition looks):
 * every call gives up within the store's limit, a change that could not be written is told as failed and leaves
 * nothing behind in the picture, and once the database answers again the same store catches up and writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateWriteError } from '../../src/store/errors.ts';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { type FreezeProxy, startFreezeProxy } from '../fakes/freeze-proxy.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';

let db: TestDatabase;
let proxy: FreezeProxy;
beforeAll(async () => {
  db = await startTestDatabase();
  const u = new URL(db.url);
  proxy = await startFreezeProxy({ host: u.hostname, port: Number(u.port) });
}, 60_000);
afterAll(async () => {
  proxy?.thaw();
  await proxy?.close();
  db?.stop();
});

const AT = new Date('2026-11-02T01:00:00.000Z');
const tick = (taskId: string) => ({ planId: 'p', taskId, party: 'so-tai-chinh', on: '2026-11-02', by: 'admin:telegram:9' });
/** How long a promise takes to settle, and how. */
async function timed(p: Promise<unknown>): Promise<{ ms: number; error?: unknown }> {
  const t0 = Date.now();
  try {
    await p;
    return { ms: Date.now() - t0 };
  } catch (error) {
    return { ms: Date.now() - t0, error };
  }
}

describe('a frozen database', () => {
  it('a change, a catch-up and the health probe give up within the limit; nothing is half-applied; thawed, the store works on', async () => {
    const url = db.create('frozen').replace(/:\d+\//, `:${proxy.port}/`);
    const store = await PgStore.connect(url, { max: 4, timeoutMs: 1000 });
    const other = await PgStore.connect(db.url.replace(/\/postgres$/, '/frozen'), { max: 2 });
    await store.recordCompletion(tick('I.1'), AT);
    expect(await store.reachable()).toBe(true);

    proxy.freeze();
    const write = await timed(store.recordCompletion(tick('I.2'), AT));
    expect(write.error).toBeInstanceOf(StateWriteError);
    // Every update catches up first: while the database is away that fails too (the update's error reply), so what
    // the picture still holds of the failed change is never shown; the catch-up after it reads the picture again.
    const catchUp = await timed(store.refresh());
    expect(catchUp.error).toBeDefined();
    const probe = await timed(store.reachable());
    expect(probe.error).toBeUndefined();
    expect(await store.reachable()).toBe(false);
    // Each gives up after about one limit (1 s), never waiting on the database for long.
    for (const [what, r] of Object.entries({ write, catchUp, probe })) expect(r.ms, what).toBeLessThan(5000);

    // Meanwhile another process (straight to the database) ticks I.3.
    await other.recordCompletion(tick('I.3'), AT);

    proxy.thaw();
    await store.refresh();
    expect(await store.reachable()).toBe(true);
    // The picture is the database's: I.1 and I.3; I.2 at most whole (its tick and its audit entry), never half.
    const state = await other.exportState();
    const i2 = state.completions.filter((c) => c.taskId === 'I.2');
    expect(state.audit.filter((a) => a.subject.startsWith('I.2/'))).toHaveLength(i2.length);
    expect(store.liveCompletion('p', 'I.3', 'so-tai-chinh')?.taskId).toBe('I.3');
    expect(Boolean(store.liveCompletion('p', 'I.2', 'so-tai-chinh'))).toBe(i2.length === 1);
    // And it writes again.
    const r = await store.recordCompletion(tick('I.4'), AT);
    expect(r.existing).toBe(false);
    expect((await other.exportState()).completions.map((c) => c.taskId).sort()).toEqual(['I.1', 'I.3', 'I.4', ...i2.map((c) => c.taskId)].sort());
    await store.close();
    await other.close();
  }, 60_000);
});
