// Counted texts of the group-event views, in the language's plural form (Intl.PluralRules).
import { interpolate, tPlural } from '../../i18n';
import { formatCount } from '../../i18n/format';

/** "3 of 12 left", in the form the count of seats left takes. */
export function seatsLeftText(left: number, total: number): string {
  return interpolate(tPlural('widget.seats_left', left), { total: formatCount(total) });
}
