import { startApp, stopApp } from './app';
import { ConfigError } from './config';

/**
 * Opens the database, the audit log and sign-in before the first request, and closes them on
 * SIGTERM/SIGINT so the outbox drains and the audit log flushes and signs its last checkpoint.
 * Next.js leaves the signals to the app when NEXT_MANUAL_SIG_HANDLE is set (scripts/next.ts and
 * the Dockerfile set it); otherwise it exits at once and the app closes on its next start.
 */
export async function startAndStopOnSignal(): Promise<void> {
  try {
    const app = await startApp();
    console.log(`${app.info.title}: database ${app.db.kind}, sign-in at ${app.issuer}`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Cannot start: ${error.message}. See .env.example.`);
      process.exit(1);
    }
    throw error;
  }
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void stopApp().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
