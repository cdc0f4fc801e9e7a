// Round trips from request timestamps: a request is taken to wait on the latest one that finished
// before it started, so the longest chain is the number of round trips the visitor sat through.

export interface TimedRequest {
  method: string;
  url: string;
  body?: string;
  start: number;
  end: number;
  bytes: number;
}

export interface ChainReport {
  requests: number;
  duplicates: string[];
  bytes: number;
  longestChain: string[];
}

/** `GET bookform/2` from a full URL under the API base. */
export function labelOf(r: TimedRequest): string {
  const { pathname } = new URL(r.url);
  return `${r.method} ${pathname.replace(/^.*\/api\/v1\//, '')}`;
}

export function longestChain(requests: TimedRequest[]): TimedRequest[] {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const chains = new Map<TimedRequest, TimedRequest[]>();
  for (const r of sorted) {
    const before = sorted.filter((o) => o !== r && o.end <= r.start);
    const waitedOn = before.sort((a, b) => b.end - a.end)[0];
    chains.set(r, [...(waitedOn ? chains.get(waitedOn)! : []), r]);
  }
  return [...chains.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

export function chainReport(requests: TimedRequest[]): ChainReport {
  const seen = new Map<string, number>();
  for (const r of requests) {
    const key = `${r.method} ${r.url} ${r.body ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key.trim()} ×${n}`);
  return {
    requests: requests.length,
    duplicates,
    bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
    longestChain: longestChain(requests).map(labelOf),
  };
}
