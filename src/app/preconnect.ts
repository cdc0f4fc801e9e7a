// A preconnect hint for the booking API when it lives on another origin, so DNS, TCP and TLS
// happen while the widget's script downloads instead of in front of the first request. The
// requests are CORS without credentials, hence `crossorigin` (an anonymous connection).
// The build writes it into index.html (src/server/preconnect-plugin.ts).

/** The API's origin when it differs from the page's; undefined when there is nothing to gain. */
export function apiOriginToPreconnect(apiBase: string, pageOrigin: string): string | undefined {
  try {
    const origin = new URL(apiBase, pageOrigin).origin;
    return origin !== pageOrigin && origin !== 'null' ? origin : undefined;
  } catch {
    return undefined;
  }
}
