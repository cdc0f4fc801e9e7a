// Which page may talk to the iframe page: the one origin its messages go to and come from.

/** The origin of the page embedding us, or undefined when there is none to trust. */
export function parentOriginOf(url: URL, referrer: string): string | undefined {
  for (const candidate of [url.searchParams.get('parentOrigin'), referrer]) {
    if (!candidate) continue;
    try {
      const origin = new URL(candidate).origin;
      if (origin !== 'null' && /^https?:/.test(origin)) return origin;
    } catch {
      // not a URL: try the next
    }
  }
  return undefined;
}
