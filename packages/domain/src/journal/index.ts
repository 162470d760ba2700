export * from './journal.rules.ts';
export * from './journal.ts';
