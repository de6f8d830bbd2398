// Runs a node ES module as if it were the main script and, at exit, writes this process's own
// peak RSS (process.resourceUsage().maxRSS, KiB) as JSON to the file named by BENCH_RSS_FILE.
//
//   BENCH_RSS_FILE=/tmp/x node bench/rss-wrapper.mjs dist/main/cli.js --data d ingest snapshot f -q
//
// Plain JavaScript on purpose: the measured child loads no TypeScript loader, so its memory and
// start-up time are those of the real CLI (or of the floor script).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node bench/rss-wrapper.mjs <module> [args…]\n');
  process.exit(2);
}
const out = process.env.BENCH_RSS_FILE;
// [node, wrapper, module, ...args] → [node, module, ...args], what the module expects to see.
process.argv.splice(1, 2, resolve(target));
process.on('exit', (code) => {
  if (out) writeFileSync(out, JSON.stringify({ maxRSSKiB: process.resourceUsage().maxRSS, code }));
});
await import(pathToFileURL(resolve(target)).href);
