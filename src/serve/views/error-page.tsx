import { LATEST_FEED_PATHS, SEARCH_PATH } from '../urls.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';

/**
 * Error pages. The message is shown as text (escaped), so an error carrying user input,
 * such as a bad arXiv id, is safe to display.
 */

/** Props of {@link ErrorView}. */
export interface ErrorViewProps {
  status: 400 | 404 | 500;
  title: string;
  message: string;
}

/** An error page body. */
export function ErrorView(props: ErrorViewProps) {
  return (
    <div class="error-page">
      <p class="code">Error {props.status}</p>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p><a href={LATEST_FEED_PATHS.daily}>Today's papers</a> · <a href={SEARCH_PATH}>Search</a></p>
    </div>
  );
}

/** A 404 page as a complete HTML document (send it with status 404). */
export function renderNotFoundPage(ctx: PageContext, message = 'There is no page at this address. The paper or author may not be in this index yet.'): Promise<string> {
  return renderPage(<ErrorView status={404} title="Not found" message={message} />, { title: 'Not found', ctx, noindex: true });
}

/** A 400 page as a complete HTML document (send it with status 400). */
export function renderBadRequestPage(ctx: PageContext, message: string): Promise<string> {
  return renderPage(<ErrorView status={400} title="That request could not be understood" message={message} />, { title: 'Bad request', ctx, noindex: true });
}

/** A 500 page as a complete HTML document; never pass internal error details as `message`. */
export function renderServerErrorPage(ctx: PageContext): Promise<string> {
  return renderPage(<ErrorView status={500} title="Something went wrong" message="The server could not build this page. Please try again in a moment." />, { title: 'Error', ctx, noindex: true });
}
