// The hosted page (and the iframe's page) speaks the widget's language: `<html lang dir>` and the
// page's title follow the loaded language, also when the visitor switches. Loaded after the first
// paint; index.html says it in English until then.
import { effect } from '@preact/signals';
import { toIntlLocale } from '../dates/locale';
import { isRtl, lang, t } from '../i18n';

const KEY = 'widget.page_title';
const initialTitle = document.title;

/** The page's title in the widget's language; index.html's own until that text is loaded. */
export function pageTitle(): string {
  const title = t(KEY);
  return title === KEY ? initialTitle : title;
}

/** Keeps the document's language, direction and title in step with the widget's language. */
export function followLanguage(root: HTMLElement = document.documentElement): () => void {
  return effect(() => {
    root.lang = toIntlLocale(lang.value);
    root.dir = isRtl(lang.value) ? 'rtl' : 'ltr';
    document.title = pageTitle();
  });
}
