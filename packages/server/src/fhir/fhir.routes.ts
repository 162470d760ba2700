import { say } from '@bedring/contract';
import { Dimensions, isDomain } from '@bedring/domain';
import type { Observation } from '@medplum/fhirtypes';
import { Type } from '@sinclair/typebox';
import { personForAccessLog, RecordRoles } from '../access/access.guard.ts';
import { asActor, withPerson } from '../access/as-actor.ts';
import { accessLog, recordAudit } from '../audit/audit.repository.ts';
import { fhirFlagRoutes } from '../checkin/signal-fhir.routes.ts';
import type { App } from '../http/app.type.ts';
import { badRequest } from '../http/errors.ts';
import { searchset } from '../http/fhir-bundle.ts';
import { DateSearch, dateMatches, dateParams } from '../http/fhir-date.ts';
import { FHIR_JSON, FormatParams, idOf, ReadQuery, ReferenceParam } from '../http/fhir-schemas.ts';
import { fhirJournalRoutes } from '../journal/journal-fhir.routes.ts';
import { DIMENSION_SYSTEM, toDimensionObservations } from '../pathway/assessment-fhir.mapping.ts';
import { fhirPathwayRoutes } from '../pathway/pathway-fhir.routes.ts';
import { assessmentsOf } from '../pathway/pathway-fhir-read.repository.ts';
import { fhirPlanRoutes } from '../plan/plan-fhir.routes.ts';
import { fhirQuestionnaireRoutes, scoreObservations } from '../questionnaire/questionnaire-fhir.routes.ts';
import { ratingHistory } from '../record/record.repository.ts';
import { LIVING_CONDITION_SYSTEM, toObservation } from '../record/record-fhir.mapping.ts';
import { fhirRecordRoutes } from '../record/record-fhir.routes.ts';
import { toAuditEvent } from './audit-event.mapping.ts';
import { fhirEverythingRoutes } from './everything.routes.ts';
import { capabilityStatement } from './fhir.capability.ts';
import { fhirRelatedPersonRoutes } from './related-person.routes.ts';

// A token: [system|]code. Besides Bedring's own systems, scores carry LOINC or an imported instrument's codes.
const ObservationCode = Type.String({ pattern: '^([^|\\s]{1,500}\\|)?[^|\\s]{1,100}$' });
const isDimension = (code: string) => (Dimensions as readonly string[]).includes(code);

/**
 * The FHIR R4 façade: the same records and the same access rules as /api. Each concept's resources are its
 * own routes (record/record-fhir.routes.ts, pathway/pathway-fhir.routes.ts, …), registered here; what
 * belongs to no single concept is here: the CapabilityStatement, the access log as AuditEvents, the
 * Observation search across ratings, dimensions and scores, and Patient/$everything.
 */
export async function fhirRoutes(app: App) {
  // FHIR clients send application/fhir+json: the root instance parses it exactly as application/json
  // (same limits and input rules; http/input-rules.ts).

  app.get(
    '/fhir/metadata',
    { config: { public: true }, schema: { querystring: ReadQuery } },
    async (_req, reply) => reply.type(FHIR_JSON).send(capabilityStatement()),
  );

  await app.register(fhirRecordRoutes);

  app.get(
    '/fhir/AuditEvent',
    {
      schema: {
        querystring: Type.Object(
          { ...FormatParams, patient: ReferenceParam('Patient') },
          { additionalProperties: false },
        ),
      },
      // The person's own access log, and a unit leader's for the holding organisation (personForAccessLog).
      config: { access: { roles: ['patient', 'leader'] } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const personId = idOf(req.query.patient);
      const events = await asActor(app, actor, async (trx, now) => {
        const person = await personForAccessLog(trx, actor, personId, now);
        const entries = await accessLog(trx, person.organisationId, person.id);
        await recordAudit(
          trx,
          actor,
          {
            action: 'read',
            tenantId: person.organisationId,
            personId: person.id,
            resourceType: 'AuditEvent',
            resourceId: null,
          },
          now,
        );
        return entries.map((e) => toAuditEvent(e, person.id));
      });
      return reply.type(FHIR_JSON).send(searchset(events, req.url));
    },
  );

  // Living-condition ratings, the dimension ratings of assessments and questionnaire scores: the
  // code's system tells them apart, and a code without a system (FHIR token semantics) matches in all.
  app.get(
    '/fhir/Observation',
    {
      schema: {
        querystring: Type.Object(
          {
            ...FormatParams,
            patient: ReferenceParam('Patient'),
            code: Type.Optional(ObservationCode),
            date: DateSearch,
          },
          { additionalProperties: false },
        ),
      },
      config: { access: { roles: RecordRoles } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const token = req.query.code;
      const system = token?.includes('|') ? token.slice(0, token.indexOf('|')) : null;
      const code = token?.slice(token.indexOf('|') + 1);
      const living =
        (system === null || system === LIVING_CONDITION_SYSTEM) && (code === undefined || isDomain(code));
      const dimensions =
        (system === null || system === DIMENSION_SYSTEM) && (code === undefined || isDimension(code));
      const dates = dateParams(req.query.date);
      const observations = await withPerson(app, actor, idOf(req.query.patient), async (w) => {
        const { trx, person, audit } = w;
        const scores = await scoreObservations(trx, actor, person, {
          code: code === undefined ? null : { system, code },
          dates,
        });
        if (!living && !dimensions && !scores.known)
          throw badRequest('invalid_input', say('errors.unknownObservationCode'), [{ field: 'code' }]);
        const found: Observation[] = [];
        if (living) {
          const ratings = await ratingHistory(
            trx,
            person,
            code !== undefined && isDomain(code) ? code : undefined,
          );
          found.push(...ratings.map((r) => toObservation(r, person.id)));
        }
        if (dimensions) {
          const rated = (await assessmentsOf(trx, person)).flatMap(toDimensionObservations);
          found.push(...rated.filter((o) => code === undefined || o.code.coding?.[0]?.code === code));
        }
        await audit('read', 'Observation');
        // Scores are filtered by date in the query; the others here, by the same rules.
        return [...found.filter((o) => dateMatches(o.effectiveDateTime, dates)), ...scores.observations];
      });
      // Newest first across all kinds (a stable sort keeps each kind's own order on the same day).
      const effective = (o: Observation) => o.effectiveDateTime ?? '';
      observations.sort((a, b) => (effective(a) < effective(b) ? 1 : effective(a) > effective(b) ? -1 : 0));
      return reply.type(FHIR_JSON).send(searchset(observations, req.url));
    },
  );

  await app.register(fhirPathwayRoutes);
  await app.register(fhirQuestionnaireRoutes);
  await app.register(fhirPlanRoutes);
  await app.register(fhirRelatedPersonRoutes);
  await app.register(fhirFlagRoutes);
  await app.register(fhirJournalRoutes);
  await app.register(fhirEverythingRoutes);
}
