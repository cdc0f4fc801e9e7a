// Which client a request comes from, for per-client rate limits. X-Forwarded-For is only read
// when the deployment says how many proxies of its own append to it: otherwise any client could
// pick a fresh address per request and never be limited.

/** The parts of @hono/node-server's bindings we read; other platforms pass something else. */
interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

/**
 * The visitor's address, or undefined when this platform gives none (a fetch handler without a
 * socket and no configured header): then no per-client limit applies rather than one shared by
 * every visitor; the deployment's upstream budget still does.
 */
export function clientIp(request: Request, env: unknown, trustProxyHops: number, header: string | null = null): string | undefined {
  if (header !== null) {
    const value = request.headers.get(header)?.split(',')[0]?.trim();
    if (value) return value;
  }
  if (trustProxyHops > 0) {
    const forwarded = request.headers.get('X-Forwarded-For');
    if (forwarded) {
      const hops = forwarded.split(',').map((part) => part.trim()).filter(Boolean);
      // Each trusted proxy appends the address it saw; the one our nearest trusted hop saw is
      // `trustProxyHops` from the end. Entries further left are whatever the client wrote.
      const ip = hops[hops.length - trustProxyHops] ?? hops[0];
      if (ip) return ip;
    }
  }
  const socket = (env as NodeBindings | undefined)?.incoming?.socket;
  return socket?.remoteAddress || undefined;
}
