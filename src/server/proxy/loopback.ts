// Starts a fetch handler on 127.0.0.1 with a free port: for tests and the benchmark, which run
// the proxy and its upstream as real HTTP servers rather than calling handlers directly.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface LoopbackServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export type FetchHandler = (request: Request, env: unknown) => Response | Promise<Response>;

export function listenOnLoopback(fetch: FetchHandler, port = 0): Promise<LoopbackServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive connections from fetch would otherwise hold close() open for seconds.
            (server as Server).closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
