// @vitest-environment jsdom
// Keyboard details a sighted mouse user never meets: arrows that follow the reading direction,
// a year at a time, and focus that stays in the widget when the button that had it goes away.
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetryBox } from '../src/steps/Parts';
import { Calendar } from '../src/ui/Calendar';

afterEach(cleanup);

function Month({ lang, onMonth }: { lang: string; onMonth?: (m: string) => void }) {
  const [month, setMonth] = useState('2026-03');
  return (
    <Calendar
      month={month}
      bookable={new Set(['2026-03-10'])}
      selected="2026-03-10"
      today="2026-03-02"
      lang={lang}
      weekStartsOn={0}
      onSelect={() => {}}
      onMonthChange={(m) => {
        onMonth?.(m);
        setMonth(m);
      }}
    />
  );
}

const focusedDay = () => document.activeElement?.getAttribute('data-date');

/** Past the previous- and next-month buttons to the month's one tab stop. */
async function tabToGrid() {
  for (let i = 0; i < 3; i++) await userEvent.tab();
}

describe('calendar keys', () => {
  it('move the way the text reads: right to left in Hebrew', async () => {
    render(<Month lang="he-IL" />);
    await tabToGrid();
    expect(focusedDay()).toBe('2026-03-10');
    await userEvent.keyboard('{ArrowLeft}');
    expect(focusedDay()).toBe('2026-03-11');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(focusedDay()).toBe('2026-03-09');
  });

  it('move left to right in English', async () => {
    render(<Month lang="en-US" />);
    await tabToGrid();
    await userEvent.keyboard('{ArrowRight}');
    expect(focusedDay()).toBe('2026-03-11');
  });

  it('move a year with Shift+Page Down', async () => {
    const onMonth = vi.fn();
    render(<Month lang="en-US" onMonth={onMonth} />);
    await tabToGrid();
    await userEvent.keyboard('{Shift>}{PageDown}{/Shift}');
    expect(onMonth).toHaveBeenLastCalledWith('2027-03');
    expect(focusedDay()).toBe('2027-03-10');
  });
});

describe('try again', () => {
  it('leaves focus on the step heading when its button goes away', async () => {
    function Step() {
      const [failed, setFailed] = useState(true);
      return (
        <div class="bw-root">
          <h2 class="bw-title" tabIndex={-1}>
            Pick a time
          </h2>
          {failed && <RetryBox onRetry={() => setFailed(false)} />}
        </div>
      );
    }
    render(<Step />);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }));
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Pick a time' }));
  });
});
