import { serve } from '@hono/node-server';
import pino from 'pino';
import type { Config } from '../config/config.js';
import { bootstrapIfEmpty } from '../services/bootstrap.service.js';
import type { Sources } from '../services/sources.js';
import { createApp } from '../serve/app.js';
import { refreshIndexes } from '../services/index.service.js';
import { searchDeps } from '../services/search.service.js';
import { openSemantic, semanticSettings } from '../services/semantic.service.js';
import { loadOrCreateSecret } from './secret.js';
import type { Store } from '../store/store.js';

/**
 * Starts the web role: the HTTP server first (so the site answers at once), then, with an empty
 * store, the first-start harvest in the background. Resolves when the server closes (SIGINT/SIGTERM).
 */
export async function serveWeb(config: Config, store: Store, sources: Sources): Promise<void> {
  const log = pino({ level: config.logLevel });
  let notice: string | undefined;
  const settings = semanticSettings(config);
  const search = searchDeps(store, await openSemantic(store, settings, (m) => log.warn(m)).catch((err: unknown) => { log.error({ err }, 'semantic index unavailable'); return null; }));
  const app = createApp({
    store, secret: loadOrCreateSecret(config), baseUrl: config.baseUrl, https: config.https, searchLimit: config.searchRate, search,
    cacheBytes: config.pageCacheBytes, versionTtlMs: config.storeCheckMs,
    emptyStoreNotice: () => notice, onError: (err) => log.error({ err }, 'request failed'),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stderr.write(`Papersift is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (${store.capabilities.dialect} store)\n`);
  void bootstrapIfEmpty(store, sources, config, new Date()).then(async (r) => {
    if (r.outcome !== 'not-empty') {
      notice = r.outcome === 'harvested' ? undefined : r.message;
      // Said to the person who ran `npm start` in plain words, not as a JSON log line.
      process.stderr.write(`\n${r.message}\n\n`);
      log.info({ outcome: r.outcome }, 'first-start harvest');
    }
    // Catch the indexes up with the store (a first harvest, or an ingest run without them), then serve the fresh vectors.
    const indexed = await refreshIndexes(store, { semantic: settings, log: (m) => log.warn(m) });
    if (indexed.keyword.indexed > 0 || (indexed.semantic?.sync.embedded ?? 0) > 0) log.info({ keyword: indexed.keyword.indexed, embedded: indexed.semantic?.sync.embedded }, 'search indexes refreshed');
    // Reopen the semantic index only when the refresh changed it: loading a large ANN index
    // blocks the event loop for seconds (1.5M vectors), so an unchanged one is left in service.
    const s = indexed.semantic;
    if (!search.semantic || (s && (s.fitted || s.sync.embedded > 0 || s.sync.repair !== 'none' || s.modelId !== search.semantic.modelId))) {
      search.semantic = await openSemantic(store, settings);
    }
  }).catch((err) => log.error({ err }, 'first-start harvest or index refresh failed'));
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
