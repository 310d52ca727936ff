/**
 * The desk page behind the load balancer: two bot processes' stores on one real PostgreSQL. A tick made through the
 * chat of one process is on the page the other serves at the next request (each request catches up with what other
 * processes committed), and so is its undo — no restart, no reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp } from '../../src/channels/http.ts';
import { createCore } from '../../src/core/features/index.ts';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { deskServer } from '../../src/web/server.ts';
import { ADMIN, coreDeps } from '../core/harness.ts';
import { startTestDatabase, type TestDatabase } from '../pg.ts';

let db: TestDatabase;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  db = await startTestDatabase();
}, 60_000);
afterAll(async () => {
  while (stops.length > 0) await stops.pop()!();
  db?.stop();
});

describe('the desk page on a shared database', () => {
  it('a tick through one process is on the page the other serves at the next request, and so is its undo', async () => {
    const url = db.create('deskpage');
    const a = await PgStore.connect(url, { max: 2 });
    const b = await PgStore.connect(url, { max: 2 });
    stops.push(
      () => a.close(),
      () => b.close(),
    );
    const clock = { now: new Date('2019-04-10T03:00:00Z') };
    // Process A answers the chat; process B serves the page (the balancer sent the browser there).
    const depsA = coreDeps(a, clock);
    const depsB = coreDeps(b, clock);
    const coreA = createCore(depsA);
    const server = await startHttp(
      0,
      new Map(),
      (e) => {
        throw e;
      },
      undefined,
      () => ({}),
      deskServer(depsB, (e) => {
        throw e;
      }),
    );
    stops.push(server.stop);
    const base = `http://127.0.0.1:${server.port}`;
    depsA.web = { base };
    const user = (id: string) => ({ channel: 'telegram' as const, userId: id, chatId: id, privateChat: true });
    await a.addOfficial(
      {
        account: { channel: 'telegram', userId: '2', chatId: '2' },
        name: 'Trần Văn Bình',
        position: 'Chuyên viên',
        agency: 'so-tai-chinh',
        approvedBy: 'roster',
      },
      'roster',
      clock.now,
    );
    // The admin's link, made through A's chat.
    const reply = await coreA.onText(user(ADMIN), '/web');
    const path = JSON.stringify(reply).match(/\/web\/[A-Za-z0-9_-]{43}/)![0];
    const get = async (p: string) => {
      const res = await fetch(`${base}${p}`);
      return { status: res.status, body: await res.text() };
    };
    const home = await get(path);
    expect(home.status).toBe(200);
    const planPath = home.body.match(/href="(\/web\/[^"]+\/p\/[^"]+)"/)![1]!;
    const card = async () => {
      const body = (await get(`${planPath}/t/I.4`)).body;
      const at = body.indexOf('id="part-so-tai-chinh"');
      return body.slice(at, body.indexOf('</div>', at));
    };
    const doneParts = async () => {
      const row = (await get(`${planPath}?agency=so-tai-chinh`)).body.match(/<tr><td><a [^>]*>Sở Tài chính<\/a><\/td>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/)![1]!;
      // Done on time and done late, of the matrix's row.
      const n = [...row.matchAll(/<td[^>]*>(\d+)%?<\/td>/g)].map((m) => Number(m[1]));
      return n[1]! + n[2]!;
    };
    expect(await card()).not.toContain('Ngày báo cáo');
    expect(await doneParts()).toBe(0);

    // The official ticks I.4 through A's chat: B's next page shows the report and counts it.
    const confirm = await coreA.onAction(user('2'), 't:I.4');
    const tickAction = JSON.stringify(confirm).match(/"action":"(c:I\.4[^"]*)"/)![1]!;
    const done = await coreA.onAction(user('2'), tickAction);
    expect(JSON.stringify(done)).toContain('I.4');
    expect(await card()).toContain('Ngày báo cáo</dt><dd>10/04/2019 — Trần Văn Bình');
    expect(await doneParts()).toBe(1);

    // Undone through A: B shows the part open again and the undone tick in its history.
    const undo = JSON.stringify(done).match(/"action":"(u:[^"]*)"/)![1]!;
    clock.now = new Date('2019-04-10T03:05:00Z');
    await coreA.onAction(user('2'), undo);
    const after = await card();
    expect(after).not.toContain('Ngày báo cáo');
    expect(after).toContain('Đã hủy lúc 10:05 10/04/2019 — Trần Văn Bình');
    expect(await doneParts()).toBe(0);
  });
});
