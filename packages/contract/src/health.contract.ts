import { type Static, Type } from '@sinclair/typebox';
import { Closed, ErrorBody } from './common.contract.ts';

/** The database the server runs on, as /api/health names it (docs/operator-guide.md). */
const DatabaseInfo = Closed({
  engine: Type.Literal('postgresql'),
  version: Type.String(),
  embedded: Type.Boolean(),
});

/** GET /api/health: the server answers and its database does. */
export const HealthOk = Closed({ status: Type.Literal('ok'), database: DatabaseInfo });
export type HealthOk = Static<typeof HealthOk>;

/** GET /api/health when the database does not answer (503), with the error in docs/api.md's shape. */
export const HealthUnavailable = Closed({
  status: Type.Literal('unavailable'),
  database: DatabaseInfo,
  error: ErrorBody.properties.error,
});
export type HealthUnavailable = Static<typeof HealthUnavailable>;
