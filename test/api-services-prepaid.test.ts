// Online prepayment on individual services (book_services' `prepaid`): kept only when it says
// something a visitor should read, so the documented 'forbidden' leaves a service as it was.
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';
import { fixture, json, startServer } from './helpers/server';

type Answer = { data: { services: Record<string, unknown>[] } };

async function servicesWith(prepaid: unknown[]) {
  const answer = structuredClone(fixture('book_services')) as Answer;
  const template = answer.data.services[0]!;
  answer.data.services = prepaid.map((value, i) => {
    const service: Record<string, unknown> = { ...template, id: i + 1, title: `Service ${i + 1}` };
    if (value === undefined) delete service.prepaid;
    else service.prepaid = value;
    return service;
  });
  const server = await startServer((api) => {
    api.get('/book_services/4564', () => json(answer));
  });
  const catalog = await createApi({ baseUrl: server.baseUrl }).getServices(4564);
  return new Map(catalog.services.map((s) => [s.title, s]));
}

describe('getServices: prepaid', () => {
  it('keeps allowed and required, whatever their case', async () => {
    const services = await servicesWith(['allowed', 'required', 'REQUIRED']);
    expect(services.get('Service 1')?.prepaid).toBe('allowed');
    expect(services.get('Service 2')?.prepaid).toBe('required');
    expect(services.get('Service 3')?.prepaid).toBe('required');
  });

  it('leaves it out for forbidden, a missing field and values it does not know', async () => {
    const services = await servicesWith(['forbidden', undefined, 'sometimes', 1, null]);
    expect(services.size).toBe(5);
    for (const service of services.values()) expect(service).not.toHaveProperty('prepaid');
  });
});
