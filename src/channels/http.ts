/** One HTTP server for every webhook (by path) and GET /healthz. */
import http from 'node:http';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function startHttp(
  port: number,
  routes: ReadonlyMap<string, Handler>,
  onError: (e: unknown) => void,
): Promise<{ port: number; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const handler = req.method === 'POST' ? routes.get(path) : undefined;
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    try {
      handler(req, res);
    } catch (e) {
      onError(e);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
