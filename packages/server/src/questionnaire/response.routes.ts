import {
  NewResponseBody,
  NoQuery,
  PersonParams,
  PersonQuestionnaires,
  ResponseParams,
  SavedResponse,
  SavedResponseBody,
  StoredResponse,
  say,
} from '@bedring/contract';
import type { InstrumentSettings, Role, Trigger } from '@bedring/domain';
import type { QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { asActor, personWork } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
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

/** Who reads a person's questionnaires: everyone but peers, who see no questionnaire results. */
const READERS: readonly Role[] = ['admin', 'leader', 'clinician', 'milieu', 'municipal', 'patient'];
/** Who answers: the person in the portal, or staff with the person in a contact (storeResponse's settings). */
const ANSWERERS: readonly Role[] = ['leader', 'clinician', 'milieu', 'municipal', 'patient'];

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
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: PersonQuestionnaires } },
      config: {
        access: { roles: READERS },
        audit: { action: 'read', resource: 'QuestionnaireResponse' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async ({ trx, person }) => {
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
              trigger: d.trigger as Trigger,
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
    {
      schema: { params: ResponseParams, querystring: NoQuery, response: { 200: StoredResponse } },
      config: { access: { roles: READERS } },
    },
    async (req) => {
      const actor = req.actor!;
      // Audited by hand: with the response's id as stored, whatever case the URL wrote it in.
      return personRoute(app, req, async ({ trx, person, audit }) => {
        const r = await trx
          .selectFrom('questionnaire_response')
          .selectAll()
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('id', '=', req.params.responseId)
          .executeTakeFirst();
        if (!r) throw notFound(say('errors.responseNotFound'));
        const instrument = await instrumentFor(trx, actor.organisationId, r.questionnaire_id);
        const settings = instrument
          ? (await settingsFor(trx, actor.organisationId, [instrument])).get(instrument.id)
          : undefined;
        if (!seenBy(actor, settings) && r.author_account_id !== actor.accountId)
          throw notFound(say('errors.responseNotFound'));
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
    {
      schema: { params: PersonParams, body: NewResponseBody, response: { 201: SavedResponse } },
      // Audited by hand: the access check also reads what storing needs (personWork's `also`), which
      // personRoute does not.
      config: { access: { roles: ANSWERERS } },
    },
    async (req, reply) => {
      const actor = req.actor!;
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
        if (b.contactId && !also.contact) throw notFound(say('errors.contactNotFound'));
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
    {
      schema: { params: ResponseParams, body: SavedResponseBody, response: { 200: SavedResponse } },
      config: {
        access: { roles: ANSWERERS },
        audit: { action: 'update', resource: 'QuestionnaireResponse', id: 'answer.id' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async ({ trx, now, person }) => {
        const r = await trx
          .selectFrom('questionnaire_response')
          .select(['id', 'questionnaire_id', 'status', 'author_account_id'])
          .where('tenant_id', '=', person.organisationId)
          .where('person_id', '=', person.id)
          .where('id', '=', req.params.responseId)
          .forUpdate()
          .executeTakeFirst();
        if (!r) throw notFound(say('errors.responseNotFound'));
        if (r.author_account_id !== actor.accountId) {
          throw forbidden('not_your_response', say('errors.notYourResponse'));
        }
        if (r.status === 'completed') throw conflict('response_completed', say('errors.responseCompleted'));
        const instrument = await knownInstrument(trx, actor, r.questionnaire_id);
        const result = await storeResponse(
          trx,
          { actor, now },
          person,
          instrument,
          asResponseInput(req.body),
          r.id,
        );
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
  if (!instrument) throw notFound(say('errors.questionnaireNotFound'));
  return instrument;
}

/**
 * The body schema only says "an array of objects"; the items' shape is checked against the
 * Questionnaire by the domain rule inside storeResponse, which is where a misfit gets its linkId.
 */
function asResponseInput<T extends { item: unknown[] }>(b: T): T & { item: QuestionnaireResponseItem[] } {
  return b as T & { item: QuestionnaireResponseItem[] };
}
