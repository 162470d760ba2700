import { randomUUID } from 'node:crypto';
import { say } from '@bedring/contract';
import {
  type AlertRule,
  type AlertRuleKind,
  alertsFor,
  DEFAULT_ALERT_RULES,
  type InstrumentSettings,
  type PersonRef,
  responseProblems,
  type Score,
  type Sex,
  scoreResponse,
} from '@bedring/domain';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { sql } from 'kysely';
import { type AlsoRead, type PersonExpressions, readWithAccess } from '../access/access.guard.ts';
import type { RequestActor } from '../auth/actor.ts';
import { compileOnce } from '../db/compile-once.ts';
import { type JsonRow, jsonLiteral } from '../db/json-rows.ts';
import { type Tx, writeAtCommit } from '../db/transaction.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import type { Instrument } from './instrument-registry.ts';

export type ResponseStatus = 'in-progress' | 'completed';

export interface ResponseInput {
  status: ResponseStatus;
  item: QuestionnaireResponseItem[];
  contactId?: string | null | undefined;
}

export interface RaisedAlert {
  id: string;
  rule: AlertRuleKind;
  scoreCode: string;
}

export interface StoredResponse {
  id: string;
  status: ResponseStatus;
  scores: Score[];
  alerts: RaisedAlert[];
}

interface Who {
  actor: RequestActor;
  now: Date;
}

/**
 * Checks a response against its instrument and says which item does not fit, in the error shape of
 * docs/api.md (details: one entry per item). Nothing is stored when anything does not fit.
 */
export function requireFit(instrument: Instrument, input: Pick<ResponseInput, 'status' | 'item'>) {
  const problems = responseProblems(
    instrument.questionnaire,
    { item: input.item },
    {
      completing: input.status === 'completed',
    },
  );
  if (problems.length > 0) {
    throw badRequest(
      'response_does_not_fit',
      say('errors.responseDoesNotFit'),
      problems.map((p) => ({ field: p.linkId, code: p.code, message: p.message })),
    );
  }
}

/** The response as FHIR sees it, for scoring (fhirpath reads %resource). */
function asResource(instrument: Instrument, input: ResponseInput): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status: input.status,
    questionnaire: `${instrument.questionnaire.url}|${instrument.questionnaire.version}`,
    item: input.item,
  };
}

/** What storing a response needs to know, read in one statement (see storeResponse). */
export interface Facts {
  sex: Sex;
  /** The person's open episode, if any: its unit and responsible clinician get the alerts. */
  episode: { id: string; unitId: string | null; responsibleAccountId: string | null } | null;
  /** The helper of the contact the response is about (the given contact, or the saved response's). */
  contact: { id: string; accountId: string } | null;
  rules: AlertRule[] | null;
  /** Earlier points of the watched scores, oldest first. */
  points: { linkId: string; responseId: string; date: string; value: number }[];
  /** Alerts waiting to be acknowledged: score code and rule. */
  waiting: { scoreCode: string; rule: string }[];
  /** The organisation's settings for the instrument, if it has made its own. */
  settings: InstrumentSettings | null;
}

/** Whose answer a response is: the person's own, or staff's with the person. */
export function answeredBy(actor: RequestActor): 'person' | 'staff' {
  return actor.role === 'patient' ? 'person' : 'staff';
}

/**
 * Whether this actor answers the instrument: the organisation's settings say whether the person, staff or
 * both do. Peers and administrators answer none; the routes that store a response refuse them first.
 */
export function requireMayAnswer(actor: RequestActor, settings: InstrumentSettings) {
  if (!settings.answeredBy.includes(answeredBy(actor))) {
    throw forbidden('not_answered_by_you', say('errors.notAnsweredByYou'));
  }
}

/**
 * Stores a response (new, or an in-progress one saved again), if the actor may answer the instrument (the
 * organisation's settings say who answers it). A completed response is scored; its scores become
 * Observations, what was planned for the instrument is done, and the alert rules run — all in the
 * caller's transaction. The work is one read and one write, and the write is sent with COMMIT
 * (writeAtCommit): each round trip to PostgreSQL cost more than the statement itself
 * (docs/benchmarks.md). So nothing later in the same transaction sees the response. The read is the
 * caller's when it read responseFacts with the access check (`read`), else storeResponse's own.
 */
