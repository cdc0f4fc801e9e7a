// Content negotiation for what the server sends: which compression a browser gets (brotli, gzip
// or none, by its Accept-Encoding) and whether its cached copy is still good (ETag, If-None-Match).
// No Node modules, so any fetch-handler platform can use it.

export type Encoding = 'br' | 'gzip' | 'identity';

/** Text worth compressing: scripts, stylesheets, pages, JSON, SVG. Pictures are compressed already. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|xml|map|webmanifest)$/i;
const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

/** Below this a compressed answer saves less than the headers it adds. */
export const MIN_COMPRESS_BYTES = 1024;

export function compressibleType(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE_TYPE.test(contentType);
}

/**
 * The encoding among `available` to send (RFC 9110 §12.5.3): the accepted compression with the
 * highest weight, brotli on a tie (smaller); `q=0` refuses one, `*` stands for any not named.
 * Nothing compressed accepted: identity (which a server may always send).
 */
export function negotiateEncoding(acceptEncoding: string | null | undefined, available: readonly Encoding[]): Encoding {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name.trim()) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight) || 0);
  }
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const name of ['br', 'gzip'] as const) {
    const w = q.get(name) ?? q.get('*') ?? 0;
    if (available.includes(name) && w > bestQ) [best, bestQ] = [name, w];
  }
  return best;
}

/** The ETag of one encoding of a resource: its content's tag, marked by encoding (the bytes differ). */
export function etagFor(contentTag: string, encoding: Encoding): string {
  return encoding === 'identity' ? `"${contentTag}"` : `"${contentTag}-${encoding}"`;
}

/** Whether If-None-Match names the ETag (weak comparison, as RFC 9110 asks for GET and HEAD). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}
