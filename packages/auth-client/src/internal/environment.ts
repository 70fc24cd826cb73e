// Which environment the process says it is in. Development means NODE_ENV unset, empty,
// `development` or `test` (any case); anything else (`production`, `Production`, `prod`,
// `staging`...) is treated as production, so a misspelling never unlocks development behaviour.

/** The raw NODE_ENV, also on runtimes without `process` (edge), where it is undefined. */
export function nodeEnv(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.NODE_ENV;
}

/** Whether NODE_ENV is unset, `development` or `test` (case-insensitive). */
export function isDevelopmentEnvironment(env: string | undefined = nodeEnv()): boolean {
  const value = (env ?? '').trim().toLowerCase();
  return value === '' || value === 'development' || value === 'test';
}
