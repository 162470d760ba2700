export * from './enable-when.ts';
export * from './feedback-alert.rules.ts';
export * from './instrument.ts';
export * from './response-check.rules.ts';
export * from './scoring.ts';
