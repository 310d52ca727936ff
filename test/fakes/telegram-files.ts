/**
 * The Bot API's file store, which the Telegram emulator (telegram-test-api) lacks, as the real Bot API serves it
 * (core.telegram.org/bots/api#getfile): `getFile` (GET or POST, JSON, form or query `file_id`) answers
 * `{ ok: true, result: { file_id, file_unique_id, file_size, file_path } }`, or `{ ok: false, error_code: 400,
 * description: "Bad Request: invalid file_id" }`, or "Bad Request: file is too big" past 20 MB; the bytes are then at
 * GET /file/bot<token>/<file_path> (404 for an unknown path or a wrong token). Every other request goes to the
 * emulator behind it, when there is one (else 404 as the Bot API answers an unknown method).
 */
import http from 'node:http';

/** The Bot API's limit on files a bot may fetch. */
const BOT_API_MAX = 20 * 2 ** 20;

export class FakeBotFiles {
  private readonly byId = new Map<string, { path: string; bytes: Buffer; size: number }>();
  /** The file store's requests seen, getFile and downloads (to check who asked for what). */
  readonly requests: string[] = [];
  private server: http.Server | undefined;
  url = '';

  constructor(
    readonly token: string,
    /** The emulator's address, for every other method. */
    private readonly upstream?: string,
  ) {}

  /** A file users sent: its id, where the Bot API keeps it, its bytes (size: what getFile reports, default their length). */
  add(fileId: string, path: string, bytes: Buffer, size = bytes.length): void {
    this.byId.set(fileId, { path, bytes, size });
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.route(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private json(res: http.ServerResponse, status: number, body: unknown): http.ServerResponse {
    return res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private fileIdOf(req: http.IncomingMessage, body: Buffer): string | undefined {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('file_id');
    if (query) return query;
    const type = req.headers['content-type'] ?? '';
    if (type.includes('json')) return (JSON.parse(body.toString() || '{}') as { file_id?: string }).file_id;
    if (type.includes('urlencoded')) return new URLSearchParams(body.toString()).get('file_id') ?? undefined;
    return undefined;
  }

  private route(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): http.ServerResponse | undefined {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === `/bot${this.token}/getFile` || path.startsWith('/file/')) this.requests.push(path);
    if (path === `/bot${this.token}/getFile`) {
      const f = this.byId.get(this.fileIdOf(req, body) ?? '');
      if (!f) return this.json(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      if (f.size > BOT_API_MAX) return this.json(res, 400, { ok: false, error_code: 400, description: 'Bad Request: file is too big' });
      const id = this.fileIdOf(req, body)!;
      return this.json(res, 200, { ok: true, result: { file_id: id, file_unique_id: `u-${id.slice(0, 8)}`, file_size: f.size, file_path: f.path } });
    }
    if (path.startsWith('/file/bot')) {
      const f = [...this.byId.values()].find((x) => path === `/file/bot${this.token}/${x.path}`);
      if (!f || req.method !== 'GET') return this.json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.bytes.length }).end(f.bytes);
    }
    if (!this.upstream) return this.json(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    // Passed on as it came (the emulator's long polling answers at once, so this path is kept cheap: no parsing).
    const up = new URL(this.upstream);
    const forward = http.request(
      { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: { ...req.headers, host: up.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => this.json(res, 502, { ok: false, error_code: 502, description: 'Bad Gateway' }));
    forward.end(body);
    return undefined;
  }
}
