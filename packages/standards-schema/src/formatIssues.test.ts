import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, formatPath } from './formatIssues';
import { ServiceRequest } from './open311/ServiceRequest';

describe('formatIssues', () => {
  it('names each bad field by path with zod’s message', () => {
    const result = ServiceRequest.safeParse({
      service_request_id: '1',
      status: 'pending',
      service_code: 'X',
      requested_datetime: '2025-01-01T00:00:00Z',
      closure: { closed_datetime: '2025-01-01T00:00:00Z', details: 5 },
      contact: { email: 'not-an-email' },
    });
    expect(result.success).toBe(false);
    const lines = formatIssues(result.error ?? []);
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(
      expect.stringMatching(/^status: Invalid option: expected one of "open"\|"closed"$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^closure\.details: Invalid input: expected string, received number$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^contact\.email: /));
  });

  it('quotes keys that are not identifiers and names the root', () => {
    expect(formatPath(['attributes', 'odd key', 0])).toBe('attributes["odd key"][0]');
    expect(formatPath([])).toBe('(record)');
  });

  it('explains each alternative of a failed union', () => {
    const result = z.object({ id: z.union([z.string(), z.number()]) }).safeParse({ id: true });
    const [line] = formatIssues(result.error ?? []);
    expect(line).toMatch(
      /^id: .*option 1: id: Invalid input: expected string.*option 2: id: Invalid input: expected number/,
    );
  });
});
