import type { RecordUse } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { App } from '../http/app.type.ts';

/**
 * The writes that access by break-glass alone may make: what emergency care needs recorded
 * (docs/user-guide.md, "No access?"). Every other write on a record is refused under break-glass; above
 * all those that widen access (care relations, who is responsible, handover, consent, sharing).
 * need-to-know.test.ts tries every write route with break-glass as the only basis.
 */
export const EMERGENCY_RECORDS: ReadonlySet<string> = new Set([
  'POST /api/persons/:personId/contacts',
  'POST /api/feedback-alerts/:alertId/acknowledge',
  'POST /api/signals/:signalId/acknowledge',
]);

const useOf = new WeakMap<RequestActor, RecordUse>();

/**
 * Notes what each request does with a record, for the access guard; installed once on the root instance
 * (http/app.ts), so it covers every route.
 */
export function noteRecordUse(app: App): void {
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.actor) {
      const use: RecordUse =
        req.method === 'GET' || req.method === 'HEAD'
          ? 'read'
          : EMERGENCY_RECORDS.has(`${req.method} ${req.routeOptions.url}`)
            ? 'emergency-record'
            : 'change';
      useOf.set(req.actor, use);
    }
    done();
  });
}

/** What this request does with a record; a request not noted is taken as a change. */
export function recordUseOf(actor: RequestActor): RecordUse {
  return useOf.get(actor) ?? 'change';
}
