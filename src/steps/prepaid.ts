// The prepayment rule in the resource's words (`master.prepaid.*`), on service cards and group
// events alike; callers show nothing for 'forbidden'. The English of the two rules that show is in
// the first download (en.ts), as the service step shows them.
import type { Prepaid } from '../api/types-events';
import { t } from '../i18n';

/** What a visitor reads about paying online for a service or an event. */
export function prepaidText(rule: Exclude<Prepaid, 'forbidden'>): string {
  return t(`master.prepaid.${rule}`);
}
