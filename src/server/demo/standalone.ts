// The demo backend as a separate HTTP server: an Altegio-shaped upstream for the booking proxy,
// as production has (`ALTEGIO_UPSTREAM=http://127.0.0.1:8090/api/v1 node dist-server/serve.js`).
// The deployed-topology e2e project runs it so faults can be armed on the proxy↔upstream hop.
// Built with the server (`npm run build:server` → dist-server/demo.js); env: PORT (8090), HOST
// (127.0.0.1), DEMO_NOW (where the demo clock starts). It also serves the demo business's pictures
// (public/demo/) and names them absolutely, as Altegio names its CDN.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createDemoApp } from './app';
import { demoClockFrom } from './clock';
import { DEMO_SMS_CODE } from './seed';

function main(): void {
  const port = Number(process.env.PORT ?? 8090);
  const host = process.env.HOST ?? '127.0.0.1';
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const demo = createDemoApp({ now: demoClockFrom(process.env.DEMO_NOW), assetOrigin: origin });
  const app = new Hono();
  app.use('/demo/*', serveStatic({ root: resolve('public') }));
  app.route('/', demo.app);
  // The Node request objects go along as `env`: a dropped-connection fault closes their socket.
  const server = serve({ fetch: (request, env) => app.fetch(request, env), port, hostname: host }, (info) => {
    const clock = process.env.DEMO_NOW ? `, clock starts at ${process.env.DEMO_NOW}` : '';
    console.log(`Demo upstream: http://${host}:${info.port}/api/v1 and /__demo (SMS code ${DEMO_SMS_CODE}${clock})`);
  });
  const shutdown = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(1), 2000).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
