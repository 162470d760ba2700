import { MemberBody, MemberParams, MemberUpdateBody, NoQuery, PersonParams } from '@bedring/contract';
import type { Selectable } from 'kysely';
import { withPerson } from '../access/as-actor.ts';
import type { NetworkMemberTable } from '../db/schema.ts';
import type { App } from '../http/app.type.ts';
import { conflict, notFound } from '../http/errors.ts';
import { requirePlanAction } from './plan.access.ts';
import { addNetworkMember, updateNetworkMember } from './plan-write.repository.ts';

/**
 * The network map (docs/decisions/0006-plans.md; docs/domain/plans.md, CAP-05, M-12): the people and services
 * around the person, how the relation is now, their role in the crisis plan, whether they may be contacted
 * and which plans they may see. The map is the person's: they edit all of it; helpers add to it and edit what
 * they added.
 */
export async function networkRoutes(app: App) {
  app.get(
    '/api/persons/:personId/network',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      return withPerson(app, actor, req.params.personId, async (w) => {
        await requirePlanAction(w, actor, { kind: 'read', part: 'network' });
        const rows = await w.trx
          .selectFrom('network_member')
          .selectAll()
          .where('tenant_id', '=', w.person.organisationId)
          .where('person_id', '=', w.person.id)
          .where('removed_at', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        await w.audit('read', 'NetworkMember');
        return { members: rows.map(memberView) };
      });
    },
  );

  app.post(
    '/api/persons/:personId/network',
    { schema: { params: PersonParams, body: MemberBody } },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const result = await withPerson(app, actor, req.params.personId, async (w) => {
        await requirePlanAction(w, actor, { kind: 'add-network-member' });
        const id = await addNetworkMember(w.trx, actor, w.person, b, w.now);
        await w.audit('create', 'NetworkMember', id);
        return { id };
      });
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/api/persons/:personId/network/:memberId',
    { schema: { params: MemberParams, body: MemberUpdateBody } },
    async (req) => {
      const actor = req.actor!;
      const b = req.body;
      return withPerson(app, actor, req.params.personId, async (w) => {
        const member = await w.trx
          .selectFrom('network_member')
          .select(['id', 'tenant_id', 'author_account_id', 'removed_at'])
          .where('tenant_id', '=', w.person.organisationId)
          .where('person_id', '=', w.person.id)
          .where('id', '=', req.params.memberId)
          .forUpdate()
          .executeTakeFirst();
        if (!member) throw notFound('Fant ikke denne personen i nettverket.');
        await requirePlanAction(w, actor, {
          kind: 'edit-network-member',
          authorAccountId: member.author_account_id,
        });
        if (member.removed_at)
          throw conflict('member_removed', 'Denne personen er tatt ut av nettverkskartet.');
        await updateNetworkMember(w.trx, member, b, w.now);
        await w.audit('update', 'NetworkMember', member.id);
        return { ok: true };
      });
    },
  );
}

function memberView(m: Selectable<NetworkMemberTable>) {
  return {
    id: m.id,
    name: m.name,
    relation: m.relation,
    quality: m.quality,
    crisisRole: m.crisis_role,
    phone: m.phone,
    contactConsent: m.contact_consent,
    maySee: m.may_see,
    note: m.note,
    writtenBy: m.written_by,
    author: { id: m.author_account_id, name: m.author_name, role: m.author_role },
    createdAt: m.created_at,
    changedAt: m.changed_at,
  };
}
