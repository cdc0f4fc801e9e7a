// The demo's hostile-content switch: the business's texts carry XSS payloads after their real
// words while it is on, through the widget's own API client; a reset restores the seed.
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { createDemoApp } from '../src/server/demo/app';
import { HOSTILE_AVATAR, XSS, hostile } from '../src/server/demo/hostile';
import { DEMO } from '../src/server/demo/seed';

function setup() {
  const demo = createDemoApp();
  const fetchDemo: typeof fetch = async (input, init) => demo.fetch(new Request(input, init));
  const api = createApi({ baseUrl: 'http://demo.test/api/v1', fetch: fetchDemo });
  const control = (method: string, path: string) => demo.fetch(new Request(`http://demo.test/__demo/${path}`, { method }));
  return { api, control };
}

describe('demo hostile content', () => {
  it('is off by default and leaves the seed alone', async () => {
    const { api } = setup();
    const [soho] = await api.getLocations(DEMO.groupId);
    expect(soho?.title).toBe('Lumen Studio SoHo');
  });

  it('puts payloads after the real words of locations, categories, services and team members', async () => {
    const { api, control } = setup();
    expect(await (await control('POST', 'hostile')).json()).toEqual({ on: true });
    const locations = await api.getLocations(DEMO.groupId);
    expect(locations[0]?.title).toBe(hostile.locationTitle('Lumen Studio SoHo'));
    expect(locations[0]?.address).toContain(XSS.img);
    expect(locations[0]?.descriptionHtml).toContain(XSS.script);
    const catalog = await api.getServices(DEMO.locations.newYork);
    expect(catalog.categories.map((c) => c.title)).toContain(hostile.category('Hair'));
    expect(catalog.services.every((s) => s.title.endsWith(XSS.img + XSS.entity))).toBe(true);
    const team = await api.getStaff(DEMO.locations.newYork);
    const olivia = team.find((m) => m.id === DEMO.staff.olivia);
    expect(olivia).toMatchObject({ name: hostile.member('Olivia Bennett'), avatar: HOSTILE_AVATAR });
    expect(olivia?.informationHtml).toContain(XSS.srcdoc);
  });

  it('is turned off by DELETE and by a reset', async () => {
    const { api, control } = setup();
    await control('POST', 'hostile');
    await control('DELETE', 'hostile');
    expect((await api.getLocations(DEMO.groupId))[0]?.title).toBe('Lumen Studio SoHo');
    await control('POST', 'hostile');
    await control('POST', 'reset');
    expect(await (await control('GET', 'hostile')).json()).toEqual({ on: false });
  });
});
