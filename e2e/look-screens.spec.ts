// What a visitor sees, compared with the baselines kept in the repo: every step of a booking at a
// phone's and a desktop's width, on a light and on a dark booking form. One walk per width and
// form, a shot at each step; the location step (chain forms only) from the same palettes' chain
// variants. After an intended change of the look:
//   npx playwright test e2e/look --update-snapshots   (then review the PNGs before committing)
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { freezeTime, settle, SHOT, WIDTHS } from './look';
import { VISITOR } from './widget';

const FORMS = { light: DEMO.forms.lightPalette, dark: DEMO.forms.darkPalette } as const;
const CHAINS = { light: DEMO.forms.chainLightPalette, dark: DEMO.forms.chainDarkPalette } as const;

for (const [width, viewport] of Object.entries(WIDTHS)) {
  for (const [mode, form] of Object.entries(FORMS)) {
    test.describe(`${mode} form at ${viewport.width} px`, () => {
      test.use({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });

      // On a desktop the hosted page's widget is 1040 px wide: the empty page around it is left out.
      const clip = viewport.width > 1100 ? { x: (viewport.width - 1080) / 2, y: 0, width: 1080, height: viewport.height } : undefined;

      test('every step looks as in its baseline', async ({ page, demo, widget }) => {
        const shot = async (step: string) => {
          await settle(page);
          await expect(page).toHaveScreenshot(`${step}-${width}-${mode}.png`, { ...SHOT, ...(clip ? { clip } : {}) });
        };
        await freezeTime(page, demo);
        await widget.open(form);

        await expect(widget.service("Women's haircut")).toBeVisible();
        await shot('service');
        await widget.chooseService("Women's haircut");

        await expect(widget.member('Olivia Bennett')).toBeVisible();
        await shot('staff');
        await widget.chooseMember('Olivia Bennett');

        await expect(widget.bookableDays().first()).toBeVisible();
        await expect(page.getByRole('button', { name: 'Choose this time' })).toBeVisible();
        await shot('date');
        await widget.chooseFirstBookableDay();

        await expect(widget.times().first()).toBeVisible();
        await shot('time');
        await widget.chooseFirstTime();

        await shot('contact');
        await widget.fillContact(VISITOR);

        await shot('confirm');
        await widget.confirmButton().click();
        await widget.expectStep('success');
        await shot('success');
      });

      test('the location step looks as in its baseline', async ({ page, demo, widget }) => {
        await freezeTime(page, demo);
        await widget.open(CHAINS[mode as keyof typeof CHAINS]);
        await expect(widget.location('Lumen Studio Rīga')).toBeVisible();
        await settle(page);
        await expect(page).toHaveScreenshot(`location-${width}-${mode}.png`, { ...SHOT, ...(clip ? { clip } : {}) });
      });
    });
  }
}
