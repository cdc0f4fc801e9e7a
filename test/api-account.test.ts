// The account client (src/api/account.ts) against the in-process demo backend behind the
// in-process proxy: sign in by SMS code, the visitor's bookings, move one, cancel one; the token
// only ever in X-User-Token.
import { describe, expect, it } from 'vitest';
import { createApi, isApiError } from '../src/api';
import { createAccountApi, isSignInNeeded } from '../src/api/account';
import type { UserSession } from '../src/api/types-events';
import { createDemoApp } from '../src/server/demo/app';
import { DEMO } from '../src/server/demo/seed';
import { createProxy, parseConfig } from '../src/server/proxy';
import { NO_LIMITS } from './helpers/proxy';

const NY = DEMO.locations.newYork;
const NOW = Date.parse('2026-03-05T14:00:00Z');

function setup() {
  const demo = createDemoApp({ now: () => new Date(NOW) });
  const upstream: Request[] = [];
  const proxy = createProxy(parseConfig({ ...NO_LIMITS }), {
    upstreamFetch: (input, init) => {
      const request = new Request(input, init);
      upstream.push(request);
      return Promise.resolve(demo.fetch(request));
    },
    log: () => {},
  });
  const sent: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input as RequestInfo, init);
    sent.push(request);
    return proxy.fetch(request);
  };
  let session: UserSession | undefined;
  const account = createAccountApi({ baseUrl: 'http://widget.test/api/v1', fetch }, () => session?.token);
  const api = createApi({ baseUrl: 'http://widget.test/api/v1', fetch });
  const signIn = async (phone: string = DEMO.visitor.phone) => {
    await account.sendCode(NY, phone);
    session = await account.signIn(phone, DEMO.smsCode);
    return session;
  };
  return { demo, account, api, sent, upstream, signIn, signOut: () => (session = undefined) };
}

describe('account client', () => {
  it('signs in with the SMS code and reads the visitor’s bookings at the chain’s locations, newest first', async () => {
    const { account, signIn, sent, upstream } = setup();
    const session = await signIn();
    expect(session.user).toMatchObject({ name: 'Alex Morgan', email: DEMO.visitor.email });
    expect(session.token).toMatch(/^\w{16,}$/);
    const records = await account.records({ groupId: DEMO.groupId });
    expect(records).toHaveLength(6);
    expect(records.map((r) => r.datetime)).toEqual([...records.map((r) => r.datetime)].sort().reverse());
    const upcoming = records.filter((r) => Date.parse(r.datetime) > NOW);
    expect(upcoming.some((r) => !r.online)).toBe(true);
    expect(records.find((r) => r.activityId !== 0)).toMatchObject({ seats: 1, staff: { name: 'Maya Chen' }, services: [{ title: 'Evening flow yoga' }] });
    expect(records.find((r) => r.location.id === NY)?.location).toMatchObject({ allowChange: true, changeDelaySeconds: 14_400, allowDelete: true, deleteDelaySeconds: 7_200, currency: 'USD' });
    // The token went in its own header; upstream it arrived composed, never as the browser sent it.
    const read = sent.at(-1)!;
    expect(read.headers.get('X-User-Token')).toBe(session.token);
    expect(read.headers.get('Authorization')).toBeNull();
    expect(upstream.at(-1)!.headers.get('Authorization')).toBe(`User ${session.token}`);
    expect(upstream.at(-1)!.headers.get('X-User-Token')).toBeNull();
    expect((await account.user()).name).toBe('Alex Morgan');
  });

  it('moves a booking to another free time: the old time is offered again, the new one is not', async () => {
    const { account, api, signIn } = setup();
    await signIn();
    const visit = (await account.records({ locationId: NY })).find((r) => r.activityId === 0 && r.online && Date.parse(r.datetime) > NOW)!;
    const serviceIds = visit.services.map((s) => s.id);
    const [target] = await api.getTimes(NY, visit.staff.id, '2026-03-20', { serviceIds });
    const moved = await account.reschedule(NY, visit.id, { datetime: target!.datetime });
    expect(moved).toMatchObject({ id: visit.id, datetime: target!.datetime, staff: { id: visit.staff.id } });
    api.availabilityChanged();
    const day = visit.datetime.slice(0, 10);
    expect((await api.getTimes(NY, visit.staff.id, day, { serviceIds })).map((t) => t.datetime)).toContain(visit.datetime);
    expect((await api.getTimes(NY, visit.staff.id, '2026-03-20', { serviceIds })).map((t) => t.datetime)).not.toContain(target!.datetime);
  });

  it('cancels by id when signed in; the location’s rules are the API’s word (403 at Riga’s move)', async () => {
    const { account, signIn } = setup();
    await signIn();
    const records = await account.records({ groupId: DEMO.groupId });
    const visit = records.find((r) => r.location.id === NY && r.activityId === 0 && Date.parse(r.datetime) > NOW)!;
    await account.cancel(visit.id, visit.hash);
    expect((await account.records({ locationId: NY })).find((r) => r.id === visit.id)?.deleted).toBe(true);
    const riga = records.find((r) => r.location.id === DEMO.locations.riga)!;
    expect(riga.location.allowChange).toBe(false);
    const refusal = await account.reschedule(DEMO.locations.riga, riga.id, { datetime: '2026-03-20T10:00:00.000+02:00' }).catch((e: unknown) => e);
    expect(isApiError(refusal) && refusal.status).toBe(403);
  });

  it('wrong code: 432; signed out: isSignInNeeded, and the proxy asks nothing upstream', async () => {
    const { account, upstream, signOut } = setup();
    await account.sendCode(NY, DEMO.visitor.phone);
    expect(isApiError(await account.signIn(DEMO.visitor.phone, '0000').catch((e: unknown) => e), 432)).toBe(true);
    signOut();
    const before = upstream.length;
    const error = await account.records({ locationId: NY }).catch((e: unknown) => e);
    expect(isSignInNeeded(error)).toBe(true);
    expect(upstream.length).toBe(before);
  });
});
