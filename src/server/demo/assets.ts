// Where the demo business's pictures (team members, services, the hosted page's logo and header)
// are. The seed names them by path (/demo/avatars/olivia.svg), which the dev server answers from
// public/. A separate demo upstream names them absolutely on its own origin instead, as Altegio
// names its CDN: the widget's origin and the business's page do not have them.
import type { MiddlewareHandler } from 'hono';

const SEEDED_PATH = '"/demo/';

/** The API middleware: `"/demo/…"` strings in JSON answers become `"<origin>/demo/…"`. */
export function absoluteAssets(origin: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!origin || !c.res.ok || !c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    const text = await c.res.clone().text();
    if (!text.includes(SEEDED_PATH)) return;
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(text.replaceAll(SEEDED_PATH, `"${origin}/demo/`), { status: c.res.status, headers });
  };
}
