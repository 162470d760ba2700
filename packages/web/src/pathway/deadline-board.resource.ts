import type { BoardEpisode, DeadlineBoard } from '@bedring/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { type BoardFilter, PAGE_SIZE } from './deadline-board.filter.ts';

/** Everything on the board sits under one key, so a new referral or a completed task refreshes it. */
export const deadlinesKey = ['deadlines'] as const;

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

/** What a unit leader may see of a board row: /frister/:episodeId (GET /api/deadlines/:episodeId). */
export const boardEpisodePath = (episodeId: string) => `/frister/${encodeURIComponent(episodeId)}`;

/** Read on request only: the look is audited as a read on the person's record. */
export function useBoardEpisode(episodeId: string) {
  return useQuery({
    queryKey: [...deadlinesKey, 'episode', episodeId],
    queryFn: () => api<BoardEpisode>(`/api/deadlines/${encodeURIComponent(episodeId)}`),
  });
}
