// Runs Next.js for `npm start`, `npm run dev` and `npm run build`: telemetry off, and the app's
// own shutdown (src/instrumentation.ts closes the audit log, which signs its last checkpoint),
// so Next does not exit on a signal itself. Without OIDC_ISSUER (development), it first starts
// the dev IdP in this process, with synthetic staff of the app's department, and hands its
// issuer to the app as the environment would in production; it never does when APP_ENV or
// NODE_ENV says production.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readAppInfo } from '../src/server/config';
import { devPersonas } from '../src/server/devPersonas';

const require = createRequire(import.meta.url);
const [command = 'start', ...rest] = process.argv.slice(2);
if (existsSync('.env')) process.loadEnvFile('.env');

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_MANUAL_SIG_HANDLE: 'true',
};
const production = (process.env.APP_ENV ?? process.env.NODE_ENV) === 'production';
let closeIdp: (() => Promise<void>) | undefined;

if ((command === 'start' || command === 'dev') && !process.env.OIDC_ISSUER && !production) {
  const { startDevIdp } = await import('@cityofboston/auth-client/dev-idp');
  const info = readAppInfo();
  const origin = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const idp = await startDevIdp({
    port: Number(process.env.DEV_IDP_PORT ?? 0),
    personas: devPersonas(info.department.code),
    clients: [
      {
        clientId: info.name,
        clientSecret,
        redirectUris: [`${origin}/auth/callback`],
        postLogoutRedirectUris: [`${origin}/`],
      },
    ],
  });
  closeIdp = () => idp.close();
  Object.assign(env, {
    APP_ENV: 'development',
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: info.name,
    OIDC_CLIENT_SECRET: clientSecret,
  });
  console.log(`Dev IdP at ${idp.issuer}: sign in as ${idp.personas.map((p) => p.id).join(', ')}`);
}

const next = spawn(process.execPath, [require.resolve('next/dist/bin/next'), command, ...rest], {
  env,
  stdio: 'inherit',
});
// The app stops on the signal and closes its audit log; then the dev IdP stops.
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
next.once('exit', (code, signal) => {
  void (closeIdp?.() ?? Promise.resolve()).finally(() => {
    process.exit(code ?? (signal ? 1 : 0));
  });
});
