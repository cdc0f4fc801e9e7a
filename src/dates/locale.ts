// The booking form names languages with its own codes (`uk-UK`, `cn-CN`, `Lt-sr-SP`), some of
// which are not BCP 47 or mean something else (`uk-UK` canonicalises to Ukrainian-in-Britain,
// `cn` is no language at all). Intl throws on malformed tags and silently uses the machine's
// locale for unknown ones, so every Intl call goes through `toIntlLocale`.

const FORM_CODES: Record<string, string> = {
  'uk-uk': 'uk',
  'cn-cn': 'zh-CN',
  'lt-sr-sp': 'sr-Latn',
  'ka-ka': 'ka',
  'kk-kk': 'kk',
  'cs-cs': 'cs',
  'sl-sl': 'sl',
  'ar-ar': 'ar',
  'he-he': 'he',
  'en-en': 'en',
};

const cache = new Map<string, string>();

function supported(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) return canonical;
  } catch {
    // malformed tag: try the next candidate
  }
  return undefined;
}

/** A valid BCP 47 tag for a booking-form language code; 'en' when nothing fits. */
export function toIntlLocale(lang: string | undefined | null): string {
  const code = (lang ?? '').trim().replace(/_/g, '-');
  const hit = cache.get(code);
  if (hit) return hit;
  const mapped = FORM_CODES[code.toLowerCase()];
  const language = code.split('-')[0] ?? '';
  const result = mapped ?? supported(code) ?? supported(language) ?? 'en';
  cache.set(code, result);
  return result;
}
