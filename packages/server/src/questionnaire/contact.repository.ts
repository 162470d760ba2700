import type { ContactKind } from '@bedring/contract';
import type { PersonRef } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { planInstruments } from './schedule.ts';

export interface RecordedContact {
  id: string;
  episodeId: string | null;
  /** The instruments the contact planned (session feedback). */
  planned: string[];
}

/**
 * Records a contact with the person in their open episode (docs/decisions/0005-questionnaires.md) and plans
 * what the organisation asks after each contact. A contact that did not happen ("not at home / did not
 * come", docs/decisions/0014-journal.md) is recorded and plans nothing: there was no session to give
 * feedback on. The journal records its contacts through this function (one way: journal -> questionnaire).
 */
export async function recordContact(
  trx: Tx,
  person: PersonRef,
  actor: Pick<RequestActor, 'accountId' | 'displayName' | 'organisationId'>,
  contact: { contactOn: string; kind: ContactKind; note: string },
  now: Date,
): Promise<RecordedContact> {
  const episode = await trx
    .selectFrom('episode')
    .select('id')
    .where('tenant_id', '=', person.organisationId)
    .where('person_id', '=', person.id)
    .where('state', '<>', 'ended')
    .orderBy('opened_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = await trx
    .insertInto('contact')
    .values({
      tenant_id: person.organisationId,
      person_id: person.id,
      episode_id: episode?.id ?? null,
      contact_on: contact.contactOn,
      kind: contact.kind,
      account_id: actor.accountId,
      account_name: actor.displayName,
      note: contact.note,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const planned =
    contact.kind === 'not-met'
      ? []
      : await planInstruments(trx, person, 'contact', contact.contactOn, {
          organisationId: actor.organisationId,
          now,
          episodeId: episode?.id ?? null,
          contactId: row.id,
        });
  return { id: row.id, episodeId: episode?.id ?? null, planned };
}
