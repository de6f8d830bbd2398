import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * Imports flow one way (docs/ARCHITECTURE.md):
 * core → config → ingest, store → index → rank → recommend → notify → services → serve, jobs, cli → main.
 * A folder may import (values) only from the folders listed for it; `import type` may also
 * reach any earlier layer, since types vanish at run time. Source adapters never import each other.
 */
const ALLOWED: Record<string, string[]> = {
  core: [],
  config: ['core'],
  ingest: ['core'],
  store: ['core'],
  index: ['core', 'store'],
  rank: ['core'],
  recommend: ['core', 'store', 'index', 'rank'],
  notify: ['core', 'config'],
  services: ['core', 'config', 'ingest', 'store', 'index', 'rank', 'recommend', 'notify'],
  serve: ['core', 'config', 'services'],
  jobs: ['core', 'config', 'services'],
  cli: ['core', 'config', 'services', 'jobs'],
  main: ['*'],
};
const ORDER = ['core', 'config', 'ingest', 'store', 'index', 'rank', 'recommend', 'notify', 'services', 'serve', 'jobs', 'cli', 'main'];
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p)) yield p;
  }
}

test('imports respect the layer order', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const rel = relative(SRC, file);
    const layer = rel.split('/')[0]!;
    const allowed = ALLOWED[layer];
    assert.ok(allowed, `src/${layer} is not a known layer: add it to docs/ARCHITECTURE.md and this test`);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const target = relative(SRC, join(file, '..', m[2]!)).split('/')[0]!;
      if (target === layer || allowed.includes('*') || allowed.includes(target)) continue;
      if (m[1] && ORDER.indexOf(target) < ORDER.indexOf(layer)) continue;
      violations.push(`src/${rel} imports ${m[1] ? 'type ' : ''}from src/${target}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('source adapters do not import each other', () => {
  const violations: string[] = [];
  for (const file of files(join(SRC, 'ingest'))) {
    const rel = relative(join(SRC, 'ingest'), file);
    const own = rel.includes('/') ? rel.split('/')[0] : undefined;
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
      const target = relative(join(SRC, 'ingest'), join(file, '..', m[1]!));
      const other = target.includes('/') && !target.startsWith('..') ? target.split('/')[0] : undefined;
      // arxiv-common holds helpers shared by the arXiv adapters; it is not an adapter itself.
      if (own && other && other !== own && other !== 'arxiv-common') violations.push(`ingest/${rel} imports ingest/${target}`);
    }
  }
  assert.deepEqual(violations, []);
});
