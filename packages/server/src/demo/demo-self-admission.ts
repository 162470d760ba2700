import { addDays, osloDate, type PersonRef } from '@bedring/domain';
import type { Database } from '../db/database.ts';
import { lockEpisode, recordEvent } from '../pathway/episode.repository.ts';
import { addContract, recordStay } from '../pathway/self-admission.repository.ts';
import { UNITS } from './demo-accounts.ts';
import { demoActors } from './demo-actors.ts';

const DAY = 86_400_000;

/**
 * Per Pasient's brukerstyrt innleggelse (docs/decisions/0018-handover-and-self-admission.md), on the days of
 * demo-pasient.ts and demo-pasient-plans.ts: behandler recorded the agreement with the Døgnpost on the day he
 * was discharged (~121 days ago); the day after his lapse (~41 days ago) he called the ward and came in for
 * three days. miljo recorded the stay through the same repository functions as the API: a short episode
 * linked to the one in kommune's follow-up, opened as a re-admission — no referral, so no rights deadline —
 * and ended as planned when he went home, back to kommune's follow-up.
 */
export async function addPasientSelfAdmission(db: Database, now: Date) {
  const o = db.owner;
  const { behandler, miljo, pasient } = await demoActors(o, ['behandler', 'miljo', 'pasient'] as const);
  const per: PersonRef = { id: pasient.personId!, organisationId: pasient.organisationId };
  const today = osloDate(now);
  const ago = (days: number) => addDays(today, -days);
  const at = (days: number) => new Date(now.getTime() - days * DAY);

  await o.transaction().execute(async (trx) => {
    const contract = await addContract(trx, { actor: behandler, now: at(121) }, per, {
      unitId: UNITS.inpatient,
      daysPerStay: 4,
      staysPerYear: 3,
      howToAsk:
        'Ring Døgnposten og si at du vil bruke avtalen om brukerstyrt innleggelse. Du trenger ikke forklare mer enn du vil. Hvis det er fullt, avtaler vi en dag så snart det er plass.',
      whoToCall: 'Døgnposten, 22 33 44 55 (hele døgnet)',
      validFrom: ago(121),
    });
    if (!contract) throw new Error('demo: the Døgnpost is not a unit of the organisation');
    const stay = await recordStay(trx, { actor: miljo, now: at(40) }, per, contract.id, {
      admittedOn: ago(40),
      plannedDays: 3,
      askedBy: 'person',
      note: 'Per ringte dagen etter tilbakefallet og ba om å få komme inn noen dager. Han kjente seg igjen fra planen sin.',
    });
    // Home after three days, back to kommune's follow-up: the short episode ends as planned.
    const who = { actor: behandler, now: at(37) };
    await recordEvent(trx, who, per, await lockEpisode(trx, per, stay.episodeId), {
      kind: 'discharged',
      date: ago(37),
    });
    await recordEvent(trx, who, per, await lockEpisode(trx, per, stay.episodeId), {
      kind: 'ended',
      date: ago(37),
      outcome: 'planned',
      note: 'Tilbake i oppfølgingen i kommunen.',
    });
    // What Per has due is the story of demo-questionnaires.ts (the last home visit's feedback and goal
    // progress): the questionnaires the short stay planned are taken out again.
    await trx.deleteFrom('questionnaire_due').where('episode_id', '=', stay.episodeId).execute();
  });
}
