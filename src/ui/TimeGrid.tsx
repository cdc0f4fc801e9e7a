// Free times of one day, grouped into morning, day and evening so a long list stays scannable.
// Times are the location's wall-clock times; each button's accessible name carries the full day
// so a screen reader user never has to remember which day is shown.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Slot } from '../api/types';
import { formatSlotLong, type PartOfDay } from '../dates';
import { formatTime, partOfDay } from '../dates/names';
import { formatVisitorTime, parseDateTime, zoneDiffers } from '../dates/zones';
import { t } from '../i18n';

export interface TimeGridProps {
  slots: Slot[];
  /** The selected slot's datetime */
  selected?: string;
  /** The location's IANA zone */
  tz: string;
  lang: string;
  /** The visitor's zone, to write their own time under each time where their clock differs. */
  visitorZone?: string;
  /** Level of the Morning / Day / Evening headings inside the step. */
  headingLevel?: 2 | 3 | 4;
  onSelect(slot: Slot): void;
}

const PARTS: PartOfDay[] = ['morning', 'day', 'evening'];

export function TimeGrid({ slots, selected, tz, lang, visitorZone, headingLevel = 3, onSelect }: TimeGridProps) {
  if (slots.length === 0) return null;
  const groups = PARTS.map((part) => ({ part, slots: slots.filter((s) => partOfDay(s.time) === part) }));
  return (
    <div class="bw-times">
      {groups.map(
        ({ part, slots: inPart }) =>
          inPart.length > 0 && (
            <TimeGroup key={part} title={t(`time.the_part_of_day.${part}`)} level={headingLevel}>
              {inPart.map((slot) => {
                const isSelected = slot.datetime === selected;
                const at = parseDateTime(slot.datetime);
                const yours = visitorZone && zoneDiffers(tz, at, visitorZone) ? formatVisitorTime(at, tz, lang, visitorZone) : '';
                const yoursId = `bw-yours-${at.getTime()}`;
                return (
                  <li key={slot.datetime}>
                    <button
                      type="button"
                      class={`bw-time${isSelected ? ' bw-time--selected' : ''}`}
                      aria-pressed={isSelected ? 'true' : 'false'}
                      aria-label={formatSlotLong(slot.datetime, tz, lang)}
                      aria-describedby={yours ? yoursId : undefined}
                      onClick={() => onSelect(slot)}
                    >
                      {formatTime(slot.datetime, tz, lang)}
                      {yours && (
                        <>
                          <span class="bw-time__yours" aria-hidden="true">
                            {yours}
                          </span>
                          <span id={yoursId} class="bw-visually-hidden">
                            {t('widget.your_time', { time: yours })}
                          </span>
                        </>
                      )}
                    </button>
                  </li>
                );
              })}
            </TimeGroup>
          ),
      )}
    </div>
  );
}

function TimeGroup({ title, level, children }: { title: string; level: 2 | 3 | 4; children: ComponentChildren }) {
  const id = useId();
  const Heading = `h${level}` as 'h3';
  return (
    <section class="bw-times-group" aria-labelledby={id}>
      <Heading id={id} class="bw-times-title">
        {title}
      </Heading>
      <ul class="bw-times-list" role="list">
        {children}
      </ul>
    </section>
  );
}
