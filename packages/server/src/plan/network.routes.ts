import {
  MemberBody,
  MemberParams,
  MemberUpdateBody,
  NetworkList,
  NetworkMemberCreated,
  NetworkMemberUpdated,
  NoQuery,
  PersonParams,
  say,
} from '@bedring/contract';
import type { NetworkQuality, NetworkRelation, PlanKind, Role } from '@bedring/domain';
import type { Selectable } from 'kysely';
import { personRoute } from '../access/declared-access.ts';
import type { NetworkMemberTable } from '../db/schema.ts';
import type { App } from '../http/app.type.ts';
import { conflict, notFound } from '../http/errors.ts';
import { PlanRoles, requirePlanAction } from './plan.access.ts';
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
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: NetworkList } },
      config: { access: { roles: PlanRoles.record }, audit: { action: 'read', resource: 'NetworkMember' } },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async (w) => {
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
        return { members: rows.map(memberView) };
      });
    },
  );

  app.post(
    '/api/persons/:personId/network',
    {
      schema: { params: PersonParams, body: MemberBody, response: { 201: NetworkMemberCreated } },
      config: {
        access: { roles: PlanRoles.record },
        audit: { action: 'create', resource: 'NetworkMember', id: 'answer.id' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const result = await personRoute(app, req, async (w) => {
        await requirePlanAction(w, actor, { kind: 'add-network-member' });
        const id = await addNetworkMember(w.trx, actor, w.person, b, w.now);
        return { id };
      });
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/api/persons/:personId/network/:memberId',
    {
      schema: { params: MemberParams, body: MemberUpdateBody, response: { 200: NetworkMemberUpdated } },
      config: {
        access: { roles: PlanRoles.record },
        audit: { action: 'update', resource: 'NetworkMember', id: 'params.memberId' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const b = req.body;
      return personRoute(app, req, async (w) => {
        const member = await w.trx
          .selectFrom('network_member')
          .select(['id', 'tenant_id', 'author_account_id', 'removed_at'])
          .where('tenant_id', '=', w.person.organisationId)
          .where('person_id', '=', w.person.id)
          .where('id', '=', req.params.memberId)
          .forUpdate()
          .executeTakeFirst();
        if (!member) throw notFound(say('errors.networkMemberNotFound'));
        await requirePlanAction(w, actor, {
          kind: 'edit-network-member',
          authorAccountId: member.author_account_id,
        });
        if (member.removed_at) throw conflict('member_removed', say('errors.networkMemberRemoved'));
        await updateNetworkMember(w.trx, member, b, w.now);
        return { ok: true as const };
      });
    },
  );
}

function memberView(m: Selectable<NetworkMemberTable>) {
  return {
    id: m.id,
    name: m.name,
    relation: m.relation as NetworkRelation,
    quality: m.quality as NetworkQuality,
    crisisRole: m.crisis_role,
    phone: m.phone,
    contactConsent: m.contact_consent,
    maySee: m.may_see as PlanKind[],
    note: m.note,
    writtenBy: m.written_by,
    author: { id: m.author_account_id, name: m.author_name, role: m.author_role as Role },
    createdAt: m.created_at,
    changedAt: m.changed_at,
  };
}
