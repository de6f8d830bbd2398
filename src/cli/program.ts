import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Config } from '../config/config.js';
import { PapersiftError, ValidationError, ConfigError } from '../core/errors.js';
import type { IngestReport } from '../core/ingest-report.js';
import { isIsoDate } from '../core/text.js';
import type { Clock, FetchLike } from '../ingest/http.js';
import type { Source } from '../ingest/source.js';
import type { PaperRecord } from '../core/paper.js';
import type { CitationRecord } from '../core/citation.js';
import { ingestFrom } from '../services/ingest.service.js';
import { createSources, type Sources } from '../services/sources.js';
import type { Store } from '../store/store.js';
import { createProgress, createStepProgress } from './progress.js';
import { EXIT, exitCodeOf, formatSummary } from './summary.js';
import { printStats } from './stats.js';
import { registerAuthorsCommand } from './authors-command.js';
import { addMetricsCommand, formatMetricsReport, runMetrics } from './metrics-command.js';

/** What the CLI gets from its composition root. */
export interface CliRuntime {
  env: Record<string, string | undefined>;
  fetch: FetchLike;
  /** Time for rate limits and retry backoff. @default the system clock */
  clock?: Clock;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  openStore(config: Config): Promise<Store>;
  /** Starts the web app; resolves when the server stops. */
  serve(config: Config, store: Store, sources: Sources): Promise<void>;
}

/**
 * Runs the `papersift` CLI with `argv` (without node and script) and returns the exit code:
 * 0 ok, 1 the run failed, 2 bad usage or configuration, 3 completed but some records failed.
 */
export async function runCli(argv: string[], rt: CliRuntime): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(rt, (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return reportError(err, rt.stderr);
  }
  return code;
}

