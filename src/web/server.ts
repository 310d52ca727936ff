/**
 * The desk page over HTTP, under /web on the bot's own server (channels/http.ts):
 *   GET /web/desk.css, /web/noto-400.ttf, /web/noto-700.ttf   the shipped style and fonts
 *   GET /web/<token>                                          the plans
 *   GET /web/<token>/p/<plan>?agency=&status=&period=         one plan (filters checked with zod)
 *   GET /web/<token>/p/<plan>/t/<task>                        one task
 *   GET /web/<token>/p/<plan>/bao-cao.xlsx?agency=            the Excel report (report/xlsx.ts)
 *   GET /web/<token>/f/<evidence id>                          an evidence file kept on Telegram, fetched through
 *                                                             the Bot API (files.ts); 404 to whoever may not see it
 * Read-only: GET and HEAD, any other method 405. The link is checked on every request (core/kernel/weblinks.ts:
 * forged 403, expired 410, revoked 403, each a plain Vietnamese page that shows nothing else). Every page carries a
 * strict Content-Security-Policy (no script, no inline style, nothing from elsewhere), an evidence file a sandboxed one
 * (FILE_CSP); every answer no-store and no-referrer.
 * Requests are limited per link and per client address (behind a reverse proxy, the one it forwards: client.ts).
 */
import type http from 'node:http';
import { z } from 'zod';
import { dayOf } from '../core/kernel/time.ts';
import type { CoreDeps } from '../core/kernel/deps.ts';
import { seesPart } from '../core/kernel/viewer.ts';
import { resolveLink } from '../core/kernel/weblinks.ts';
import { STATUSES } from '../plan/progress.ts';
import { buildReport } from '../report/xlsx.ts';
import { clientAddress, trustedProxies } from './client.ts';
import { type FileSources, fileHeaders, MAX_FETCHES, MAX_FILE_BYTES, reachOf } from './files.ts';
import { messagePage, type PageCtx, planPage, plansPage, taskPage } from './pages.ts';
import { CSS, fontFile } from './style.ts';

export const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * An evidence file's own policy: nothing runs and nothing loads (sandboxed, as raw user files are commonly served);
 * only the inline style with which the browser lays out a picture shown by itself is allowed. Pages keep CSP.
 */
export const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

const SECURITY = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** Requests allowed per minute: per link, and per client address (a forged-link scan). */
export const PER_LINK = 120;
export const PER_ADDRESS = 300;
/** The longest path or query looked at. */
const MAX_URL = 2048;

/** A path segment decoded, or undefined when it is not valid percent-encoding. */
function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

const filtersSchema = z
  .object({
    agency: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$|^name:[^\n]{1,200}$/)
      .optional(),
    status: z.enum(STATUSES as [string, ...string[]]).optional(),
    period: z
      .string()
      .regex(/^\d{4}(-Q[1-4])?$/)
      .optional(),
  })
  .strict();

/** A fixed-window counter per key, forgetting keys whose minute has passed. */
class Limiter {
  private readonly hits = new Map<string, { window: number; n: number }>();
  constructor(
    private readonly max: number,
    private readonly now: () => number,
  ) {}
  allow(key: string): boolean {
    const window = Math.floor(this.now() / 60_000);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.window !== window) this.hits.delete(k);
    const h = this.hits.get(key);
    if (!h || h.window !== window) {
      this.hits.set(key, { window, n: 1 });
      return true;
    }
    h.n++;
    return h.n <= this.max;
  }
}

export interface DeskServer {
  /** Whether this request is the desk's (its path starts with /web/ or is /web): then it was answered. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

export interface DeskOptions {
  /** How evidence files are fetched back from the messengers. */
  files?: FileSources;
  /** The reverse proxies whose forwarded client address the rate limit keys on (client.ts); none: the connection's. */
  trustProxy?: readonly string[];
}

