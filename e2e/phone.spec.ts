// Phone numbers: checked by the country's own rules, written the way the country writes them,
// read as a number of the location's country when typed without a country code. The rules load
// only with the contact step; nothing is sent while the number is wrong.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { RIGA_MANICURE } from './widget';

test('a New York number typed without its country code is read as American and written in full', async ({ page, widget, traffic }) => {
  const loaded: string[] = [];
  page.on('request', (r) => /libphonenumber/.test(r.url()) && loaded.push(r.url()));
  await widget.reachDate({ form: DEMO.forms.newYork, service: 'Express facial', member: 'Grace Okafor' });
  await widget.chooseFirstBookableDay();
  expect(loaded).toEqual([]); // not before the contact step

  await widget.chooseFirstTime();
  await widget.nameField().fill('Jane Carter');
  await widget.phoneField().fill('212 555');
  await widget.emailField().click();
  await expect(widget.phoneField()).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.phoneField()).toHaveAccessibleDescription(/Wrong number/);
  await widget.continue();
  await widget.expectStep('contact');
  expect(traffic.count('book_check')).toBe(0);

  await widget.phoneField().fill('(212) 555-0123');
  await widget.emailField().click();
  await expect(widget.phoneField()).toHaveValue('+1 212 555 0123');
  await expect(widget.phoneField()).not.toHaveAttribute('aria-invalid', 'true');
  expect(loaded.length).toBeGreaterThan(0);
});

test('a Riga number is read as Latvian', async ({ widget }) => {
  await widget.reachContact(RIGA_MANICURE);
  await widget.phoneField().fill('26123456');
  await widget.nameField().click();
  await expect(widget.phoneField()).toHaveValue('+371 26 123 456');
  await widget.phoneField().fill('2612');
  await widget.nameField().click();
  await expect(widget.phoneField()).toHaveAttribute('aria-invalid', 'true');
});
