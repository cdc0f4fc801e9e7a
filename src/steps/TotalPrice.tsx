// What several services cost together, for the booking's summary and the success screen. Its own
// module: Price is in the first chunk (the service step), this only in the later steps'.
import type { Service } from '../api/types';
import { discounted, formatPrice } from '../i18n/format';

/**
 * What several services cost together, each after its discount: one amount, a range when any
 * price is one, "from X" when any has only a starting price. The total of the booking's summary.
 */
export function TotalPrice({ services, currency, lang }: { services: readonly Pick<Service, 'priceMin' | 'priceMax' | 'discount'>[]; currency: string; lang: string }) {
  let low = 0;
  let high = 0;
  for (const s of services) {
    const off = Math.min(100, s.discount || 0);
    const min = discounted(Math.max(0, s.priceMin || 0), off);
    const max = discounted(Math.max(0, s.priceMax || 0), off);
    low += min;
    // A maximum below the minimum is a starting price, and no price is an unknown one: the
    // total then has no upper end ("from X").
    high = high < 0 || max < min || max === 0 ? -1 : high + max;
  }
  return <span class="bw-price">{formatPrice(low, Math.max(high, 0), currency, lang)}</span>;
}
