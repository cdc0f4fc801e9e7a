// The built widget's files for `npm run serve`: the brotli or gzip copy written at build time
// (src/server/precompress.ts) when the browser accepts it, an ETag from the content so a browser
// that has the file gets a bodyless 304, and the cache lifetimes the caller gives each path.
// The ETag is a hash of the file, not its date, so every server holding the same build agrees.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import { COMPRESSIBLE, etagFor, etagMatches, negotiateEncoding, type Encoding } from './encoding';

interface Described {
  mtimeMs: number;
  size: number;
  /** Hash of the uncompressed content. */
  tag: string;
  /** The precompressed copies beside the file, no older than it. */
  copies: Exclude<Encoding, 'identity'>[];
}

const SUFFIX = { br: '.br', gzip: '.gz', identity: '' } as const;

export type StaticFiles = (request: Request, path?: string) => Promise<Response | undefined>;

/**
 * Serves files under `root` by the request's path (or `path`, a file of root); undefined when no
 * such file (or a path leaving root, or a hidden one like .vite/), for the next route to answer.
 */
export function staticFiles(root: string, headersFor: (file: string) => Record<string, string>): StaticFiles {
  const base = resolve(root);
  const known = new Map<string, Described>();

  async function describe(file: string): Promise<Described | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const seen = known.get(file);
    if (seen && seen.mtimeMs === info.mtimeMs && seen.size === info.size) return seen;
    const tag = createHash('sha256').update(await readFile(file)).digest('base64url').slice(0, 22);
    const copies: Described['copies'] = [];
    if (COMPRESSIBLE.test(file)) {
      for (const encoding of ['br', 'gzip'] as const) {
        const copy = await stat(file + SUFFIX[encoding]).catch(() => undefined);
        if (copy?.isFile() && copy.mtimeMs >= info.mtimeMs) copies.push(encoding);
      }
    }
    const described = { mtimeMs: info.mtimeMs, size: info.size, tag, copies };
    known.set(file, described);
    return described;
  }

  return async (request, path) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const file = path ?? fileOf(base, new URL(request.url).pathname);
    if (!file) return undefined;
    const described = await describe(file);
    if (!described) return undefined;

    const encoding = negotiateEncoding(request.headers.get('Accept-Encoding'), described.copies);
    const headers = new Headers(headersFor(file));
    headers.set('Content-Type', getMimeType(file) ?? 'application/octet-stream');
    headers.set('ETag', etagFor(described.tag, encoding));
    // Caches keep one copy per encoding; a file with no compressed copy is the same for everyone.
    if (described.copies.length) headers.set('Vary', 'Accept-Encoding');
    if (etagMatches(request.headers.get('If-None-Match'), headers.get('ETag')!)) {
      headers.delete('Content-Type');
      return new Response(null, { status: 304, headers });
    }
    const body = await readFile(file + SUFFIX[encoding]).catch(() => undefined);
    if (!body) return undefined;
    if (encoding !== 'identity') headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.length));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

/** The file a URL path names under `base` (a folder means its index.html), or undefined. */
function fileOf(base: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(base, `.${path}`);
  return file.startsWith(base + sep) ? file : undefined;
}
