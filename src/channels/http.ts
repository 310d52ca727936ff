/**
 * One HTTP server for every webhook (by path) and GET /healthz. For a webhook route the server checks the secret
 * header first (in constant time: 403 without it), then reads the body whole as bytes up to MAX_BODY_BYTES (413
 * past it, answered once the rest is read and discarded, so that the client sees it), decodes it once as UTF-8 (400
 * if it is not), and hands the text to the route. Decoding chunk by chunk
 * would split a Vietnamese character that straddles two chunks.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

/** Largest webhook body read: Telegram and Zalo updates are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Route {
  /** The header that must carry the secret (lower case), and the secret. */
  secret: { header: string; value: string };
  handle(body: string, req: http.IncomingMessage, res: http.ServerResponse): void | Promise<void>;
}

function sameSecret(got: unknown, expected: string): boolean {
  const a = Buffer.from(typeof got === 'string' ? got : '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * How much of a refused body is still read and thrown away, and for how long, before the answer goes out. A client
 * sends its whole body before it reads the answer: closing the socket while it still writes resets the connection
 * (EPIPE or ECONNRESET on its side), and the 413 is never seen. Past these bounds the socket is closed all the same.
 */
export const DRAIN_BYTES = 8 * MAX_BODY_BYTES;
export const DRAIN_MS = 5_000;

/**
 * Read and discard the rest of a refused body, then call done once: when the body has ended, or when it ran past
 * DRAIN_BYTES or DRAIN_MS (then `whole` is false and the caller closes the socket).
 */
function drain(req: http.IncomingMessage, already: number, done: (whole: boolean) => void): void {
  let size = already;
  let settled = false;
  const finish = (whole: boolean) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    req.removeListener('data', onData);
    done(whole);
  };
  const onData = (c: Buffer) => {
    size += c.length;
    if (size > DRAIN_BYTES) finish(false);
  };
  const timer = setTimeout(() => finish(false), DRAIN_MS);
  timer.unref();
  req.on('data', onData);
  req.once('end', () => finish(true));
  req.once('error', () => finish(false));
  req.resume();
}

/** The body as text, or an HTTP status to answer with (and whether the socket must then be closed at once). */
function readBody(req: http.IncomingMessage): Promise<string | { status: number; destroy?: boolean }> {
  return new Promise((resolve) => {
    const tooLarge = (already: number) => drain(req, already, (whole) => resolve({ status: 413, destroy: !whole }));
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      tooLarge(0);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        chunks.length = 0;
        tooLarge(size);
        return;
      }
      chunks.push(c);
    };
    const onEnd = () => {
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        resolve({ status: 400 });
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', () => resolve({ status: 400, destroy: true }));
  });
}

/** What a kept file is served as. */
const TYPES = {
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type PublicFileType = keyof typeof TYPES;

/**
 * Files a messenger fetches by URL (Zalo's sendPhoto takes no uploads; a report a Zalo user downloads): kept in
 * memory under an unguessable name (128 random bits) for an hour, at most 100 at a time, served at
 * GET <base>/files/<name>.<png|xlsx> and nowhere else; a report is served for download under its own file name.
 */
export class PublicFiles {
  private readonly files = new Map<string, { bytes: Buffer; type: string; expires: number; download?: string }>();

  constructor(
    /** The public origin (and path prefix) the server is reached at: the webhook URL's. */
    private readonly base: string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 3_600_000,
  ) {}

  /** How long a kept file is served, in minutes (said to whoever gets its link). */
  get minutes(): number {
    return Math.round(this.ttlMs / 60_000);
  }

  /** Keep a file; its public URL. `download`: the name a browser saves it under. */
  put(bytes: Buffer, ext: PublicFileType, download?: string): string {
    this.sweep();
    while (this.files.size >= 100) this.files.delete(this.files.keys().next().value!);
    const name = `${randomBytes(16).toString('hex')}.${ext}`;
    const safe = download?.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100);
    this.files.set(name, { bytes, type: TYPES[ext], expires: this.now() + this.ttlMs, ...(safe ? { download: safe } : {}) });
    return `${this.base.replace(/\/$/, '')}/files/${name}`;
  }

  /** A kept file by its path ("/files/<name>"), unless it has expired. */
  get(path: string): { bytes: Buffer; type: string; download?: string } | undefined {
    const name = path.match(/\/files\/([0-9a-f]{32}\.(?:png|xlsx))$/)?.[1];
    const f = name ? this.files.get(name) : undefined;
    if (!f || f.expires <= this.now()) return undefined;
    return f;
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, f] of this.files) if (f.expires <= now) this.files.delete(k);
  }
}

export async function startHttp(
  port: number,
  routes: ReadonlyMap<string, Route>,
  onError: (e: unknown) => void,
  files?: PublicFiles,
  /** What GET /healthz reports beside "ok" (the store, the plans): for monitoring; `ok: false` answers 503. */
  health: () => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({}),
  /** Pages served beside the webhooks (the desk page, src/web/): true when it answered the request. */
  pages?: { handle(req: http.IncomingMessage, res: http.ServerResponse): boolean },
): Promise<{ port: number; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/healthz') {
      void (async () => {
        let report: Record<string, unknown>;
        try {
          report = { ok: true, ...(await health()) };
        } catch (e) {
          onError(e);
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}');
          return;
        }
        res.writeHead(report.ok === false ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(report));
      })();
      return;
    }
    if (pages?.handle(req, res)) return;
    if (req.method === 'GET' && files && path.includes('/files/')) {
      const f = files.get(path);
      if (f)
        res
          .writeHead(200, {
            'content-type': f.type,
            'content-length': f.bytes.length,
            'cache-control': 'no-store',
            ...(f.download ? { 'content-disposition': `attachment; filename="${f.download}"` } : {}),
          })
          .end(f.bytes);
      else res.writeHead(404).end();
      return;
    }
    const route = req.method === 'POST' ? routes.get(path) : undefined;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    if (!sameSecret(req.headers[route.secret.header], route.secret.value)) {
      res.writeHead(403).end();
      req.resume();
      return;
    }
    void readBody(req)
      .then((body) => {
        if (typeof body !== 'string') {
          res.writeHead(body.status, { connection: 'close' }).end();
          if (body.destroy) res.once('finish', () => req.socket.destroy());
          return;
        }
        return route.handle(body, req, res);
      })
      .catch((e: unknown) => {
        onError(e);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
