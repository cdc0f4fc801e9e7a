// The headers `npm run serve` gives the built widget (src/server/serve.ts: staticHeaders), for
// files served from Workers Static Assets. Kept free of Node modules so it bundles for Workers;
// test/deploy-workers.test.ts checks it agrees with serve.ts path by path.

const YEAR_SECONDS = 365 * 24 * 3600;
/** Content-hashed build output: `assets/` and `embed/assets/`, e.g. `embed/assets/inline-CdLeqQ1y.js`. */
const HASHED = /(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8,}\.\w+$/;

function isHtml(path: string): boolean {
  return /\.html$/.test(path);
}

export function staticHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Cache-Control': isHtml(path) ? 'no-cache' : HASHED.test(path) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
  };
  // The loader runs on other sites' pages and import()s its chunks from here: CORS is required.
  if (!isHtml(path)) {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  return headers;
}

/**
 * An asset's answer with those headers. A page route (`/`, `/book`) answered with index.html by
 * the assets' single-page fallback is a page: its Content-Type says so, whatever its path.
 */
export function withStaticHeaders(pathname: string, asset: Response): Response {
  if (asset.status >= 400) return asset;
  const isPage = asset.headers.get('Content-Type')?.startsWith('text/html') ?? false;
  const response = new Response(asset.body, asset);
  for (const [name, value] of Object.entries(staticHeaders(isPage ? `${pathname.replace(/\/$/, '')}/index.html` : pathname))) {
    response.headers.set(name, value);
  }
  return response;
}
