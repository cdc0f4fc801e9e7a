// The bench's one table: each page figure next to the baseline's, and the ratio between them.
import type { BookingFigures } from './booking-traffic';
import type { PageFigures } from './measure-page';
import type { FileSize } from './sizes';

interface Result {
  profile: { rttMs: number; downKbps: number; cpuSlowdown: number; runs: number };
  sizes: FileSize[];
  startGzip: { hosted: number; baseline: number };
  pages: Record<string, PageFigures | null>;
  booking: BookingFigures & { roundTripsBeforeFirstStepLocationNamed: number };
  notes: string[];
  seconds: number;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && b > 0 ? `×${(a / b).toFixed(1)}` : '–');

const PAGE_ROWS: [string, keyof PageFigures, (n: number) => string][] = [
  ['first contentful paint', 'fcp', ms],
  ['largest contentful paint', 'lcp', ms],
  ['total blocking time', 'tbt', ms],
  ['main-thread work (all tasks)', 'mainThreadMs', ms],
  ['script time (parse, compile, run)', 'scriptMs', ms],
  ['first step interactive', 'firstChoiceMs', ms],
  ['layout shift (CLS)', 'cls', (n) => n.toFixed(3)],
  ['transferred (all requests)', 'transferredKb', (n) => `${n.toFixed(1)} kB`],
  ['requests', 'requests', String],
];

export function printTable(r: Result): void {
  const { hosted, inline, baseline } = r.pages;
  const rows: string[][] = [['measure', 'hosted', 'inline embed', 'baseline', 'hosted ÷ base', 'inline ÷ base']];
  const section = (title: string) => rows.push([`— ${title}`, '', '', '', '', '']);

  section('built files: gzip / brotli');
  for (const s of r.sizes) rows.push([s.file, `${kb(s.gzip)} / ${kb(s.brotli)}`, '', '', '', '']);
  rows.push(['JS + CSS at start (gzip)', kb(r.startGzip.hosted), '', kb(r.startGzip.baseline), ratio(r.startGzip.hosted, r.startGzip.baseline), '']);

  section(`page load: ${r.profile.rttMs} ms RTT, ${r.profile.downKbps / 1000} Mbit/s, ${r.profile.cpuSlowdown}× CPU, median of ${r.profile.runs}`);
  for (const [label, key, show] of PAGE_ROWS) {
    const cell = (f: PageFigures | null | undefined) => (f ? show(f[key]) : 'skipped');
    rows.push([label, cell(hosted), cell(inline), cell(baseline), ratio(hosted?.[key] ?? NaN, baseline?.[key] ?? 0), ratio(inline?.[key] ?? NaN, baseline?.[key] ?? 0)]);
  }

  const b = r.booking;
  section('a complete booking (hosted page, demo backend)');
  rows.push(['API requests', String(b.requests), '', '', '', '']);
  rows.push(['duplicated requests', String(b.duplicates.length), '', '', '', '']);
  rows.push(['API bytes (headers + bodies)', kb(b.bytes), '', '', '', '']);
  rows.push(['longest chain of waiting requests', String(b.longestChain.length), '', '', '', '']);
  rows.push(['round trips before the first step', String(b.roundTripsBeforeFirstStep), '', '', '', '']);
  rows.push(['… when the page names the location', String(b.roundTripsBeforeFirstStepLocationNamed), '', '', '', '']);
  rows.push(['requests on back and forth', String(b.reaskedAfterBackAndForth), '', '', '', '']);

  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(`\nlongest chain: ${b.longestChain.join(' → ')}`);
  if (b.duplicates.length) console.log(`duplicates: ${b.duplicates.join('; ')}`);
  for (const note of r.notes) console.log(`note: ${note}`);
  console.log(`(${r.seconds} s; details in bench-results/bench.json)`);
}
