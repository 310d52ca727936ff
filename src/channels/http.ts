/**
 * One HTTP server for every webhook (by path) and GET /healthz. For a webhook route the server checks the secret
 * header first (in constant time: 403 without it), then reads the body whole as bytes up to MAX_BODY_BYTES (413
 * past it), decodes it once as UTF-8 (400 if it is not), and hands the text to the route. Decoding chunk by chunk
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

/** The body as text, or an HTTP status to answer with. */
function readBody(req: http.IncomingMessage): Promise<string | number> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      resolve(413);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve(413);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return;
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        resolve(400);
      }
    });
    req.on('error', () => resolve(400));
  });
}

/**
 * Files a messenger fetches by URL (Zalo's sendPhoto takes no uploads): kept in memory under an unguessable name
 * (128 random bits) for an hour, at most 100 at a time, served at GET <base>/files/<name>.png and nowhere else.
 */
export class PublicFiles {
  private readonly files = new Map<string, { bytes: Buffer; type: string; expires: number }>();

  constructor(
    /** The public origin (and path prefix) the server is reached at: the webhook URL's. */
    private readonly base: string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 3_600_000,
  ) {}

  /** Keep a file; its public URL. */
  put(bytes: Buffer, ext: 'png'): string {
    this.sweep();
    while (this.files.size >= 100) this.files.delete(this.files.keys().next().value!);
    const name = `${randomBytes(16).toString('hex')}.${ext}`;
    this.files.set(name, { bytes, type: 'image/png', expires: this.now() + this.ttlMs });
    return `${this.base.replace(/\/$/, '')}/files/${name}`;
  }

  /** A kept file by its path ("/files/<name>"), unless it has expired. */
  get(path: string): { bytes: Buffer; type: string } | undefined {
    const name = path.match(/\/files\/([0-9a-f]{32}\.png)$/)?.[1];
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
  /** What GET /healthz reports beside "ok" (the store, the plans): for monitoring. */
  health: () => Record<string, unknown> = () => ({}),
): Promise<{ port: number; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/healthz') {
      let body: string;
      try {
        body = JSON.stringify({ ok: true, ...health() });
      } catch (e) {
        onError(e);
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
      return;
    }
    if (req.method === 'GET' && files && path.includes('/files/')) {
      const f = files.get(path);
      if (f) res.writeHead(200, { 'content-type': f.type, 'content-length': f.bytes.length, 'cache-control': 'no-store' }).end(f.bytes);
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
        if (typeof body === 'number') {
          res.writeHead(body, { connection: 'close' }).end();
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
