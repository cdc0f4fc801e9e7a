// @vitest-environment jsdom
// Counts as a visitor reads them in six languages, rendered through the real t(): services
// selected (the widget's own text, bundled per language), reviews (the locale resource's forms),
// minutes and hours (Intl), and the seconds left before a new code can be asked for.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, t, tPlural, type Dictionary } from '../src/i18n';
import { formatCount, formatDuration } from '../src/i18n/format';
import { bundledTexts } from '../src/i18n/check';
import { layer } from '../src/i18n/languages';
import heIL from '../src/server/demo/locales/he-IL.json';
import lvLV from '../src/server/demo/locales/lv-LV.json';

afterEach(() => {
  cleanup();
  setLocale('en-US', null);
});

// Intl writes no-break spaces and, in Hebrew and Arabic, direction marks; compare the visible text.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

function Counts({ n }: { n: number }) {
  return (
    <ul>
      <li data-testid="services">{tPlural('widget.services_selected', n)}</li>
      <li data-testid="reviews">{`${formatCount(n)} ${tPlural('master.reviews', n)}`}</li>
      <li data-testid="minutes">{formatDuration(n * 60)}</li>
      <li data-testid="hours">{formatDuration(n * 3600)}</li>
      <li data-testid="seconds">{t('widget.resend_in', { seconds: n })}</li>
    </ul>
  );
}

type Row = [services: string, reviews: string, minutes: string, hours: string, seconds: string];

function read(n: number): Row {
  const { unmount } = render(<Counts n={n} />);
  const text = (id: string) => plain(screen.getByTestId(id).textContent ?? '');
  const row: Row = [text('services'), text('reviews'), text('minutes'), text('hours'), text('seconds')];
  unmount();
  return row;
}

// Altegio's resources have the reviews' forms but no widget.* texts: those come from the bundle,
// except where the resource says the same thing in its own words ("Selected services: 2").
function speak(code: string, language: string, resource: Dictionary, ownWords = true) {
  const { widget: _own, ...altegio } = structuredClone(resource);
  if (!ownWords) delete (altegio.service as Dictionary | undefined)?.selected_service_count;
  setLocale(code, layer(altegio as Dictionary, bundledTexts[language] ?? null));
}

describe('counts in each language', () => {
  it('English: one and other', () => {
    expect(read(1)).toEqual(['1 selected', '1 review', '1 min', '1 hr', 'You can ask for a new code in 1 s']);
    expect(read(2)).toEqual(['2 selected', '2 reviews', '2 min', '2 hr', 'You can ask for a new code in 2 s']);
  });

  it('Latvian: one for 1 and 21, zero for 0 and 11', () => {
    speak('lv-LV', 'lv', lvLV as Dictionary);
    expect(read(1)).toEqual(['Izvēlētie pakalpojumi: 1', '1 atsauksme', '1 min', '1 st.', 'Jaunu kodu varēsiet pieprasīt pēc 1 s']);
    expect(read(21).slice(0, 2)).toEqual(['Izvēlētie pakalpojumi: 21', '21 atsauksme']);
    speak('lv-LV', 'lv', lvLV as Dictionary, false); // the bundled forms
    expect(read(1)[0]).toBe('Izvēlēts 1');
    expect(read(21)[0]).toBe('Izvēlēts 21');
    expect(read(11).slice(0, 2)).toEqual(['Izvēlēti 11', '11 atsauksmju']);
    expect(read(0)[0]).toBe('Izvēlēti 0');
  });

  it('Polish: one, few and many', () => {
    speak('pl-PL', 'pl', { master: { reviews: { nominative: 'opinia', genitive: 'opinie', 'plural-genitive': 'opinii' } } });
    expect(read(1)).toEqual(['Wybrano 1 usługę', '1 opinia', '1 min', '1 godz.', 'Nowy kod można zamówić za 1 s']);
    expect(read(3).slice(0, 2)).toEqual(['Wybrano 3 usługi', '3 opinie']);
    expect(read(5).slice(0, 2)).toEqual(['Wybrano 5 usług', '5 opinii']);
    expect(read(12)[0]).toBe('Wybrano 12 usług');
    expect(read(22)[0]).toBe('Wybrano 22 usługi');
  });

  it('Russian: one, few and many', () => {
    speak('ru-RU', 'ru', { master: { reviews: { nominative: 'отзыв', genitive: 'отзыва', 'plural-genitive': 'отзывов' } } });
    expect(read(1)).toEqual(['Выбрана 1 услуга', '1 отзыв', '1 мин', '1 ч', 'Новый код можно будет запросить через 1 с']);
    expect(read(3).slice(0, 2)).toEqual(['Выбрано 3 услуги', '3 отзыва']);
    expect(read(5).slice(0, 2)).toEqual(['Выбрано 5 услуг', '5 отзывов']);
    expect(read(21)[0]).toBe('Выбрана 21 услуга');
  });

  // The resource's three forms mapped onto languages where `other`, not `many`, is the plural:
  // 5 reviews in Czech and 10 in Lithuanian take the genitive plural, not the 2–4 form.
  it('Czech and Lithuanian: the genitive plural for 5 and for 10–20', () => {
    speak('cs-CS', 'cs', { master: { reviews: { nominative: 'recenze', genitive: 'recenze', 'plural-genitive': 'recenzí' } } });
    expect([1, 3, 5, 22].map((n) => read(n)[1])).toEqual(['1 recenze', '3 recenze', '5 recenzí', '22 recenzí']);
    speak('lt-LT', 'lt', { master: { reviews: { nominative: 'atsiliepimas', genitive: 'atsiliepimai', 'plural-genitive': 'atsiliepimų' } } });
    expect([1, 3, 10, 15, 21].map((n) => read(n)[1])).toEqual(['1 atsiliepimas', '3 atsiliepimai', '10 atsiliepimų', '15 atsiliepimų', '21 atsiliepimas']);
  });

  it('Hebrew: one, two and other, right to left', () => {
    speak('he-IL', 'he', heIL as Dictionary);
    expect(read(2)[0]).toBe('שירותים שנבחרו: 2');
    speak('he-IL', 'he', heIL as Dictionary, false); // the bundled forms
    expect(read(1)).toEqual(['נבחר 1', '1 ביקורת', '1 דק׳', '1 שעה', 'אפשר לבקש קוד חדש בעוד 1 שנ׳']);
    expect(read(2).slice(0, 2)).toEqual(['נבחרו 2', '2 ביקורות']);
    expect(read(20).slice(0, 2)).toEqual(['נבחרו 20', '20 ביקורות']);
  });

  it('Arabic: zero, one, two, few, many and other, with Arabic digits where Intl writes them', () => {
    speak('ar-AR', 'ar', { master: { reviews: { nominative: 'تقييم', genitive: 'تقييمات', 'plural-genitive': 'تقييمًا' } } });
    const services = (n: number) => read(n)[0];
    expect([0, 1, 2].map(services)).toEqual(['لم تُحدَّد أي خدمة', 'تم تحديد خدمة واحدة', 'تم تحديد خدمتين']);
    const few = services(3);
    const many = services(11);
    const other = services(100);
    expect([few, many, other]).toEqual([
      `تم تحديد ${formatCount(3)} خدمات`,
      `تم تحديد ${formatCount(11)} خدمة`,
      `تم تحديد ${formatCount(100)} خدمة`,
    ].map(plain));
    expect(read(3)[1]).toBe(plain(`${formatCount(3)} تقييمات`));
    expect(read(1)[4]).toBe(plain(`يمكنك طلب رمز جديد بعد 1 ث`));
  });
});
