import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPersonas } from '../src/devIdp';
import { startTestApp, type TestApp } from './helpers/app';
import { Browser, signInAs } from './helpers/browser';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('end-to-end sign-in against the dev IdP, over HTTP with a cookie jar', () => {
  const expected: Record<string, { status: number; department: string }> = {
    'pwd-clerk': { status: 200, department: 'PWD' },
    'pwd-case-manager': { status: 200, department: 'PWD' },
    'isd-inspector': { status: 200, department: 'ISD' },
    'doit-auditor': { status: 200, department: 'DoIT' },
    'pwd-contractor': { status: 200, department: 'PWD' },
    'pwd-contractor-expired': { status: 403, department: 'PWD' },
  };
  for (const persona of defaultPersonas()) {
    it(`signs in ${persona.id} and calls a protected route`, async () => {
      const browser = new Browser();
      const { response, url } = await signInAs(
        browser,
        `${t.origin}/auth/login?returnTo=/api/me`,
        persona.id,
      );
      expect(url.href).toBe(`${t.origin}/api/me`);
      const want = expected[persona.id];
      expect(response.status).toBe(want?.status);
      const body = await response.json();
      if (want?.status === 200) {
        expect(body.principal).toMatchObject({
          sub: persona.id,
          department: want.department,
          roles: persona.roles,
          clearance: persona.clearance,
          employeeType: persona.employeeType,
        });
      } else {
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(body.code).toBe('account_expired');
      }
      // The tokens never reach the browser: only the encrypted session cookie does.
      const session = browser.cookies.get('city-session')?.value ?? '';
      expect(session.split('.')).toHaveLength(5);
      const state = await (await browser.fetch(`${t.origin}/auth/session`)).json();
      expect(state.authenticated).toBe(true);
      expect(JSON.stringify(state)).not.toMatch(/eyJ[\w-]+\.eyJ/);
    });
  }

  it('emits a login event in the AuditEvent shape', () => {
    const login = t.events.find((e) => e.action === 'auth.login' && e.outcome === 'success');
    expect(login).toMatchObject({
      actor: { type: 'user', id: expect.any(String), department: expect.any(String) },
      app: { name: 'case-desk' },
    });
  });

  it('answers 401 problem+json without a session, and 403 naming the failed requirement', async () => {
    const anonymous = await fetch(`${t.origin}/api/me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect((await anonymous.json()).code).toBe('token_missing');

    const browser = new Browser();
    await signInAs(browser, `${t.origin}/auth/login`, 'isd-inspector');
    const wrongDept = await browser.fetch(`${t.origin}/api/pwd-cases`);
    expect(wrongDept.status).toBe(403);
    expect((await wrongDept.json()).code).toBe('forbidden_department');
    const clearance = await browser.fetch(`${t.origin}/api/restricted`);
    expect(clearance.status).toBe(403);
    expect((await clearance.json()).code).toBe('forbidden_clearance');
    expect(
      t.events.some((e) => e.action === 'auth.denied' && e.reason === 'forbidden_clearance'),
    ).toBe(true);
  });
});
