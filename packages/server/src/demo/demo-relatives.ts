import { randomUUID } from 'node:crypto';
import { addDays, osloDate, type PersonRef } from '@bedring/domain';
import type { Database } from '../db/database.ts';
import { insertRiskAssessment } from '../pathway/risk-assessment.repository.ts';
import { insertRelative } from '../record/relatives.repository.ts';
import { demoActors } from './demo-actors.ts';

const DAY = 86_400_000;

/**
 * Per Pasient's children and relatives and his risk assessments (docs/decisions/0019-relatives-and-risk.md),
 * written through the routes' repository functions on the days of his pathway in demo-pasient.ts (admitted
 * ~200 days ago, home ~121, kommune since ~110). "Jeg er far til to": his daughter Emma, with whom he has
 * contact again (his network map), and a son he has lost contact with, whose mother has not answered the
 * offer of a talk (the case in docs/domain/record.md, A-21: a child as the reason for treatment, the other
 * parent as gatekeeper). His brother Ole is his relative, as on his network map. Two suicide-risk
 * assessments (moderate on admission, low before discharge) and a violence-risk assessment, the last two
 * shared with the handover.
 */
export async function addPasientRelatives(db: Database, now: Date) {
  const o = db.owner;
  const { behandler, pasient: per } = await demoActors(o, ['behandler', 'pasient'] as const);
  const person: PersonRef = { id: per.personId!, organisationId: per.organisationId };
  const today = osloDate(now);
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const year = now.getUTCFullYear();

  await o.transaction().execute(async (trx) => {
    await insertRelative(
      trx,
      person,
      behandler,
      randomUUID(),
      {
        kind: 'child',
        name: 'Emma',
        birthYear: year - 14,
        caredForBy: 'Moren, i Fjordvik',
        spokenWith: true,
        spokenWithOn: addDays(today, -150),
        followUp:
          'Familiesamtale på poliklinikken med Emma og moren. Emma har fått tilbud om samtaler hos helsesykepleier.',
        coordinatorInformed: true,
        mayContact: true,
        mayInform: false,
        note: 'De sender meldinger igjen.',
      },
      at(150),
    );
    await insertRelative(
      trx,
      person,
      behandler,
      randomUUID(),
      {
        kind: 'child',
        name: 'Jonas',
        birthYear: year - 7,
        caredForBy: 'Moren',
        spokenWith: false,
        followUp: 'Barneansvarlig har tilbudt moren en samtale om Jonas; hun har ikke svart ennå.',
        coordinatorInformed: true,
        mayContact: false,
        mayInform: false,
        note: 'Per har ikke hatt kontakt med Jonas på tre år. Han er grunnen til at Per søkte behandling.',
      },
      at(190),
    );
    await insertRelative(
      trx,
      person,
      behandler,
      randomUUID(),
      {
        kind: 'relative',
        name: 'Ole Pasient',
        role: 'sibling',
        mayContact: true,
        mayInform: true,
        note: 'Broren. Kontaktpersonen i kriseplanen.',
      },
      at(190),
    );

    await insertRiskAssessment(
      trx,
      person,
      behandler,
      randomUUID(),
      {
        kind: 'suicide',
        assessedOn: addDays(today, -199),
        level: 'moderate',
        factors:
          'En overdose for to år siden som han selv ikke er sikker på var et uhell. Skyld og savn etter barna, bor alene. Beskyttende: broren, og at han vil ha kontakt med barna.',
        plan: 'Kriseplan lages sammen med ham. Daglig samtale med primærkontakt den første uka. Ny vurdering før utskrivning.',
        shareAtHandover: false,
      },
      at(199),
    );
    await insertRiskAssessment(
      trx,
      person,
      behandler,
      randomUUID(),
      {
        kind: 'suicide',
        assessedOn: addDays(today, -125),
        level: 'low',
        factors:
          'Ingen tanker om å ta sitt eget liv de siste ukene. Har kontakt med datteren igjen og egen leilighet. Risikoen øker ved tilbakefall og ensomhet.',
        plan: 'Kriseplanen følger med hjem. Kommunen og fastlegen får vite om vurderingen. Ny vurdering ved tilbakefall.',
        shareAtHandover: true,
      },
      at(125),
    );
    await insertRiskAssessment(
      trx,
      person,
      behandler,
      randomUUID(),
      {
        kind: 'violence',
        assessedOn: addDays(today, -125),
        level: 'low',
        factors: 'Ingen vold eller trusler kjent, verken før eller under innleggelsen.',
        plan: 'Ingen egne tiltak.',
        shareAtHandover: true,
      },
      at(125),
    );
  });
}
