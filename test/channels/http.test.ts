/** The webhook server's refusals reach the client: a too-large body is answered 413, never a reset connection. */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAIN_BYTES, MAX_BODY_BYTES, startHttp } from '../../src/channels/http.ts';

const SECRET = 'a-webhook-secret-of-24ch';
let server: { port: number; stop(): Promise<void> };
const handled: string[] = [];

beforeAll(async () => {
  const routes = new Map([
    [
      '/hook',
      {
        secret: { header: 'x-secret', value: SECRET },
        handle(body: string, _req: http.IncomingMessage, res: http.ServerResponse) {
          handled.push(body);
          res.writeHead(200).end('ok');
        },
      },
    ],
  ]);
  server = await startHttp(0, routes, () => {});
});
afterAll(() => server.stop());

const url = () => `http://127.0.0.1:${server.port}/hook`;

describe('webhook bodies', () => {
  it('answers 413 to every over-limit body, declared or chunked, and hands none to the route (21 in parallel)', async () => {
    const big = 'x'.repeat(6 * MAX_BODY_BYTES);
    const declared = () =>
      fetch(url(), { method: 'POST', headers: { 'x-secret': SECRET, 'content-type': 'application/json' }, body: big }).then((r) => r.status);
    // No content-length: the limit is found while reading.
    const chunked = () =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(url(), { method: 'POST', headers: { 'x-secret': SECRET, 'transfer-encoding': 'chunked' } });
        req.on('response', (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
        req.on('error', reject);
        for (let i = 0; i < 96; i++) req.write(Buffer.alloc(64 * 1024, 0x61));
        req.end();
      });
    // A client still sending, in pieces, when the limit is passed: it sees the 413 once it has sent everything.
    const slow = () =>
      fetch(url(), {
        method: 'POST',
        headers: { 'x-secret': SECRET },
        duplex: 'half',
        body: new ReadableStream({
          async start(c) {
            for (let i = 0; i < 24; i++) {
              c.enqueue(new Uint8Array(128 * 1024).fill(0x61));
              await new Promise((r) => setTimeout(r, 5));
            }
            c.close();
          },
        }),
      } as RequestInit).then((r) => r.status);
    const kinds = [declared, chunked, slow];
    const statuses = await Promise.all(Array.from({ length: 21 }, (_, i) => kinds[i % 3]!()));
    expect(statuses).toEqual(Array(21).fill(413));
    expect(handled).toEqual([]);
  });

  it('a body within the limit still reaches the route', async () => {
    const r = await fetch(url(), { method: 'POST', headers: { 'x-secret': SECRET }, body: '{"a":"Sở"}' });
    expect(r.status).toBe(200);
    expect(handled).toEqual(['{"a":"Sở"}']);
  });

  it('a sender that never stops is cut off once the drain bound is passed', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`POST /hook HTTP/1.1\r\nHost: x\r\nx-secret: ${SECRET}\r\ntransfer-encoding: chunked\r\n\r\n`);
    let reply = '';
    socket.on('data', (d) => {
      reply += d.toString();
    });
    socket.on('error', () => {});
    const closed = new Promise((r) => socket.once('close', r));
    const chunk = `${(64 * 1024).toString(16)}\r\n${'a'.repeat(64 * 1024)}\r\n`;
    let sent = 0;
    while (!socket.destroyed && sent < 2 * DRAIN_BYTES) {
      if (!socket.write(chunk)) await new Promise((r) => setTimeout(r, 1));
      sent += 64 * 1024;
    }
    await closed;
    expect(sent).toBeLessThan(2 * DRAIN_BYTES);
    // The 413 went out before the close (reading it is up to the client's kernel once the socket is reset).
    if (reply) expect(reply).toMatch(/^HTTP\/1\.1 413/);
  });
});
