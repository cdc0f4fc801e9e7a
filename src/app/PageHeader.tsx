// The hosted page's banner: the business's header image under a wash of the form's accent colour,
// and its logo. Only on the widget's own page (an embedding site has its own branding). Fixed
// height, so nothing below moves when the images arrive.
import type { FormStyle } from '../api/types';
import { t } from '../i18n';
import { safeImageUrl } from '../ui/Avatar';

export function PageHeader({ style }: { style: FormStyle | undefined }) {
  const logo = safeImageUrl(style?.logo);
  const background = safeImageUrl(style?.headerBackground);
  if (!style?.showHeader || (!logo && !background)) return null;
  return (
    <div class="bw-page-header">
      {background && <img class="bw-page-header__bg" src={background} alt="" width={640} height={96} decoding="async" />}
      {logo && <img class="bw-page-header__logo" src={logo} alt="" width={160} height={56} decoding="async" />}
    </div>
  );
}

/** The header's door to the visitor's bookings (src/account/), in every mode. */
export function AccountEntry({ onOpen }: { onOpen(): void }) {
  return (
    <button type="button" class="bw-back bw-account-entry" onClick={onOpen}>
      <span class="bw-account-entry__text">{t('widget.my_bookings')}</span>
    </button>
  );
}
