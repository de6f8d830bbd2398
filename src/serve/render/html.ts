/**
 * The one HTML escaper the rendering layer uses for strings it assembles by hand (math.ts,
 * the chart wrapper). JSX views get the same escaping from hono/jsx automatically.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '` so the result is safe as element text and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}
