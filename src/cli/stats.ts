import type { Store } from '../store/store.js';

/** Prints store statistics as a small table, or as JSON with `json`. */
export async function printStats(store: Store, out: NodeJS.WritableStream, json: boolean): Promise<void> {
  const s = { backend: store.capabilities.dialect, sizeBytes: await store.sizeBytes(), ...(await store.stats.all()) };
  if (json) { out.write(`${JSON.stringify(s, null, 2)}\n`); return; }
  const n = (x: number) => x.toLocaleString('en');
  out.write([
    `backend      ${s.backend} (${(s.sizeBytes / 1048576).toFixed(1)} MiB)`,
    `papers       ${n(s.papers)} (${n(s.versions)} versions)`,
    `authors      ${n(s.authors)} (${n(s.authorships)} authorships)`,
    `citations    ${n(s.citations)} edges, ${n(s.citationCounts)} external counts`,
    `listed       ${s.firstListed.min ?? '—'} … ${s.firstListed.max ?? '—'}`,
    `categories   ${s.topCategories.map((c) => `${c.category} ${n(c.papers)}`).join(', ') || '—'}`,
    `ingest runs  ${n(s.ingestRuns)}`,
  ].join('\n') + '\n');
}
