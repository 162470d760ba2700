import {
  ContactBody,
  type ContactKind,
  ContactList,
  ContactRecorded,
  NoQuery,
  PersonParams,
} from '@bedring/contract';
import type { Role } from '@bedring/domain';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { recordContact } from './contact.repository.ts';

/** Roles that have contacts with the person (a peer's conversations are not recorded here). */
const CONTACT_ROLES: readonly Role[] = ['clinician', 'milieu', 'municipal', 'leader'];

/**
 * Contacts (docs/decisions/0005-questionnaires.md): each one plans the instruments asked after a contact
 * (session feedback).
 */
export async function contactRoutes(app: App) {
  app.get(
    '/api/persons/:personId/contacts',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: ContactList } },
      config: { access: { roles: CONTACT_ROLES }, audit: { action: 'read', resource: 'Encounter' } },
    },
    async (req) =>
      personRoute(app, req, async ({ trx, person }) => {
        const rows = await trx
          .selectFrom('contact')
          .select(['id', 'contact_on', 'kind', 'account_name', 'note'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .orderBy('contact_on', 'desc')
          .orderBy('recorded_at', 'desc')
          .limit(50)
          .execute();
        return {
          contacts: rows.map((r) => ({
            id: r.id,
            contactOn: r.contact_on,
            kind: r.kind as ContactKind,
            helperName: r.account_name,
            note: r.note,
          })),
        };
      }),
  );

  app.post(
    '/api/persons/:personId/contacts',
    {
      schema: { params: PersonParams, body: ContactBody, response: { 201: ContactRecorded } },
      config: {
        access: { roles: CONTACT_ROLES },
        audit: { action: 'create', resource: 'Encounter', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const created = await personRoute(app, req, async ({ trx, now, person }) => {
        notInFuture(b.contactOn, now, 'contactOn');
        const contact = await recordContact(
          trx,
          person,
          actor,
          { contactOn: b.contactOn, kind: b.kind, note: b.note ?? '' },
          now,
        );
        return { id: contact.id, planned: contact.planned };
      });
      reply.code(201);
      return created;
    },
  );
}
