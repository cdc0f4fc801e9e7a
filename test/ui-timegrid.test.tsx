// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Slot } from '../src/api/types';
import { TimeGrid } from '../src/ui/TimeGrid';

afterEach(cleanup);

const slot = (time: string): Slot => ({ time, duration: 3600, datetime: `2026-03-04T${time}:00-0500` });
const SLOTS = ['09:00', '11:30', '12:00', '16:30', '17:00'].map(slot);

describe('time grid', () => {
  it('groups times into morning, day and evening', () => {
    render(<TimeGrid slots={SLOTS} tz="America/New_York" lang="en-GB" onSelect={() => {}} />);
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual(['Morning', 'Day', 'Evening']);
    const morning = screen.getByRole('region', { name: 'Morning' });
    expect(within(morning).getAllByRole('button').map((b) => b.textContent)).toEqual(['09:00', '11:30']);
    const evening = screen.getByRole('region', { name: 'Evening' });
    expect(within(evening).getAllByRole('button')).toHaveLength(1);
  });

  it('leaves out empty groups and renders nothing without slots', () => {
    const { container, rerender } = render(
      <TimeGrid slots={[slot('18:00')]} tz="America/New_York" lang="en-GB" onSelect={() => {}} />,
    );
    expect(screen.getAllByRole('heading')).toHaveLength(1);
    rerender(<TimeGrid slots={[]} tz="America/New_York" lang="en-GB" onSelect={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('names each time with its full day, in the location’s zone', () => {
    render(<TimeGrid slots={SLOTS} tz="America/New_York" lang="en-US" onSelect={() => {}} />);
    expect(screen.getByRole('button', { name: 'Wednesday, March 4, 2026 at 9:00 AM' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wednesday, March 4, 2026 at 5:00 PM' })).toBeTruthy();
  });

  it('writes the visitor’s own time under each time when their zone differs, and describes the button by it', () => {
    // 4 March: New York is UTC−5, Riga UTC+2.
    render(<TimeGrid slots={SLOTS} tz="America/New_York" lang="en-GB" visitorZone="Europe/Riga" onSelect={() => {}} />);
    const nine = screen.getByRole('button', { name: /\b09:00$/ });
    expect(nine.querySelector('.bw-time__yours')?.textContent).toBe('16:00');
    expect(nine.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toEqual(['16:00 your time']);
    cleanup();
    render(<TimeGrid slots={SLOTS} tz="America/New_York" lang="en-GB" visitorZone="America/Toronto" onSelect={() => {}} />);
    const same = screen.getByRole('button', { name: /\b09:00$/ });
    expect(same.textContent).toBe('09:00');
    expect(same.getAttribute('aria-describedby')).toBeNull();
  });

  it('reports the chosen slot and shows the selection', async () => {
    const onSelect = vi.fn();
    const { rerender } = render(
      <TimeGrid slots={SLOTS} tz="America/New_York" lang="en-GB" onSelect={onSelect} />,
    );
    await userEvent.click(screen.getByRole('button', { name: /\b12:00$/ }));
    expect(onSelect).toHaveBeenCalledWith(SLOTS[2]);
    rerender(
      <TimeGrid slots={SLOTS} selected={SLOTS[2]!.datetime} tz="America/New_York" lang="en-GB" onSelect={onSelect} />,
    );
    expect(screen.getByRole('button', { name: /\b12:00$/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /\b09:00$/ }).getAttribute('aria-pressed')).toBe('false');
  });
});
