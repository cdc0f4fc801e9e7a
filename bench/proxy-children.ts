// The servers `npm run bench:proxy` measures, each in a child process of its own so that the RSS
// reported is the serving process's, and autocannon (in the parent) does not share its event loop:
// - `bare`: node:http answering fixed bytes (the proxy's cached answer, headers and body): the baseline;
// - `upstream`: the demo backend, optionally enforcing N calls per second per IP (429 above it, as
//   Altegio does), counting every call it sees;
// - `proxy`: the booking proxy as `npm run serve` builds it (default request log, on stdout), its
//   shared store from REDIS_URL (memory without it).
// The parent starts one with `startChild(role, env)`; the child answers over the IPC channel.
import { fork, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export type Role = 'bare' | 'upstream' | 'proxy';

export interface UpstreamStats {
  /** ms since epoch of every call the upstream saw, refused ones included. */
  readonly calls: number[];
  /** `METHOD /path` of each call, in the same order (only when enforcing a limit: few calls). */
  readonly what: string[];
  readonly refused: number;
  /** TCP connections the upstream accepted: a client that reuses its connections opens few. */
  readonly connections: number;
}

type ToParent = { type: 'ready'; url: string } | { type: 'stats'; stats: UpstreamStats };
type ToChild = { type: 'stats' } | { type: 'exit' };

export interface Child {
  readonly role: Role;
  readonly url: string;
  readonly pid: number;
  /** How often the child said Redis was unreachable (it then answers from its own memory). */
  redisFallbacks(): number;
  /** The upstream's counts (role `upstream` only). */
  stats(): Promise<UpstreamStats>;
  /** Asks the child to exit by itself (so `--cpu-prof` writes its profile); killed after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `role` from this same bundle (process.argv[1]) with `--child <role>`. The child's stdout
 * (the proxy's request log) goes to /dev/null: written, as in production, but not read back here.
 */
export function startChild(role: Role, env: Record<string, string>, execArgv: string[] = []): Promise<Child> {
  const script = process.argv[1]!;
  const devNull = openSync('/dev/null', 'w');
  const child = fork(script, ['--child', role], {
    // Only what is given: a proxy variable set in the caller's shell must not change a case.
    env: { PATH: process.env.PATH ?? '', ...env },
    execArgv,
    stdio: ['ignore', devNull, 'pipe', 'ipc'],
  });
  let fallbacks = 0;
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    fallbacks += text.split('redis unreachable').length - 1;
    process.stderr.write(text.replace(/^(?=.)/gm, `[${role}] `));
  });
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench child ${role} exited (${code}) before it was ready`)));
    child.once('message', (message: ToParent) => {
      if (message.type !== 'ready') return reject(new Error(`bench child ${role}: unexpected ${message.type}`));
      child.removeAllListeners('exit');
      resolve({
        role,
        url: message.url,
        pid: child.pid!,
        redisFallbacks: () => fallbacks,
        stats: () => request(child, { type: 'stats' }).then((m) => (m as Extract<ToParent, { type: 'stats' }>).stats),
        stop: async () => {
          process.off('exit', onExit);
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((done) => child.once('exit', done));
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.send({ type: 'exit' } satisfies ToChild);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}

function request(child: ChildProcess, message: ToChild): Promise<ToParent> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(message);
  });
}

/** The child's side: started by `--child <role>`; never returns while the server runs. */
export async function runChild(role: Role): Promise<void> {
  const env = process.env;
  let url: string;
  let close: () => Promise<void>;
  let stats: () => UpstreamStats = () => ({ calls: [], what: [], refused: 0, connections: 0 });

  if (role === 'bare') {
    // The same bytes as the proxy's cached answer: its status, headers and body (written by the parent).
    const answer = JSON.parse(readFileSync(env.BENCH_BARE_ANSWER!, 'utf8')) as { status: number; headers: Record<string, string>; body: string };
    const body = Buffer.from(answer.body, 'base64');
    const headers = { ...answer.headers, 'content-length': String(body.byteLength) };
    const server = createServer((_request, response) => {
      response.writeHead(answer.status, headers);
      response.end(body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
  } else if (role === 'upstream') {
    // Loaded per role, so the bare server's RSS holds node:http and nothing else.
    const { createDemoApp } = await import('../src/server/demo/app');
    const { listenOnLoopback } = await import('../src/server/proxy/loopback');
    const demo = createDemoApp();
    const limit = Number(env.BENCH_UPSTREAM_PER_SECOND ?? 0);
    const calls: number[] = [];
    const what: string[] = [];
    const sockets = new WeakSet<object>();
    let connections = 0;
    const byIp = new Map<string, number[]>();
    let refused = 0;
    const server = await listenOnLoopback((request, bindings) => {
      const at = Date.now();
      calls.push(at);
      const socket = (bindings as { incoming?: { socket?: object } })?.incoming?.socket;
      if (socket && !sockets.has(socket)) {
        sockets.add(socket);
        connections++;
      }
      if (limit > 0) {
        what.push(`${request.method} ${new URL(request.url).pathname.replace('/api/v1', '')}`);
        // Altegio's rule as the issue measured it: N calls in any second per IP, refused ones counted.
        const ip = (bindings as { incoming?: { socket?: { remoteAddress?: string } } })?.incoming?.socket?.remoteAddress ?? '?';
        const seen = byIp.get(ip) ?? [];
        while (seen.length > 0 && seen[0]! <= at - 1000) seen.shift();
        seen.push(at);
        byIp.set(ip, seen);
        if (seen.length > limit) {
          refused++;
          what[what.length - 1] += ' → 429';
          return Response.json({ success: false, data: null, meta: { message: 'Too many requests' } }, { status: 429, headers: { 'Retry-After': '1' } });
        }
      }
      return demo.fetch(request);
    });
    url = server.url;
    close = server.close;
    stats = () => ({ calls, what, refused, connections });
  } else {
    const { createProxy, parseConfig } = await import('../src/server/proxy');
    const { createSharedStore } = await import('../src/server/proxy/store-select');
    const { listenOnLoopback } = await import('../src/server/proxy/loopback');
    const config = parseConfig(env);
    const store = await createSharedStore({ ...(config.redisUrl && { redisUrl: config.redisUrl }), prefix: env.REDIS_PREFIX || 'bench:', log: (line) => console.error(line) });
    // No `log` option: the default batched request log, as `npm run serve` has it.
    const proxy = createProxy(config, { store });
    const server = await listenOnLoopback(proxy.fetch);
    url = server.url;
    close = async () => {
      await server.close();
      await store.close();
    };
  }

  process.on('message', async (message: ToChild) => {
    if (message.type === 'stats') process.send!({ type: 'stats', stats: stats() } satisfies ToParent);
    if (message.type === 'exit') {
      await close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', url } satisfies ToParent);
}

/** Resident set size of a process now, in bytes (Linux /proc); undefined elsewhere. */
export function rssOf(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Samples the RSS of `pids` every 200 ms; `stop()` gives each one's largest sample. */
export function sampleRss(pids: readonly number[]): { stop(): number[] } {
  const peaks = pids.map(() => 0);
  const take = () => pids.forEach((pid, i) => (peaks[i] = Math.max(peaks[i]!, rssOf(pid) ?? 0)));
  take();
  const timer = setInterval(take, 200);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peaks;
    },
  };
}
