/**
 * `npm run eval`: the relevance evaluation (issue 6). Builds or reuses the hep-th store under
 * `.eval/` (EVAL_DATA to move it), runs BM25, tf-idf cosine, the arxiv-sanity SVM, the built-in
 * embedders and their hybrid on citation prediction, author recommendation and the SPECTER
 * triplets, and prints progress and Markdown tables on stderr and one JSON document on stdout
 * (also written to `<EVAL_DATA>/results.json`). Use `npm run -s eval` to keep npm's banner out.
 *
 * Environment: EVAL_DATA (default .eval), EVAL_MAX_QUERIES (cap every method's queries per task,
 * for a quick look), EVAL_EMBEDDING_MODEL (a transformers.js model directory or cached Hub name
 * to compare as one more embedder; nothing is downloaded), EVAL_QUIET=1 (no progress).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatSeconds } from '../src/cli/progress.js';
import { reportTables } from './report.js';
import { runEval } from './run-eval.js';

const dataDir = resolve(process.env['EVAL_DATA'] ?? '.eval');
const maxQueries = process.env['EVAL_MAX_QUERIES'] ? Number(process.env['EVAL_MAX_QUERIES']) : undefined;
const transformer = process.env['EVAL_EMBEDDING_MODEL'];
const doc = await runEval({ dataDir, ...(maxQueries ? { maxQueries } : {}), ...(transformer ? { transformer } : {}), quiet: process.env['EVAL_QUIET'] === '1' });
const json = JSON.stringify(doc, null, 2);
writeFileSync(join(dataDir, 'results.json'), `${json}\n`);
process.stderr.write(`\n${reportTables(doc)}\n\nhybrid embedder: ${doc.hybridEmbedder ?? 'none'}; measured ${doc.measuredAt}; ${formatSeconds(doc.seconds)} on ${doc.machine.cpus} cores (${doc.machine.cpu}), Node ${doc.machine.node}\n`);
process.stdout.write(`${json}\n`);
