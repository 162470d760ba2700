import { say } from '@bedring/contract';
import type { AuditEvent } from '@medplum/fhirtypes';
import type { AccessLogEntry } from '../audit/audit.repository.ts';

const ACTION_CODE: Record<string, AuditEvent['action']> = {
  read: 'R',
  search: 'E',
  create: 'C',
  update: 'U',
  'break-glass': 'E',
  login: 'E',
  logout: 'E',
};

export function toAuditEvent(e: AccessLogEntry, personId: string): AuditEvent {
  return {
    resourceType: 'AuditEvent',
    id: e.id,
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    action: ACTION_CODE[e.action] ?? 'E',
    recorded: e.at.toISOString(),
    outcome: '0',
    agent: [
      {
        requestor: true,
        who: {
          display: e.actorName ?? actorWithoutName(e.actorRole),
        },
        role: [{ text: e.actorRole }],
        ...(e.breakGlassReason
          ? { purposeOfUse: [{ text: say('auditEvent.breakGlass', { reason: e.breakGlassReason }) }] }
          : {}),
      },
    ],
    source: { observer: { display: e.organisationName ?? 'Bedring' } },
    entity: [{ what: { reference: `Patient/${personId}` }, type: { code: e.resourceType } }],
  };
}

/** The person themself and Bedring have no account name to show; any other role without one is named by role. */
function actorWithoutName(role: string): string {
  if (role === 'patient') return say('auditEvent.thePerson');
  if (role === 'system') return say('auditEvent.system');
  return role;
}
