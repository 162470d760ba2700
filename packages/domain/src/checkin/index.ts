export * from './checkin.ts';
export * from './checkin-questionnaire.ts';
export * from './signal.rules.ts';
