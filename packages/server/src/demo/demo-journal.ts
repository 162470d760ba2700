import { randomUUID } from 'node:crypto';
import { osloDate, type PersonRef } from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { demoActors } from './demo-actors.ts';

const DAY = 86_400_000;

/**
 * Per Pasient's journal over his pathway (docs/decisions/0014-journal.md), on the days of demo-pasient.ts:
 * behandler's notes from the new round, the inpatient stay (and one by miljo on the ward), the discharge and
 * the handover note; then kommune's home visits — one where he was not at home, followed by a call — each on
 * the contact demo-questionnaires.ts recorded that day where there is one. One signed note has an amendment;
 * kommune's note from two days ago is still a draft; one note about a third person is withheld from Per, with
 * the reason.
 */
export async function addPasientJournal(db: Database, now: Date) {
  const o = db.owner;
  const { behandler, miljo, kommune, pasient } = await demoActors(o, [
    'behandler',
    'miljo',
    'kommune',
    'pasient',
  ] as const);
  const per: PersonRef = { id: pasient.personId!, organisationId: pasient.organisationId };
  const at = (daysAgo: number, hour: number) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  type Note = [RequestActor, number, number, string, string];
  const notes: Note[] = [
    [
      behandler,
      234,
      9,
      'meeting',
      'Per tok kontakt igjen etter bruddet i LAR-utredningen. Han vil prøve en ny runde, og vi snakket om hva som gjorde det vanskelig sist: lange reiser og følelsen av å bli kontrollert. Vi avtalte en behandlingsforberedende samtale om to uker.',
    ],
    [
      behandler,
      200,
      10,
      'meeting',
      'Innkomstsamtale på døgnavdelingen. Pers egne mål: et sted å bo som er hans, og å få kontakt med datteren igjen. Kartlegging avtalt de neste ukene.',
    ],
    [
      miljo,
      180,
      14,
      'meeting',
      'Per var urolig på ettermiddagen og sa at han gruer seg til bussen hjem. Vi gikk en tur sammen og snakket om hva som kan gjøre reisen lettere. Foreslår eksponeringstrening før utskrivning.',
    ],
    [
      behandler,
      150,
      10,
      'meeting',
      'Evaluering sammen med Per. Søvnen er bedre, suget mindre. Han vil at kommunen kobles inn tidlig, før han skrives ut.',
    ],
    [
      behandler,
      121,
      11,
      'meeting',
      'Utskrivningssamtale. Per flytter inn i egen leilighet. Kriseplanen er gått gjennom, og han vet hvem han skal ringe.',
    ],
    [
      behandler,
      112,
      13,
      'phone',
      'Overføringsnotat til Fjordvik kommune: Per har fullført døgnbehandling. Viktig for ham: egen bolig, jevn kontakt, og at avtaler holdes. Varseltegn og kriseplan er delt med samtykke. Første hjemmebesøk avtalt innen en uke.',
    ],
    [
      kommune,
      110,
      12,
      'home-visit',
      'Første hjemmebesøk i den nye leiligheten. Per viste meg rundt og var stolt av stedet. Vi avtalte besøk annenhver uke og at han ringer meg hvis det blir tungt.',
    ],
    [
      kommune,
      104,
      12,
      'home-visit',
      'Hjemmebesøk. Per har fått orden på strøm og internett. Vi snakket om jobb; han vil prøve arbeidstrening.',
    ],
    [
      kommune,
      76,
      12,
      'home-visit',
      'Hjemmebesøk. Søknad om arbeidstrening er sendt sammen med NAV-veileder.',
    ],
    [kommune, 47, 12, 'home-visit', 'Hjemmebesøk. Per forteller om en god helg med datteren.'],
    [
      kommune,
      30,
      12,
      'not-met',
      'Ikke hjemme ved avtalt hjemmebesøk. La igjen lapp med nytt tidspunkt og ringte uten svar.',
    ],
    [
      kommune,
      29,
      9,
      'phone',
      'Per ringte tilbake. Han hadde glemt avtalen etter en tung uke, men har det bedre nå. Nytt besøk avtalt.',
    ],
    [
      kommune,
      16,
      12,
      'home-visit',
      'Hjemmebesøk. Per fortalte om et tilbakefall i helgen og hva som hjalp ham å stoppe. Vi gikk gjennom planen for tilbakefall sammen.',
    ],
  ];

  await o.transaction().execute(async (trx) => {
    const organisations = new Map(
      (await trx.selectFrom('organisation').select(['id', 'name']).execute()).map((r) => [r.id, r.name]),
    );
    const goal = await trx
      .selectFrom('plan_entry')
      .select('id')
      .where('person_id', '=', per.id)
      .where('section', '=', 'goal')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    const written: string[] = [];
    for (const [who, daysAgo, hour, kind, text] of notes) {
      const when = at(daysAgo, hour);
      const id = await note(trx, per, who, organisations, when, kind, text, {
        signedAt: new Date(when.getTime() + 2 * 3_600_000),
        planEntryIds: goal && kind === 'home-visit' ? [goal.id] : [],
      });
      written.push(id);
    }
    // An amendment beside a signed note (the note itself is never changed).
    const firstVisit = written[notes.findIndex((n) => n[1] === 110)]!;
    await trx
      .insertInto('journal_amendment')
      .values({
        tenant_id: per.organisationId,
        id: randomUUID(),
        note_id: firstVisit,
        person_id: per.id,
        author_account_id: kommune.accountId,
        author_name: kommune.displayName,
        author_role: kommune.role,
        organisation_name: organisations.get(kommune.organisationId) ?? '',
        text: 'Rettelse: neste besøk ble avtalt om én uke, ikke to.',
        written_at: at(109, 8),
      })
      .execute();
    // A note about someone else in his life, withheld from Per with the reason stated.
    const withheld = await note(
      trx,
      per,
      behandler,
      organisations,
      at(140, 15),
      'phone',
      'Samtale med fastlegen om en annen person i Pers nettverk. Opplysningene gjelder denne personen.',
      { signedAt: at(140, 16), planEntryIds: [] },
    );
    await trx
      .updateTable('journal_note')
      .set({
        withheld_reason: 'Opplysninger om en tredjeperson (pasient- og brukerrettighetsloven § 5-1)',
        withheld_by: behandler.accountId,
        withheld_by_name: behandler.displayName,
        withheld_at: at(140, 16),
      })
      .where('id', '=', withheld)
      .execute();
    // The visit two days ago: kommune has not signed the note yet.
    await note(
      trx,
      per,
      kommune,
      organisations,
      at(2, 12),
      'home-visit',
      'Kort besøk. Per var i godt humør.',
      {
        signedAt: null,
        planEntryIds: [],
      },
    );
  });
}

