// DEMO_NOW (ISO date-time) pins where the demo clock starts; it then runs on with real time, so
// e2e runs see the same calendar every time while timeouts still behave. Read the same way by the
// dev server, `npm run serve` in demo mode and the stand-alone demo upstream.
export function demoClockFrom(demoNow: string | undefined): (() => Date) | undefined {
  const start = demoNow ? Date.parse(demoNow) : NaN;
  if (Number.isNaN(start)) return undefined;
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
}
