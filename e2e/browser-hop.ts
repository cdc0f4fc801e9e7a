// Faults between the browser and whatever answers its /api/v1 calls: the proxy in the deployed
// project (so `demo.fault` is the proxy↔upstream hop and this is the browser↔proxy hop), the dev
// server otherwise. Made with Playwright's routing, so the request really reaches the proxy (or
// not) and only the browser's side of the answer is lost or changed.
import type { Page, Route } from '@playwright/test';

export interface HopFault {
  /** First path segment under /api/v1 (`book_record`, `book_times`…), or `*`. */
  endpoint: string;
  method?: 'GET' | 'POST' | 'DELETE';
  /** `before`: the request never leaves the browser; `after`: it is answered, the answer is lost. */
  drop?: 'before' | 'after';
  /** The request leaves the browser this much later. */
  delayMs?: number;
  /** The answer arrives, but this much later (e.g. past the widget's timeout). */
  delayAfterMs?: number;
  /** An HTML page instead of the answer: `before` without sending, `after` once answered; status 200 when absent. */
  html?: 'before' | 'after';
  /** Without `html`: this status and the API's error envelope, instead of sending the request. */
  status?: number;
  /** The answer is cut off mid-body (after the request was answered). */
  malformed?: boolean;
  /** How many matching requests it hits; all of them when absent. */
  times?: number;
}

const API = /\/api\/v1\/([^/?]+)/;
const HTML_PAGE = '<!doctype html><html><head><title>Gateway</title></head><body><h1>Something is in the way</h1></body></html>';

export class BrowserHop {
  constructor(private readonly page: Page) {}

  /** Arms a fault on the browser's hop; the first matching one armed wins, as in the demo's. */
  async fault(fault: HopFault): Promise<void> {
    let hits = 0;
    const matches = (url: URL) => {
      const endpoint = API.exec(url.pathname)?.[1];
      return endpoint !== undefined && (fault.endpoint === '*' || fault.endpoint === endpoint);
    };
    const handler = async (route: Route) => {
      const request = route.request();
      if ((fault.method && request.method() !== fault.method) || (fault.times !== undefined && hits >= fault.times)) return route.fallback();
      hits++;
      if (fault.times !== undefined && hits >= fault.times) await this.page.unroute(matches, handler).catch(() => {});
      await lose(route, fault);
    };
    await this.page.route(matches, handler);
  }
}

async function lose(route: Route, fault: HopFault): Promise<void> {
  const origin = route.request().headers().origin;
  // A cross-origin page reads an answer only with CORS; the pages a gateway makes up carry it too.
  const cors: Record<string, string> = origin ? { 'Access-Control-Allow-Origin': origin } : {};
  if (fault.drop === 'before') return route.abort('connectionreset');
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.html === 'before') return route.fulfill({ status: fault.status ?? 200, contentType: 'text/html', headers: cors, body: HTML_PAGE });
  if (fault.status && !fault.html) {
    const message = fault.status >= 500 ? 'Server error' : 'Request failed';
    return route.fulfill({ status: fault.status, contentType: 'application/json', headers: cors, body: JSON.stringify({ success: false, data: null, meta: { message } }) });
  }
  if (!fault.drop && !fault.html && !fault.delayAfterMs && !fault.malformed) return route.fallback();

  const answer = await route.fetch();
  if (fault.delayAfterMs) await sleep(fault.delayAfterMs);
  if (fault.drop === 'after') return route.abort('connectionreset');
  if (fault.html === 'after') return route.fulfill({ status: fault.status ?? 200, contentType: 'text/html', headers: cors, body: HTML_PAGE });
  if (fault.malformed) return route.fulfill({ response: answer, body: (await answer.text()).slice(0, 12) });
  return route.fulfill({ response: answer });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