/** A note on the contact of that day and kind (demo-questionnaires.ts made kommune's visits), or a new one. */
async function note(
  trx: Tx,
  per: PersonRef,
  who: RequestActor,
  organisations: ReadonlyMap<string, string>,
  when: Date,
  kind: string,
  text: string,
  opts: { signedAt: Date | null; planEntryIds: string[] },
) {
  const day = osloDate(when);
  const existing = await trx
    .selectFrom('contact')
    .select(['id', 'episode_id'])
    .where('person_id', '=', per.id)
    .where('account_id', '=', who.accountId)
    .where('contact_on', '=', day)
    .where('kind', '=', kind)
    .executeTakeFirst();
  const episode = await trx
    .selectFrom('episode')
    .select('id')
    .where('person_id', '=', per.id)
    .where('opened_on', '<=', day)
    .orderBy('opened_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const contact =
    existing ??
    (await trx
      .insertInto('contact')
      .values({
        tenant_id: per.organisationId,
        person_id: per.id,
        episode_id: episode?.id ?? null,
        contact_on: day,
        kind,
        account_id: who.accountId,
        account_name: who.displayName,
        recorded_at: when,
      })
      .returning(['id', 'episode_id'])
      .executeTakeFirstOrThrow());
  const id = randomUUID();
  await trx
    .insertInto('journal_note')
    .values({
      tenant_id: per.organisationId,
      id,
      person_id: per.id,
      episode_id: contact.episode_id,
      contact_id: contact.id,
      author_account_id: who.accountId,
      author_name: who.displayName,
      author_role: who.role,
      organisation_id: who.organisationId,
      organisation_name: organisations.get(who.organisationId) ?? '',
      contact_at: when,
      kind,
      text,
      plan_entry_ids: opts.planEntryIds,
      status: opts.signedAt ? 'signed' : 'draft',
      written_at: when,
      changed_at: opts.signedAt ?? when,
      signed_at: opts.signedAt,
    })
    .execute();
  return id;
}
