// A service's price as the visitor pays it; with a discount, the list price struck through
// beside it and the percentage off. Screen readers hear "Was …" and "Discount …" instead, as
// they do not announce strike-through.
import type { Service } from '../api/types';
import { t } from '../i18n';
import { priceLabel } from '../i18n/format';

export function Price({ service, currency, lang }: { service: Pick<Service, 'priceMin' | 'priceMax' | 'discount'>; currency: string; lang: string }) {
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
