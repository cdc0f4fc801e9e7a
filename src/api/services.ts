// Services that can be booked (GET book_services/{location_id}).
import type { Category, Service, ServiceCatalog } from './types';
import type { Prepaid } from './types-events';
import { byWeightDesc, isObject, list, num, obj, optNum, optStr, pick, str, type WireObject } from './wire';

export function normaliseServiceCatalog(raw: unknown): ServiceCatalog {
  const data = obj(raw);
  const categories = list(pick(data, 'category', 'categories')).filter(isObject).map(toCategory);
  const services = list(data.services).filter(isObject).map(toService);
  return {
    categories: byWeightDesc(categories),
    services: byWeightDesc(services, (a, b) => a.title.localeCompare(b.title)),
  };
}

function toCategory(raw: WireObject): Category {
  return { id: num(raw.id), title: str(raw.title), weight: num(raw.weight) };
}

function toService(raw: WireObject): Service {
  const service: Service = {
    id: num(raw.id),
    title: str(raw.title),
    categoryId: num(raw.category_id),
    priceMin: num(raw.price_min),
    priceMax: num(raw.price_max),
    discount: num(raw.discount),
    comment: str(raw.comment),
    weight: num(raw.weight),
  };
  const duration = optNum(pick(raw, 'seance_length', 'session_length'));
  if (duration !== undefined && duration > 0) service.duration = duration;
  const image = optStr(raw.image);
  if (image) service.image = image;
  const prepaid = prepaidOf(raw.prepaid);
  if (prepaid !== 'forbidden') service.prepaid = prepaid;
  return service;
}

/** The API's `prepaid` rule (services and group events); anything unknown reads as 'forbidden'. */
export function prepaidOf(value: unknown): Prepaid {
  const v = str(value).toLowerCase();
  return v === 'allowed' || v === 'required' ? v : 'forbidden';
}
