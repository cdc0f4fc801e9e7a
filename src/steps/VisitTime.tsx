// When a visit is, as a summary row's description says it: the location's time with its zone, and
// the visitor's own time beside it when their clock differs (worked out on that day, so a
// daylight-saving change is accounted for). The summary and the business's record read the same.
import { formatSlotLong } from '../dates';
import { formatVisitorTime, parseDateTime, visitorZone, zoneDiffers, zoneLabel } from '../dates/zones';
import { t } from '../i18n';

export function VisitTime({ datetime, tz, lang }: { datetime: string; tz: string; lang: string }) {
  const at = parseDateTime(datetime);
  const visitor = visitorZone();
  const yours = zoneDiffers(tz, at, visitor) ? `${formatVisitorTime(at, tz, lang, visitor)} (${zoneLabel(visitor, lang, at)})` : '';
  return (
    <>
      {formatSlotLong(datetime, tz, lang)} <span class="bw-muted">({zoneLabel(tz, lang, at)})</span>
      {yours && (
        <>
          <br />
          <span class="bw-muted bw-summary__yours">{t('widget.your_time', { time: yours })}</span>
        </>
      )}
    </>
  );
}