export async function storeResponse(
  trx: Tx,
  who: Who,
  person: PersonRef,
  instrument: Instrument,
  input: ResponseInput,
  existingId: string | null,
  read?: Facts,
): Promise<StoredResponse> {
  requireFit(instrument, input);
  const { actor, now } = who;
  const completed = input.status === 'completed';
  const facts = read ?? (await factsFor(trx, person, factArgs(actor, instrument, input, existingId)));
  requireMayAnswer(actor, facts.settings ?? instrument.defaults);
  const scores = completed
    ? scoreResponse(instrument.questionnaire, asResource(instrument, input), facts.sex)
    : [];
  const id = existingId ?? randomUUID();
  // Saved again, an unfinished response keeps its start, version, contact and episode (response_write).
  const response: JsonRow<'questionnaire_response'> = {
    tenant_id: person.organisationId,
    id,
    person_id: person.id,
    questionnaire_id: instrument.id,
    questionnaire_version: instrument.questionnaire.version ?? '',
    status: input.status,
    item: input.item,
    answered_by: answeredBy(actor),
    author_account_id: actor.accountId,
    author_name: actor.displayName,
    contact_id: facts.contact?.id ?? null,
    episode_id: facts.episode?.id ?? null,
    started_at: now,
    authored_at: now,
  };
  const observations: JsonRow<'observation'>[] = scores.map((s) => ({
    tenant_id: person.organisationId,
    person_id: person.id,
    response_id: id,
    questionnaire_id: instrument.id,
    link_id: s.linkId,
    code_system: s.code.system ?? '',
    code: s.code.code ?? '',
    value: s.value,
    band_code: s.band?.code ?? null,
    band_level: s.band?.level ?? null,
    effective_at: now,
  }));
  const alerts = alertsToRaise(who, person, instrument, scores, facts, {
    responseId: id,
    unitId: facts.episode?.unitId ?? null,
    // Feedback on a contact is about that helper's work with the person: it goes to them; otherwise to
    // the clinician responsible for the open episode.
    assignee: facts.contact?.accountId ?? facts.episode?.responsibleAccountId ?? null,
  });
  // One call: the response, its observations, its alerts and the planned forms it completes
  // (response_write, migrations/0008_writes_with_commit.sql).
  await writeAtCommit(
    trx,
    `select response_write(${jsonLiteral(response)}, ${jsonLiteral(observations)}, ${jsonLiteral(alerts.map((a) => a.row))})`,
  );
  return { id, status: input.status, scores, alerts: alerts.map((a) => a.raised) };
}

/** What the facts read needs: the organisation, the instrument, its watched scores, the contact, the saved response. */
type FactArgs = [
  organisationId: string,
  questionnaireId: string,
  linkIds: string[],
  contactId: string | null,
  existingId: string | null,
];

function factArgs(
  actor: RequestActor,
  instrument: Instrument,
  input: ResponseInput,
  existingId: string | null,
): FactArgs {
  // The trajectories the alert rules watch: only a completed response is scored.
  const watched =
    input.status === 'completed'
      ? instrument.scores.filter((d) => d.feedback || d.reliableChange !== null).map((d) => d.linkId)
      : [];
  return [actor.organisationId, instrument.id, watched, input.contactId ?? null, existingId];
}

/** The facts as columns of the person row `p` (see Facts); the record's own tables are read in its tenant. */
function factColumns(
  _: PersonExpressions,
  organisationId: string,
  questionnaireId: string,
  linkIds: string[],
  contactId: string | null,
  existingId: string | null,
) {
  return [
    sql<Sex>`coalesce(p.gender, 'unknown')`.as('sex'),
    sql`(select json_build_object('id', e.id, 'unitId', e.unit_id, 'responsibleAccountId', e.responsible_account_id)
       from episode e where e.tenant_id = p.tenant_id and e.person_id = p.id and e.state <> 'ended'
       order by e.opened_on desc limit 1)`.as('episode'),
    sql`(select json_build_object('id', c.id, 'accountId', c.account_id)
       from contact c where c.tenant_id = p.tenant_id and c.person_id = p.id
         and c.id = coalesce(${contactId}::uuid,
           (select r.contact_id from questionnaire_response r where r.tenant_id = p.tenant_id and r.id = ${existingId}::uuid)))`.as(
      'contact',
    ),
    sql`(select rules from feedback_alert_rule where tenant_id = ${organisationId})`.as('rules'),
    sql`(select coalesce(json_agg(json_build_object('linkId', o.link_id, 'responseId', o.response_id,
         'date', to_char(o.effective_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'value', o.value)
         order by o.effective_at, o.id), '[]')
       from observation o where o.tenant_id = p.tenant_id and o.person_id = p.id
         and o.questionnaire_id = ${questionnaireId} and o.link_id = any(${linkIds}::text[]))`.as('points'),
    sql`(select coalesce(json_agg(json_build_object('scoreCode', a.score_code, 'rule', a.rule)), '[]')
       from feedback_alert a where a.tenant_id = p.tenant_id and a.person_id = p.id and a.acknowledged_at is null
         and cardinality(${linkIds}::text[]) > 0)`.as('waiting'),
    sql`(select json_build_object('visibleToPerson', visible_to_person, 'triggers', triggers, 'answeredBy', answered_by)
       from instrument_setting where tenant_id = ${organisationId} and questionnaire_id = ${questionnaireId})`.as(
      'settings',
    ),
  ] as const;
}

