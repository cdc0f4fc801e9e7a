// The browser's clock moved to another moment, for specs that book on a chosen day (the demo's
// clock moves with `demo.setClock`). Not `page.clock`: the zone library builds TZDate from the
// methods on `Date.prototype` and subclasses `Date`, and Playwright's fake Date breaks both, so
// every TZDate would silently read the browser's own zone.
import type { Page } from '@playwright/test';
import type { DemoBackend } from './demo-backend';

export async function setVisitorClock(page: Page, iso: string): Promise<void> {
  await page.addInitScript((target: number) => {
    const NativeDate = Date;
    const shift = target - NativeDate.now();
    // Only "now" moves (and time runs on); the prototype stays the native one, and
    // Reflect.construct keeps subclasses' instances their own.
    function ShiftedDate(this: unknown, ...args: unknown[]) {
      if (!new.target) return NativeDate();
      return Reflect.construct(NativeDate, args.length ? args : [NativeDate.now() + shift], new.target);
    }
    ShiftedDate.prototype = NativeDate.prototype;
    Object.setPrototypeOf(ShiftedDate, NativeDate);
    ShiftedDate.now = () => NativeDate.now() + shift;
    globalThis.Date = ShiftedDate as unknown as DateConstructor;
  }, Date.parse(iso));
}

/** Both clocks at the same moment: the demo backend's and the visitor's. */
export async function setClocks(page: Page, demo: DemoBackend, iso: string): Promise<void> {
  await demo.setClock(iso);
  await setVisitorClock(page, iso);
}
