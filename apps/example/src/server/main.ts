// The 311 Case Desk's process: `npm run serve:dev` (tsx, development) or, compiled,
// `node dist/server/main.js` (production; see the Dockerfile). On its embedded defaults, or on
// production services when the environment names them (see the README and .env.example).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config';
import { createCaseDesk } from './createCaseDesk';

const started = performance.now();
// src/server/main.ts and dist/server/main.js are both two folders below the app.
const appDir = fileURLToPath(new URL('../..', import.meta.url));
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env, { dataDir: `${appDir}.data/pglite` });
} catch (error) {
  console.error((error as Error).message);
  process.exit(78); // EX_CONFIG
}
const clientDir = process.env.CASE_DESK_CLIENT_DIR ?? `${appDir}dist/client`;
if (!existsSync(`${clientDir}/index.html`)) {
  console.error('The client is not built: run `npm run build` in apps/example (npm start does).');
  process.exit(1);
}
const desk = await createCaseDesk(config, {
  clientDir,
  host: process.env.HOST ?? '127.0.0.1',
});
const readyMs = Math.round(performance.now() - started);
console.log(
  JSON.stringify({
    level: 30,
    time: new Date().toISOString(),
    app: '311-case-desk',
    msg: `311 Case Desk is running at ${desk.url}`,
    database: desk.db.kind,
    seeded: desk.seeded,
    readyMs,
  }),
);
if (desk.personas.length > 0 && !config.production) {
  console.log('Sign in with the development IdP as one of these synthetic personas:');
  for (const p of desk.personas) {
    console.log(`  - ${p.name.padEnd(30)} ${p.title} [${p.roles.join(', ')}; ${p.clearance}]`);
  }
}
// SIGTERM (orchestrators) and SIGINT (Ctrl-C): drain requests and the audit outbox, then exit.
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(
    JSON.stringify({ level: 30, time: new Date().toISOString(), msg: `${signal}: draining` }),
  );
  void desk.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
