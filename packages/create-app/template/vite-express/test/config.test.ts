import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/server/config';

describe('readConfig', () => {
  it('starts with no settings in development (PGlite, dev IdP)', () => {
    const config = readConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
  });

  it('refuses production without the City IdP and a session secret', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/OIDC_ISSUER/);
    expect(() =>
      readConfig({
        NODE_ENV: 'production',
        OIDC_ISSUER: 'https://login.example.gov',
        OIDC_CLIENT_ID: 'app',
        SESSION_SECRET: 'x'.repeat(32),
      }),
    ).not.toThrow();
  });

  it('refuses a port that is not a number', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
