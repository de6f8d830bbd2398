import { findCategory } from '../../core/taxonomy.js';
import { CSRF_FIELD } from '../security/csrf.js';
import { SUBSCRIBE_PATH, subscribePath } from '../urls.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';

/**
 * Subscribing to a feed by email: the feed pages carry a small box linking here (as the seed's
 * "Get trending papers in your email inbox! Subscribe"), and this page holds the form, POSTed
 * with the browser's CSRF token. Keeping the token off the feed pages lets them be cached and
 * compressed once for everyone.
 */

/** What the list is called in the box and on the page: "new Machine Learning papers". */
function listName(category: string | null): string {
  return category ? `new ${findCategory(category)?.name ?? category} papers` : 'new papers';
}

/** The box at the end of a feed page: what the digest is, and a link to the form. */
export function SubscribeBox(props: { category: string | null }) {
  return (
    <aside class="subscribe" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">Get {listName(props.category)} in your email inbox</h2>
      <p class="muted">A short digest, once a day or once a week. Unsubscribe from any email.</p>
      <p><a class="button primary" href={subscribePath(props.category)}>Subscribe</a></p>
    </aside>
  );
}

/** Props of {@link SubscribeView}. */
export interface SubscribeViewProps {
  /** The category the digest follows, or null for every category. */
  category: string | null;
  /** The browser's token the POST handler checks; rendered as a hidden `_csrf` field. */
  csrfToken: string;
}

/** The subscription form. */
export function SubscribeView(props: SubscribeViewProps) {
  return (
    <section class="subscribe" aria-labelledby="subscribe-heading">
      <h1 id="subscribe-heading">Get {listName(props.category)} by email</h1>
      <p class="muted">A short digest, once a day or once a week. Papersift stores your address as pending until you confirm it; unsubscribe from any email.</p>
      <form method="post" action={SUBSCRIBE_PATH}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {props.category ? <input type="hidden" name="category" value={props.category} /> : null}
        <label class="field">Email address<input type="email" name="email" required autocomplete="email" inputmode="email" /></label>
        <label class="field">How often
          <select name="frequency"><option value="daily">Daily</option><option value="weekly">Weekly</option></select>
        </label>
        <button type="submit" class="primary">Subscribe</button>
      </form>
    </section>
  );
}

/** The subscription page as a complete HTML document. */
export function renderSubscribePage(props: SubscribeViewProps, ctx: PageContext): Promise<string> {
  return renderPage(<SubscribeView {...props} />, { title: `Subscribe: ${listName(props.category)}`, ctx, noindex: true });
}
