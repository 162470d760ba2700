export * from './checkin.ts';
export * from './checkin-progress.ts';
export * from './checkin-questionnaire.ts';
export * from './help.rules.ts';
export * from './signal.rules.ts';
export * from './signal-text.ts';
