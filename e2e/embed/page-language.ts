// What the hosted page and the iframe are called in each demo language: the page's title
// (widget.page_title) as the demo's locale resources serve it.
import { readFileSync } from 'node:fs';

// Read, not imported: Playwright's loader wants import attributes on JSON, the type checker not.
const resource = (code: string) =>
  JSON.parse(readFileSync(new URL(`../../src/server/demo/locales/${code}.json`, import.meta.url), 'utf8')) as {
    menu: { change_lang: string };
    widget: { page_title: string };
  };

export const PAGE_LANGUAGE = {
  en: { title: 'Book an appointment', switcher: 'Change the language' },
  lv: { title: resource('lv-LV').widget.page_title, switcher: resource('lv-LV').menu.change_lang },
  he: { title: resource('he-IL').widget.page_title, switcher: resource('he-IL').menu.change_lang },
};
