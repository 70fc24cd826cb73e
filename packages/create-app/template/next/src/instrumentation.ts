// Runs once when the server starts. Next.js also compiles this file for the edge runtime, so
// the Node.js part (the database, the audit log, sign-in, the shutdown) lives in its own module.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startAndStopOnSignal } = await import('./server/lifecycle');
    await startAndStopOnSignal();
  }
}
