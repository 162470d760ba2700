import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../http/api-client.ts';
import { completionErrorKey } from './task-completion.ts';

test("the server's refusals of a task completion are said in the user's words, on the right place", () => {
  const cases: [ApiError | Error, { field: 'date' | null; key: string }][] = [
    [new ApiError(400, 'before_task', ''), { field: 'date', key: 'work.tasks.errors.beforeTask' }],
    [new ApiError(400, 'date_in_future', ''), { field: 'date', key: 'work.dates.future' }],
    [new ApiError(409, 'task_completed', ''), { field: null, key: 'work.tasks.errors.completed' }],
    [new ApiError(403, 'not_your_task', ''), { field: null, key: 'work.tasks.errors.notYours' }],
    [new ApiError(403, 'forbidden', ''), { field: null, key: 'errors.forbidden' }],
    [new ApiError(0, 'network', ''), { field: null, key: 'errors.network' }],
    [new ApiError(400, 'validation', ''), { field: null, key: 'errors.generic' }],
    [new ApiError(500, 'internal', ''), { field: null, key: 'errors.generic' }],
    [new Error('boom'), { field: null, key: 'errors.generic' }],
  ];
  for (const [error, expected] of cases) assert.deepEqual(completionErrorKey(error), expected, error.message);
});
