// The department app's smoke test, run by the release rehearsal: the server starts, the page
// renders with the kit and passes axe, and a persona signs in against the dev IdP and back.
// `playwright` and `axe-core` come from the SDK's own workspace (the rehearsal passes their
// paths); the app itself installs only what a department would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { PLAYWRIGHT_MODULE, AXE_PATH, CHROMIUM_PATH, CHROMIUM_ARGS, PORT } = process.env;
const playwright = await import(PLAYWRIGHT_MODULE);
const chromium = playwright.chromium ?? playwright.default.chromium;
const url = `http://127.0.0.1:${PORT}/`;

const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server.ts'], {
  env: { ...process.env, PORT },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout.on('data', (d) => (output += d));
server.stderr.on('data', (d) => (output += d));
const fail = (message) => {
  throw new Error(`${message}\nserver output:\n${output}`);
};

let browser;
try {
  const deadline = Date.now() + 60_000;
  while (!output.includes('ready ')) {
    if (server.exitCode !== null) fail('the server exited');
    if (Date.now() > deadline) fail('the server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: JSON.parse(CHROMIUM_ARGS),
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Permit Desk' }).waitFor();
  await page.addScriptTag({ content: readFileSync(AXE_PATH, 'utf8') });
  const axe = await page.evaluate(async () =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  if (axe.violations.length > 0) fail(`axe: ${axe.violations.map((v) => v.id).join(', ')}`);

  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('button[data-persona]').first().waitFor();
  await page.locator('button[data-persona]').first().click();
  await page.getByTestId('signed-in').waitFor({ timeout: 30_000 });
  const me = await page.evaluate(async () => (await fetch('/api/me')).json());
  if (!me.name) fail(`/api/me did not return the signed-in principal: ${JSON.stringify(me)}`);
  console.log(
    `smoke: page rendered with the kit, axe clean, signed in as ${me.name} (${me.department})`,
  );
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}
