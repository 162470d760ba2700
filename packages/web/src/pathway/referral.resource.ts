import type { ReferralBody, ReferralCreated } from '@bedring/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { deadlinesKey } from './deadline-board.resource.ts';

/** Registers a referral (POST /api/referrals): the person's record is found or started, an episode opens. */
export function useRegisterReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralBody) => api<ReferralCreated>('/api/referrals', { method: 'POST', body }),
    onSuccess: () => {
      // A new person in the caseload and a new deadline on the board.
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
      void queryClient.invalidateQueries({ queryKey: deadlinesKey });
    },
  });
}
