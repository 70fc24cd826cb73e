import { describe, expect, it } from 'vitest';
import { appNameProblems, titleFromName } from './appName';

describe('appNameProblems', () => {
  it('accepts npm package names', () => {
    expect(appNameProblems('permit-tracker')).toEqual([]);
    expect(appNameProblems('@boston-doit/permit-tracker')).toEqual([]);
  });
  it('names each problem of an invalid name', () => {
    expect(appNameProblems('Permit Tracker').join(' ')).toMatch(/capital letters/);
    expect(appNameProblems('.hidden').join(' ')).toMatch(/period/);
    expect(appNameProblems('')).not.toEqual([]);
  });
});

describe('titleFromName', () => {
  it('makes a title for people', () => {
    expect(titleFromName('permit-tracker')).toBe('Permit Tracker');
    expect(titleFromName('@boston-doit/street_lights')).toBe('Street Lights');
  });
});