const factsWithAccess = readWithAccess<Facts, FactArgs>(factColumns);

/**
 * What storing a response will read, to read in the access check's statement (personWork's `also`):
 * one round trip fewer. Pass the result to storeResponse as its facts.
 */
export function responseFacts(
  actor: RequestActor,
  instrument: Instrument,
  input: ResponseInput,
  existingId: string | null,
): AlsoRead<Facts> {
  return factsWithAccess(...factArgs(actor, instrument, input, existingId));
}

const factsQuery = compileOnce((trx: Tx, tenantId: string, personId: string, ...args: FactArgs) =>
  trx
    .selectFrom('person as p')
    .select((eb) => factColumns(eb, ...args))
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', personId),
);

async function factsFor(trx: Tx, person: PersonRef, args: FactArgs): Promise<Facts> {
  const facts = (await trx.executeQuery(factsQuery(trx, person.organisationId, person.id, ...args))).rows[0];
  if (!facts) throw new Error('storeResponse: the person is not in the record asked for');
  return facts as Facts;
}

/** The organisation's alert rules, or the defaults when it has not set its own. */
export async function alertRulesOf(trx: Tx, tenantId: string): Promise<AlertRule[]> {
  const row = await trx
    .selectFrom('feedback_alert_rule')
    .select('rules')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return (row?.rules as AlertRule[] | undefined) ?? DEFAULT_ALERT_RULES;
}

/**
 * Runs the rules on each score's trajectory. An alert already waiting to be acknowledged for the same
 * score and rule is not raised again: one alert, one conversation.
 */
function alertsToRaise(
  who: Who,
  person: PersonRef,
  instrument: Instrument,
  scores: readonly Score[],
  facts: Facts,
  target: { responseId: string; unitId: string | null; assignee: string | null },
): { raised: RaisedAlert; row: JsonRow<'feedback_alert'> }[] {
  const rules = facts.rules ?? DEFAULT_ALERT_RULES;
  const alerts: { raised: RaisedAlert; row: JsonRow<'feedback_alert'> }[] = [];
  for (const score of scores) {
    const def = instrument.scores.find((d) => d.linkId === score.linkId);
    if (!def || !(def.feedback || def.reliableChange !== null)) continue;
    const scoreCode = score.code.code ?? def.linkId;
    // The trajectory as stored before this response, and this response's point last.
    const points = facts.points
      .filter((p) => p.linkId === def.linkId)
      .concat({
        linkId: def.linkId,
        responseId: target.responseId,
        date: who.now.toISOString(),
        value: score.value,
      });
    const findings = alertsFor(
      rules,
      {
        code: scoreCode,
        direction: def.direction,
        reliableChange: def.reliableChange,
        feedback: def.feedback,
      },
      points,
    );
    const waiting = new Set(facts.waiting.filter((w) => w.scoreCode === scoreCode).map((w) => w.rule));
    for (const f of findings.filter((f) => !waiting.has(f.rule))) {
      const id = randomUUID();
      alerts.push({
        raised: { id, rule: f.rule, scoreCode },
        row: {
          tenant_id: person.organisationId,
          id,
          person_id: person.id,
          questionnaire_id: instrument.id,
          score_code: scoreCode,
          rule: f.rule,
          finding: f,
          response_id: target.responseId,
          unit_id: target.unitId,
          assignee_account_id: target.assignee,
          raised_at: who.now,
        },
      });
    }
  }
  return alerts;
}
