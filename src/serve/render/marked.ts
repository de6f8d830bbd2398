import { MARK_END, MARK_START } from '../../services/search.service.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Highlighted search text as safe HTML: everything escaped, then the index's match markers
 * turned into `<mark>` and `</mark>` (for JSON clients; pages use the `Highlighted` view).
 */
export function markedHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}
