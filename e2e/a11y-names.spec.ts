// What a screen reader says for each day and time, read through the accessibility tree: full
// dates, "unavailable" on a day that cannot be booked, and each time with its day, in English and,
// after switching language mid-booking, in Hebrew.
import { DEMO } from '../src/server/demo/seed';
import { expect, test } from './fixtures';
import { setClocks } from './visitor-clock';

/** Monday 2 March 2026, 09:00 in New York. Olivia works Tuesday to Saturday. */
const NOW = '2026-03-02T14:00:00Z';

test.use({ timezoneId: 'America/New_York' });

test('days and times are named in full, in the visitor’s language', async ({ page, widget, demo }) => {
  await setClocks(page, demo, NOW);
  await widget.reachDate({ form: DEMO.forms.newYork, service: "Women's haircut", member: 'Olivia Bennett' });

  const date = widget.region('date');
  await expect(date.getByRole('grid', { name: 'March 2026' })).toBeVisible();
  const tuesday = date.getByRole('gridcell', { name: 'Tuesday, March 3, 2026', exact: true });
  await expect(tuesday).toBeVisible();
  await expect(tuesday).toHaveText('3');
  await expect(date.getByRole('gridcell', { name: 'Monday, March 2, 2026, unavailable', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await expect(date.getByRole('gridcell', { name: 'Sunday, March 1, 2026, unavailable', exact: true })).toBeVisible();

  await page.getByRole('combobox', { name: 'Change the language' }).selectOption('he-IL');
  const grid = page.getByRole('grid', { name: 'מרץ 2026' });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'יום שני, 2 במרץ 2026, לא זמין', exact: true })).toBeVisible();
  await grid.getByRole('gridcell', { name: 'יום שלישי, 3 במרץ 2026', exact: true }).click();

  const times = page.getByRole('listitem').getByRole('button');
  await expect(times.first()).toBeVisible();
  const names = await times.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(3);
  // The day and the time as Hebrew joins them (one Intl format: "…, 3 במרץ 2026 בשעה 10:00").
  for (const name of names) expect(name).toMatch(/^יום שלישי, 3 במרץ 2026 בשעה \d{2}:\d{2}$/);
  await expect(times.first()).toHaveAccessibleName(names[0]!);
  // What is seen is the time alone (held by the name); the day is for the ear.
  await expect(times.first()).toHaveText(names[0]!.slice(-5));
});
