// The deployment's settings and the allowlist table: a typo fails at start, by name.
import { describe, expect, it } from 'vitest';
import { ConfigError, matchEndpoint, parseConfig } from '../src/server/proxy';

describe('configuration from the environment', () => {
  it('defaults to Altegio, demo mode when there is no token', () => {
    expect(parseConfig({})).toMatchObject({
      partnerToken: null,
      upstream: 'https://api.alteg.io/api/v1',
      accept: 'application/vnd.api.v2+json',
      allowedOrigins: [],
      trustProxyHops: 0,
    });
  });

  it('reads a YCLIENTS upstream, origins and limits', () => {
    const config = parseConfig({
      ALTEGIO_PARTNER_TOKEN: ' abc123 ',
      ALTEGIO_UPSTREAM: 'https://api.yclients.com/api/v1/',
      ALTEGIO_ACCEPT: 'application/vnd.yclients.v2+json',
      ALLOWED_ORIGINS: 'https://Shop.example/, http://localhost:5173',
      RATE_LIMIT_PER_SECOND: '4',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      partnerToken: 'abc123',
      upstream: 'https://api.yclients.com/api/v1',
      accept: 'application/vnd.yclients.v2+json',
      allowedOrigins: ['https://shop.example', 'http://localhost:5173'],
      rateLimitPerSecond: 4,
      trustProxyHops: 1,
    });
  });

  it.each([
    ['ALLOWED_ORIGINS', 'shop.example'],
    ['ALLOWED_ORIGINS', 'https://shop.example/booking'],
    ['ALTEGIO_UPSTREAM', 'ftp://api.alteg.io'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['MAX_BODY_BYTES', '16k'],
    ['TRUST_PROXY', 'yes'],
    ['ALTEGIO_PARTNER_TOKEN', 'two words'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(name);
  });
});

describe('the allowlist', () => {
  it.each([
    ['GET', '/bookform/1'],
    ['GET', '/i18n/en-US'],
    ['GET', '/companies'],
    ['GET', '/company/101201'],
    ['GET', '/book_services/1'],
    ['GET', '/book_staff/1'],
    ['GET', '/book_staff_seances/1/7'],
    ['GET', '/book_dates/1'],
    ['GET', '/book_times/1/0/2025-09-21'],
    ['GET', '/privacy_policy/1'],
    ['POST', '/book_code/1'],
    ['POST', '/book_check/1'],
    ['POST', '/book_record/1'],
    ['GET', '/book_record/1/42/cf929969a5024f09'],
    ['DELETE', '/user/records/42/cf929969a5024f09'],
    ['GET', '/activity/1/search'],
    ['GET', '/activity/1/search_dates'],
    ['GET', '/activity/1/search_dates_range'],
    ['GET', '/activity/1/filters'],
    ['POST', '/activity/1/2/book'],
    ['POST', '/user/auth'],
    ['GET', '/booking/user/data'],
    ['GET', '/user/records'],
    ['GET', '/user/records/42/cf929969a5024f09'],
    ['PUT', '/book_record/1/42'],
  ])('passes %s %s', (method, path) => {
    expect(matchEndpoint(method, path).kind).toBe('allowed');
  });

  it.each([
    ['GET', '/records/1'],
    ['GET', '/company/1/clients'],
    ['POST', '/clients/1'],
    ['PUT', '/book_record/1'],
    ['PUT', '/user/records/42/cf929969a5024f09'],
    ['POST', '/activity/1/search'],
    ['GET', '/activity/1/2'],
    ['POST', '/booking/auth'],
    ['GET', '/bookform/abc'],
    ['GET', '/bookform/1/'],
  ])('refuses %s %s', (method, path) => {
    expect(matchEndpoint(method, path).kind).not.toBe('allowed');
  });
});
