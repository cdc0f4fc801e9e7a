// Booking form settings, locale resources and locations.
import type { Hono } from 'hono';
import arAR from '../locales/ar-AR.json';
import cnCN from '../locales/cn-CN.json';
import enUS from '../locales/en-US.json';
import frFR from '../locales/fr-FR.json';
import heIL from '../locales/he-IL.json';
import lvLV from '../locales/lv-LV.json';
import { findLocation, nextFreeDate, teamOf } from '../availability';
import { notFound, ok } from '../envelope';
import { PSEUDO_LANG, pseudoResource } from '../pseudo';
import type { DemoLocation } from '../model';
import { FORMS, LOCATIONS } from '../seed';
import { formatCompactDatetime } from '../slots';
import type { DemoStore } from '../store';
import { companyJson, formJson } from '../wire';
import { intParam } from './params';

const LOCALES: Record<string, unknown> = {
  'en-US': enUS, 'lv-LV': lvLV, 'he-IL': heIL, 'fr-FR': frFR, 'ar-AR': arAR, 'cn-CN': cnCN,
};

/** The earliest free start of any team member, written like `2023-03-23T10:10:00+0300`. */
function nextSlot(store: DemoStore, location: DemoLocation): string | null {
  let earliest: number | undefined;
  for (const member of teamOf(location.id)) {
    const start = nextFreeDate(store, location, member, [])?.starts[0];
    if (start !== undefined && (earliest === undefined || start < earliest)) earliest = start;
  }
  return earliest === undefined ? null : formatCompactDatetime(earliest, location.timezoneName);
}

export function settingsRoutes(api: Hono, store: DemoStore): void {
  api.get('/bookform/:id', (c) => {
    const form = FORMS.find((f) => f.id === intParam(c.req.param('id')));
    return form ? ok(c, formJson(form)) : notFound(c, 'Booking form not found');
  });

  api.get('/i18n/:lang', (c) => {
    const lang = c.req.param('lang');
    // The pseudo language (pseudo.ts): asked for by code only (?lang=en-XA), in no form's menu.
    const resource = lang === PSEUDO_LANG ? pseudoResource(enUS) : LOCALES[lang];
    return resource ? ok(c, resource) : notFound(c, 'Language not found');
  });

  api.get('/companies', (c) => {
    const groupId = intParam(c.req.query('group_id'));
    const forBooking = c.req.query('forBooking') === '1';
    const id = intParam(c.req.query('id'));
    const locations = LOCATIONS.filter(
      (l) => (groupId === undefined || l.groupId === groupId) && (id === undefined || l.id === id),
    );
    return ok(c, locations.map((l) => companyJson(l, forBooking ? nextSlot(store, l) : undefined)));
  });

  api.get('/company/:location_id', (c) => {
    const id = intParam(c.req.param('location_id'));
    const location = id === undefined ? undefined : findLocation(id);
    if (!location) return notFound(c, 'Location not found');
    const forBooking = c.req.query('forBooking') === '1';
    return ok(c, companyJson(location, forBooking ? nextSlot(store, location) : undefined));
  });
}
