/**
 * The contract between the server and the web (docs/architecture.md, "The contract"): the TypeBox
 * schema of every /api request and response. The server validates requests and serialises responses
 * with them; the web uses their static types.
 */
export * from './access.contract.ts';
export * from './auth.contract.ts';
export * from './checkin.contract.ts';
export * from './common.contract.ts';
export * from './health.contract.ts';
export * from './journal.contract.ts';
export * from './pathway.contract.ts';
export * from './plan.contract.ts';
export * from './questionnaire.contract.ts';
export * from './record.contract.ts';
export * from './relatives.contract.ts';
export * from './risk-assessment.contract.ts';
export { catalogue, type Language, Languages, say, type WordKey } from './words/words.ts';
