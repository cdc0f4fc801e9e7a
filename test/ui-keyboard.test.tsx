// @vitest-environment jsdom
// Keyboard details a sighted mouse user never meets: arrows that follow the reading direction,
// a year at a time, and focus that stays in the widget when the button that had it goes away.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../src/api/client';
import { createManageModel, type ManageModel } from '../src/flow/manage';
import { addEnglish } from '../src/i18n';
import { enLater } from '../src/i18n/en-later';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { ManageBooking } from '../src/steps/ManageBooking';
import { RetryBox } from '../src/steps/Parts';
import { Calendar } from '../src/ui/Calendar';

addEnglish(enLater);
let manage: ManageModel | undefined;

afterEach(() => {
  cleanup();
  manage?.dispose();
  manage = undefined;
});

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

describe('a month shown from outside the calendar', () => {
  /** The date step's "Try the next month": the button goes away as the next month's days load. */
  function EmptyMarch({ free }: { free: Promise<void> }) {
    const [month, setMonth] = useState('2026-03');
    const [loading, setLoading] = useState(false);
    const [asked, setAsked] = useState(0);
    const bookable = new Set(month === '2026-04' && !loading ? ['2026-04-08'] : []);
    return (
      <div>
        <input aria-label="Elsewhere" />
        <Calendar month={month} bookable={bookable} today="2026-03-31" lang="en-US" weekStartsOn={0} loading={loading} focusRequest={asked} onSelect={() => {}} onMonthChange={setMonth} />
        {month === '2026-03' && (
          <button
            type="button"
            onClick={() => {
              setMonth('2026-04');
              setLoading(true);
              setAsked((n) => n + 1);
              void free.then(() => setLoading(false));
            }}
          >
            Try the next month
          </button>
        )}
      </div>
    );
  }

  it('takes focus on its day while the days load, then on the first free one', async () => {
    let load = () => {};
    render(<EmptyMarch free={new Promise((r) => (load = r))} />);
    screen.getByRole('button', { name: 'Try the next month' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Try the next month' })).toBeNull();
    expect(focusedDay()).toBe('2026-04-01');
    load();
    await waitFor(() => expect(focusedDay()).toBe('2026-04-08'));
  });

  it('leaves focus alone when the visitor went elsewhere while the days loaded', async () => {
    let load = () => {};
    render(<EmptyMarch free={new Promise((r) => (load = r))} />);
    screen.getByRole('button', { name: 'Try the next month' }).focus();
    await userEvent.keyboard('{Enter}');
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    elsewhere.focus();
    load();
    await waitFor(() => expect(screen.getByRole('gridcell', { name: /April 8/ }).tabIndex).toBe(0));
    expect(document.activeElement).toBe(elsewhere);
  });
});

describe('booking page', () => {
  /** A booking in New York, its page open; `failDelete` makes the cancel request fail on the way. */
  async function openBooking(failDelete = false) {
    let now = new Date('2026-11-23T14:00:00Z');
    const demo = createDemoApp({ now: () => now });
    const api = createApi({
      baseUrl: 'http://demo.test/api/v1',
      fetch: (input, init) => {
        const request = new Request(input as RequestInfo, init);
        return failDelete && request.method === 'DELETE' ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(demo.fetch(request));
      },
    });
    const service = DEMO.services.mensHaircut;
    const location = DEMO.locations.newYork;
    const [date] = (await api.getDates(location, { serviceIds: [service], staffId: 0, from: '2026-11-24', to: '2026-11-30' })).bookable;
    const [slot] = await api.getTimes(location, 0, date!, { serviceIds: [service] });
    const [record] = await api.createBooking(location, {
      contact: { name: 'Ann Lee', phone: '+1 212 555 0100', email: '', comment: '' },
      appointments: [{ id: 1, serviceIds: [service], staffId: 0, datetime: slot!.datetime }],
    });
    const opened = new Date('2026-11-23T14:00:00Z');
    manage = createManageModel({ api, formId: DEMO.forms.newYork, locationId: location, recordId: record!.recordId, hash: record!.recordHash, lang: 'en-US', now: () => opened });
    render(<ManageBooking model={manage} />);
    const cancel = await screen.findByRole('button', { name: 'Cancel appointment' });
    return { cancel, visitIn: (ms: number) => (now = new Date(Date.parse(slot!.datetime) - ms)) };
  }

  const answer = async (button: string) => {
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel appointment' }));
    const question = screen.getByRole('group', { name: /Are you sure/ });
    await waitFor(() => expect(document.activeElement).toBe(question.querySelector('p')));
    const buttons = question.querySelectorAll('button');
    (button === 'keep' ? buttons[1]! : buttons[0]!).focus();
    await userEvent.keyboard('{Enter}');
  };

  it('keeping the booking gives focus back to the cancel button', async () => {
    await openBooking();
    await answer('keep');
    expect(screen.queryByRole('group')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel appointment' })));
  });

  it('a refusal from the business takes focus with its reason', async () => {
    const { visitIn } = await openBooking();
    visitIn(30 * 60_000); // the location's rules changed meanwhile: too late now
    await answer('cancel');
    const reason = await screen.findByText(/not possible to cancel an appointment online/);
    await waitFor(() => expect(document.activeElement).toBe(reason));
  });

  it('a cancel that failed on the way takes focus with the failure, the cancel button still there', async () => {
    await openBooking(true);
    await answer('cancel');
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.contains(document.activeElement)).toBe(true));
    expect(screen.getByRole('button', { name: 'Cancel appointment' })).toBeTruthy();
  });
});
