import {
  type AlertRule,
  alertsFor,
  DEFAULT_ALERT_RULES,
  type PersonRef,
  responseProblems,
  type Score,
  type Sex,
  scoreResponse,
} from '@bedring/domain';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { badRequest } from '../http/errors.ts';
import type { Instrument } from './instrument-registry.ts';

export type ResponseStatus = 'in-progress' | 'completed';

export interface ResponseInput {
  status: ResponseStatus;
  item: QuestionnaireResponseItem[];
  contactId?: string | null | undefined;
}

export interface RaisedAlert {
  id: string;
  rule: string;
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
 * DESIGN.md (details: one entry per item). Nothing is stored when anything does not fit.
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
      'Svaret passer ikke til skjemaet.',
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

/**
 * Stores a response (new, or an in-progress one saved again). A completed response is scored; its
 * scores become Observations, what was planned for the instrument is done, and the alert rules run —
 * all in the caller's transaction.
 */
export async function storeResponse(
  trx: Tx,
  who: Who,
  person: PersonRef,
  instrument: Instrument,
  input: ResponseInput,
  existingId: string | null,
): Promise<StoredResponse> {
  requireFit(instrument, input);
  const { actor, now } = who;
  const answeredBy = actor.role === 'patient' ? 'person' : 'staff';
  const episode = await openEpisodeOf(trx, person);
  const values = {
    status: input.status,
    item: JSON.stringify(input.item),
    authored_at: now,
    author_account_id: actor.accountId,
    author_name: actor.displayName,
    answered_by: answeredBy,
  } as const;
  let id: string;
  let contactId = input.contactId ?? null;
  if (existingId) {
    id = existingId;
    const saved = await trx
      .updateTable('questionnaire_response')
      .set(values)
      .where('tenant_id', '=', person.organisationId)
      .where('id', '=', existingId)
      .returning('contact_id')
      .executeTakeFirstOrThrow();
    contactId = saved.contact_id;
  } else {
    const row = await trx
      .insertInto('questionnaire_response')
      .values({
        ...values,
        tenant_id: person.organisationId,
        person_id: person.id,
        questionnaire_id: instrument.id,
        questionnaire_version: instrument.questionnaire.version ?? '',
        contact_id: contactId,
        episode_id: episode?.id ?? null,
        started_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  if (input.status !== 'completed') return { id, status: input.status, scores: [], alerts: [] };

  const scores = scoreResponse(
    instrument.questionnaire,
    asResource(instrument, input),
    await sexOf(trx, person),
  );
  if (scores.length > 0) {
    await trx
      .insertInto('observation')
      .values(
        scores.map((s) => ({
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
        })),
      )
      .execute();
  }
  await trx
    .updateTable('questionnaire_due')
    .set({ done_at: now, response_id: id })
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('questionnaire_id', '=', instrument.id)
    .where('done_at', 'is', null)
    .execute();
  const alerts = await raiseAlerts(trx, who, person, instrument, scores, {
    responseId: id,
    unitId: episode?.unit_id ?? null,
    // Feedback on a contact is about that helper's work with the person: it goes to them; otherwise to
    // the clinician responsible for the open episode.
    assignee: (await contactHolder(trx, person, contactId)) ?? episode?.responsible_account_id ?? null,
  });
  return { id, status: 'completed', scores, alerts };
}

async function openEpisodeOf(trx: Tx, person: PersonRef) {
  return trx
    .selectFrom('episode')
    .select(['id', 'unit_id', 'responsible_account_id'])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('state', '<>', 'ended')
    .orderBy('opened_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function sexOf(trx: Tx, person: PersonRef): Promise<Sex> {
  const row = await trx
    .selectFrom('person')
    .select('gender')
    .where('tenant_id', '=', person.organisationId)
    .where('id', '=', person.id)
    .executeTakeFirst();
  return (row?.gender ?? 'unknown') as Sex;
}

async function contactHolder(trx: Tx, person: PersonRef, contactId: string | null) {
  if (!contactId) return null;
  const row = await trx
    .selectFrom('contact')
    .select('account_id')
    .where('tenant_id', '=', person.organisationId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  return row?.account_id ?? null;
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
async function raiseAlerts(
  trx: Tx,
  who: Who,
  person: PersonRef,
  instrument: Instrument,
  scores: readonly Score[],
  target: { responseId: string; unitId: string | null; assignee: string | null },
): Promise<RaisedAlert[]> {
  const watched = scores
    .map((s) => ({ score: s, def: instrument.scores.find((d) => d.linkId === s.linkId) }))
    .filter((x) => x.def && (x.def.feedback || x.def.reliableChange !== null));
  if (watched.length === 0) return [];
  const rules = await alertRulesOf(trx, who.actor.organisationId);
  const raised: RaisedAlert[] = [];
  for (const { score, def } of watched) {
    if (!def) continue;
    const points = await trx
      .selectFrom('observation')
      .select(['response_id', 'effective_at', 'value'])
      .where('tenant_id', '=', person.organisationId)
      .where('person_id', '=', person.id)
      .where('questionnaire_id', '=', instrument.id)
      .where('link_id', '=', def.linkId)
      .orderBy('effective_at')
      .orderBy('id')
      .execute();
    const scoreCode = score.code.code ?? def.linkId;
    const findings = alertsFor(
      rules,
      {
        code: scoreCode,
        direction: def.direction,
        reliableChange: def.reliableChange,
        feedback: def.feedback,
      },
      points.map((p) => ({ responseId: p.response_id, date: p.effective_at.toISOString(), value: p.value })),
    );
    if (findings.length === 0) continue;
    const open = await trx
      .selectFrom('feedback_alert')
      .select('rule')
      .where('tenant_id', '=', person.organisationId)
      .where('person_id', '=', person.id)
      .where('score_code', '=', scoreCode)
      .where('acknowledged_at', 'is', null)
      .execute();
    const waiting = new Set(open.map((o) => o.rule));
    for (const f of findings.filter((f) => !waiting.has(f.rule))) {
      const row = await trx
        .insertInto('feedback_alert')
        .values({
          tenant_id: person.organisationId,
          person_id: person.id,
          questionnaire_id: instrument.id,
          score_code: scoreCode,
          rule: f.rule,
          finding: JSON.stringify(f),
          response_id: target.responseId,
          unit_id: target.unitId,
          assignee_account_id: target.assignee,
          raised_at: who.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      raised.push({ id: row.id, rule: f.rule, scoreCode });
    }
  }
  return raised;
}
