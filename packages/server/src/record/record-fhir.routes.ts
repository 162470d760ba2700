import { Uuid } from '@bedring/contract';
import { osloDate, Roles } from '@bedring/domain';
import type { RelatedPerson } from '@medplum/fhirtypes';
import { Type } from '@sinclair/typebox';
import { asActor, type PersonWork, withPerson } from '../access/as-actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { App } from '../http/app.type.ts';
import { searchset } from '../http/fhir-bundle.ts';
import { FHIR_JSON, FormatParams, ReadQuery } from '../http/fhir-schemas.ts';
import { type PersonRow, toPatient } from './record-fhir.mapping.ts';
import { patientRowOf } from './record-fhir-read.repository.ts';
import { relativesOf } from './relatives.repository.ts';
import { RelativesAccess } from './relatives.routes.ts';
import { toRelativeRelatedPerson } from './relatives-fhir.mapping.ts';

/**
 * The record's children and relatives as RelatedPersons, read as GET /api/persons/{id}/relatives reads them
 * and for the same roles (docs/decisions/0019-relatives-and-risk.md); for any other role (a peer worker) the
 * list is empty, not a refusal. The RelatedPerson search and Patient/$everything read these
 * (fhir/related-person.routes.ts).
 */
export async function relativeResources(w: PersonWork, actor: RequestActor): Promise<RelatedPerson[]> {
  if (!RelativesAccess.read.roles.includes(actor.role)) return [];
  const today = new Date(`${osloDate(w.now)}T12:00:00Z`);
  return (await relativesOf(w.trx, w.person, today)).map((r) => toRelativeRelatedPerson(r, w.person.id));
}

const PatientSearch = Type.Object(
  {
    ...FormatParams,
    identifier: Type.Optional(Type.String({ maxLength: 120, pattern: '^[^|]*\\|?[0-9A-Za-z-]{1,40}$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    _count: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  },
  { additionalProperties: false },
);

/**
 * The person as a FHIR Patient: read by id, and the search over the persons the caller has an active care
 * relation with (a patient finds themself). Registered by the FHIR façade (fhir/fhir.routes.ts).
 */
export async function fhirRecordRoutes(app: App) {
  app.get(
    '/fhir/Patient/:id',
    {
      schema: { params: Type.Object({ id: Uuid }, { additionalProperties: false }), querystring: ReadQuery },
      // Any logged-in user may ask; need to know for the person decides.
      config: { access: { roles: Roles } },
    },
    async (req, reply) => {
      const patient = await withPerson(app, req.actor!, req.params.id, async ({ trx, person, audit }) => {
        const row = await patientRowOf(trx, person);
        await audit('read', 'Patient', person.id);
        return toPatient(row);
      });
      return reply.type(FHIR_JSON).send(patient);
    },
  );

  app.get(
    '/fhir/Patient',
    {
      schema: { querystring: PatientSearch },
      // The person finds themself, staff the persons they follow; the administrator follows no one.
      config: { access: { roles: Roles.filter((r) => r !== 'admin') } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const count = Math.min(Number(req.query._count ?? 50), 500);
      const rows = await asActor(app, actor, async (trx, now) => {
        let q = trx
          .selectFrom('person as p')
          .select([
            'p.tenant_id',
            'p.id',
            'p.national_id',
            'p.given_name',
            'p.family_name',
            'p.birth_date',
            'p.gender',
          ]);
        if (actor.role === 'patient') {
          q = q.where('p.id', '=', actor.personId!).where('p.tenant_id', '=', actor.organisationId);
        } else {
          // Staff see the persons they have an active care relation with (need to know), nothing else.
          q = q.where((w) =>
            w.exists(
              w
                .selectFrom('care_relation as r')
                .select('r.id')
                .whereRef('r.tenant_id', '=', 'p.tenant_id')
                .whereRef('r.person_id', '=', 'p.id')
                .where('r.account_id', '=', actor.accountId)
                .where('r.organisation_id', '=', actor.organisationId)
                .where('r.from_at', '<=', now)
                .where((v) => v.or([v('r.to_at', 'is', null), v('r.to_at', '>', now)])),
            ),
          );
        }
        if (req.query.identifier) q = q.where('p.national_id', '=', req.query.identifier.split('|').pop()!);
        if (req.query.name) {
          const like = `${req.query.name.toLowerCase().replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
          q = q.where((w) =>
            w.or([
              w(w.fn('lower', ['p.family_name']), 'like', like),
              w(w.fn('lower', ['p.given_name']), 'like', like),
            ]),
          );
        }
        const found = (await q
          .orderBy('p.family_name')
          .orderBy('p.id')
          .limit(count)
          .execute()) as PersonRow[];
        for (const p of found) {
          await recordAudit(
            trx,
            actor,
            {
              action: 'search',
              tenantId: p.tenant_id,
              personId: p.id,
              resourceType: 'Patient',
              resourceId: p.id,
            },
            now,
          );
        }
        return found;
      });
      return reply.type(FHIR_JSON).send(searchset(rows.map(toPatient), req.url));
    },
  );
}
