// Every step fits a 320 px phone: no sideways scrolling from the location to the success screen,
// the SMS code included (the chain form's Riga location confirms by SMS).
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { RIGA_VISITOR } from './widget';

test.use({ viewport: { width: 320, height: 640 } });

test('each step is usable at 320 px wide with no horizontal scroll', async ({ page, widget }) => {
  const fits = async (what: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `page width on ${what}`).toBeLessThanOrEqual(320);
  };

  await widget.open(DEMO.forms.chain);
  await expect(widget.location('Lumen Studio Rīga')).toBeVisible();
  await fits('location');
  await widget.chooseLocation('Lumen Studio Rīga');

  await expect(widget.service('Sejas tīrīšana')).toBeVisible();
  await fits('services');
  await widget.chooseService('Sejas tīrīšana');

  await expect(widget.member('Anna Liepa')).toBeVisible();
  await fits('team member');
  await widget.chooseMember('Anna Liepa');

  await expect(widget.bookableDays().first()).toBeVisible();
  await fits('date');
  await widget.chooseFirstBookableDay();

  await expect(widget.times().first()).toBeVisible();
  await fits('time');
  await widget.chooseFirstTime();

  await fits('contact');
  await widget.fillContact(RIGA_VISITOR);

  await fits('confirm');
  await widget.confirmButton().click();
  await expect(widget.codeField()).toBeVisible();
  await fits('SMS code');
  await widget.codeField().fill(DEMO.smsCode);
  await widget.codeButton().click();

  await widget.expectStep('success');
  await expect(widget.region('success')).toContainText('Anna Liepa');
  await fits('success');
});
