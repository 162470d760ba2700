import {
  addDays,
  checkEntry,
  type EntryFields,
  osloDate,
  type PersonRef,
  type PlanKind,
  type PlanSection,
} from '@bedring/domain';
import type { RequestActor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { closeTask, openTask } from '../pathway/task.repository.ts';
import { lockPlan } from '../plan/plan.repository.ts';
import {
  addComment,
  addEntry,
  addNetworkMember,
  type NetworkMemberFields,
  promiseEpisode,
  recordLapse,
  setPlanParts,
  setReviewDate,
  signVersion,
  updateNetworkMember,
} from '../plan/plan-write.repository.ts';
import { KOMMUNE } from './demo-accounts.ts';
import { demoActors } from './demo-actors.ts';

const DAY = 86_400_000;

/**
 * Per Pasient's own plans (docs/decisions/0006-plans.md), written through the same repository functions as
 * the API, on the days of his pathway in demo-pasient.ts (admitted ~200 days ago, home ~121, kommune since
 * ~110):
 * - a treatment plan with his goals in his own words and what success means, measures by behandler
 *   and kommune with owners and dates, his co-signature of an earlier version and one change after it,
 *   and a comment of his;
 * - a relapse-prevention plan with every section and his brother as the contact he calls before using;
 *   the lapse ~41 days ago (his ratings: "Et tilbakefall i helgen, tok kontakt selv dagen etter") and the
 *   plan update after it;
 * - a crisis plan with named contacts and a review date;
 * - the network map: his brother (supportive), a friend who still uses (risky), his daughter (lost
 *   contact, now strained), his NA group, kommune as helper;
 * - promises made to him: one kept, one open, one overdue;
 * - his consent to kommune seeing the treatment plan and the crisis plan (the handover consent's parts).
 */
export async function addPasientPlans(db: Database, now: Date) {
  const o = db.owner;
  const {
    behandler,
    kommune,
    pasient: per,
  } = await demoActors(o, ['behandler', 'kommune', 'pasient'] as const);
  const person: PersonRef = { id: per.personId!, organisationId: per.organisationId };
  const today = osloDate(now);
  const ago = (days: number) => addDays(today, -days);
  const at = (days: number) => new Date(now.getTime() - days * DAY);

  await o.transaction().execute(async (trx) => {
    const entry = async (
      who: RequestActor,
      daysAgo: number,
      kind: PlanKind,
      section: PlanSection,
      fields: EntryFields,
    ) => {
      // The demo's words are checked by the same rule as the API's, so they cannot drift from it.
      const problems = checkEntry(section, fields);
      if (problems.length > 0) throw new Error(`demo: ${section} ${JSON.stringify(problems)}`);
      return (await addEntry(trx, who, person, kind, section, fields, at(daysAgo))).entry;
    };
    const member = (who: RequestActor, daysAgo: number, m: NetworkMemberFields) =>
      addNetworkMember(trx, who, person, m, at(daysAgo));

    // The network map, drawn with behandler during the inpatient stay.
    const brother: NetworkMemberFields = {
      name: 'Ole, broren min',
      relation: 'family',
      quality: 'supportive',
      crisisRole: 'Kommer hjem til meg og blir til det roer seg.',
      phone: '+47 400 00 001',
      contactConsent: true,
      maySee: ['relapse-prevention', 'crisis'],
      note: 'Stiller alltid opp.',
    };
    const ole = await member(per, 185, brother);
    await member(per, 185, {
      name: 'Tommy',
      relation: 'friend',
      quality: 'risky',
      contactConsent: false,
      maySee: [],
      note: 'Bruker fortsatt. Vi var venner lenge; nå holder jeg avstand.',
    });
    const daughter: NetworkMemberFields = {
      name: 'Emma, datteren min',
      relation: 'child',
      quality: 'lost-contact',
      contactConsent: false,
      maySee: [],
      note: 'Har ikke snakket med henne på to år.',
    };
    const emma = await member(per, 185, daughter);
    await member(per, 150, {
      name: 'NA-gruppa på tirsdager',
      relation: 'self-help-group',
      quality: 'supportive',
      contactConsent: false,
      maySee: [],
      note: 'Begynte å gå der under innleggelsen.',
    });

    // The treatment plan: his goals first, in his words (docs/domain/plans.md, CAP-15), then the helpers'
    // measures (CAP-02).
    await entry(per, 190, 'treatment', 'goal', {
      text: 'Ha et sted å bo som er mitt',
      successMeans: 'Egen nøkkel, og at jeg kan ha datteren min på besøk.',
    });
    await entry(per, 190, 'treatment', 'goal', {
      text: 'Få være mer sammen med datteren min',
      successMeans: 'At vi ses minst én gang i måneden, og at hun vil komme.',
    });
    await entry(per, 189, 'treatment', 'goal', {
      text: 'Slutte med heroin og klare hverdagen uten',
      successMeans: 'At jeg kan si nei når noen ringer, og ha noe å gjøre på dagtid.',
    });
    await entry(behandler, 188, 'treatment', 'measure', {
      text: 'Søke kommunal bolig sammen med NAV og kommunen før utskrivning',
      ownerAccountId: behandler.accountId,
      dueOn: ago(160),
      evaluateOn: ago(150),
    });
    await entry(behandler, 188, 'treatment', 'measure', {
      text: 'Samtaler om tilbakefallsforebygging hver uke under oppholdet',
      ownerAccountId: behandler.accountId,
      dueOn: ago(125),
      evaluateOn: ago(150),
    });
    // He co-signs the plan as it stood then (the version he read).
    await signVersion(trx, per, await lockPlan(trx, person, 'treatment', at(187)), 'treatment', at(187));

    // The relapse-prevention plan on the relapse chain (M-04, M-07), with his brother to call before using.
    const rp = 'relapse-prevention';
    await entry(per, 160, rp, 'high-risk-situation', {
      text: 'Når pengene kommer på konto og jeg er alene i helga',
    });
    await entry(per, 160, rp, 'high-risk-situation', { text: 'Når Tommy ringer eller jeg møter ham i byen' });
    await entry(per, 160, rp, 'early-warning-sign', {
      text: 'Jeg slutter å svare på telefonen og sover dårlig flere netter på rad',
    });
    await entry(per, 159, rp, 'coping-strategy', {
      text: 'Gå en lang tur og ringe noen før jeg bestemmer meg for noe',
    });
    await entry(per, 159, rp, 'contact-person', {
      text: 'Ole, broren min. Jeg ringer ham før jeg bruker, uansett tid på døgnet.',
      phone: brother.phone ?? null,
      contactBeforeUse: true,
      networkMemberId: ole,
    });
    await entry(behandler, 158, rp, 'practical-step', {
      text: 'Kaste brukerutstyret og slette numrene til dem jeg kjøpte av før utskrivning',
    });
    await entry(per, 158, rp, 'after-a-lapse', {
      text: 'Si fra til noen dagen etter i stedet for å gjemme meg. Et tilbakefall betyr ikke at alt er tapt.',
    });

    // The crisis plan (M-08), before he went home, with a review date half a year on.
    await entry(per, 130, 'crisis', 'warning-sign', {
      text: 'Jeg isolerer meg, slutter å spise og tenker at ingenting nytter',
    });
    await entry(per, 130, 'crisis', 'what-i-do', {
      text: 'Ringer Ole eller legevakten. Går ikke ut alene om kvelden.',
    });
    await entry(per, 130, 'crisis', 'what-people-around-me-do', {
      text: 'Ole kommer hjem til meg og blir til det roer seg.',
    });
    await entry(behandler, 129, 'crisis', 'what-services-do', {
      text: 'Kommunen kommer på hjemmebesøk samme eller neste dag; poliklinikken gir time innen en uke.',
    });
    await entry(per, 129, 'crisis', 'contact', {
      text: 'Ole, broren min',
      phone: brother.phone ?? null,
      networkMemberId: ole,
    });
    await setReviewDate(
      trx,
      behandler,
      await lockPlan(trx, person, 'crisis', at(129)),
      addDays(ago(129), 180),
      at(129),
    );

    // Home: the handover consent opens the treatment and crisis plans to kommune (his choice, not the
    // handover's), and kommune is on the map as his helper.
    const consent = await trx
      .selectFrom('consent')
      .select(['tenant_id', 'id'])
      .where('tenant_id', '=', person.organisationId)
      .where('person_id', '=', person.id)
      .where('grantee_organisation_id', '=', KOMMUNE)
      .orderBy('given_at', 'desc')
      .executeTakeFirstOrThrow();
    await setPlanParts(trx, consent, ['treatment', 'crisis']);
    await member(per, 108, {
      name: 'Kim, Oppfølgingstjenesten i kommunen',
      relation: 'helper',
      quality: 'supportive',
      crisisRole: 'Hjemmebesøk samme eller neste dag.',
      phone: '+47 400 00 003',
      contactConsent: true,
      maySee: ['treatment', 'crisis'],
    });
    // kommune's measure after he signed: the signature stays, the plan says it is not signed since.
    const visits = await entry(kommune, 106, 'treatment', 'measure', {
      text: 'Hjemmebesøk annenhver uke, og følge med til NAV når det trengs',
      ownerAccountId: kommune.accountId,
      dueOn: addDays(today, 30),
      evaluateOn: addDays(today, 20),
    });
    await addComment(
      trx,
      per,
      visits,
      'treatment',
      'Fint, men send en melding dagen før dere kommer.',
      at(100),
    );
    // His daughter answered a message once he had his own flat: strained, but no longer lost.
    await updateNetworkMember(
      trx,
      { tenant_id: person.organisationId, id: emma },
      { ...daughter, quality: 'strained', note: 'Vi sender meldinger igjen. Det går sakte.' },
      at(55),
    );

    // The lapse, told by himself the day after, and the plan looked at together after it.
    await recordLapse(
      trx,
      per,
      person,
      {
        occurredOn: ago(41),
        situation: 'Pengene kom på fredag, og jeg var alene hele helga. Tommy ringte lørdag.',
        thoughtsFeelings: 'Kjedsomhet, og at det ikke spilte noen rolle uansett.',
        whatHappened: 'Jeg brukte lørdag kveld.',
        whatHelped: 'Jeg ringte Ole søndag, og Kim kom på besøk mandag.',
      },
      at(40),
    );
    await entry(per, 37, rp, 'coping-strategy', {
      text: 'Middag hos Ole de lørdagene pengene kommer, og telefonen på lydløs for Tommy',
    });

    // Promises made to him (U-23, CAP-33): one kept, one open, one overdue.
    const episode = await promiseEpisode(trx, person);
    if (!episode) throw new Error('demo: Per has no episode for his promises');
    const promise = (who: RequestActor, daysAgo: number, text: string, dueOn: string) =>
      openTask(trx, {
        person,
        episodeId: episode.id,
        kind: 'promise',
        handoverId: null,
        assignee: { accountId: who.accountId, organisationId: who.organisationId },
        unitId: episode.unit_id,
        createdOn: ago(daysAgo),
        promise: { text, dueOn, by: { accountId: who.accountId, name: who.displayName } },
      });
    const kept = await promise(
      behandler,
      130,
      'Jeg sørger for at kommunen har fått epikrisen før du skrives ut.',
      ago(122),
    );
    await closeTask(
      trx,
      behandler,
      { tenant_id: person.organisationId, id: kept },
      { date: ago(123), outcome: 'kept', note: 'Sendt, og Kim har bekreftet at den kom.' },
    );
    await promise(kommune, 16, 'Jeg blir med deg på møtet med NAV om gjelda.', addDays(today, 10));
    await promise(behandler, 20, 'Jeg sender et brev til fastlegen din om søvnproblemene.', ago(6));
  });
}
