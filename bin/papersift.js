#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm install`).
import('../dist/main/cli.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('papersift: dist/ is missing. Run `npm run build` (or `npm install`) first.');
    process.exit(1);
  }
  throw err;
});
