import { feedPeriodOf } from '../../core/feed-period.js';
import { findCategory } from '../../core/taxonomy.js';
import type { FeedPage } from '../../services/read-models.js';
import { formatDayHeading, formatMonthHeading, formatRange, formatWeekHeading } from '../render/dates.js';
import { FEED_FORM_FIELDS } from '../feed-form.js';
import { FEED_FORM_PATH, feedAtomPath, feedPath } from '../urls.js';
import { CategorySelect } from './category-select.js';
import type { PageContext } from './context.js';
import { renderPage } from './layout.js';
import { Pagination } from './pagination.js';
import { PaperCardList } from './paper-card.js';
import { SubscribeBox } from './subscribe-page.js';

/**
 * A daily, weekly or monthly list of papers, like the seed's "Daily Papers" page: a title and
 * date range, links to the previous and next periods that have papers, a GET form to jump to
 * a day, week or month and filter by category, the cards, pagination, and a box linking to the
 * list's email subscription form (subscribe-page.tsx).
 */

/** Props of {@link FeedView}. */
export interface FeedViewProps {
  feed: FeedPage;
  ctx: PageContext;
}

const KIND_WORDS = {
  daily: { noun: 'day', title: 'Daily papers' },
  weekly: { noun: 'week', title: 'Weekly papers' },
  monthly: { noun: 'month', title: 'Monthly papers' },
} as const;

/** The period as a heading: `Tuesday, March 18, 2025`, `Week 12, 2025`, `March 2025`. */
export function feedHeading(feed: Pick<FeedPage, 'kind' | 'label'>): string {
  if (feed.kind === 'daily') return formatDayHeading(feed.label);
  return feed.kind === 'weekly' ? formatWeekHeading(feed.label) : formatMonthHeading(feed.label);
}

function PeriodNav(props: { feed: FeedPage }) {
  const { feed } = props;
  const noun = KIND_WORDS[feed.kind].noun;
  const link = (label: string | null, text: string, rel: 'prev' | 'next') =>
    label
      ? <a href={feedPath({ kind: feed.kind, label, category: feed.category })} rel={rel}>{text}</a>
      : <span class="disabled">{text}</span>;
  return (
    <nav class="period-nav" aria-label={`Other ${noun}s`}>
      {link(feed.previous, `← Previous ${noun}`, 'prev')}
      {link(feed.next, `Next ${noun} →`, 'next')}
    </nav>
  );
}

/** The GET form: one input per period kind, the category, and a submit button per kind. */
function FeedPicker(props: { feed: FeedPage }) {
  const { feed } = props;
  const at = (kind: FeedPage['kind']) => (feed.kind === kind ? feed.label : undefined);
  return (
    <form class="picker" method="get" action={FEED_FORM_PATH}>
      <fieldset>
        <legend>Go to a day, week or month</legend>
        <label class="field">Day<input type="date" name={FEED_FORM_FIELDS.date} value={at('daily') ?? feed.to} /></label>
        <label class="field">Week<input type="week" name={FEED_FORM_FIELDS.week} value={at('weekly') ?? feedPeriodOf('weekly', feed.to).label} placeholder="2025-W12" pattern="\d{4}-W\d{2}" /></label>
        <label class="field">Month<input type="month" name={FEED_FORM_FIELDS.month} value={at('monthly') ?? feed.to.slice(0, 7)} placeholder="2025-03" pattern="\d{4}-\d{2}" /></label>
        <span class="field"><label for="feed-category">Category</label><CategorySelect id="feed-category" selected={feed.category} name={FEED_FORM_FIELDS.category} /></span>
        <span class="buttons">
          <button type="submit" name={FEED_FORM_FIELDS.kind} value="daily" class={feed.kind === 'daily' ? 'primary' : undefined}>Show day</button>
          <button type="submit" name={FEED_FORM_FIELDS.kind} value="weekly" class={feed.kind === 'weekly' ? 'primary' : undefined}>Show week</button>
          <button type="submit" name={FEED_FORM_FIELDS.kind} value="monthly" class={feed.kind === 'monthly' ? 'primary' : undefined}>Show month</button>
        </span>
      </fieldset>
    </form>
  );
}

function Summary(props: { feed: FeedPage }) {
  const { feed } = props;
  const category = feed.category ? findCategory(feed.category)?.name ?? feed.category : null;
  const count = `${feed.total.toLocaleString('en-US')} paper${feed.total === 1 ? '' : 's'}`;
  return (
    <p class="lede">
      {KIND_WORDS[feed.kind].title}{feed.kind === 'daily' ? '' : `, ${formatRange(feed.from, feed.to)}`} · {count}
      {category ? <> in {category}</> : null} · first listed on arXiv
    </p>
  );
}

/** The feed page body. */
export function FeedView(props: FeedViewProps) {
  const { feed, ctx } = props;
  const pageHref = (page: number) => feedPath({ kind: feed.kind, label: feed.label, category: feed.category, page });
  return (
    <>
      <h1>{feedHeading(feed)}</h1>
      <Summary feed={feed} />
      <PeriodNav feed={feed} />
      <FeedPicker feed={feed} />
      {feed.papers.length === 0
        ? <p class="empty">No papers were first listed in this {KIND_WORDS[feed.kind].noun}{feed.category ? ' in this category' : ''}.</p>
        : <PaperCardList cards={feed.papers} now={ctx.now} level={2} />}
      <Pagination page={feed.page} pageSize={feed.pageSize} total={feed.total} href={pageHref} />
      <SubscribeBox category={feed.category} />
    </>
  );
}

/** The feed page as a complete HTML document. */
export function renderFeedPage(feed: FeedPage, ctx: PageContext): Promise<string> {
  return renderPage(<FeedView feed={feed} ctx={ctx} />, {
    title: `${feedHeading(feed)}${feed.category ? ` · ${feed.category}` : ''}`,
    ctx,
    description: `${KIND_WORDS[feed.kind].title} from arXiv: ${feed.total} papers, ${formatRange(feed.from, feed.to)}.`,
    atomFeed: feedAtomPath({ kind: feed.kind, label: feed.label, category: feed.category }),
    noindex: feed.page > 1,
  });
}
