// `npm run bench`: the widget as a business deploys it (bench/deployed.ts: the built server with a
// token, the demo backend as its upstream, a business's site on another origin), each page loaded
// cold on a slow phone profile (150 ms RTT, 1.6 Mbit/s, 4× CPU) in the system Chromium, median of
// BENCH_RUNS (5), against the limit: a static page already holding the rendered first step.
// Prints one table; writes bench-results/bench.json. On demand, not pass/fail: figures vary by
// machine, the ratios to the limit much less. Builds first unless BENCH_BUILT=1 (dist/, dist-server/).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { DEMO } from '../src/server/demo/seed';
import { firstStepRoundTrips, measureBooking } from './booking-traffic';
import { startDeployed } from './deployed';
import { filesOf } from './built-files';
import { medianOf, measurePage, PROFILE, type PageFigures } from './measure-page';
import { sizesOf } from './sizes';
import { printTable } from './table';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const FORM = DEMO.forms.newYork;

async function main() {
  const started = Date.now();
  if (process.env.BENCH_BUILT !== '1') execSync('npm run build:widget && npm run build:server', { stdio: ['ignore', 'ignore', 'inherit'] });

  const sizes = sizesOf('dist');
  const hosted = filesOf('dist', 'index.html');
  const startBytes = (paths: string[]) => sizes.filter((s) => paths.some((p) => p.endsWith(s.file))).reduce((n, s) => ({ gzip: n.gzip + s.gzip, brotli: n.brotli + s.brotli }), { gzip: 0, brotli: 0 });
  const inlineFiles = filesOf('dist/embed', 'src/embed/inline.ts');
  const startSizes = {
    hosted: startBytes([...hosted.initialJs, ...hosted.initialCss, 'dist/index.html']),
    inline: startBytes(['dist/widget.js', ...inlineFiles.initialJs, ...inlineFiles.initialCss]),
  };

  const deployed = await startDeployed(PORT, FORM);
  const browser = await chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    // The frame in-process, so the page's network and CPU throttling covers it too.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'],
  });
  const { widget, host } = deployed;
  try {
    const limitBytes = await deployed.captureLimit(browser, `/?form=${FORM}`);
    const urls: Record<string, string> = {
      limit: `${host}/limit.html`,
      hosted: `${widget}/?form=${FORM}`,
      inline: `${host}/inline.html`,
      iframe: `${host}/iframe.html`,
    };
    // One visit each first, unmeasured: the proxy's cache is warm, as for every visitor but the first.
    for (const url of Object.values(urls)) await measurePage(browser, url);
    const pages: Record<string, PageFigures> = {};
    for (const [name, url] of Object.entries(urls)) pages[name] = await medianOf(browser, url, RUNS);

    const booking = {
      ...(await measureBooking(browser, widget, deployed.upstream)),
      roundTripsBeforeFirstStepLocationNamed: await firstStepRoundTrips(browser, widget, `/?form=${FORM}&location=${DEMO.locations.newYork}`),
    };
    const result = {
      at: new Date().toISOString(),
      profile: { ...PROFILE, runs: RUNS, page: 'cold browser cache, warm proxy cache, median of runs', form: FORM },
      sizes,
      startSizes,
      limitBytes,
      pages,
      booking,
      notes: [] as string[],
      seconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/bench.json', `${JSON.stringify(result, null, 2)}\n`);
    printTable(result);
  } finally {
    await browser.close();
    await deployed.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
