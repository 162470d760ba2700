import type { WordKey } from '@bedring/contract';
import type { Role } from '@bedring/domain';
import type { AuditAction } from '../audit/audit.repository.ts';

/** What a route declares about access and audit (declared-access.ts), in a leaf file the app's type can name. */
export interface RouteAccess {
  roles: readonly Role[];
  /** The refusal's code and words, when the route has its own (default forbidden). */
  refusal?: { code: string; words: WordKey };
}

export interface RouteAudit {
  action: AuditAction;
  resource: string;
  /** Where the audited resource's id is: a property of the answer or a route parameter. */
  id?: `answer.${string}` | `params.${string}`;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    audit?: RouteAudit;
  }
}
