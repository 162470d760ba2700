import type { UnitAccessLog, UnitAccessLogQuery } from '@bedring/contract';
import { useQuery } from '@tanstack/react-query';
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
  if (basis === 'own-record' || basis === 'need-to-know' || basis === 'break-glass') f.basis = basis;
  return f;
}

export function paramsFrom(f: UnitAccessLogQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => Boolean(v))) as Record<string, string>;
}

/** GET /api/access-log: every person shown is audited, so it is read on request only. */
export function useUnitAccessLog(filter: UnitAccessLogQuery) {
  const params = new URLSearchParams(paramsFrom(filter));
  return useQuery({
    queryKey: ['unit-access-log', filter],
    queryFn: () => api<UnitAccessLog>(`/api/access-log${params.size ? `?${params}` : ''}`),
  });
}
