// Small figures helpers for `npm run bench:proxy`: percentiles, and a summary of a V8 CPU profile
// (`node --cpu-prof`) by self time, so the bench can say where a cache hit's time goes.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Nearest-rank percentile of `values` (0 when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  /** `function (file:line)`; line 1-based, in the bench bundle for the proxy's own code. */
  readonly name: string;
  readonly where: string;
  readonly ms: number;
  /** Share of the busy (non-idle) time. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly busyMs: number;
  readonly idleMs: number;
  readonly top: SelfTime[];
  /** Inclusive time (the function and what it called) of the proxy's own and hono's functions. */
  readonly topInclusive: SelfTime[];
  /** Self time by where the code comes from: node internals, hono, the proxy (bench bundle), GC… */
  readonly byOrigin: Array<{ origin: string; ms: number; share: number }>;
}

function originOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collector';
  if (name === '(program)') return 'V8/native (program)';
  if (url === '') return 'native (no script)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.replace(/node_modules\/\.cache\/[^/]+\//, 'BUNDLE/'));
  if (url.includes('node_modules/.cache/')) return 'proxy + bench bundle (src/server/proxy, demo)';
  return pkg ? pkg[1]! : basename(url);
}

/** Self time per function of a `.cpuprofile`, the top `count`, and totals by origin. */
export function summariseProfile(path: string, count = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const perFunction = new Map<string, { name: string; where: string; us: number }>();
  const perOrigin = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const name = functionName || '(anonymous)';
    const file = url.includes('node_modules/.cache/') ? `bundle:${basename(url)}` : url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '');
    const where = url ? `${file}:${lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = perFunction.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    perFunction.set(key, entry);
    const origin = originOf(url, functionName);
    perOrigin.set(origin, (perOrigin.get(origin) ?? 0) + us);
  }
  // Inclusive: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  profile.samples.forEach((leaf, i) => {
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      if (!url || url.startsWith('node:') || functionName === '' || functionName === '(idle)') continue;
      const file = url.includes('node_modules/.cache/') ? `bundle:${basename(url)}` : url.replace(/^.*node_modules\//, '');
      const where = `${file}:${lineNumber + 1}`;
      const key = `${functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = inclusive.get(key) ?? { name: functionName, where, us: 0 };
      entry.us += profile.timeDeltas[i] ?? 0;
      inclusive.set(key, entry);
    }
  });
  const share = (us: number) => Math.round((us / Math.max(1, busyUs)) * 1000) / 10;
  return {
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    top: [...perFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, count)
      .map((f) => ({ name: f.name, where: f.where, ms: Math.round(f.us / 1000), share: share(f.us) })),
    topInclusive: [...inclusive.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, count)
      .map((f) => ({ name: f.name, where: f.where, ms: Math.round(f.us / 1000), share: share(f.us) })),
    byOrigin: [...perOrigin.entries()].sort((a, b) => b[1] - a[1]).map(([origin, us]) => ({ origin, ms: Math.round(us / 1000), share: share(us) })),
  };
}
