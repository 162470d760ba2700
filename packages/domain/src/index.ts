export * from './access/access.rules.ts';
export * from './access/roles.ts';
export * from './audit/audit-chain.ts';
export * from './auth/login.rules.ts';
export * from './pathway/index.ts';
export * from './plan/index.ts';
export * from './questionnaire/index.ts';
export * from './record/living-conditions.ts';
