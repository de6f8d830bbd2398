/**
 * `npm run load:hepth`: loads the hep-th KDD Cup abstracts (29,555 papers), Paperscape's paper
 * list (all 49,264 arXiv papers of 1991–1996, so citing papers from other categories exist) and
 * the Paperscape citation edges into the configured store (PAPERSIFT_DATA or DATABASE_URL).
 * Idempotent; shows progress; ends by checking that hep-th/9407087 is the most-cited paper with
 * 403 citing papers. Exit code 1 when the check fails.
 */
import { loadConfig } from '../src/config/config.js';
import { openStore } from '../src/main/open-store.js';
import { loadHepth } from '../eval/datasets/hepth-load.js';
import { EXPECTED_TOP, mostCited } from '../eval/datasets/most-cited.js';

const config = loadConfig(process.env);
const store = await openStore(config);
try {
  process.stderr.write(`loading into ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqliteFile}\n`);
  const started = Date.now();
  await loadHepth(store);
  const top = await mostCited(store, 3);
  const papers = await store.papers.count();
  process.stdout.write(`${papers.toLocaleString('en')} papers in the store; most cited: ${top.map((t) => `${t.arxivId} (${t.citing})`).join(', ')}\n`);
  const ok = top[0]?.arxivId === EXPECTED_TOP.arxivId && top[0].citing === EXPECTED_TOP.citing;
  process.stdout.write(ok
    ? `check passed: ${EXPECTED_TOP.arxivId} has ${EXPECTED_TOP.citing} citing papers (${((Date.now() - started) / 1000).toFixed(1)} s)\n`
    : `check FAILED: expected ${EXPECTED_TOP.arxivId} with ${EXPECTED_TOP.citing} citing papers\n`);
  if (!ok) process.exitCode = 1;
} finally {
  await store.close();
}
