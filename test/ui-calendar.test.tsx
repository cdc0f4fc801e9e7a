// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Calendar, type CalendarProps } from '../src/ui/Calendar';

afterEach(cleanup);

const BOOKABLE = new Set(['2026-03-04', '2026-03-05', '2026-03-10', '2026-04-02']);

/** The calendar with its month held in state, as a step would hold it. */
function Harness(props: Partial<CalendarProps> & { onMonth?: (m: string) => void }) {
  const [month, setMonth] = useState(props.month ?? '2026-03');
  return (
    <Calendar
      bookable={BOOKABLE}
      today="2026-03-02"
      lang="en-GB"
      weekStartsOn={1}
      onSelect={() => {}}
      {...props}
      month={month}
      onMonthChange={(m) => {
        props.onMonth?.(m);
        setMonth(m);
      }}
    />
  );
}

const cell = (name: string | RegExp) => screen.getByRole('gridcell', { name });

describe('calendar', () => {
  it('is a grid labelled by the month with full date names', () => {
    render(<Harness />);
    const grid = screen.getByRole('grid', { name: 'March 2026' });
    expect(grid).toBeTruthy();
    expect(cell('Wednesday, 4 March 2026').getAttribute('aria-disabled')).toBeNull();
    expect(screen.getAllByRole('columnheader')[0]?.getAttribute('abbr')).toBe('Monday');
  });

  it('marks unavailable days and does not select them', async () => {
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} />);
    const closed = cell('Friday, 6 March 2026, unavailable');
    expect(closed.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(closed);
    expect(onSelect).not.toHaveBeenCalled();
    await userEvent.click(cell('Thursday, 5 March 2026'));
    expect(onSelect).toHaveBeenCalledWith('2026-03-05');
  });

  it('marks today and the selected day', () => {
    render(<Harness selected="2026-03-10" />);
    expect(cell(/^Monday, 2 March 2026/).getAttribute('aria-current')).toBe('date');
    expect(cell('Tuesday, 10 March 2026').getAttribute('aria-selected')).toBe('true');
  });

  it('has one tab stop, on the selected day', async () => {
    render(<Harness selected="2026-03-10" />);
    const stops = screen.getAllByRole('gridcell').filter((c) => c.tabIndex === 0);
    expect(stops).toHaveLength(1);
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-03-10');
  });

  it('moves by day and week with the arrows, and to week ends with Home/End', async () => {
    const onSelect = vi.fn();
    render(<Harness selected="2026-03-04" onSelect={onSelect} />);
    cell('Wednesday, 4 March 2026').focus();
    const focused = () => document.activeElement?.getAttribute('data-date');
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()).toBe('2026-03-05');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('2026-03-12');
    await userEvent.keyboard('{ArrowLeft}{ArrowUp}');
    expect(focused()).toBe('2026-03-04');
    await userEvent.keyboard('{Home}');
    expect(focused()).toBe('2026-03-02');
    await userEvent.keyboard('{End}');
    expect(focused()).toBe('2026-03-08');
    await userEvent.keyboard('{Enter}');
    expect(onSelect).not.toHaveBeenCalled();
    await userEvent.keyboard('{Home}{ArrowRight}{ArrowRight}{ArrowRight}{Enter}');
    expect(onSelect).toHaveBeenCalledWith('2026-03-05');
    const stops = screen.getAllByRole('gridcell').filter((c) => c.tabIndex === 0);
    expect(stops.map((c) => c.getAttribute('data-date'))).toEqual(['2026-03-05']);
  });

  it('changes month with PageUp/PageDown and by arrowing past the edge', async () => {
    const onMonth = vi.fn();
    render(<Harness selected="2026-03-31" onMonth={onMonth} />);
    cell('Tuesday, 31 March 2026, unavailable').focus();
    await userEvent.keyboard('{PageDown}');
    expect(onMonth).toHaveBeenLastCalledWith('2026-04');
    expect(screen.getByRole('grid', { name: 'April 2026' })).toBeTruthy();
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-04-30');
    await userEvent.keyboard('{PageUp}');
    expect(onMonth).toHaveBeenLastCalledWith('2026-03');
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-03-30');
    await userEvent.keyboard('{ArrowDown}');
    expect(onMonth).toHaveBeenLastCalledWith('2026-04');
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-04-06');
  });

  it('stays within the allowed months', async () => {
    const onMonth = vi.fn();
    render(<Harness onMonth={onMonth} minMonth="2026-03" maxMonth="2026-04" />);
    expect(screen.getByRole('button', { name: 'Previous month' }).getAttribute('aria-disabled')).toBe('true');
    cell('Wednesday, 4 March 2026').focus();
    await userEvent.keyboard('{PageUp}');
    expect(onMonth).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(onMonth).toHaveBeenCalledWith('2026-04');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next month' }));
    expect(screen.getByRole('button', { name: 'Next month' }).getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(onMonth).toHaveBeenCalledTimes(1);
  });

  it('draws days while loading but lets none be chosen', async () => {
    const onSelect = vi.fn();
    render(<Harness loading onSelect={onSelect} />);
    expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('true');
    expect(screen.getAllByRole('gridcell').filter((c) => c.dataset.date)).toHaveLength(31);
    await userEvent.click(screen.getAllByRole('gridcell').find((c) => c.dataset.date === '2026-03-04')!);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('draws a month without free days with every day unavailable', () => {
    render(<Harness month="2026-05" />);
    const days = screen.getAllByRole('gridcell').filter((c) => c.dataset.date);
    expect(days).toHaveLength(31);
    expect(days.every((c) => c.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(days.filter((c) => c.tabIndex === 0).map((c) => c.dataset.date)).toEqual(['2026-05-01']);
  });
});
