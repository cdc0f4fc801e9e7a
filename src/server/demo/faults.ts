// Fault injection: makes chosen API endpoints fail the way real networks and servers do, so the
// widget's ways forward can be tried by hand (public/demo/faults.html) and by the e2e specs.
// Faults live in memory per demo instance; `POST /__demo/reset` clears them too.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bookingError, MESSAGES, type BookingError } from './envelope';

export interface Fault {
  /** First path segment under /api/v1 (`book_times`, `book_record`, `bookform`…), or `*` for all. */
  endpoint: string;
  /** Only this method; both when absent. */
  method?: 'GET' | 'POST';
  /** Answer with this HTTP status and an error envelope (429 adds Retry-After); with `html`, the page's status. */
  status?: number;
  /** Answer with this booking error code (431–438), as the API does. */
  code?: BookingError['code'];
  /** The appointment a 433, 436, 437 or 438 names (the request's own id); 1 when absent. */
  appointmentId?: number;
  /** Wait this long first (longer than the widget's timeout = a timeout). */
  delayMs?: number;
  /**
   * Handle the request, then wait this long before answering: the answer arrives after the
   * caller's (the proxy's) timeout, though the request took effect.
   */
  delayAfterMs?: number;
  /** `before`/true: close the connection without handling; `after`: handle it, then close. */
  drop?: boolean | 'before' | 'after';
  /** `json`/true: a cut-off body; `shape`: valid JSON whose data is null. */
  malformed?: boolean | 'json' | 'shape';
  /**
   * An HTML page instead of the API's JSON, as a gateway, CDN or captive portal sends:
   * `before`: without handling the request; `after`/true: handled (a booking is made) first.
   * Its status is `status` (200 when absent).
   */
  html?: boolean | 'before' | 'after';
  /** Seconds, sent as Retry-After with a 429 or 503. */
  retryAfter?: number;
  /** How many matching requests it hits; until cleared when absent. */
  times?: number;
}

interface Armed extends Fault {
  hits: number;
}

const CODES = Object.keys(MESSAGES).map(Number);
/** Booking errors that name the failing appointment, as validate.ts answers them. */
const NAMES_APPOINTMENT: number[] = [433, 436, 437, 438];

/** Checks a fault sent by a test or the dev page; returns a message when it is not usable. */
export function faultProblem(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object') return 'a fault is an object';
  const f = raw as Record<string, unknown>;
  if (typeof f.endpoint !== 'string' || !/^[\w*]+$/.test(f.endpoint)) return 'endpoint: e.g. "book_times" or "*"';
  if (f.method !== undefined && f.method !== 'GET' && f.method !== 'POST') return 'method: GET or POST';
  const lowest = f.html ? 200 : 400;
  if (f.status !== undefined && !(Number.isInteger(f.status) && (f.status as number) >= lowest && (f.status as number) < 600)) return `status: ${lowest}–599`;
  if (f.html !== undefined && ![true, false, 'before', 'after'].includes(f.html as never)) return 'html: "before" or "after"';
  if (f.drop !== undefined && ![true, false, 'before', 'after'].includes(f.drop as never)) return 'drop: "before" or "after"';
  if (f.code !== undefined && !CODES.includes(f.code as number)) return 'code: 431–438';
  for (const key of ['delayMs', 'delayAfterMs', 'times', 'retryAfter', 'appointmentId'] as const) {
    if (f[key] !== undefined && !(Number.isInteger(f[key]) && (f[key] as number) >= 0)) return `${key}: a whole number`;
  }
  return undefined;
}

export class FaultPlan {
  private faults: Armed[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, hits: 0 });
  }

  clear(endpoint?: string): void {
    this.faults = endpoint ? this.faults.filter((f) => f.endpoint !== endpoint) : [];
  }

  list(): (Fault & { hits: number })[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The fault for this request, counted as used; the first armed one wins. */
  take(endpoint: string, method: string): Fault | undefined {
    const fault = this.faults.find((f) => (f.endpoint === '*' || f.endpoint === endpoint) && (!f.method || f.method === method));
    if (!fault) return undefined;
    fault.hits++;
    if (fault.times !== undefined && fault.hits >= fault.times) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

/** The API middleware: runs before every /api/v1 route. */
export function injectFaults(plan: FaultPlan): MiddlewareHandler {
  return async (c, next) => {
    const endpoint = new URL(c.req.url).pathname.split('/api/v1/')[1]?.split('/')[0] ?? '';
    const fault = plan.take(endpoint, c.req.method);
    if (!fault) return next();
    if (fault.delayMs) await sleep(fault.delayMs, c.req.raw.signal);
    const drop = fault.drop === true ? 'before' : fault.drop || undefined;
    const html = fault.html === true ? 'after' : fault.html || undefined;
    if (drop === 'before') return dropConnection(c);
    if (html === 'before') return htmlPage(fault);
    if (fault.code) return bookingError(c, { code: fault.code, message: MESSAGES[fault.code], ...(NAMES_APPOINTMENT.includes(fault.code) ? { id: fault.appointmentId ?? 1 } : {}) });
    if (fault.status && !html) return failure(c, fault);
    await next();
    if (fault.delayAfterMs) await sleep(fault.delayAfterMs, c.req.raw.signal);
    if (drop === 'after') c.res = dropConnection(c);
    else if (html === 'after') c.res = htmlPage(fault);
    else if (fault.malformed === 'shape') c.res = c.json({ success: true, data: null, meta: [] }, 200);
    else if (fault.malformed) c.res = new Response('{"success":true,"data":[{"id"', { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}

function failure(c: Context, fault: Fault): Response {
  const status = fault.status as ContentfulStatusCode;
  if (fault.retryAfter !== undefined) c.header('Retry-After', String(fault.retryAfter));
  const message = status >= 500 ? 'Server error' : status === 429 ? 'Too many requests' : 'Request failed';
  return c.json({ success: false, data: null, meta: { message } }, status);
}

/** A page a gateway or portal might put where the API's answer should be. */
function htmlPage(fault: Fault): Response {
  const status = fault.status ?? 200;
  const body = `<!doctype html><html><head><title>${status === 200 ? 'Welcome' : `Error ${status}`}</title></head><body><h1>Something is in the way</h1></body></html>`;
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/**
 * The answer starts (status, headers, a few bytes) and the connection then closes: the client
 * sees a lost answer. Closing before any byte would not do: a browser silently sends a request
 * again when a reused connection closes unanswered, which is not the failure being tried here.
 */
function dropConnection(c: Context): Response {
  const socket = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"success":'));
      setTimeout(() => {
        socket?.destroy();
        controller.error(new Error('demo fault: connection dropped'));
      }, 20);
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * `POST /__demo/faults` with one fault or a list arms them; `GET` lists them with their hits;
 * `DELETE` (optionally `?endpoint=book_times`) clears them. `POST /__demo/reset` clears all.
 */
export function faultRoutes(app: Hono, plan: FaultPlan): void {
  app.post('/__demo/faults', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const faults = Array.isArray(body) ? body : [body];
    const problem = faults.map(faultProblem).find(Boolean);
    if (problem) return c.json({ ok: false, message: problem }, 400);
    for (const f of faults as Fault[]) plan.add(f);
    return c.json({ ok: true, faults: plan.list() });
  });
  app.get('/__demo/faults', (c) => c.json(plan.list()));
  app.delete('/__demo/faults', (c) => {
    plan.clear(c.req.query('endpoint') || undefined);
    return c.json({ ok: true });
  });
  app.use('/__demo/reset', async (c, next) => {
    plan.clear();
    await next();
  });
}
