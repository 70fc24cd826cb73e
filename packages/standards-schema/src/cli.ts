#!/usr/bin/env node
// The `city-schema` command; see `city-schema --help`.
import { runCli } from './internal/cli/run';

// `city-schema validate ... | head` closes stdout early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.argv.includes('--progress') || Boolean(process.stderr.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`city-schema: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
