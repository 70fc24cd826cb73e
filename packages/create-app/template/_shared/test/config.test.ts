import { generateCheckpointKeys } from '@cityofboston/audit-log';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/server/config';

describe('readConfig', () => {
  it('starts with no settings in development (PGlite, dev IdP)', () => {
    const config = readConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
  });

  it('refuses production without the City IdP, a session secret and an audit signing key', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/OIDC_ISSUER/);
    const production = {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://login.example.gov',
      OIDC_CLIENT_ID: 'app',
      SESSION_SECRET: 'x'.repeat(32),
    };
    expect(() => readConfig(production)).toThrow(/AUDIT_SIGNING_KEY/);
    const { privateKey } = generateCheckpointKeys();
    expect(readConfig({ ...production, AUDIT_SIGNING_KEY: privateKey }).auditSigningKey).toBe(
      privateKey,
    );
    // One line, as secret stores and .env files hold it.
    const escaped = privateKey.replaceAll('\n', '\\n');
    expect(readConfig({ ...production, AUDIT_SIGNING_KEY: escaped }).auditSigningKey).toBe(
      privateKey,
    );
  });

  it('refuses an audit signing key that is not an Ed25519 private key', () => {
    expect(() => readConfig({ AUDIT_SIGNING_KEY: 'not a key' })).toThrow(/AUDIT_SIGNING_KEY/);
  });

  it('refuses a port that is not a number', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
