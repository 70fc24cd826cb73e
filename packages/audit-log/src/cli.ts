#!/usr/bin/env node
// The `city-audit` command; everything it does lives in runCli so tests can call it in-process.
import { runCli } from './runCli';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
