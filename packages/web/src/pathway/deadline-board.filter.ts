import type { BoardStatus, DeadlineBoard } from '@bedring/contract';

/**
 * The deadline board's filter and its paging: kept in the page's address (Norwegian parameter names),
 * so a filtered board can be bookmarked and the back button goes to the previous filter.
 */

export const PAGE_SIZE = 20;

export interface BoardFilter {
  status: BoardStatus | null;
  unitId: string | null;
  accountId: string | null;
  page: number;
}

const Statuses: readonly BoardStatus[] = ['overdue', 'due-soon', 'open'];

/** The filter from the address; anything unknown or malformed falls back to no filter, page 1. */
export function filterFrom(params: URLSearchParams): BoardFilter {
  const status = params.get('status');
  const page = Number(params.get('side') ?? '1');
  return {
    status: Statuses.includes(status as BoardStatus) ? (status as BoardStatus) : null,
    unitId: params.get('enhet') || null,
    accountId: params.get('ansvarlig') || null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The address for a filter: only what differs from the default. */
export function paramsFrom(f: BoardFilter): Record<string, string> {
  const p: Record<string, string> = {};
  if (f.status) p.status = f.status;
  if (f.unitId) p.enhet = f.unitId;
  if (f.accountId) p.ansvarlig = f.accountId;
  if (f.page > 1) p.side = String(f.page);
  return p;
}

/** How many deadlines the filter matches: the counts cover all open deadlines of the unit or clinician. */
export function totalFor(board: DeadlineBoard, status: BoardStatus | null): number {
  const { open, overdue, dueSoon } = board.counts;
  if (status === 'overdue') return overdue;
  if (status === 'due-soon') return dueSoon;
  if (status === 'open') return Math.max(0, open - overdue - dueSoon);
  return open;
}
