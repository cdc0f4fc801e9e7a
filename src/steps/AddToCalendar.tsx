// "Add to calendar": one button that shows a short list of calendars (a disclosure, not an ARIA
// menu: the choices are ordinary links and a button, reached with Tab or the arrow keys). Google
// Calendar and Outlook on the web open their new-event form for one appointment each; the .ics
// file (Apple Calendar and any other app) holds them all. Escape, or a press outside, closes the
// list; Escape gives focus back to the button.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEvent } from '../flow/add-to-calendar';
import { t } from '../i18n';
import { comma } from '../i18n/joins';

/** The service's own name, written alike in every language. */
const OUTLOOK = 'Outlook.com';

export interface AddToCalendarProps {
  events: CalendarEvent[];
  /** The .ics file's name. */
  fileName: string;
  lang: string;
}

export function AddToCalendar({ events, fileName, lang }: AddToCalendarProps) {
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // A press anywhere else closes the list (in a shadow root the event's target is the host, so the
  // path says where it really was).
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      if (box.current && !e.composedPath().includes(box.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!open) return;
    if (e.key === 'Escape') {
      // Ours, not the dialog's around the widget (button mode), which Escape would close.
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const items = [...(box.current?.querySelectorAll<HTMLElement>('.bw-calendars__item') ?? [])];
    if (!items.length) return;
    e.preventDefault();
    const at = items.indexOf(e.target as HTMLElement);
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : e.key === 'ArrowDown' ? (at + 1) % items.length : at <= 0 ? items.length - 1 : at - 1;
    items[next]!.focus();
  }

  async function saveIcs() {
    setSaving(true);
    setSaveFailed(false);
    try {
      const { downloadIcs } = await import('../flow/ics');
      downloadIcs(events, fileName);
      close();
    } catch {
      setSaveFailed(true); // offline: the file's code could not load; pressing again retries
    } finally {
      setSaving(false);
    }
  }

  const several = events.length > 1;
  // With several appointments each link names its appointment: "Google Calendar, Appointment 2".
  const named = (label: string, i: number) => (several ? label + comma(lang) + t('widget.appointment_n', { n: i + 1 }) : label);
  const link = (href: string, label: string) => (
    <li key={href}>
      <a class="bw-calendars__item" href={href} target="_blank" rel="noopener noreferrer" onClick={close}>
        {label}
      </a>
    </li>
  );

  return (
    <div class="bw-calendar-add" ref={box} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        class="bw-btn bw-btn--primary bw-btn--block bw-calendar-add__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <CalendarIcon />
        {t('widget.add_to_calendar')}
        <span class="bw-calendar-add__chevron" aria-hidden="true" />
      </button>
      <ul class="bw-plain-list bw-calendars" id={listId} hidden={!open}>
        {events.map((e, i) => link(googleCalendarUrl(e), named(t('widget.calendar_google'), i)))}
        <li>
          <button type="button" class="bw-calendars__item" onClick={() => void saveIcs()} aria-busy={saving}>
            {t('widget.calendar_ics')}
          </button>
        </li>
        {events.map((e, i) => link(outlookCalendarUrl(e), named(OUTLOOK, i)))}
      </ul>
      {saveFailed && (
        <p class="bw-error" role="alert">
          {t('widget.network_error')}
        </p>
      )}
    </div>
  );
}

/** A calendar page, drawn in the button's text colour. */
function CalendarIcon() {
  return (
    <svg class="bw-calendar-add__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M7 3v3M17 3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
}