export function deskServer(deps: CoreDeps, onError: (e: unknown) => void, opts: DeskOptions = {}): DeskServer {
  const files = opts.files ?? {};
  const trusted = opts.trustProxy ? trustedProxies(opts.trustProxy) : undefined;
  const now = () => deps.now().getTime();
  let fetching = 0;
  const perLink = new Limiter(PER_LINK, now);
  const perAddress = new Limiter(PER_ADDRESS, now);

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer, head: boolean, extra: Record<string, string> = {}) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { ...SECURITY, 'content-type': type, 'content-length': bytes.length, ...extra });
    res.end(head ? undefined : bytes);
  };
  const page = (res: http.ServerResponse, status: number, body: string, head: boolean) => send(res, status, 'text/html; charset=utf-8', body, head);
  const refusal = (res: http.ServerResponse, status: number, key: string, head: boolean, extra: Record<string, string> = {}) =>
    send(res, status, 'text/html; charset=utf-8', messagePage(deps, key), head, extra);

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, path: string, query: string, head: boolean): Promise<void> {
    if (path === '/web/desk.css') return send(res, 200, 'text/css; charset=utf-8', CSS, head);
    const font = path.match(/^\/web\/(noto-[47]00\.ttf)$/)?.[1];
    if (font) return send(res, 200, 'font/ttf', fontFile(font)!, head);
    const m = path.match(/^\/web\/([^/]+)(\/.*)?$/);
    if (!m) return refusal(res, 404, 'desk.notFound', head);
    const token = m[1]!;
    const address = clientAddress(req, trusted);
    if (!perAddress.allow(address) || !perLink.allow(token)) return refusal(res, 429, 'desk.tooMany', head, { 'retry-after': '60' });
    const found = await resolveLink(deps, token, deps.now());
    if ('refused' in found) return refusal(res, found.refused === 'expired' ? 410 : 403, `desk.${found.refused}`, head);
    const today = dayOf(deps.now());
    const c: PageCtx = { deps, viewer: found.viewer, today, root: `/web/${token}`, files };
    const rest = m[2] ?? '';
    if (rest === '' || rest === '/') return page(res, 200, plansPage(c), head);
    const f = rest.match(/^\/f\/(f\d{1,12})$/);
    if (f) return evidenceFile(res, c, f[1]!, head);
    const p = rest.match(/^\/p\/([^/]+)(?:\/t\/([^/]+)|\/(bao-cao\.xlsx))?$/);
    const key = p ? decode(p[1]!) : undefined;
    const entry = key ? deps.plans.byKey(key) : undefined;
    if (!p || !entry) return refusal(res, 404, 'desk.notFound', head);
    const params = new URLSearchParams(query);
    // A select left at "Tất cả" sends an empty value: the same as no filter.
    const parsed = filtersSchema.safeParse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
    if (!parsed.success || [...params.keys()].length !== new Set(params.keys()).size) return refusal(res, 400, 'desk.badFilter', head);
    const filters = parsed.data as { agency?: string; status?: (typeof STATUSES)[number]; period?: string };
    if (p[2] !== undefined) {
      const id = decode(p[2]);
      const task = id === undefined ? undefined : entry.plan.tasks.find((x) => x.id === id);
      if (!task) return refusal(res, 404, 'desk.notFound', head);
      return page(res, 200, taskPage(c, entry, task), head);
    }
    if (p[3]) {
      // An official's report is their agency's part, whatever the address asks.
      const agency = c.viewer.all ? filters.agency : c.viewer.agency;
      const bytes = await buildReport({ plan: entry.plan, dir: deps.dir, engine: entry.engine, store: deps.store, t: deps.t }, today, agency);
      const slug = entry.plan.number.replace(/[^A-Za-z0-9]+/g, '-');
      return send(res, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes, head, {
        'content-disposition': `attachment; filename="bao-cao-${slug}-${today}.xlsx"`,
      });
    }
    return page(res, 200, planPage(c, entry, filters), head);
  }

  /**
   * An evidence file, to whoever may see that agency's work (kernel/viewer.ts; anyone else: 404, as for a file that
   * does not exist). Fetched from Telegram at most MAX_FILE_BYTES, MAX_FETCHES at a time, held only while it is sent.
   */
  async function evidenceFile(res: http.ServerResponse, c: PageCtx, id: string, head: boolean): Promise<void> {
    const e = deps.store.evidence(id);
    const rec = e ? deps.store.completion(e.completionId) : undefined;
    if (!e || !rec || !seesPart(c.viewer, rec.party)) return refusal(res, 404, 'desk.notFound', head);
    const fetch = files.telegram;
    if (reachOf(e, files).kind !== 'served' || !fetch) return refusal(res, 404, 'desk.fileUnreachable', head);
    if (fetching >= MAX_FETCHES) return refusal(res, 503, 'desk.fileBusy', head, { 'retry-after': '10' });
    fetching++;
    try {
      const got = await fetch(e.fileId, MAX_FILE_BYTES);
      if ('refused' in got) return refusal(res, got.refused === 'gone' ? 410 : 502, got.refused === 'gone' ? 'desk.fileGone' : 'desk.fileTooBig', head);
      const h = fileHeaders(e.name);
      return send(res, 200, h['content-type'], got.bytes, head, { 'content-disposition': h['content-disposition'], 'content-security-policy': FILE_CSP });
    } finally {
      fetching--;
    }
  }

  return {
    handle(req, res) {
      const url = req.url ?? '/';
      const [path = '/', query = ''] = url.split('?', 2);
      if (path !== '/web' && !path.startsWith('/web/')) return false;
      const head = req.method === 'HEAD';
      if (req.method !== 'GET' && !head) {
        req.resume();
        send(res, 405, 'text/html; charset=utf-8', messagePage(deps, 'desk.readOnly'), false, { allow: 'GET, HEAD' });
        return true;
      }
      if (url.length > MAX_URL) {
        refusal(res, 414, 'desk.notFound', head);
        return true;
      }
      serve(req, res, path, query, head).catch((e: unknown) => {
        onError(e);
        if (!res.headersSent) refusal(res, 500, 'desk.error', head);
      });
      return true;
    },
  };
}
