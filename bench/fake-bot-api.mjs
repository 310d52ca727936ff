// A fake Telegram Bot API for npm run bench, in its own process so that arrival times are not skewed by the
// sender's event loop. Answers sendMessage with ok:true, records arrival times, and reports them on request.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const arrivals = [];
const server = http.createServer((req, res) => {
  if (req.url === '/__arrivals') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(arrivals));
    return;
  }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    arrivals.push(performance.now());
    const chat = Number(JSON.parse(body || '{}').chat_id ?? 0);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: true, result: { message_id: arrivals.length, date: 0, chat: { id: chat, type: 'private' }, text: 'x' } }));
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
