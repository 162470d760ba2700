export * from './calendar.ts';
export * from './discharge.rules.ts';
export * from './episode.rules.ts';
export * from './level-of-care.rules.ts';
export * from './referral.rules.ts';
export * from './risk-assessment.rules.ts';
export * from './task.rules.ts';
export * from './time-limits.rules.ts';
