// A service's price as the visitor pays it; with a discount, the list price struck through
// beside it and the percentage off. Screen readers hear "Was …" and "Discount …" instead, as
// they do not announce strike-through.
import type { Service } from '../api/types';
import { t } from '../i18n';
import { discounted, formatPrice, priceLabel } from '../i18n/format';

export function Price({ service, currency, lang }: { service: Service; currency: string; lang: string }) {
  const { price, was, off } = priceLabel(service.priceMin, service.priceMax, service.discount, currency, lang);
  if (!was) return <span class="bw-price">{price}</span>;
  return (
    <span class="bw-price">
      <span class="bw-price__now">{price}</span>{' '}
      <s class="bw-price__was" aria-hidden="true">
        {was}
      </s>
      <span class="bw-visually-hidden">{t('widget.price_was', { price: was })}</span>{' '}
      <span class="bw-badge" aria-hidden="true">
        {off}
      </span>
      <span class="bw-visually-hidden">{t('widget.discount', { percent: off ?? '' })}</span>
    </span>
  );
}

/**
 * What several services cost together, each after its discount: one amount, a range when any
 * price is one, "from X" when any has only a starting price. The total of the booking's summary.
 */
export function TotalPrice({ services, currency, lang }: { services: readonly Service[]; currency: string; lang: string }) {
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
