import { ContactBody, NoQuery, PersonParams } from '@bedring/contract';
import { withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.type.ts';
import { notInFuture } from '../http/day.ts';
import { forbidden } from '../http/errors.ts';
import { planInstruments } from './schedule.ts';

/** Roles that have contacts with the person (a peer's conversations are not recorded here). */
const CONTACT_ROLES = new Set(['clinician', 'milieu', 'municipal', 'leader']);

/**
 * Contacts (docs/decisions/0005-questionnaires.md): each one plans the instruments asked after a contact
 * (session feedback).
 */
export async function contactRoutes(app: App) {
  app.get(
    '/api/persons/:personId/contacts',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (!CONTACT_ROLES.has(actor.role)) throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, person, audit }) => {
        const rows = await trx
          .selectFrom('contact')
          .select(['id', 'contact_on', 'kind', 'account_name', 'note'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .orderBy('contact_on', 'desc')
          .orderBy('recorded_at', 'desc')
          .limit(50)
          .execute();
        await audit('read', 'Encounter');
        return {
          contacts: rows.map((r) => ({
            id: r.id,
            contactOn: r.contact_on,
            kind: r.kind,
            helperName: r.account_name,
            note: r.note,
          })),
        };
      });
    },
  );

  app.post(
    '/api/persons/:personId/contacts',
    { schema: { params: PersonParams, body: ContactBody } },
    async (req, reply) => {
      const actor = req.actor!;
      if (!CONTACT_ROLES.has(actor.role)) throw forbidden();
      const b = req.body;
      const created = await withPerson(
        app,
        actor,
        req.params.personId,
        async ({ trx, now, person, audit }) => {
          notInFuture(b.contactOn, now, 'contactOn');
          const episode = await trx
            .selectFrom('episode')
            .select('id')
            .where('tenant_id', '=', person.organisationId)
            .where('person_id', '=', person.id)
            .where('state', '<>', 'ended')
            .orderBy('opened_on', 'desc')
            .limit(1)
            .executeTakeFirst();
          const row = await trx
            .insertInto('contact')
            .values({
              tenant_id: person.organisationId,
              person_id: person.id,
              episode_id: episode?.id ?? null,
              contact_on: b.contactOn,
              kind: b.kind,
              account_id: actor.accountId,
              account_name: actor.displayName,
              note: b.note ?? '',
              recorded_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const planned = await planInstruments(trx, person, 'contact', b.contactOn, {
            organisationId: actor.organisationId,
            now,
            episodeId: episode?.id ?? null,
            contactId: row.id,
          });
          await audit('create', 'Encounter', row.id);
          return { id: row.id, planned };
        },
      );
      reply.code(201);
      return created;
    },
  );
}
