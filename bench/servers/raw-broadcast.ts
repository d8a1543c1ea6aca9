import './benchmark-probes';
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

/**
 * The baseline: a plain `ws` server on PORT. `POST /broadcast` with a graphql-ws `next` message's
 * `data` stamps it with the time (`at`, as Amphi's events carry), serialises it once to a buffer and
 * sends that same buffer to every client: the least work a server can do to tell everyone.
 */
const server = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/broadcast') {
    response.writeHead(request.url === '/healthz' ? 200 : 404).end();
    return;
  }
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const data = JSON.parse(body) as { meetingEvents: { at: string } };
    data.meetingEvents.at = new Date().toISOString();
    const message = Buffer.from(JSON.stringify({ id: '1', type: 'next', payload: { data } }));
    let sent = 0;
    for (const client of sockets.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      client.send(message, { binary: false });
      sent += 1;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sent }));
  });
});
const sockets = new WebSocketServer({ server });
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  for (const client of sockets.clients) client.terminate();
  server.close(() => process.exit(0));
});
