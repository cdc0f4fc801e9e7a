// Runs in every frame before the page's own scripts: records long tasks, the largest paint, and
// when the first step's choices are on screen (also inside shadow roots, for the inline embed).
// Kept to observers so the probe adds no work of its own to the main thread.
export const FIRST_CHOICE = '.bw-root[data-step] .bw-step .bw-card';

export interface ProbeResult {
  timeOrigin: number;
  fcp?: number;
  lcp?: number;
  firstChoice?: number;
  /** Cumulative layout shift, as browsers count it (shifts right after input left out). */
  cls: number;
  longTasks: [start: number, duration: number][];
}

export function installProbe(selector: string): void {
  const probe: ProbeResult = { timeOrigin: performance.timeOrigin, cls: 0, longTasks: [] };
  (window as unknown as { __benchProbe: ProbeResult }).__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') probe.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) probe.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });

  const roots: ParentNode[] = [document];
  const options = { subtree: true, childList: true };
  const seen = new MutationObserver(() => {
    if (probe.firstChoice === undefined && roots.some((r) => r.querySelector(selector))) {
      probe.firstChoice = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    seen.observe(root, options);
    return root;
  };
}
