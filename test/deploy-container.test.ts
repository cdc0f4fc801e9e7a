// The container recipe (Dockerfile, .dockerignore). No Docker engine runs here, so the image is not
// built; what is checked: the Dockerfile says what the README promises (stages, non-root, HOST,
// health check, stop signal, exec-form CMD), the files its last stage copies are what the builds
// write, and that stage's layout runs: its CMD starts, its HEALTHCHECK passes, SIGTERM stops it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loaderConfig, MODE_ENTRIES } from '../src/server/embed-dev';
import serverConfig from '../vite.server.config';
import { spawnRuntime, startRecordedDemo } from './helpers/deploy';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** The Dockerfile's instructions, comments dropped and continued lines joined. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(readFileSync('Dockerfile', 'utf8'));
const stages = dockerfile.reduce<Instruction[][]>((all, step) => (step.keyword === 'FROM' ? [...all, [step]] : (all.at(-1)?.push(step), all)), []);
const runtime = stages.at(-1) ?? [];
const one = (keyword: string) => runtime.filter((step) => step.keyword === keyword).map((step) => step.args);
const execForm = (args: string) => JSON.parse(args.replace(/^.*?CMD\s+/, '')) as string[];

describe('the Dockerfile', () => {
  it('builds in one stage and runs from another, with the production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile.find((s) => s.keyword === 'ARG' && s.args.startsWith('NODE_IMAGE='))?.args).toMatch(/^NODE_IMAGE=node:20-slim$/);
    expect(stages.flat().filter((s) => s.keyword === 'RUN').map((s) => s.args)).toContainEqual(expect.stringContaining('npm ci --omit=dev'));
    // The last stage holds the two build outputs, package.json (type: module) and node_modules: no sources.
    const copied = one('COPY').map((args) => args.split(/\s+/).filter((part) => !part.startsWith('--'))[0]);
    expect(copied.sort()).toEqual(['/app/dist', '/app/dist-server', '/app/node_modules', 'package.json']);
    expect(one('COPY').filter((args) => args.includes('/app/dist')).every((args) => args.startsWith('--from=build'))).toBe(true);
    expect(one('COPY').find((args) => args.includes('node_modules'))).toMatch(/^--from=deps /);
  });

  it('runs as a user other than root, listening on every interface, stopped by SIGTERM', () => {
    expect(one('USER')).toHaveLength(1);
    expect(one('USER')[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(one('ENV').join(' ')).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(one('STOPSIGNAL')).toEqual(['SIGTERM']);
    expect(execForm(one('CMD')[0] ?? '')).toEqual(['node', 'dist-server/serve.js']);
    expect(one('HEALTHCHECK')[0]).toContain('/health');
  });

  it('copies what the builds write: dist/ (the widget) and dist-server/ (the server)', () => {
    expect(loaderConfig(MODE_ENTRIES).build?.outDir).toBe('dist');
    expect(serverConfig.build?.outDir).toBe('dist-server');
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync('.dockerignore', 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  it('keeps local dependencies, builds, history and .env files out of the context, and the sources in', () => {
    expect(patterns).toEqual(expect.arrayContaining(['node_modules', 'dist', 'dist-server', '.git', '.env']));
    for (const needed of ['src', 'public', 'index.html', 'package.json', 'package-lock.json', 'vite.config.ts', 'vite.loader.config.ts', 'vite.server.config.ts', 'tsconfig.json']) {
      expect(existsSync(needed), needed).toBe(true);
      expect(patterns.filter((pattern) => needed === pattern || needed.startsWith(`${pattern}/`)), needed).toEqual([]);
    }
  });
});

describe("the image's last stage, laid out here", () => {
  const app = mkdtempSync(join(tmpdir(), 'image-app-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('starts with its CMD and ENV, passes its HEALTHCHECK, and exits 0 on SIGTERM', { timeout: 30_000 }, async () => {
    // /app as the last stage has it: package.json, node_modules (here all of them), dist-server/ from
    // the real server build, and dist/ (a stand-in page: the widget's build is checked elsewhere).
    const build = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.server.config.ts', '--outDir', join(app, 'dist-server')], {
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(build.status, build.stderr).toBe(0);
    copyFileSync('package.json', join(app, 'package.json'));
    symlinkSync(resolve('node_modules'), join(app, 'node_modules'), 'dir');
    mkdirSync(join(app, 'dist'));
    writeFileSync(join(app, 'dist/index.html'), '<!doctype html><title>Book</title>');

    const demo = await startRecordedDemo();
    const env = Object.fromEntries(one('ENV').join(' ').split(/\s+/).map((pair) => pair.split('=') as [string, string]));
    expect(env).toMatchObject({ HOST: '0.0.0.0', PORT: '8080' });
    const [command, ...args] = execForm(one('CMD')[0] ?? '');
    const server = await spawnRuntime(command === 'node' ? process.execPath : (command ?? ''), args, {
      cwd: app,
      env: { ...env, PORT: '0', ALTEGIO_PARTNER_TOKEN: 'container-token', ALTEGIO_UPSTREAM: `${demo.url}/api/v1` },
      port: (text) => {
        const match = /Serving the booking widget at http:\/\/0\.0\.0\.0:(\d+)\//.exec(text);
        return match ? Number(match[1]) : undefined;
      },
    });
    try {
      const port = new URL(server.url).port;
      const page = await fetch(`${server.url}/`, { headers: { Accept: 'text/html' } });
      expect(await page.text()).toContain('<title>Book</title>');
      const health = (await (await fetch(`${server.url}/health`)).json()) as { ok: boolean; mode: string };
      expect(health).toMatchObject({ ok: true, mode: 'proxy' });
      // The HEALTHCHECK's own command, as Docker runs it inside the container.
      const check = execForm(one('HEALTHCHECK')[0] ?? '');
      const probe = spawnSync(process.execPath, check.slice(1), { env: { ...process.env, PORT: port }, timeout: 10_000 });
      expect(probe.status).toBe(0);
      expect(await server.stop('SIGTERM')).toBe(0);
      // With nothing listening, the same check fails, so Docker would mark the container unhealthy.
      expect(spawnSync(process.execPath, check.slice(1), { env: { ...process.env, PORT: port }, timeout: 10_000 }).status).toBe(1);
    } finally {
      await server.stop('SIGKILL');
      await demo.close();
    }
  });
});
