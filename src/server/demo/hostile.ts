// Hostile content: `POST /__demo/hostile` makes the business's own texts carry cross-site
// scripting payloads, so the widget can be seen (by hand and by e2e/untrusted-content.spec.ts)
// to show them as text and to run none of them. Each text keeps its real words first, so it is
// still found by name; a reset turns it off.
import type { Hono, MiddlewareHandler } from 'hono';

/** Every payload sets `window.__xss` (or its parent's) when it runs; a test checks it stays unset. */
export const XSS = {
  script: '<script>window.__xss=1</script>',
  img: '<img src=x onerror="window.__xss=2">',
  svg: '<svg onload="window.__xss=3"><circle r="1"/></svg>',
  jsLink: '<a href="javascript:window.__xss=4">open</a>',
  srcdoc: '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  entity: '&lt;img src=x onerror=window.__xss=6&gt;',
  entityLink: '<a href="jav&#x09;ascript:window.__xss=7">open</a>',
  breakout: '"><img src=x onerror=window.__xss=8>',
  mutation: '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=9></style></mglyph></table></mtext></math>',
  toggle: '<details open ontoggle="window.__xss=10"><summary>more</summary></details>',
  object: '<object data="javascript:window.__xss=11"></object>',
  form: '<form action="javascript:window.__xss=12"><button>send</button></form>',
  dataLink: '<a href="data:text/html,<script>window.__xss=13</script>">open</a>',
} as const;

/** A photo address that must never load as one. */
export const HOSTILE_AVATAR = 'javascript:window.__xss=14';

/** Plain-text fields: the real words, then a payload. */
export const hostile = {
  locationTitle: (title: string) => `${title} ${XSS.script}${XSS.breakout}`,
  address: (address: string) => `${address} ${XSS.img}`,
  category: (title: string) => `${title} ${XSS.svg}`,
  service: (title: string) => `${title} ${XSS.img}${XSS.entity}`,
  serviceComment: (comment: string) => `${comment} ${XSS.jsLink}`,
  member: (name: string) => `${name} ${XSS.svg}${XSS.srcdoc}`,
  specialization: (text: string) => `${text} ${XSS.breakout}`,
};

/** HTML fields (description, information): some allowed formatting and a safe link among every payload. */
export function hostileHtml(html: string): string {
  return `${html}<p><strong>Still readable</strong> <a href="https://example.com/about">our site</a></p>${Object.values(XSS).join('')}`;
}

export class HostileSwitch {
  on = false;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const each = (v: unknown, fn: (item: Json) => void) => (Array.isArray(v) ? v : [v]).filter(isJson).forEach(fn);

function company(c: Json): void {
  if (typeof c.title === 'string') c.title = c.public_title = hostile.locationTitle(c.title);
  if (typeof c.address === 'string') c.address = hostile.address(c.address);
  if (typeof c.description === 'string') c.description = hostileHtml(c.description);
}

function member(m: Json): void {
  if (typeof m.name === 'string') m.name = hostile.member(m.name);
  if (typeof m.specialization === 'string') m.specialization = hostile.specialization(m.specialization);
  if (typeof m.information === 'string') m.information = hostileHtml(m.information);
  if ('avatar' in m) m.avatar = m.avatar_big = HOSTILE_AVATAR;
}

function category(c: Json): void {
  if (typeof c.title === 'string') c.title = hostile.category(c.title);
}

function service(s: Json): void {
  if (typeof s.title === 'string') s.title = hostile.service(s.title);
  if (typeof s.comment === 'string') s.comment = hostile.serviceComment(s.comment);
}

/** How each endpoint's `data` is made hostile, by the first path segment under /api/v1. */
const REWRITE: Record<string, (data: unknown) => void> = {
  companies: (data) => each(data, company),
  company: (data) => each(data, company),
  book_services: (data) =>
    each(data, (d) => {
      each(d.services, service);
      each(d.events, service);
      each(d.category, category);
    }),
  book_staff: (data) => each(data, member),
  // Group events (search) and their filter options.
  activity: (data) =>
    each(data, (d) => {
      each(d.service, (s) => {
        service(s);
        each(s.category, category);
      });
      each(d.staff, member);
      if (typeof d.code === 'string') {
        each(d.data, (o) => typeof o.title === 'string' && (o.title = d.code === 'staff' ? hostile.member(o.title) : hostile.service(o.title)));
      }
    }),
  // The visitor's records.
  user: (data) =>
    each(data, (d) => {
      each(d.services, service);
      each(d.company, company);
      each(d.staff, member);
    }),
  book_record: (data) =>
    each(data, (d) => {
      each(d.services, service);
      each(d.company, company);
      each(d.staff, member);
    }),
};

/** The API middleware: rewrites successful JSON answers while the switch is on. */
export function hostileContent(sw: HostileSwitch): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const rewrite = REWRITE[new URL(c.req.url).pathname.split('/api/v1/')[1]?.split('/')[0] ?? ''];
    if (!sw.on || !rewrite || c.req.method !== 'GET' || !c.res.ok) return;
    const body: unknown = await c.res.clone().json().catch(() => undefined);
    if (!isJson(body)) return;
    rewrite(body.data);
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(JSON.stringify(body), { status: c.res.status, headers });
  };
}

/** `POST /__demo/hostile` turns it on, `DELETE` off, `GET` tells; `POST /__demo/reset` turns it off. */
export function hostileRoutes(app: Hono, sw: HostileSwitch): void {
  app.post('/__demo/hostile', (c) => c.json({ on: (sw.on = true) }));
  app.delete('/__demo/hostile', (c) => c.json({ on: (sw.on = false) }));
  app.get('/__demo/hostile', (c) => c.json({ on: sw.on }));
  app.use('/__demo/reset', async (_c, next) => {
    sw.on = false;
    await next();
  });
}
