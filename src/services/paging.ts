import { ValidationError } from '../core/errors.js';

/** Page number and size as callers pass them (query-string values already converted to numbers). */
export interface PagingOptions {
  /** 1-based page number. @default 1 */
  page?: number;
  /** Items per page, 1 to {@link MAX_PAGE_SIZE}. @default {@link DEFAULT_PAGE_SIZE} */
  pageSize?: number;
}

/** Items per page when none is asked for. */
export const DEFAULT_PAGE_SIZE = 50;

/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 200;

/** Validated paging with the row offset it implies. */
export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
}

/** Applies the defaults and validates; ValidationError naming `page` or `pageSize` otherwise. */
export function resolvePaging(options: PagingOptions): Paging {
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1) throw new ValidationError('page', `must be a whole number ≥ 1, got ${String(page)}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ValidationError('pageSize', `must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${String(pageSize)}`);
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}
