import type { Task, TaskCompleted } from '@bedring/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { deadlinesKey } from './deadline-board.resource.ts';
import type { TaskOutcome } from './pathway.ts';

const tasksKey = ['tasks'] as const;

/** The user's open tasks; for a unit leader also the organisation's escalated ones (GET /api/tasks). */
export function useTasks(enabled = true) {
  return useQuery({
    queryKey: tasksKey,
    queryFn: () => api<{ tasks: Task[] }>('/api/tasks'),
    enabled,
  });
}

export interface TaskCompletion {
  taskId: string;
  outcome: TaskOutcome;
  date: string;
  note?: string;
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, ...body }: TaskCompletion) =>
      api<TaskCompleted>(`/api/tasks/${encodeURIComponent(taskId)}/complete`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tasksKey });
      // A new round opens an episode with deadlines; a first contact moves the person's pathway on.
      void queryClient.invalidateQueries({ queryKey: deadlinesKey });
      void queryClient.invalidateQueries({ queryKey: ['person'] });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}
