import { MARK_END, MARK_START, type SearchResults } from '../services/search.service.js';
import type { IndexReport } from '../services/index.service.js';

/** Prints search results: a numbered list (id, date, title, first authors, why) or JSON. */
export function printSearchResults(r: SearchResults, out: NodeJS.WritableStream, json: boolean): void {
  if (json) { out.write(`${JSON.stringify(r, null, 2)}\n`); return; }
  if (r.notice) out.write(`note: ${r.notice}\n`);
  out.write(`${r.total.toLocaleString('en')}${r.totalIsExact ? '' : '+'} results for "${r.query}" (${r.mode})\n`);
  for (const a of r.authors) out.write(`  author: ${a.name} (${a.key}, ${a.papers} papers)\n`);
  r.hits.forEach((h, i) => {
    const p = h.paper;
    const names = p.authors.slice(0, 3).map((a) => a.name).join(', ') + (p.authors.length > 3 ? ' et al.' : '');
    out.write(`${String(i + 1).padStart(3)}. ${p.arxivId}  ${p.date ?? '—'}  ${p.primaryCategory}\n     ${p.title}\n     ${names}\n     ${h.why.join('; ')}\n`);
    if (h.snippet) out.write(`     ${plain(h.snippet)}\n`);
  });
}

/** The one-paragraph summary `papersift index` ends with. */
export function formatIndexReport(r: IndexReport): string {
  const lines = [`indexed ${r.keyword.indexed.toLocaleString('en')} papers for full-text search (${r.keyword.authors.toLocaleString('en')} author names) in ${(r.elapsedMs / 1000).toFixed(1)} s`];
  const s = r.semantic;
  if (s) {
    lines.push(`embedded ${s.sync.embedded.toLocaleString('en')} papers with ${s.modelId}${s.fitted ? ' (newly fitted)' : ''}; ${s.sync.vectors.toLocaleString('en')} vectors in the ANN index`);
    if (s.fallback) lines.push(`note: ${s.fallback}`);
  }
  return lines.join('\n');
}

/** Highlight markers as «…» for a terminal. */
function plain(s: string): string {
  return s.replaceAll(MARK_START, '«').replaceAll(MARK_END, '»');
}
