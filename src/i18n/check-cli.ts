// `npm run i18n:check`: missing, unused and mismatched keys per bundled language. Exits 1 when a
// language lacks a key English has or a placeholder differs (unused keys only warn).
import { checkAll, englishToTranslate } from './check';

const reports = checkAll();
const { texts, plurals } = englishToTranslate();
console.log(`${texts.size} texts and ${plurals.size} plural(s) to translate; ${reports.length} languages bundled.`);
let failed = false;
for (const r of reports) {
  const problems = [
    ...r.missing.map((k) => `  missing      ${k}`),
    ...r.placeholders.map((k) => `  placeholders ${k}`),
    ...r.unused.map((k) => `  unused       ${k}`),
  ];
  if (r.missing.length || r.placeholders.length) failed = true;
  console.log(problems.length ? `${r.language}:\n${problems.join('\n')}` : `${r.language}: complete`);
}
process.exitCode = failed ? 1 : 0;