function buildProgram(rt: CliRuntime, setCode: (c: number) => void): Command {
  const program = new Command('papersift')
    .description('Papersift: an open research-paper radar. Ingest arXiv metadata and citations, then serve it.')
    .option('--data <dir>', 'directory for the SQLite store and local state (PAPERSIFT_DATA)')
    .option('--database-url <url>', 'use PostgreSQL instead of SQLite (DATABASE_URL)')
    .option('--offline', 'never touch the network (PAPERSIFT_OFFLINE=1)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => rt.stdout.write(s), writeErr: (s) => rt.stderr.write(s) });

  const config = (): Config => {
    const g = program.opts<{ data?: string; databaseUrl?: string; offline?: boolean }>();
    return loadConfig({ ...rt.env, ...(g.data ? { PAPERSIFT_DATA: g.data } : {}), ...(g.databaseUrl ? { DATABASE_URL: g.databaseUrl } : {}), ...(g.offline ? { PAPERSIFT_OFFLINE: '1' } : {}) });
  };
  const sources = (cfg: Config): Sources => createSources({ config: cfg, fetch: rt.fetch, ...(rt.clock ? { clock: rt.clock } : {}) });
  const withStore = async <T>(fn: (store: Store, cfg: Config) => Promise<T>, cfg: Config = config()): Promise<T> => {
    const store = await rt.openStore(cfg);
    try { return await fn(store, cfg); } finally { await store.close(); }
  };
  const ingest = async (kind: 'papers' | 'citations', make: (s: Sources, cfg: Config) => Source<PaperRecord> | Source<CitationRecord>, opts: { resume?: boolean; quiet?: boolean; index?: boolean }) => {
    const cfg = config();
    const source = make(sources(cfg), cfg);
    source.prepare?.(); // parsing starts while the store opens and migrates
    return withStore(async (store) => {
      const progress = createProgress(source.name, { quiet: !!opts.quiet, stream: rt.stderr });
      const report: IngestReport = await ingestFrom(store, source, kind, { resume: opts.resume !== false, onProgress: (p) => progress.update(p) });
      progress.stop();
      rt.stdout.write(`${formatSummary(report)}\n`);
      setCode(exitCodeOf(report));
      if (kind === 'papers' && opts.index !== false && report.status === 'completed' && report.new + report.updated > 0) {
        const { refreshIndexes, semanticSettings, formatIndexReport } = await heavy();
        const steps = createStepProgress({ quiet: !!opts.quiet, stream: rt.stderr });
        const indexed = await refreshIndexes(store, { semantic: semanticSettings(cfg), onProgress: (step, done, total) => steps.update(step, done, total), log: (m) => rt.stderr.write(`${m}\n`) });
        steps.stop();
        rt.stdout.write(`${formatIndexReport(indexed)}\n`);
      }
      if (opts.index !== false && report.status === 'completed' && report.new + report.updated > 0) rt.stdout.write(`${formatMetricsReport(await runMetrics(store, { quiet: true, stderr: rt.stderr }))}\n`);
    }, cfg);
  };

  program.command('migrate').description('create or upgrade the store schema').action(() => withStore(async (store) => {
    rt.stdout.write(`store is up to date (${store.capabilities.dialect})\n`);
  }));

  const ing = program.command('ingest').description('load papers or citations from a source');
  const common = (c: Command) => c.option('--no-resume', 'start over instead of continuing an interrupted run').option('-q, --quiet', 'no progress bar')
    .option('--no-index', 'do not refresh the search indexes afterwards (run `papersift index` later)');
  common(ing.command('snapshot <file>').description('the arXiv metadata snapshot (Kaggle JSON lines, plain or .gz)'))
    .addOption(new Option('--batch-size <n>', 'records per transaction (default 1000 on SQLite, 2000 on PostgreSQL)').argParser(positiveInt))
    .action((file: string, o) => ingest('papers', (s) => s.snapshot(file, o.batchSize), o));
  common(ing.command('oai').description('harvest arXiv over OAI-PMH'))
    .option('--from <date>', 'first datestamp, YYYY-MM-DD', isoDateArg('--from'))
    .option('--until <date>', 'last datestamp, YYYY-MM-DD', isoDateArg('--until'))
    .option('--set <set>', 'OAI set, e.g. cs or physics:hep-th')
    .addOption(new Option('--prefix <prefix>', 'metadata format').choices(['arXivRaw', 'arXiv']).default('arXivRaw'))
    .action((o) => ingest('papers', (s) => s.oai({ from: o.from, until: o.until, set: o.set, metadataPrefix: o.prefix }), o));
  common(ing.command('arxiv').description('the arXiv API, by id list or search query'))
    .option('--ids <ids...>', 'arXiv ids (space or comma separated)')
    .option('--query <query>', 'arXiv search query, e.g. "cat:cs.LG AND ti:diffusion"')
    .addOption(new Option('--max <n>', 'stop after this many results').argParser(positiveInt))
    .action((o) => {
      const ids = (o.ids as string[] | undefined)?.flatMap((x) => x.split(',')).filter(Boolean);
      if (!ids === !o.query) throw new ValidationError('ingest arxiv', 'give exactly one of --ids or --query');
      return ingest('papers', (s) => s.arxivApi({ ...(ids ? { ids } : { query: o.query }), ...(o.max ? { maxResults: o.max } : {}) }), o);
    });
  common(ing.command('citations [file]').description('citation edges from a TSV/CSV file, from Semantic Scholar with --s2, or OpenAlex counts with --openalex'))
    .option('--s2 <ids...>', 'arXiv ids or DOIs to fetch counts, references and citations for')
    .option('--openalex <ids...>', 'OpenAlex work ids (W…), arXiv ids or DOIs to fetch cited_by_count and counts_by_year for')
    .option('--source-name <name>', 'source recorded on each edge from the file')
    .action((file: string | undefined, o) => {
      if ([file, o.s2, o.openalex].filter(Boolean).length !== 1) throw new ValidationError('ingest citations', 'give exactly one of <file>, --s2 <ids…> or --openalex <ids…>');
      const ids = (x: string[]) => x.flatMap((v) => v.split(',')).filter(Boolean);
      return ingest('citations', (s) => (file ? s.citationFile(file, o.sourceName) : o.s2 ? s.semanticScholar(o.s2 as string[]) : s.openAlex(ids(o.openalex as string[]))), o);
    });

  program.command('index').description('build or refresh the search indexes: full text, authors, embedding model, vectors, ANN')
    .option('-q, --quiet', 'no progress bar')
    .option('--refit', 'fit a new built-in embedding model on the current corpus (new vectors for every paper)')
    .option('--keyword-only', 'refresh only the full-text and author indexes')
    .action((o: { quiet?: boolean; refit?: boolean; keywordOnly?: boolean }) => withStore(async (store, cfg) => {
      const { refreshIndexes, semanticSettings, formatIndexReport } = await heavy();
      const progress = createStepProgress({ quiet: !!o.quiet, stream: rt.stderr });
      const report = await refreshIndexes(store, {
        ...(o.keywordOnly ? {} : { semantic: semanticSettings(cfg) }), refit: !!o.refit,
        onProgress: (step, done, total) => progress.update(step, done, total), log: (m) => rt.stderr.write(`${m}\n`),
      });
      progress.stop();
      rt.stdout.write(`${formatIndexReport(report)}\n`);
    }));
  program.command('search <query...>').description('search papers (hybrid by default)')
    .addOption(new Option('--mode <mode>', 'how to match').choices(['hybrid', 'keyword', 'semantic']).default('hybrid'))
    .option('--category <id>', 'only this arXiv category').option('--from <date>', 'listed on or after', isoDateArg('--from')).option('--to <date>', 'listed on or before', isoDateArg('--to'))
    .option('--author <name>', 'only papers by this author (key or any spelling)')
    .addOption(new Option('-n, --limit <n>', 'results to show').argParser(positiveInt).default(10))
    .option('--json', 'machine-readable output')
    .action((words: string[], o) => withStore(async (store, cfg) => {
      const { openSemantic, semanticSettings, searchPapers, searchDeps, printSearchResults } = await heavy();
      const semantic = o.mode === 'keyword' ? null : await openSemantic(store, semanticSettings(cfg), (m) => rt.stderr.write(`${m}\n`));
      const results = await searchPapers(searchDeps(store, semantic), { q: words.join(' '), mode: o.mode, category: o.category ?? null, from: o.from ?? null, to: o.to ?? null, author: o.author ?? null, pageSize: o.limit });
      printSearchResults(results, rt.stdout, !!o.json);
    }));
  addMetricsCommand(program, (fn) => withStore((store) => fn(store)), rt);
  program.command('stats').description('what the store holds').option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => withStore(async (store) => printStats(store, rt.stdout, !!o.json)));
  program.command('runs').description('recent ingest runs').option('--failures <runId>', 'list the failures of one run', positiveInt)
    .action((o: { failures?: number }) => withStore(async (store) => {
      if (o.failures) for (const f of await store.runs.failures(o.failures, 100_000)) rt.stdout.write(`${f.position}\t${f.reason}\n`);
      else for (const r of await store.runs.recent(20)) rt.stdout.write(`#${r.id}\t${r.status}\t${r.source}\t${r.startedAt}\tfetched ${r.fetched} new ${r.new} updated ${r.updated} unchanged ${r.unchanged} failed ${r.failed}${r.error ? `\t${r.error}` : ''}\n`);
    }));
  registerAuthorsCommand(program, withStore, rt.stdout);
  program.command('serve').description('run the web app (what `npm start` runs)').option('--port <port>', 'port (PORT)', positiveInt)
    .action(async (o: { port?: number }) => {
      const cfg = { ...config(), ...(o.port !== undefined ? { port: o.port } : {}) };
      const store = await rt.openStore(cfg);
      try { await rt.serve(cfg, store, sources(cfg)); } finally { await store.close(); }
    });
  return program;
}

