import { say } from '@bedring/contract';
import type { Role } from '@bedring/domain';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app.type.ts';
import { forbidden } from '../http/errors.ts';
import { type PersonWork, withPerson } from './as-actor.ts';
import type { RouteAudit } from './route-access.type.ts';

/**
 * Who may call a route, and what it audits, declared with the route (docs/architecture.md, "Access and
 * audit") instead of tested inside its handler:
 *
 *   app.post(url, { schema, config: { access: { roles: PathwayRoles.decide },
 *                                     audit: { action: 'create', resource: 'Task', id: 'answer.id' } } }, …)
 *
 * `access.roles` is checked before the handler runs (a 403 in the documented shape, nothing written);
 * need to know for the one person a route is about is then decided by personRoute below, and `audit`
 * is written by it in the same transaction, with the access basis.
 */
/** Refuses a role the route does not declare; installed once on the root instance (http/app.ts). */
export function enforceDeclaredAccess(app: App): void {
  app.addHook('preHandler', (req, _reply, done) => {
    const access = req.routeOptions.config?.access;
    if (req.actor && access && !access.roles.includes(req.actor.role as Role)) {
      const refusal = access.refusal;
      done(refusal ? forbidden(refusal.code, say(refusal.words)) : forbidden());
      return;
    }
    done();
  });
}

/**
 * A route's work on the one person its URL names (`:personId`): need to know first, then the work, then
 * the route's declared audit, all in one transaction.
 */
export function personRoute<T>(
  app: App,
  req: FastifyRequest,
  work: (w: PersonWork) => Promise<T>,
): Promise<T> {
  const personId = (req.params as { personId: string }).personId;
  const declared = req.routeOptions.config?.audit;
  return withPerson(app, req.actor!, personId, async (w) => {
    const answer = await work(w);
    if (declared) await w.audit(declared.action, declared.resource, auditedId(declared, req, answer));
    return answer;
  });
}

function auditedId(declared: RouteAudit, req: FastifyRequest, answer: unknown): string | null {
  if (!declared.id) return null;
  const [from, key] = declared.id.split('.') as ['answer' | 'params', string];
  const source = (from === 'answer' ? answer : req.params) as Record<string, unknown> | null;
  const id = source?.[key];
  return typeof id === 'string' ? id : null;
}
