// `npm run bench`: builds the widget and a one-component baseline, serves both on loopback, and
// measures them in the system Chromium. Prints one table; writes bench-results/bench.json.
// On demand, not pass/fail: figures vary by machine, the ratios to the baseline much less.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { firstStepRoundTrips, measureBooking } from './booking-traffic';
import { filesOf } from './built-files';
import { medianOf, PROFILE, type PageFigures } from './measure-page';
import { sizesOf } from './sizes';
import { printTable } from './table';

const APP_PORT = Number(process.env.BENCH_PORT ?? 4390);
const BASELINE_PORT = APP_PORT + 1;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const INLINE_PAGE = 'demo/inline.html';
/** Where bench/vite.baseline.config.ts builds the baseline. */
const BASELINE_DIST = 'node_modules/.cache/bench-baseline';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
// The inline page and the demo business's pictures come from public/demo/, left out of a default build.
process.env.DEMO_PAGES = '1';

async function serve(configFile: string, port: number): Promise<PreviewServer> {
  return preview({ configFile, logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' } });
}

async function main() {
  const started = Date.now();
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await build({ configFile: 'bench/vite.baseline.config.ts' });

  const sizes = sizesOf('dist');
  const baselineSizes = sizesOf(BASELINE_DIST);
  const hosted = filesOf('dist', 'index.html');
  const startGzip = sizes.filter((s) => [...hosted.initialJs, ...hosted.initialCss].some((p) => p.endsWith(s.file))).reduce((n, s) => n + s.gzip, 0);
  const baselineStartGzip = baselineSizes.filter((s) => !s.file.endsWith('.html')).reduce((n, s) => n + s.gzip, 0);

  const app = await serve('vite.config.ts', APP_PORT);
  const baseline = await serve('bench/vite.baseline.config.ts', BASELINE_PORT);
  const browser = await chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const origin = `http://127.0.0.1:${APP_PORT}`;
  const notes: string[] = [];
  try {
    const pages: Record<string, PageFigures | null> = {
      hosted: await medianOf(browser, `${origin}/?form=2`, RUNS),
      inline: existsSync(`dist/${INLINE_PAGE}`) ? await medianOf(browser, `${origin}/${INLINE_PAGE}`, RUNS) : null,
      baseline: await medianOf(browser, `http://127.0.0.1:${BASELINE_PORT}/baseline.html`, RUNS),
    };
    if (!pages.inline) notes.push(`inline embed skipped: no ${INLINE_PAGE} in the build yet`);
    const booking = {
      ...(await measureBooking(browser, origin)),
      roundTripsBeforeFirstStepLocationNamed: await firstStepRoundTrips(browser, origin, '/?form=2&location=101201'),
    };

    const result = {
      at: new Date().toISOString(),
      profile: { ...PROFILE, runs: RUNS, page: 'cold cache, median of runs', booking: `form 2 (New York), ${PROFILE.rttMs} ms RTT, no CPU slowdown` },
      sizes,
      startGzip: { hosted: startGzip, baseline: baselineStartGzip },
      pages,
      booking,
      notes,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/bench.json', `${JSON.stringify(result, null, 2)}\n`);
    printTable(result);
  } finally {
    await browser.close();
    await app.close();
    await baseline.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
