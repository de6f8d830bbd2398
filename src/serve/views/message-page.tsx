import type { PageContext } from './context.js';
import { renderPage } from './layout.js';

/** Props of {@link MessageView}. */
export interface MessageViewProps {
  title: string;
  /** Paragraphs, shown in order; plain text (escaped). */
  paragraphs: string[];
  /** Preformatted text such as a command to run, shown after the paragraphs. */
  code?: string;
}

/** A short page that says one thing plainly: an empty index, a stored subscription, a feature still to come. */
export function MessageView(props: MessageViewProps) {
  return (
    <div class="message-page" role="status">
      <h1>{props.title}</h1>
      {props.paragraphs.map((p) => <p>{p}</p>)}
      {props.code ? <pre>{props.code}</pre> : null}
    </div>
  );
}

/** {@link MessageView} as a complete HTML document. */
export function renderMessagePage(props: MessageViewProps, ctx: PageContext): Promise<string> {
  return renderPage(<MessageView {...props} />, { title: props.title, ctx, noindex: true });
}
