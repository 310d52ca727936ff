// A fake Telegram Bot API for npm run bench, in its own process so that arrival times are not skewed by the
// sender's event loop. Answers sendMessage with ok:true — after DELAY_MS (argv[2], default 0), as a Bot API that
// far away would — records arrival times and the most requests awaiting an answer at once, and reports them on
// request.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const delayMs = Number(process.argv[2] ?? 0);
const arrivals = [];
let open = 0;
let mostOpen = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/__arrivals') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ arrivals, mostOpen }));
    return;
  }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    arrivals.push(performance.now());
    mostOpen = Math.max(mostOpen, ++open);
    const id = arrivals.length;
    const chat = Number(JSON.parse(body || '{}').chat_id ?? 0);
    const answer = () => {
      open--;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, result: { message_id: id, date: 0, chat: { id: chat, type: 'private' }, text: 'x' } }));
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
