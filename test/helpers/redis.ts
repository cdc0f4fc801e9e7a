// A real redis-server (Debian's package) for the store tests: started on a free port with nothing
// written to disk, stopped and started again on the same port to play an outage, killed after.
// Without the binary the tests fail under CI (`.ci/run` installs it) and are skipped with a warning
// elsewhere.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';

export function findRedisServer(): string | undefined {
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `describe`, or under CI a failing test naming what to install, or elsewhere a visible skip. */
export function describeWithRedis(name: string, body: (binary: string) => void): void {
  const binary = findRedisServer();
  if (binary) {
    describe(name, () => body(binary));
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs redis-server', () => {
        throw new Error('redis-server not found in /usr/bin or on PATH: install it (apt-get install redis-server; .ci/run does)');
      });
    });
  } else {
    console.warn(`\n⚠ ${name}: SKIPPED, redis-server not found (apt-get install redis-server to run these tests)\n`);
    describe.skip(name, () => it('needs redis-server', () => {}));
  }
}

export interface RedisServer {
  readonly port: number;
  /** The URL a client uses, with the password when one is required. */
  readonly url: string;
  readonly pid: number | undefined;
  /** Stops the server (its data is gone: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

export async function startRedis(binary: string, options: { password?: string } = {}): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  if (options.password) args.push('--requirepass', options.password);

  const start = async () => {
    const started = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    const orphaned = () => started.kill('SIGKILL'); // if the test run ends without stopping it
    process.once('exit', orphaned);
    started.once('exit', () => process.off('exit', orphaned));
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(port))) {
      if (started.exitCode !== null) throw new Error(`redis-server exited (${started.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port} within 10 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  await start();
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    stop,
    start,
  };
}

/** Whether something on `port` answers a PING like Redis does (+PONG, or NOAUTH with a password). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
