// `npm start`: the 311 Case Desk on its embedded defaults, or on production services when the
// environment names them (see the README).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config';
import { createCaseDesk } from './createCaseDesk';

const appDir = fileURLToPath(new URL('../..', import.meta.url));
const config = readConfig(process.env, { dataDir: `${appDir}.data/pglite` });
const clientDir = `${appDir}dist/client`;
if (!existsSync(`${clientDir}/index.html`)) {
  console.error('The client is not built: run `npm run build` in apps/example (npm start does).');
  process.exit(1);
}
const started = Date.now();
const desk = await createCaseDesk(config, {
  clientDir,
  host: process.env.HOST ?? '127.0.0.1',
  logLine: (line) => console.log(line),
});
console.log(
  `\n311 Case Desk is running at ${desk.url} (${desk.db.kind}${desk.seeded ? `, seeded ${desk.seeded} synthetic requests` : ''}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
if (desk.personas.length > 0) {
  console.log('Sign in with the development IdP as one of these synthetic personas:');
  for (const p of desk.personas) {
    console.log(`  - ${p.name.padEnd(30)} ${p.title} [${p.roles.join(', ')}; ${p.clearance}]`);
  }
}
const stop = () => {
  void desk.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
