import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { RouteAccess } from '../access/route-access.type.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Notifier } from '../notify/notifier.ts';

/**
 * The app's type, in a file of its own: every concept's routes take it, and app.ts, which assembles
 * the concepts, only imports it too, so no import runs from a concept back to the assembly
 * (docs/architecture.md).
 */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    clock: Clock;
    limits: { loginAttemptsPerMinute: number };
    /** A TLS proxy is trusted in front (AppOptions.trustProxy): the session cookie is always Secure. */
    behindProxy: boolean;
    notifier: Notifier;
    /** Every route as registered: the access test is generated from this table. */
    routeTable: {
      method: string;
      url: string;
      public: boolean;
      declaresResponse: boolean;
      access: RouteAccess | null;
    }[];
  }
}
