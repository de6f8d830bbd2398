import type { Child } from 'hono/jsx';
import { MARK_END, MARK_START } from '../../services/search.service.js';

/**
 * Search highlights: engines mark matched spans with private-use characters around raw text;
 * this turns them into `<mark>` elements. The text is JSX children, so it is escaped like all
 * paper text; the markers themselves never reach the page.
 */
export function Highlighted(props: { text: string }) {
  const parts: Child[] = [];
  for (const [i, chunk] of props.text.split(MARK_START).entries()) {
    if (i === 0) { parts.push(chunk.replaceAll(MARK_END, '')); continue; }
    const end = chunk.indexOf(MARK_END);
    if (end < 0) { parts.push(chunk); continue; }
    parts.push(<mark>{chunk.slice(0, end)}</mark>, chunk.slice(end + 1).replaceAll(MARK_END, ''));
  }
  return <>{parts}</>;
}

/** Whether a highlighted title can replace the typeset one (no math or TeX to lose). */
export function plainEnough(title: string): boolean {
  return !/[$\\^_{}]/.test(title);
}
