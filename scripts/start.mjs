#!/usr/bin/env node
// `npm start`: runs the example app on its embedded defaults. Until the example app has a start
// script, it opens the ui kit's Storybook instead.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const scriptsOf = (dir) =>
  JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).scripts ?? {};

let workspace;
let script;
if (scriptsOf('apps/example').start) {
  [workspace, script] = ['@cityofboston/example', 'start'];
} else if (scriptsOf('packages/ui').storybook) {
  console.log('The example app is not built yet; opening the ui kit in Storybook instead.');
  [workspace, script] = ['@cityofboston/ui', 'storybook'];
} else {
  console.error('Nothing to start yet: neither the example app nor Storybook exists.');
  process.exit(1);
}
// The workspaces import each other's built output.
const build = spawn('npx', ['turbo', 'run', 'build', `--filter=${workspace}...`], {
  cwd: root,
  stdio: 'inherit',
});
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const child = spawn('npm', ['run', script, '-w', workspace], { cwd: root, stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 0));
});
