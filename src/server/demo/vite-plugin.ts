// Mounts the demo backend inside vite's dev and preview servers, so `npm start` needs no account.
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { createDemoApp } from './app';
import { demoClockFrom } from './clock';
import { DEMO_SMS_CODE } from './seed';

const PREFIXES = ['/api/v1/', '/__demo/'];

function middleware(): Connect.NextHandleFunction {
  const demo = createDemoApp({ now: demoClockFrom(process.env.DEMO_NOW) });
  const listener = getRequestListener(demo.fetch);
  return (req, res, next) => {
    if (!PREFIXES.some((p) => req.url?.startsWith(p))) return next();
    listener(req, res).catch(next);
  };
}

export function demoBackend(): Plugin {
  const banner = `demo backend: serving /api/v1 with no Altegio account${process.env.DEMO_NOW ? ` (clock starts at ${process.env.DEMO_NOW})` : ''}; the SMS code is ${DEMO_SMS_CODE}`;
  return {
    name: 'demo-backend',
    configureServer(server) {
      server.config.logger.info(banner);
      server.middlewares.use(middleware());
    },
    configurePreviewServer(server) {
      server.config.logger.info(banner);
      server.middlewares.use(middleware());
    },
  };
}
