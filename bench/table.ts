// The bench's one table: each page's figures next to the limit's (a static page holding the
// rendered first step), and the ratio between them.
import type { BookingFigures } from './booking-traffic';
import type { PageFigures } from './measure-page';
import type { FileSize } from './sizes';

interface Bytes {
  gzip: number;
  brotli: number;
}

interface Result {
  profile: { rttMs: number; downKbps: number; cpuSlowdown: number; runs: number; form: number };
  sizes: FileSize[];
  startSizes: { hosted: Bytes; inline: Bytes };
  limitBytes: number;
  pages: Record<string, PageFigures>;
  booking: BookingFigures & { roundTripsBeforeFirstStepLocationNamed: number };
  notes: string[];
  seconds: number;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && b > 0 ? `×${(a / b).toFixed(2)}` : '–');

const PAGE_ROWS: [string, keyof PageFigures, (n: number) => string, boolean][] = [
  ['first step visible and clickable', 'firstChoiceMs', ms, true],
  ['first contentful paint', 'fcp', ms, true],
  ['largest contentful paint', 'lcp', ms, false],
  ['total blocking time', 'tbt', ms, false],
  ['main-thread work (all tasks)', 'mainThreadMs', ms, false],
  ['script time (parse, compile, run)', 'scriptMs', ms, false],
  ['layout shift (CLS)', 'cls', (n) => n.toFixed(3), false],
  ['requests before the first step', 'requestsBeforeFirstStep', String, false],
  ['sequential round trips before it', 'roundTripsBeforeFirstStep', String, false],
  ['… of them to the API', 'apiRoundTripsBeforeFirstStep', String, false],
  ['transferred before the first step', 'kbBeforeFirstStep', (n) => `${n.toFixed(1)} kB`, false],
  ['transferred (all requests)', 'transferredKb', (n) => `${n.toFixed(1)} kB`, false],
  ['requests (all)', 'requests', String, false],
];

export function printTable(r: Result): void {
  const names = Object.keys(r.pages).filter((n) => n !== 'limit');
  const { limit } = r.pages;
  const rows: string[][] = [['measure', 'limit', ...names, ...names.map((n) => `${n} ÷ limit`)]];
  const blank = () => rows[0]!.slice(1).map(() => '');
  const section = (title: string) => rows.push([`— ${title}`, ...blank()]);

  section(`page load: ${r.profile.rttMs} ms RTT, ${r.profile.downKbps / 1000} Mbit/s, ${r.profile.cpuSlowdown}× CPU, cold browser cache, median of ${r.profile.runs}, form ${r.profile.form}`);
  for (const [label, key, show, withRatio] of PAGE_ROWS) {
    rows.push([
      label,
      show(limit![key]),
      ...names.map((n) => show(r.pages[n]![key])),
      ...names.map((n) => (withRatio ? ratio(r.pages[n]![key], limit![key]) : '')),
    ]);
  }

  section('bytes before the first step, as built (gzip / brotli)');
  rows.push(['hosted: page, JS and CSS', `${kb(r.limitBytes)} raw`, `${kb(r.startSizes.hosted.gzip)} / ${kb(r.startSizes.hosted.brotli)}`, ...blank().slice(2)]);
  rows.push(['script tag: loader, chunks, CSS', '', '', `${kb(r.startSizes.inline.gzip)} / ${kb(r.startSizes.inline.brotli)}`, ...blank().slice(3)]);

  const b = r.booking;
  section('a complete booking (hosted page, demo backend behind the proxy)');
  const one = (label: string, value: string) => rows.push([label, value, ...blank().slice(1)]);
  one('API requests', String(b.requests));
  one('duplicated requests', String(b.duplicates.length));
  one('API bytes (headers + bodies)', kb(b.bytes));
  one('longest chain of waiting requests', String(b.longestChain.length));
  one('API round trips before the first step', String(b.roundTripsBeforeFirstStep));
  one('… when the page names the location', String(b.roundTripsBeforeFirstStepLocationNamed));
  one('requests on back and forth', String(b.reaskedAfterBackAndForth));

  // Section titles run across the columns: they do not widen the first.
  const isSection = (row: string[]) => row[0]!.startsWith('— ');
  const widths = rows[0]!.map((_, i) => Math.max(...rows.filter((row) => !isSection(row)).map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(isSection(row) ? row[0] : line(row));
  console.log(`\nlongest chain of the booking: ${b.longestChain.join(' → ')}`);
  if (b.duplicates.length) console.log(`duplicates: ${b.duplicates.join('; ')}`);
  for (const note of r.notes) console.log(`note: ${note}`);
  console.log(`(${r.seconds} s; details in bench-results/bench.json)`);
}
