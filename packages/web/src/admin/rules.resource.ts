import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';

/** The organisation's rules of one kind (feedback alerts or check-in signals), with the defaults. */
export interface RulesAnswer<R> {
  rules: R[];
  defaults: R[];
}

export type RulesPath = '/api/admin/feedback-rules' | '/api/admin/signal-rules';

/** Organisation settings, not personal data: cached by their path, replaced by what the server kept. */
export function useRules<R>(path: RulesPath) {
  return useQuery({ queryKey: ['admin', path], queryFn: () => api<RulesAnswer<R>>(path) });
}

export function useSaveRules<R>(path: RulesPath) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: R[]) => api<{ rules: R[] }>(path, { method: 'PUT', body: { rules } }),
    onSuccess: (saved) => {
      queryClient.setQueryData<RulesAnswer<R>>(['admin', path], (old) =>
        old ? { ...old, rules: saved.rules } : old,
      );
    },
  });
}