/**
 * The index, search and embedding modules (the ANN library, model code), loaded only by the
 * commands that use them: loading them cost every other command, ingest included, ~0.2 s.
 */
async function heavy() {
  const [index, search, semantic, output] = await Promise.all([
    import('../services/index.service.js'), import('../services/search.service.js'), import('../services/semantic.service.js'), import('./search-output.js'),
  ]);
  return { ...index, ...search, ...semantic, ...output };
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ValidationError('argument', `expected a whole number, got ${JSON.stringify(v)}`);
  return n;
}

function isoDateArg(flag: string) {
  return (v: string) => {
    if (!isIsoDate(v)) throw new ValidationError(flag, `expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
    return v;
  };
}

function reportError(err: unknown, stderr: NodeJS.WritableStream): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (err instanceof ConfigError) { stderr.write(`papersift: ${err.message}\nSee docs/CONFIG.md for every setting.\n`); return EXIT.usage; }
  if (err instanceof ValidationError) { stderr.write(`papersift: ${err.message}\n`); return EXIT.usage; }
  if (err instanceof PapersiftError) { stderr.write(`papersift: ${err.message}\n`); return EXIT.failed; }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' && e.path) { stderr.write(`papersift: no such file: ${e.path}\n`); return EXIT.usage; }
  if (e?.code === 'ECONNREFUSED') { stderr.write(`papersift: cannot connect to the database (${e.message}). Is PostgreSQL running, and is DATABASE_URL right?\n`); return EXIT.failed; }
  stderr.write(`papersift: ${e?.stack ?? String(err)}\n`);
  return EXIT.failed;
}
