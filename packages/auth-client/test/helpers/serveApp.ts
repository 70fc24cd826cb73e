// Runs the test app (dev IdP + Express BFF) in its own process and prints its origin as JSON.
// The React tests use it: under jsdom, ArrayBuffer and friends come from another realm, which
// the server-side crypto libraries rightly refuse, so the servers live outside that realm.
import { startTestApp } from './app';

const options = JSON.parse(process.argv[2] ?? '{}');
const t = await startTestApp(options);
console.log(JSON.stringify({ origin: t.origin, issuer: t.idp.issuer }));
process.on('SIGTERM', () => {
  t.close().then(() => process.exit(0));
});
