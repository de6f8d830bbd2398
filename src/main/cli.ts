#!/usr/bin/env node
import { runCli } from '../cli/program.js';
import { openStore } from './open-store.js';

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
  // Loaded on demand: the web app's modules (renderers, charts) take about a second to load,
  // which every other command, ingest included, would pay at start-up.
  serve: async (...args) => (await import('./web.js')).serveWeb(...args),
});
process.exitCode = code;
