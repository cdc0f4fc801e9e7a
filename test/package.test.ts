// The npm package as a developer meets it: built (vite.package.config.ts) into a folder of its
// own, imported by name from a project that installed it. Server rendering imports it in Node,
// with no window, document or customElements; a TypeScript project type-checks against its
// declarations. (e2e/package.spec.ts packs it, installs the tarball in a Vite + React 19 app and a
// plain ES-module page, and books through it in Chromium.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NAME = 'altegio-booking-widget';
const work = mkdtempSync(join(tmpdir(), 'widget-package-'));
const built = join(work, 'package');
/** A developer's project with the package in its node_modules. */
const project = join(work, 'project');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 170_000, env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
}

beforeAll(() => {
  const build = run(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.package.config.ts', '--outDir', built, '--logLevel', 'error'], process.cwd());
  expect(build.status, build.stderr).toBe(0);
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(built, join(project, 'node_modules', NAME), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-salon-site', private: true, type: 'module' }));
}, 180_000);

describe('the npm package', () => {
  it('describes itself: ES modules, types, the registering entry as its only side effect, nothing to install', () => {
    const pkg = JSON.parse(readFileSync(join(built, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: NAME, type: 'module', sideEffects: ['./element.js'] });
    expect(pkg.dependencies).toBeUndefined();
    for (const entry of ['.', './element']) {
      const { types, default: code } = pkg.exports[entry];
      expect(existsSync(join(built, types)), types).toBe(true);
      expect(existsSync(join(built, code)), code).toBe(true);
    }
    // Modules that import each other by relative paths only: a browser loads them as they are.
    for (const file of readdirSync(built, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(built, file), 'utf8');
      const specifiers = [...code.matchAll(/\b(?:from|import)\s*\(?\s*["']([\w@./-]+)["']/g)].map((m) => m[1]!);
      expect(specifiers.filter((spec) => !spec.startsWith('./') && !spec.startsWith('../')), file).toEqual([]);
    }
  });

  it('imports during server rendering: Node, no DOM, both entries', { timeout: 30_000 }, () => {
    const script = `
      for (const name of ['window', 'document', 'customElements', 'HTMLElement', 'CSSStyleSheet']) {
        if (name in globalThis) throw new Error(name + ' exists: not a DOM-less server');
      }
      const main = await import('${NAME}');
      await import('${NAME}/element');
      console.log(JSON.stringify(Object.keys(main).sort()));`;
    const node = run(process.execPath, ['--input-type=module', '-e', script], project);
    expect(node.stderr).toBe('');
    expect(node.status).toBe(0);
    expect(JSON.parse(node.stdout)).toEqual(['ATTRIBUTES', 'defineBookingWidget', 'mount']);
  });

  it("type-checks a developer's code against its declarations, and refuses what the widget would not take", { timeout: 120_000 }, () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        // As Vite's and Next's templates set them.
        compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM'], skipLibCheck: true, types: [] },
        files: ['booking.ts'],
      }),
    );
    writeFileSync(
      join(project, 'booking.ts'),
      `import { defineBookingWidget, mount, type BookedEvent, type BookingWidgetElement, type WidgetHandle } from '${NAME}';
import '${NAME}/element';

const widget: WidgetHandle = mount(document.createElement('div'), { formId: 1, apiBase: '/api/v1', lang: 'en-US', preselect: { serviceIds: [3] }, theme: { mode: 'dark' } });
const stop: () => void = widget.on('booked', (booking: BookedEvent) => console.log(booking.datetime.toUpperCase(), booking.recordIds[0]! + 1));
stop();
widget.on('step', ({ step }) => step === 'success');
widget.prefill({ name: 'Ann' });
widget.open();
widget.destroy();

const Element: CustomElementConstructor = defineBookingWidget();
const element = new Element() as BookingWidgetElement;
element.prefill = { email: 'ann@example.com' };
element.theme = { primary: '#0b6e4f' };
element.widget?.close();

// @ts-expect-error: no such event
widget.on('booking', () => {});
// @ts-expect-error: the form is an id
mount(document.body, { formId: '1' });
// @ts-expect-error: a mode the widget does not have
mount(document.body, { formId: 1, theme: { mode: 'sepia' } });
// @ts-expect-error: the widget's own internals are not the package's API
import { mountWidget } from '${NAME}';
void mountWidget;
`,
    );
    const tsc = run(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
