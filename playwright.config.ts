import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import type { DeployedOptions } from './e2e/fixtures';

// Playwright cannot download its own browsers here: use the system Chromium when present.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const PORT = Number(process.env.E2E_PORT ?? 5199);
const reuseExistingServer = !process.env.CI;

// The deployed topology (project `deployed`): the production build served by the built server
// with a partner token, in front of the demo backend running as a separate upstream, embedded by
// a business's page on another site. Built by `npm run test:e2e` (build:widget, build:server).
const WIDGET = `http://127.0.0.1:${PORT + 2}`; // node dist-server/serve.js: dist/ and the proxy
const UPSTREAM = `http://127.0.0.1:${PORT + 3}`; // node dist-server/demo.js: the Altegio-shaped API
const HOST_PORT = PORT + 4;
const HOST = `http://shop.localhost:${HOST_PORT}`; // the README's snippets on the business's own site
const API = `http://127.0.0.1:${PORT + 5}`; // a second proxy, the API on an origin of its own (data-api-base)

const proxyEnv = (port: number) => ({
  PORT: String(port),
  ALTEGIO_PARTNER_TOKEN: 'e2e-partner-token',
  ALTEGIO_UPSTREAM: `${UPSTREAM}/api/v1`,
  ALLOWED_ORIGINS: HOST,
  // Short, so a slow upstream is a quick test; the widget's own timeout (15 s) is longer.
  UPSTREAM_TIMEOUT_MS: '3000',
  // Every test books from the one loopback IP, with no cache between: the limits (per client and
  // the upstream's budget for the deployment) are for real visitors and a real Altegio.
  RATE_LIMIT_PER_SECOND: '1000',
  RATE_LIMIT_PER_MINUTE: '100000',
  UPSTREAM_PER_SECOND: '1000',
  UPSTREAM_PER_MINUTE: '100000',
  CLIENT_UPSTREAM_PER_SECOND: '1000',
  CLIENT_UPSTREAM_PER_MINUTE: '100000',
  // Each test resets the upstream; an answer cached by a previous test would outlive the reset
  // and hide the faults a test arms. The cache has its own tests (test/proxy-cache.test.ts).
  CACHE_MAX_ENTRIES: '0',
});

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(systemChromium ? { executablePath: systemChromium } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

/** The specs that run in the deployed topology too; `deployed-*` run only there. */
const DEPLOYED_SPECS = [
  'account.spec.ts', // My bookings: sign in, move, cancel, book again through the proxy's user endpoints
  'deployed-*.spec.ts', // deployed-embed (README snippets), deployed-hops (faults on both hops)
  'manage.spec.ts',
  'network.spec.ts',
  'booking-errors.spec.ts',
  'confirm-trouble.spec.ts',
  'lost-answer.spec.ts',
  'slot-taken.spec.ts',
  'sms-code.spec.ts',
  'remember.spec.ts', // typed data across a reload and a closed tab, on the production build
  'embed-isolation.spec.ts', // hostile pages on the business's site, against the built loader
  'success.spec.ts', // the calendar links and the .ics from the built files, the dialog on the business's site
  'layouts.spec.ts', // the wide layout on the hosted page and inline on the business's site, the phone's
  'group-events.spec.ts', // a seat booked through the built server and the proxy, a full event, keyboard and axe
  'analytics.spec.ts', // consent first on the built hosted page; a business's own page's dataLayer, on its own origin
  'pseudo-locale.spec.ts', // no English left: the built widget, and the first step as the server renders it
  'rtl.spec.ts', // Arabic and Hebrew: the server's first step and <html lang dir>, inline on the business's site
  'chain.spec.ts', // the large chain's city step, search and nearest to me from the built files
];

export default defineConfig<DeployedOptions>({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  // Never: a test that passes only on a second try is a failure to look at, not to hide.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'deployed-*.spec.ts',
      use: chromium,
    },
    {
      name: 'deployed',
      testMatch: DEPLOYED_SPECS,
      use: { ...chromium, baseURL: WIDGET, demoURL: UPSTREAM, hostURL: HOST, apiURL: API },
    },
  ],
  webServer: [
    {
      command: `VITE_CONFIG_NATIVE_IGNORE_WARNING=true npx vite --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: 'node dist-server/demo.js',
      env: { PORT: String(PORT + 3) },
      url: `${UPSTREAM}/__demo/faults`,
      reuseExistingServer,
      timeout: 20_000,
      stdout: 'ignore',
    },
    {
      command: 'node dist-server/serve.js',
      env: proxyEnv(PORT + 2),
      url: `${WIDGET}/health`,
      reuseExistingServer,
      timeout: 20_000,
      stdout: 'ignore',
    },
    {
      command: 'node dist-server/serve.js',
      env: proxyEnv(PORT + 5),
      url: `${API}/health`,
      reuseExistingServer,
      timeout: 20_000,
      stdout: 'ignore',
    },
    {
      command: 'node e2e/hosts/readme-hosts.mjs',
      env: { PORT: String(HOST_PORT), WIDGET_ORIGIN: WIDGET, API_ORIGIN: API },
      url: `http://127.0.0.1:${HOST_PORT}/`,
      reuseExistingServer,
      timeout: 20_000,
      stdout: 'ignore',
    },
  ],
});
