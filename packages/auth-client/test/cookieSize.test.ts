import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app';
import { Browser, signInAs } from './helpers/browser';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('session cookie', () => {
  it('fits the 4096-byte limit browsers put on a cookie, for the persona with the most claims', async () => {
    for (const persona of ['pwd-case-manager', 'pwd-contractor']) {
      const browser = new Browser();
      await signInAs(browser, `${t.origin}/auth/login`, persona);
      const cookie = browser.cookies.get('city-session');
      expect(cookie).toBeDefined();
      expect(`city-session=${cookie?.value}`.length).toBeLessThan(4096);
    }
  });
});
