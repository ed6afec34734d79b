// Relay cursor pagination over offsets. Cursors are opaque to clients (base64url) and versioned
// so the encoding can change without old cursors being misread.
import type { Page } from './mappers.ts';
import { badInput, checkRange } from './errors.ts';

export const MAX_PAGE_SIZE = 100;
const PREFIX = 'kg1:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/** The offset a page starts at: just past the `after` cursor, or 0. */
export function offsetAfter(after: string | null | undefined): number {
  if (after == null) return 0;
  const text = Buffer.from(after, 'base64url').toString();
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw badInput('after', 'not a cursor returned by this API');
  }
  return offset + 1;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Validated `{offset, limit}` of a page request. */
export function pageWindow(args: PageArgs): { offset: number; limit: number } {
  return { offset: offsetAfter(args.after), limit: checkRange('first', args.first, 0, MAX_PAGE_SIZE, 20) };
}

/** A page cut from a list already in memory (relationship fields load whole lists per node). */
export function slicePage<T>(all: T[], args: PageArgs): Page<T> {
  const { offset, limit } = pageWindow(args);
  return { rows: all.slice(offset, offset + limit), totalCount: all.length, offset };
}
