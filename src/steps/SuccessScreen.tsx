// What was booked, with whom, when and where; and a way to book again keeping the contact data.
import type { BookingModel } from '../flow/model';
import { t } from '../i18n';
import { Summary } from './Summary';

export function SuccessScreen({ model }: { model: BookingModel }) {
  return (
    <div class="bw-success">
      <p class="bw-success__mark" aria-hidden="true">
        ✓
      </p>
      <Summary model={model} editable={false} />
      <div class="bw-actions">
        <button type="button" class="bw-btn bw-btn--secondary" onClick={model.restart}>
          {t('record.create_new_record')}
        </button>
      </div>
    </div>
  );
}
