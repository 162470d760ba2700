export * from './lapse.rules.ts';
export * from './plan.ts';
export * from './plan-access.rules.ts';
export * from './plan-entry.rules.ts';
export * from './plan-status.rules.ts';
export * from './promise.rules.ts';
