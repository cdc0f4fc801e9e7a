// Answers made per request (the proxy's JSON, a rendered page) compressed on the way out of the
// Node server, as the static files are at build time: brotli at a quality that costs about a
// millisecond for a booking form's answer, or gzip, by the request's Accept-Encoding. Small ones
// go as they are (the saving would not pay for the headers). Their ETags become weak (W/"…"):
// the same answer in another encoding is other bytes.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { compressibleType, MIN_COMPRESS_BYTES, negotiateEncoding } from './encoding';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Brotli 5: most of quality 11's saving on JSON at a small fraction of its time. */
const BROTLI_QUALITY = 5;

export async function compressAnswer(request: Request, response: Response): Promise<Response> {
  const compressible = compressibleType(response.headers.get('Content-Type'));
  if (response.headers.has('Content-Encoding') || (!compressible && response.status !== 304)) return response;
  const headers = new Headers(response.headers);
  // Weak, as the answer's bytes now depend on the encoding; revalidation still works (forProxy).
  const etag = headers.get('ETag');
  if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  if (!/accept-encoding|\*/i.test(headers.get('Vary') ?? '')) headers.append('Vary', 'Accept-Encoding');
  if (!response.body || request.method === 'HEAD' || response.status === 204 || response.status === 304) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const raw = new Uint8Array(await response.arrayBuffer());
  const encoding = raw.length < MIN_COMPRESS_BYTES ? 'identity' : negotiateEncoding(request.headers.get('Accept-Encoding'), ['br', 'gzip']);
  let body = raw;
  if (encoding !== 'identity') {
    body =
      encoding === 'br'
        ? await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : await gzipAsync(raw, { level: 6 });
    headers.set('Content-Encoding', encoding);
  }
  headers.set('Content-Length', String(body.length));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The request as the proxy should see it: the weak ETags compressAnswer gave out, sent back in
 * If-None-Match, made strong again, so the proxy's own comparison finds them and answers 304.
 */
export function forProxy(request: Request): Request {
  const ifNoneMatch = request.headers.get('If-None-Match');
  if (!ifNoneMatch?.includes('W/') || (request.method !== 'GET' && request.method !== 'HEAD')) return request;
  const headers = new Headers(request.headers);
  headers.set('If-None-Match', ifNoneMatch.replace(/W\//g, ''));
  return new Request(request, { headers });
}
