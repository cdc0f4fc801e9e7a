// Reading path and query parameters the way the real API accepts them.
import type { Context } from 'hono';
import { findLocation } from '../availability';
import type { DemoLocation } from '../model';

/** `service_ids[]=1&service_ids[]=2`, also `service_ids=1` and `service_ids=1,2`. */
export function idList(c: Context, name: string): number[] {
  const raw = [...(c.req.queries(`${name}[]`) ?? []), ...(c.req.queries(name) ?? [])];
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => Number(v.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** A whole number from the path or query; undefined when absent or not a number. */
export function intParam(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

export function locationParam(c: Context): DemoLocation | undefined {
  const id = intParam(c.req.param('location_id'));
  return id === undefined ? undefined : findLocation(id);
}
