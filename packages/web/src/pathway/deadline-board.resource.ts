import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import type { BoardStatus, DeadlineBoard } from './pathway.types.ts';

export const PAGE_SIZE = 20;

/** Everything on the board sits under one key, so a new referral or a completed task refreshes it. */
export const deadlinesKey = ['deadlines'] as const;

export interface BoardFilter {
  status: BoardStatus | null;
  unitId: string | null;
  accountId: string | null;
  page: number;
}

/** The deadline board (GET /api/deadlines). Every person shown is audited, so it is read on request only. */
export function useDeadlineBoard(filter: BoardFilter) {
  const params = new URLSearchParams({
    limit: String(PAGE_SIZE),
    offset: String((filter.page - 1) * PAGE_SIZE),
  });
  if (filter.status) params.set('status', filter.status);
  if (filter.unitId) params.set('unitId', filter.unitId);
  if (filter.accountId) params.set('accountId', filter.accountId);
  return useQuery({
    queryKey: [...deadlinesKey, filter],
    queryFn: () => api<DeadlineBoard>(`/api/deadlines?${params}`),
    placeholderData: keepPreviousData,
  });
}

/** How many deadlines the filter matches: the counts cover all open deadlines of the unit or clinician. */
export function totalFor(board: DeadlineBoard, status: BoardStatus | null): number {
  const { open, overdue, dueSoon } = board.counts;
  if (status === 'overdue') return overdue;
  if (status === 'due-soon') return dueSoon;
  if (status === 'open') return Math.max(0, open - overdue - dueSoon);
  return open;
}
