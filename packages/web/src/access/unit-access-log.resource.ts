import type { UnitAccessLog, UnitAccessLogQuery } from '@bedring/contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';

export type UnitAccessLogEntry = UnitAccessLog['entries'][number];

/** The filter of the unit's access log as the page's address holds it (so it can be shared and reloaded). */
export function filterFrom(params: URLSearchParams): UnitAccessLogQuery {
  const f: UnitAccessLogQuery = {};
  for (const key of ['personId', 'accountId', 'from', 'to'] as const) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  const basis = params.get('basis');
  if (basis === 'own-record' || basis === 'need-to-know' || basis === 'break-glass' || basis === 'system')
    f.basis = basis;
  return f;
}

export function paramsFrom(f: UnitAccessLogQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => Boolean(v))) as Record<string, string>;
}

/**
 * GET /api/access-log a page at a time (keyset: each page names the next, "Vis flere" asks for it). Every
 * person shown is audited, so a page is read on request only.
 */
export function useUnitAccessLog(filter: UnitAccessLogQuery) {
  return useInfiniteQuery({
    queryKey: ['unit-access-log', filter],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(paramsFrom(filter));
      if (pageParam) params.set('after', pageParam);
      return api<UnitAccessLog>(`/api/access-log${params.size ? `?${params}` : ''}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
