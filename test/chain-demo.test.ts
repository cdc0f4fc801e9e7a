// The demo's large chain (src/server/demo/chain-seed.ts): form 13 asks for the city, then the
// location; its 30 locations in six cities each have coordinates, a zone and free times.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/server/demo/app';
import { CHAIN_GROUP_ID } from '../src/server/demo/chain-seed';
import { DEMO } from '../src/server/demo/seed';

type Json = Record<string, unknown>;
const NOW = new Date('2026-03-05T14:00:00Z');
const { app } = createDemoApp({ now: () => NOW });

async function get(path: string): Promise<Json> {
  const res = await app.request(`/api/v1${path}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Json }).data as Json;
}

describe('the demo large chain', () => {
  it('has a form with the city step before the location step, in its own chain', async () => {
    const form = await get(`/bookform/${DEMO.forms.largeChain}`);
    expect(form.group_id).toBe(CHAIN_GROUP_ID);
    expect((form.steps as Json[]).map((s) => s.step).slice(0, 3)).toEqual(['city', 'company', 'service']);
  });

  it('lists 30 locations in 6 cities and 5 zones, each with coordinates and a next free time', async () => {
    const list = (await get(`/companies?group_id=${CHAIN_GROUP_ID}&forBooking=1`)) as unknown as Json[];
    expect(list).toHaveLength(30);
    expect(new Set(list.map((l) => l.city)).size).toBe(6);
    expect(new Set(list.map((l) => l.timezone_name)).size).toBe(6);
    for (const l of list) {
      expect(typeof l.coordinate_lat).toBe('number');
      expect(typeof l.coordinate_lon).toBe('number');
      expect(l.next_slot, String(l.title)).toMatch(/^2026-03-0[5-7]T/);
    }
  });

  it('leaves the first chain as it was: two locations', async () => {
    const list = (await get(`/companies?group_id=${DEMO.groupId}`)) as unknown as Json[];
    expect(list.map((l) => l.id)).toEqual([DEMO.locations.newYork, DEMO.locations.riga]);
  });

  it('offers services and team members at a generated location', async () => {
    const list = (await get(`/companies?group_id=${CHAIN_GROUP_ID}`)) as unknown as Json[];
    const id = list[7]!.id as number;
    const services = await get(`/book_services/${id}`);
    expect((services.services as Json[]).map((s) => s.title)).toEqual(['Express haircut', 'Blow-dry', 'Express manicure']);
    const staff = (await get(`/book_staff/${id}`)) as unknown as Json[];
    expect(staff).toHaveLength(2);
  });
});
