import { NewResponseBody, NoQuery, PersonParams, ResponseParams, SavedResponseBody } from '@bedring/contract';
import type { InstrumentSettings } from '@bedring/domain';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { asActor, personWork, withPerson } from '../access/as-actor.ts';
import type { RequestActor } from '../auth/actor.ts';
import type { App } from '../http/app.type.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import {
  type Instrument,
  instrumentFor,
  instrumentsFor,
  settingsFor,
  titlesOf,
} from './instrument-registry.ts';
import { responseFacts, storeResponse } from './response.repository.ts';

/** What the person sees of an instrument: those their organisation has made visible to them. */
export function seenBy(actor: RequestActor, settings: InstrumentSettings | undefined) {
  return actor.role !== 'patient' || (settings?.visibleToPerson ?? false);
}

/**
 * Responses (docs/decisions/0005-questionnaires.md): what is due, save and resume, and completed responses
 * with scores.
 */
export async function responseRoutes(app: App) {
  app.get(
    '/api/persons/:personId/questionnaires',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role === 'peer') throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, person, audit }) => {
        const instruments = await instrumentsFor(trx, actor.organisationId);
        const settings = await settingsFor(trx, actor.organisationId, instruments);
        const byId = new Map(instruments.map((i) => [i.id, i]));
        const dueRows = await trx
          .selectFrom('questionnaire_due')
          .select(['id', 'questionnaire_id', 'trigger', 'due_on', 'planned_at', 'contact_id'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('done_at', 'is', null)
          .orderBy('due_on')
          .execute();
        const responseRows = await trx
          .selectFrom('questionnaire_response as r')
          .select([
            'r.id',
            'r.questionnaire_id',
            'r.status',
            'r.answered_by',
            'r.author_account_id',
            'r.author_name',
            'r.authored_at',
          ])
          .where('r.tenant_id', '=', person.organisationId)
          .where('r.person_id', '=', person.id)
          .orderBy('r.authored_at', 'desc')
          .limit(50)
          .execute();
        const scoreRows =
          responseRows.length === 0
            ? []
            : await trx
                .selectFrom('observation')
                .select(['response_id', 'link_id', 'value', 'band_code'])
                .where('tenant_id', '=', person.organisationId)
                .where(
                  'response_id',
                  'in',
                  responseRows.map((r) => r.id),
                )
                .execute();
        const visible = (id: string) => byId.has(id) && seenBy(actor, settings.get(id));
        const answerable = (id: string) => {
          const s = settings.get(id);
          return s?.answeredBy.includes(actor.role === 'patient' ? 'person' : 'staff') ?? false;
        };
        const inProgress = (id: string) =>
          responseRows.find(
            (r) =>
              r.questionnaire_id === id &&
              r.status === 'in-progress' &&
              r.author_account_id === actor.accountId,
          )?.id ?? null;
        await audit('read', 'QuestionnaireResponse');
        return {
          due: dueRows
            .filter(
              (d) =>
                byId.has(d.questionnaire_id) && (actor.role !== 'patient' || answerable(d.questionnaire_id)),
            )
            .map((d) => ({
              id: d.id,
              questionnaireId: d.questionnaire_id,
              ...titlesOf(byId.get(d.questionnaire_id), d.questionnaire_id),
              contactId: d.contact_id,
              trigger: d.trigger,
              dueOn: d.due_on,
              mayAnswer: answerable(d.questionnaire_id),
              inProgressResponseId: inProgress(d.questionnaire_id),
            })),
          responses: responseRows
            .filter((r) => visible(r.questionnaire_id) || r.author_account_id === actor.accountId)
            .map((r) => ({
              id: r.id,
              questionnaireId: r.questionnaire_id,
              ...titlesOf(byId.get(r.questionnaire_id), r.questionnaire_id),
              status: r.status,
              answeredBy: r.answered_by,
              authorName: r.author_name,
              authoredAt: r.authored_at,
              mine: r.author_account_id === actor.accountId,
              scores: visible(r.questionnaire_id)
                ? scoreRows
                    .filter((s) => s.response_id === r.id)
                    .map((s) => ({ linkId: s.link_id, value: s.value, bandCode: s.band_code }))
                : [],
            })),
        };
      });
    },
  );

  app.get(
    '/api/persons/:personId/responses/:responseId',
    { schema: { params: ResponseParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role === 'peer') throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, person, audit }) => {
        const r = await trx
          .selectFrom('questionnaire_response')
          .selectAll()
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('id', '=', req.params.responseId)
          .executeTakeFirst();
        if (!r) throw notFound('Fant ikke svaret.');
        const instrument = await instrumentFor(trx, actor.organisationId, r.questionnaire_id);
        const settings = instrument
          ? (await settingsFor(trx, actor.organisationId, [instrument])).get(instrument.id)
          : undefined;
        if (!seenBy(actor, settings) && r.author_account_id !== actor.accountId)
          throw notFound('Fant ikke svaret.');
        await audit('read', 'QuestionnaireResponse', r.id);
        return {
          response: {
            id: r.id,
            questionnaireId: r.questionnaire_id,
            questionnaireVersion: r.questionnaire_version,
            status: r.status,
            item: r.item as QuestionnaireResponseItem[],
            answeredBy: r.answered_by,
            authorName: r.author_name,
            mine: r.author_account_id === actor.accountId,
            startedAt: r.started_at,
            authoredAt: r.authored_at,
          },
        };
      });
    },
  );

  app.post(
    '/api/persons/:personId/responses',
    { schema: { params: PersonParams, body: NewResponseBody } },
    async (req, reply) => {
      const actor = req.actor!;
      if (actor.role === 'peer' || actor.role === 'admin') throw forbidden();
      const b = req.body;
      const input = asResponseInput(b);
      const stored = await asActor(app, actor, async (trx, now) => {
        const instrument = await knownInstrument(trx, actor, b.questionnaireId);
        // What storing needs is read with the access check, in one round trip.
        const { person, audit, also } = await personWork(
          trx,
          now,
          actor,
          req.params.personId,
          responseFacts(actor, instrument, input, null),
        );
        if (b.contactId && !also.contact) throw notFound('Fant ikke kontakten.');
        const result = await storeResponse(trx, { actor, now }, person, instrument, input, null, also);
        await audit('create', 'QuestionnaireResponse', result.id);
        return result;
      });
      reply.code(201);
      return stored;
    },
  );

  app.put(
    '/api/persons/:personId/responses/:responseId',
    { schema: { params: ResponseParams, body: SavedResponseBody } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role === 'peer' || actor.role === 'admin') throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, now, person, audit }) => {
        const r = await trx
          .selectFrom('questionnaire_response')
          .select(['id', 'questionnaire_id', 'status', 'author_account_id'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('id', '=', req.params.responseId)
          .forUpdate()
          .executeTakeFirst();
        if (!r) throw notFound('Fant ikke svaret.');
        if (r.author_account_id !== actor.accountId) {
          throw forbidden('not_your_response', 'Bare den som begynte på svaret, kan fortsette det.');
        }
        if (r.status === 'completed') throw conflict('response_completed', 'Svaret er allerede sendt inn.');
        const instrument = await knownInstrument(trx, actor, r.questionnaire_id);
        const result = await storeResponse(
          trx,
          { actor, now },
          person,
          instrument,
          asResponseInput(req.body),
          r.id,
        );
        await audit('update', 'QuestionnaireResponse', r.id);
        return result;
      });
    },
  );
}

/** The instrument answered; whether this actor may answer it is storeResponse's check. */
async function knownInstrument(
  trx: Parameters<typeof instrumentFor>[0],
  actor: RequestActor,
  id: string,
): Promise<Instrument> {
  const instrument = await instrumentFor(trx, actor.organisationId, id);
  if (!instrument) throw notFound('Fant ikke skjemaet.');
  return instrument;
}

/**
 * The body schema only says "an array of objects"; the items' shape is checked against the
 * Questionnaire by the domain rule inside storeResponse, which is where a misfit gets its linkId.
 */
function asResponseInput<T extends { item: unknown[] }>(b: T): T & { item: QuestionnaireResponseItem[] } {
  return b as T & { item: QuestionnaireResponseItem[] };
}
