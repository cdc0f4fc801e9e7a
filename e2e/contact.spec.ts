// Bad contact details get a message next to each field, focus goes to the first one to fix, and
// nothing is sent until they are fixed.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { VISITOR } from './widget';

test('bad contact details are explained next to each field and nothing is sent until fixed', async ({ widget, traffic }) => {
  await widget.reachContact({ form: DEMO.forms.newYork, service: 'Blow-dry & styling', member: 'Daniel Brooks' });

  await widget.phoneField().fill('12ab');
  await widget.continue();

  await widget.expectStep('contact');
  await expect(widget.nameField()).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.nameField()).toHaveAccessibleDescription('Enter your name');
  await expect(widget.phoneField()).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.phoneField()).toHaveAccessibleDescription(/Wrong number/);
  await expect(widget.nameField()).toBeFocused();
  expect(traffic.count('book_check') + traffic.count('book_record')).toBe(0);

  await widget.nameField().fill(VISITOR.name);
  await widget.phoneField().fill(VISITOR.phone);
  await expect(widget.nameField()).not.toHaveAttribute('aria-invalid', 'true');
  await expect(widget.phoneField()).not.toHaveAttribute('aria-invalid', 'true');
  await widget.continue();
  await widget.expectStep('confirm');
  await expect(widget.region('confirm')).toContainText('Daniel Brooks');
  expect(traffic.count('book_check') + traffic.count('book_record')).toBe(0);
});
