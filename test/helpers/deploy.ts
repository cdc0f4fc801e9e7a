// For the deployment recipes' tests (test/deploy-*.test.ts): the demo backend as the upstream,
// recording what reached it; a runtime (workerd, Deno, node) started as a child process on a free
// port; and a visitor's booking made through whatever proxy is in front.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { expect } from 'vitest';
import { createDemoApp } from '../../src/server/demo/app';
import { DEMO } from '../../src/server/demo/seed';
import { listenOnLoopback, type LoopbackServer } from '../../src/server/proxy/loopback';

export const NY = DEMO.locations.newYork;
export const HAIRCUT = DEMO.services.womensHaircut;

export interface UpstreamCall {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
}

export interface RecordedDemo extends LoopbackServer {
  readonly calls: UpstreamCall[];
}

/** The demo backend on loopback at a fixed moment, recording each request's path and Authorization. */
export async function startRecordedDemo(now = new Date('2026-03-05T14:00:00Z')): Promise<RecordedDemo> {
  const demo = createDemoApp({ now: () => now });
  const calls: UpstreamCall[] = [];
  const server = await listenOnLoopback((request) => {
    calls.push({ method: request.method, path: new URL(request.url).pathname, authorization: request.headers.get('Authorization') });
    return demo.fetch(request);
  });
  return Object.assign(server, { calls });
}

export interface RuntimeChild {
  readonly process: ChildProcess;
  readonly url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Sends the signal and resolves with the exit code (null when it had to be killed). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

export interface SpawnOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  /** Finds the port in what the child wrote (stdout + stderr, or the control pipe, fd 3). */
  readonly port: (text: string) => number | undefined;
  /** Read the port from a pipe on fd 3 (workerd's --control-fd=3) instead of stdout/stderr. */
  readonly controlFd?: boolean;
  readonly startMs?: number;
}

/** Starts a runtime and waits until it says which port it listens on. */
export function spawnRuntime(command: string, args: readonly string[], options: SpawnOptions): Promise<RuntimeChild> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.controlFd ? (['pipe'] as const) : [])],
  });
  let output = '';
  let control = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${command} did not start within ${options.startMs ?? 15_000} ms:\n${output}`));
    }, options.startMs ?? 15_000);
    const look = () => {
      const port = options.port(options.controlFd ? control : output);
      if (port === undefined) return;
      clearTimeout(timer);
      resolve({ process: child, url: `http://127.0.0.1:${port}`, output: () => output, stop });
    };
    child.stdout?.on('data', (chunk: Buffer) => ((output += chunk.toString()), look()));
    child.stderr?.on('data', (chunk: Buffer) => ((output += chunk.toString()), look()));
    (child.stdio[3] as Readable | undefined)?.on('data', (chunk: Buffer) => ((control += chunk.toString()), look()));
    child.once('error', (error) => (clearTimeout(timer), reject(error)));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before listening:\n${output}`));
    });
  });
}

export interface Answer {
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

/** Calls the proxy at `base` (…/api/v1) as a browser on `origin` would, keeping every answer. */
export function visitor(base: string, headers: Record<string, string> = {}) {
  const answers: Answer[] = [];
  const call = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const response = await fetch(base + path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    const text = await response.text();
    const answer = { path, status: response.status, headers: response.headers, text, json: /json/.test(response.headers.get('Content-Type') ?? '') && text ? JSON.parse(text) : null };
    answers.push(answer);
    return answer;
  };
  const post = (path: string, payload: unknown) =>
    call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
  return { call, post, answers };
}

/**
 * A visitor's booking at the demo's New York location: the form, free dates and times, the check
 * and the booking, then its details. Checks each answer; returns every answer for more checks.
 */
export async function bookThrough(base: string, headers: Record<string, string> = {}): Promise<Answer[]> {
  const { call, post, answers } = visitor(base, headers);
  const form = await call(`/bookform/${DEMO.forms.newYork}`);
  expect(form.status, form.text).toBe(200);
  expect(form.json.success).toBe(true);
  const dates = await call(`/book_dates/${NY}?service_ids[]=${HAIRCUT}`);
  expect(dates.status, dates.text).toBe(200);
  const day = dates.json.data.booking_dates[0] as string;
  const times = await call(`/book_times/${NY}/0/${day}?service_ids[]=${HAIRCUT}`);
  expect(times.status, times.text).toBe(200);
  const slot = times.json.data[0] as { datetime: string };
  const appointments = [{ id: 1, services: [HAIRCUT], staff_id: 0, datetime: slot.datetime }];
  const check = await post(`/book_check/${NY}`, { appointments });
  expect(check.status, check.text).toBe(201);
  const created = await post(`/book_record/${NY}`, { fullname: 'Ada Lovelace', phone: '+1 212 555 0100', email: 'ada@example.com', appointments });
  expect(created.status, created.text).toBe(201);
  expect(created.headers.get('Cache-Control')).toBe('no-store');
  const { record_id, record_hash } = created.json.data[0] as { record_id: number; record_hash: string };
  const details = await call(`/book_record/${NY}/${record_id}/${record_hash}`);
  expect(details.status, details.text).toBe(200);
  return answers;
}

/** No answer, header or body, carries the token. */
export function expectNoToken(answers: readonly Answer[], token: string): void {
  for (const answer of answers) {
    expect([...answer.headers].join('\n')).not.toContain(token);
    expect(answer.text).not.toContain(token);
  }
}
