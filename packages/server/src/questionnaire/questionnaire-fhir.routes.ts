import { QuestionnaireId, ResponseItem, say, UUID_PATTERN, Uuid } from '@bedring/contract';
import {
  CHECKIN_QUESTIONNAIRE_ID,
  CHECKIN_URL,
  CHECKIN_VERSION,
  checkinQuestionnaire,
  type PersonRef,
  type Role,
  Roles,
} from '@bedring/domain';
import type { Observation, Questionnaire, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { type TProperties, Type } from '@sinclair/typebox';
import { asActor, personWork, withPerson } from '../access/as-actor.ts';
import type { RequestActor } from '../auth/actor.ts';
import { checkinResponseById, checkinResponsesOf } from '../checkin/checkin-fhir-read.repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, HttpError, notFound } from '../http/errors.ts';
import { searchset } from '../http/fhir-bundle.ts';
import { type DateParam, DateSearch, dateParams, instantBounds } from '../http/fhir-date.ts';
import {
  FHIR_JSON,
  FormatParams,
  idOf,
  PageParams,
  pageOf,
  ReadQuery,
  ReferenceParam,
} from '../http/fhir-schemas.ts';
import { type Instrument, instrumentsFor, settingsFor } from './instrument-registry.ts';
import { misfitOutcome, toQuestionnaireResponse, toScoreObservation } from './questionnaire-fhir.mapping.ts';
import {
  responseById,
  responseOwner,
  responsesOf,
  scoresOfPerson,
} from './questionnaire-fhir-read.repository.ts';
import { answeredBy, storeResponse } from './response.repository.ts';
import { seenBy } from './response.routes.ts';

const Closed = <T extends TProperties>(props: T) =>
  Type.Object({ ...FormatParams, ...props }, { additionalProperties: false });
/** A canonical (url, or url|version) or Questionnaire/{id}. */
const Canonical = Type.String({ pattern: '^[^\\s|]{1,500}(\\|[^\\s|]{1,64})?$' });
const SearchText = Type.String({ minLength: 1, maxLength: 100 });
const QR_STATUSES = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'];

const QuestionnaireSearch = Closed({
  url: Type.Optional(Type.String({ pattern: '^[^\\s|]{1,500}$' })),
  version: Type.Optional(Type.String({ pattern: '^[^\\s|,]{1,64}$' })),
  name: Type.Optional(SearchText),
  title: Type.Optional(SearchText),
  ...PageParams,
});
const ResponseSearch = Closed({
  patient: ReferenceParam('Patient'),
  date: DateSearch,
  questionnaire: Type.Optional(Canonical),
  status: Type.Optional(
    Type.String({ pattern: `^(${QR_STATUSES.join('|')})(,(${QR_STATUSES.join('|')}))*$` }),
  ),
  ...PageParams,
});

const Reference = (pattern: string) =>
  Type.Object(
    { reference: Type.String({ pattern }), display: Type.Optional(Type.String({ maxLength: 200 })) },
    { additionalProperties: false },
  );
/**
 * A QuestionnaireResponse to create. Bedring records who entered it and when it arrived, so `author`
 * and `authored` are accepted (clients send them) but the stored values are the caller and the time
 * of receipt; `id` is the server's to give, as in any FHIR create.
 */
const NewQuestionnaireResponse = Type.Object(
  {
    resourceType: Type.Literal('QuestionnaireResponse'),
    id: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' })),
    language: Type.Optional(Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$' })),
    questionnaire: Canonical,
    status: Type.Union([Type.Literal('in-progress'), Type.Literal('completed')]),
    subject: Reference(`^Patient/${UUID_PATTERN}$`),
    authored: Type.Optional(Type.String({ maxLength: 40 })),
    author: Type.Optional(
      Reference('^(Patient|Practitioner|PractitionerRole|RelatedPerson)/[A-Za-z0-9\\-.]{1,64}$'),
    ),
    item: Type.Optional(Type.Array(ResponseItem, { maxItems: 200 })),
  },
  { additionalProperties: false },
);

/** Who reads responses (peers see no questionnaire results) and who writes them (as /api). */
const READERS: readonly Role[] = ['admin', 'leader', 'clinician', 'milieu', 'municipal', 'patient'];
const ANSWERERS: readonly Role[] = ['leader', 'clinician', 'milieu', 'municipal', 'patient'];

/** The instruments a canonical (url, url|version, Questionnaire/{id}) names; version null matches any. */
function named(instruments: readonly Instrument[], canonical: string) {
  const bar = canonical.indexOf('|');
  const url = bar < 0 ? canonical : canonical.slice(0, bar);
  const version = bar < 0 ? null : canonical.slice(bar + 1);
  const found = instruments.filter(
    (i) => i.questionnaire.url === url || `Questionnaire/${i.id}` === url || i.id === url,
  );
  return { found, version };
}

/**
 * The organisation's instruments, and those whose results the caller sees: staff all of them, the
 * person those made visible to them (seenBy, as /api), peers none (they see no questionnaire results).
 */
export async function instrumentsSeen(trx: Tx, actor: RequestActor) {
  const all = await instrumentsFor(trx, actor.organisationId);
  const settings = await settingsFor(trx, actor.organisationId, all);
  const byId = new Map(all.map((i) => [i.id, i]));
  const seen = new Set(
    actor.role === 'peer' ? [] : all.filter((i) => seenBy(actor, settings.get(i.id))).map((i) => i.id),
  );
  return { all, byId, settings, seen };
}

/**
 * The person's responses the caller sees, as QuestionnaireResponses: those of instruments whose results
 * the caller sees, and those the caller entered. Peers see none (the routes refuse them first).
 */
export async function responsesSeen(
  trx: Tx,
  actor: RequestActor,
  person: PersonRef,
  instruments: Awaited<ReturnType<typeof instrumentsSeen>>,
  filter: Parameters<typeof responsesOf>[2] & { version: string | null },
) {
  if (actor.role === 'peer') return [];
  const { byId, seen } = instruments;
  const rows = await responsesOf(trx, person, filter);
  const responses = rows
    .filter(
      (r) =>
        (seen.has(r.questionnaire_id) || r.author_account_id === actor.accountId) &&
        (filter.version === null || r.questionnaire_version === filter.version),
    )
    .map((r) => toQuestionnaireResponse(r, byId.get(r.questionnaire_id)));
  // The daily check-ins are responses to bedring-checkin (docs/decisions/0007-checkins-and-signals.md), always completed.
  const checkins =
    (filter.questionnaireIds === null || filter.questionnaireIds.includes(CHECKIN_QUESTIONNAIRE_ID)) &&
    (filter.statuses === null || filter.statuses.includes('completed')) &&
    (filter.version === null || filter.version === CHECKIN_VERSION)
      ? await checkinResponsesOf(trx, person, filter.authored)
      : [];
  if (checkins.length === 0) return responses;
  return [...responses, ...checkins].sort((a, b) =>
    a.authored === b.authored ? 0 : (a.authored ?? '') < (b.authored ?? '') ? 1 : -1,
  );
}

/** Whether a questionnaire search parameter names the check-in (its canonical URL or its id). */
function namesCheckin(canonical: string) {
  const url = canonical.split('|')[0];
  return (
    url === CHECKIN_URL ||
    url === CHECKIN_QUESTIONNAIRE_ID ||
    url === `Questionnaire/${CHECKIN_QUESTIONNAIRE_ID}`
  );
}

/**
 * Scores as Observations for GET /fhir/Observation: `known` says whether the code is a score code of
 * any of the organisation's instruments (an unknown code is the caller's mistake, not an empty result).
 */
export async function scoreObservations(
  trx: Tx,
  actor: RequestActor,
  person: PersonRef,
  query: { code: { system: string | null; code: string } | null; dates: readonly DateParam[] },
): Promise<{ known: boolean; observations: Observation[] }> {
  const { all, byId, seen } = await instrumentsSeen(trx, actor);
  const c = query.code;
  const known =
    !c ||
    all.some((i) =>
      i.scores.some(
        (d) => d.code.code === c.code && (c.system === null || (d.code.system ?? '') === c.system),
      ),
    );
  if (!known || seen.size === 0) return { known, observations: [] };
  const rows = await scoresOfPerson(trx, person, {
    questionnaireIds: [...seen],
    code: c,
    effective: instantBounds(query.dates),
  });
  return { known, observations: rows.map((r) => toScoreObservation(r, byId.get(r.questionnaire_id))) };
}

/**
 * Questionnaires in FHIR R4 (docs/decisions/0005-questionnaires.md): the organisation's instruments (no person, no audit),
 * responses by the person's access rules, and a response posted, checked and scored by the same code
 * as /api (storeResponse).
 */
export async function fhirQuestionnaireRoutes(app: App) {
  app.get(
    '/fhir/Questionnaire/:id',
    {
      schema: {
        params: Type.Object({ id: QuestionnaireId }, { additionalProperties: false }),
        querystring: ReadQuery,
      },
      // The instrument library is about no person: every role reads it.
      config: { access: { roles: Roles } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (req.params.id === CHECKIN_QUESTIONNAIRE_ID)
        return reply.type(FHIR_JSON).send(checkinQuestionnaire());
      const found = await asActor(app, actor, async (trx) =>
        (await instrumentsFor(trx, actor.organisationId)).find((i) => i.id === req.params.id),
      );
      if (!found) throw notFound(say('errors.questionnaireNotFound'));
      return reply.type(FHIR_JSON).send(found.questionnaire);
    },
  );

  app.get(
    '/fhir/Questionnaire',
    { schema: { querystring: QuestionnaireSearch }, config: { access: { roles: Roles } } },
    async (req, reply) => {
      const actor = req.actor!;
      const q = req.query;
      const starts = (value: string | undefined, search: string | undefined) =>
        search === undefined || (value ?? '').toLowerCase().startsWith(search.toLowerCase());
      const instruments = await asActor(app, actor, (trx) => instrumentsFor(trx, actor.organisationId));
      const found: Questionnaire[] = [
        ...instruments.map((i) => i.questionnaire),
        checkinQuestionnaire(),
      ].filter(
        (r) =>
          (q.url === undefined || r.url === q.url) &&
          (q.version === undefined || r.version === q.version) &&
          starts(r.name, q.name) &&
          starts(r.title, q.title),
      );
      const p = pageOf(q);
      const items = found.slice(p.offset, p.offset + p.count);
      return reply.type(FHIR_JSON).send(searchset(items, req.url, { total: found.length, ...p }));
    },
  );

  app.get(
    '/fhir/QuestionnaireResponse/:id',
    {
      schema: { params: Type.Object({ id: Uuid }, { additionalProperties: false }), querystring: ReadQuery },
      config: { access: { roles: READERS } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = req.params.id.toLowerCase();
      // Whose response first, then need to know for that person, as readOne in
      // pathway/pathway-fhir.routes.ts.
      const resource = await asActor(app, actor, async (trx, now) => {
        const owner = await responseOwner(trx, id);
        if (!owner) {
          // Not a questionnaire's response: perhaps a check-in.
          const checkin = await trx
            .selectFrom('checkin')
            .select('person_id')
            .where('id', '=', id)
            .executeTakeFirst();
          if (!checkin) throw notFound();
          const { person, audit } = await personWork(trx, now, actor, checkin.person_id);
          const found = await checkinResponseById(trx, person, id);
          if (!found) throw notFound();
          await audit('read', 'QuestionnaireResponse', id);
          return found;
        }
        const { person, audit } = await personWork(trx, now, actor, owner.person_id);
        const row = await responseById(trx, person, id);
        const { byId, seen } = await instrumentsSeen(trx, actor);
        if (!row || (!seen.has(row.questionnaire_id) && row.author_account_id !== actor.accountId))
          throw notFound();
        await audit('read', 'QuestionnaireResponse', row.id);
        return toQuestionnaireResponse(row, byId.get(row.questionnaire_id));
      });
      return reply.type(FHIR_JSON).send(resource);
    },
  );

  app.get(
    '/fhir/QuestionnaireResponse',
    { schema: { querystring: ResponseSearch }, config: { access: { roles: READERS } } },
    async (req, reply) => {
      const actor = req.actor!;
      const q = req.query;
      const dates = dateParams(q.date);
      const resources = await withPerson(app, actor, idOf(q.patient), async ({ trx, person, audit }) => {
        const instruments = await instrumentsSeen(trx, actor);
        const wanted = q.questionnaire ? named(instruments.all, q.questionnaire) : null;
        const found = await responsesSeen(trx, actor, person, instruments, {
          questionnaireIds: wanted
            ? [
                ...wanted.found.map((i) => i.id),
                ...(namesCheckin(q.questionnaire!) ? [CHECKIN_QUESTIONNAIRE_ID] : []),
              ]
            : null,
          statuses: q.status ? q.status.split(',') : null,
          authored: instantBounds(dates),
          version: wanted?.version ?? null,
        });
        await audit('read', 'QuestionnaireResponse');
        return found;
      });
      const p = pageOf(q);
      const items = resources.slice(p.offset, p.offset + p.count);
      return reply.type(FHIR_JSON).send(searchset(items, req.url, { total: resources.length, ...p }));
    },
  );

  app.post(
    '/fhir/QuestionnaireResponse',
    {
      schema: { body: NewQuestionnaireResponse, querystring: ReadQuery },
      config: { access: { roles: ANSWERERS } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      let created: ReturnType<typeof toQuestionnaireResponse>;
      try {
        created = await withPerson(app, actor, idOf(b.subject.reference), async (w) => {
          const { trx, now, person, audit } = w;
          const all = await instrumentsFor(trx, actor.organisationId);
          const { found, version } = named(all, b.questionnaire);
          const instrument = found[0];
          if (found.length !== 1 || !instrument)
            throw badRequest('unknown_questionnaire', say('errors.unknownQuestionnaire'), [
              { field: 'questionnaire' },
            ]);
          // Answers are checked against the instrument as it is now; an older version cannot be checked.
          if (version !== null && version !== instrument.questionnaire.version)
            throw badRequest(
              'unknown_questionnaire_version',
              say('errors.unknownQuestionnaireVersion', { version: instrument.questionnaire.version ?? '' }),
              [{ field: 'questionnaire' }],
            );
          // The schema fixes the items' shape; whether they fit the instrument is storeResponse's check.
          const item = (b.item ?? []) as QuestionnaireResponseItem[];
          const stored = await storeResponse(
            trx,
            { actor, now },
            person,
            instrument,
            { status: b.status, item },
            null,
          );
          await audit('create', 'QuestionnaireResponse', stored.id);
          // The response as stored (it is written with COMMIT, so it cannot be read back here).
          return toQuestionnaireResponse(
            {
              id: stored.id,
              person_id: person.id,
              questionnaire_id: instrument.id,
              questionnaire_version: instrument.questionnaire.version ?? '',
              status: stored.status,
              item,
              answered_by: answeredBy(actor),
              author_account_id: actor.accountId,
              author_name: actor.displayName,
              authored_at: now,
            },
            instrument,
          );
        });
      } catch (err) {
        // The transaction has rolled back: nothing of the response, its scores or alerts is stored.
        if (err instanceof HttpError && err.code === 'response_does_not_fit')
          return reply.code(400).type(FHIR_JSON).send(misfitOutcome(err.details));
        throw err;
      }
      return reply
        .code(201)
        .header('location', `/fhir/QuestionnaireResponse/${created.id}`)
        .type(FHIR_JSON)
        .send(created);
    },
  );
}
