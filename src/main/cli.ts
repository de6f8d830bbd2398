#!/usr/bin/env node
import { runCli } from '../cli/program.js';
import { openStore } from './open-store.js';
import { serveWeb } from './web.js';

/**
 * Composition root of the `papersift` command: real fetch, real streams, real stores. Everything
 * below receives these; nothing below reads process.env.
 */
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  fetch: (url, init) => fetch(url, init),
  stdout: process.stdout,
  stderr: process.stderr,
  openStore,
  serve: serveWeb,
});
process.exitCode = code;
