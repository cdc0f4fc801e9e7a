// @vitest-environment jsdom
// The hosted page's shareable URL (form, location, services, team member, language) and the
// iframe page's parent origin. The API base never comes from the URL.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/app/config';
import { parentOriginOf } from '../src/app/frame-origin';

const mount = () => document.createElement('main');

describe('the hosted page URL', () => {
  it('preselects form, location, services, team member and language', () => {
    const config = readConfig(mount(), new URL('https://book.example/?form=4&location=7&service=3,5&staff=12&lang=lv-LV'));
    expect(config).toMatchObject({ formId: 4, lang: 'lv-LV', preselect: { locationId: 7, serviceIds: [3, 5], staffId: 12 } });
  });

  it('takes staff=0 as any team member, and drops malformed ids', () => {
    expect(readConfig(mount(), new URL('https://book.example/?staff=0&service=x,-1')).preselect).toEqual({ staffId: 0 });
  });

  it('opens the booking page for ?record=&hash= with the location, and only with all three well formed', () => {
    const at = (q: string) => readConfig(mount(), new URL(`https://book.example/?form=2${q}`)).manage;
    expect(at('&location=101201&record=4820001&hash=ab12cd')).toEqual({ recordId: 4820001, hash: 'ab12cd', locationId: 101201 });
    expect(at('&record=4820001&hash=ab12cd')).toBeUndefined();
    expect(at('&location=101201&record=4820001&hash=a/../b')).toBeUndefined();
    expect(at('&location=101201')).toBeUndefined();
  });

  it('never takes the API base from the URL', () => {
    const config = readConfig(mount(), new URL('https://book.example/?apiBase=https://evil.example&api-base=https://evil.example'));
    expect(config.apiBase).not.toContain('evil');
  });

  it('knows the iframe page by ?embed=frame, with its namespace', () => {
    expect(readConfig(mount(), new URL('https://book.example/?embed=frame&ns=salon')).frame).toEqual({ ns: 'salon' });
    expect(readConfig(mount(), new URL('https://book.example/')).frame).toBeUndefined();
  });
});

describe("the iframe page's parent origin", () => {
  it('is the parentOrigin parameter, else the referrer, reduced to an origin', () => {
    expect(parentOriginOf(new URL('https://w.example/?parentOrigin=https%3A%2F%2Fshop.example'), 'https://other.example/x')).toBe('https://shop.example');
    expect(parentOriginOf(new URL('https://w.example/'), 'https://shop.example/page?x=1')).toBe('https://shop.example');
  });

  it('is nothing to trust without either, or for an opaque origin', () => {
    expect(parentOriginOf(new URL('https://w.example/'), '')).toBeUndefined();
    expect(parentOriginOf(new URL('https://w.example/?parentOrigin=javascript:alert(1)'), '')).toBeUndefined();
  });
});
