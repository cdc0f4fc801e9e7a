// Individual services or group events (the form's record_type step). A location without group
// events says so, and the individual booking stays one press away.
import { useId } from 'preact/hooks';
import type { BookingModel } from '../../flow/model';
import type { RecordType } from '../../flow/machine';
import type { GroupEvents } from '../../flow/group/model';
import { t } from '../../i18n';

export function RecordTypeStep({ model, group }: { model: BookingModel; group: GroupEvents }) {
  const chosen = model.choices.value?.recordType;
  const hasEvents = group.hasEvents.value;
  const choose = (recordType: RecordType) => model.dispatch({ type: 'chooseRecordType', recordType });
  const none = hasEvents === false;
  const noteId = useId();
  return (
    <ul class="bw-list" role="list">
      <li class={`bw-card${chosen === 'services' ? ' is-selected' : ''}`}>
        <button type="button" class="bw-card__main" aria-pressed={chosen === 'services'} onClick={() => choose('services')}>
          <span class="bw-card__body">
            <span class="bw-card__title">{t('group_booking.personal_booking')}</span>
          </span>
          <span class="bw-card__mark" aria-hidden="true" />
        </button>
      </li>
      <li class={`bw-card${chosen === 'events' ? ' is-selected' : ''}${none ? ' is-disabled' : ''}`}>
        <button
          type="button"
          class="bw-card__main"
          aria-pressed={chosen === 'events'}
          aria-describedby={noteId}
          disabled={none}
          onClick={() => choose('events')}
        >
          <span class="bw-card__body">
            <span class="bw-card__title">{t('group_booking.group_booking')}</span>
            <span class="bw-card__meta" id={noteId}>
              {hasEvents === undefined ? '' : t(none ? 'group_booking.group_events_is_not_available_filial' : 'group_booking.group_events_available')}
            </span>
          </span>
          {!none && <span class="bw-card__mark" aria-hidden="true" />}
        </button>
      </li>
    </ul>
  );
}
