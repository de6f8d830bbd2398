/**
 * "Previous / Page 2 of 5 / Next" links for paginated lists. Hidden when everything fits on
 * one page; the link builder decides the URL shape (feed, category…).
 */

/** Props of {@link Pagination}. */
export interface PaginationProps {
  /** 1-based current page. */
  page: number;
  pageSize: number;
  total: number;
  /** The URL of a given page. */
  href: (page: number) => string;
}

/** Number of pages for a total (at least 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** The pager, or nothing when there is a single page. */
export function Pagination(props: PaginationProps) {
  const pages = pageCount(props.total, props.pageSize);
  if (pages <= 1) return null;
  const prev = props.page > 1 ? props.page - 1 : null;
  const next = props.page < pages ? props.page + 1 : null;
  return (
    <nav class="pager" aria-label="Pages">
      {prev ? <a href={props.href(prev)} rel="prev">← Previous page</a> : <span class="disabled">← Previous page</span>}
      <span>Page {props.page} of {pages}</span>
      {next ? <a href={props.href(next)} rel="next">Next page →</a> : <span class="disabled">Next page →</span>}
    </nav>
  );
}
