import { raw } from 'hono/html';
import { renderRichText, renderTitle } from '../render/math.js';

/**
 * JSX wrappers around math.ts: the only places views insert pre-rendered HTML. The strings
 * come from renderRichText/renderTitle, which escape every byte outside KaTeX's output.
 */

/** An abstract or comment: math typeset, URLs linked. Renders inline content (wrap it in a block). */
export function RichText(props: { text: string }) {
  return <>{raw(renderRichText(props.text))}</>;
}

/** A title: math typeset inline, no links (titles usually sit inside one). */
export function TitleText(props: { text: string }) {
  return <>{raw(renderTitle(props.text))}</>;
}
