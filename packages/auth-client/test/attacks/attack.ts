// One attack, one test. The three leading strings are read by attackTable.ts to build the
// README's table, so keep them plain string literals: the standard (and section) the attack is
// named after, what the attacker does, and the error code the attack must get.
import { it } from 'vitest';

/**
 * Declares a named attack: a test that sends the attack to a real provider or app and fails if
 * the attack succeeds. `code` is the `AuthErrorCode` it is refused with, or, for attacks refused
 * by the provider itself, what the provider answers.
 */
export function attack(
  standard: string,
  name: string,
  code: string,
  fn: () => Promise<void>,
  timeout?: number,
): void {
  it(`[${standard}] ${name} → ${code}`, fn, timeout);
}
