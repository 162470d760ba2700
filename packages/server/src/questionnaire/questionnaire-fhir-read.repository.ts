import type { PersonRef } from '@bedring/domain';
import type { Tx } from '../db/transaction.ts';

/** Reads of responses and their scores for the FHIR façade; who may see which is decided by the caller. */

export interface ResponseRow {
  id: string;
  person_id: string;
  questionnaire_id: string;
  questionnaire_version: string;
  status: 'in-progress' | 'completed';
  item: unknown;
  answered_by: 'person' | 'staff';
  author_account_id: string;
  author_name: string;
  authored_at: Date;
}

export interface ScoreRow {
  id: string;
  person_id: string;
  response_id: string;
  questionnaire_id: string;
  link_id: string;
  code_system: string;
  code: string;
  value: number;
  band_code: string | null;
  band_level: string | null;
  effective_at: Date;
}

/** An instant's bounds: from inclusive, to exclusive (see fhir-date.ts). */
export interface Bounds {
  from: Date | null;
  to: Date | null;
}

const RESPONSE_COLUMNS = [
  'id',
  'person_id',
  'questionnaire_id',
  'questionnaire_version',
  'status',
  'item',
  'answered_by',
  'author_account_id',
  'author_name',
  'authored_at',
] as const;

/** Whose response this is, if the caller's organisation can see it at all (row-level security). */
export async function responseOwner(trx: Tx, id: string) {
  return trx
    .selectFrom('questionnaire_response')
    .select(['tenant_id', 'person_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function responseById(trx: Tx, person: PersonRef, id: string): Promise<ResponseRow | undefined> {
  return trx
    .selectFrom('questionnaire_response')
    .select(RESPONSE_COLUMNS)
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * A person's responses, newest first: of these instruments (null: any), with these statuses (null:
 * any), authored within bounds.
 */
export async function responsesOf(
  trx: Tx,
  person: PersonRef,
  filter: {
    questionnaireIds: readonly string[] | null;
    statuses: readonly string[] | null;
    authored: Bounds;
  },
): Promise<ResponseRow[]> {
  if (filter.questionnaireIds?.length === 0 || filter.statuses?.length === 0) return [];
  let q = trx
    .selectFrom('questionnaire_response')
    .select(RESPONSE_COLUMNS)
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id);
  if (filter.questionnaireIds) q = q.where('questionnaire_id', 'in', filter.questionnaireIds);
  if (filter.statuses) q = q.where('status', 'in', filter.statuses as ResponseRow['status'][]);
  if (filter.authored.from) q = q.where('authored_at', '>=', filter.authored.from);
  if (filter.authored.to) q = q.where('authored_at', '<', filter.authored.to);
  return q.orderBy('authored_at', 'desc').orderBy('id').execute();
}

/** A person's scores of these instruments, with this code (system too, when given), within bounds. */
export async function scoresOfPerson(
  trx: Tx,
  person: PersonRef,
  filter: {
    questionnaireIds: readonly string[];
    code: { system: string | null; code: string } | null;
    effective: Bounds;
  },
): Promise<ScoreRow[]> {
  if (filter.questionnaireIds.length === 0) return [];
  let q = trx
    .selectFrom('observation')
    .select([
      'id',
      'person_id',
      'response_id',
      'questionnaire_id',
      'link_id',
      'code_system',
      'code',
      'value',
      'band_code',
      'band_level',
      'effective_at',
    ])
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('questionnaire_id', 'in', filter.questionnaireIds);
  if (filter.code) {
    q = q.where('code', '=', filter.code.code);
    if (filter.code.system !== null) q = q.where('code_system', '=', filter.code.system);
  }
  if (filter.effective.from) q = q.where('effective_at', '>=', filter.effective.from);
  if (filter.effective.to) q = q.where('effective_at', '<', filter.effective.to);
  return q.orderBy('effective_at', 'desc').orderBy('id').execute();
}
