// The prepayment rule in the resource's words (`master.prepaid.*`), on service cards and group
// events alike. Its English is in the first download (en.ts), as the service step shows it.
import type { Prepaid } from '../api/types-events';
import { t } from '../i18n';

/** What a visitor reads about paying online; '' for 'forbidden' (or none), which shows nothing. */
export function prepaidText(rule: Prepaid | undefined): string {
  return rule && rule !== 'forbidden' ? t(`master.prepaid.${rule}`) : '';
}
