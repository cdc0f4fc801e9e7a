// The locale resource refused while a language's texts are still loading (this file is the first to
// import their chunk, so the import takes a while): nothing may count as an unhandled rejection,
// which would end a Node server rendering the page.
import { describe, expect, it } from 'vitest';
import { withWidgetTexts } from '../src/i18n/load';

describe('a refused locale resource', () => {
  it('leaves no unhandled rejection while the texts load', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const refused = Promise.reject(new Error('no resource'));
      const outcome = expect(withWidgetTexts('lv-LV', refused)).rejects.toThrow('no resource');
      // Past the turns in which Node reports a rejection nobody handles.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await outcome;
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });
});
