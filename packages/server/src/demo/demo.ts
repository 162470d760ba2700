import { hashPassword } from '../auth/password.ts';
import type { Database } from '../db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, KOMMUNE, TSB, UNITS } from './demo-accounts.ts';
import { addPasientHelp } from './demo-help.ts';
import { addPasientJournal } from './demo-journal.ts';
import { addPasientPathway } from './demo-pasient.ts';
import { addPasientCheckins } from './demo-pasient-checkins.ts';
import { addPasientPlans } from './demo-pasient-plans.ts';
import { addPersons } from './demo-persons.ts';
import { addQuestionnaireDemo } from './demo-questionnaires.ts';
import { addPasientRelatives } from './demo-relatives.ts';
import { addPasientSelfAdmission } from './demo-self-admission.ts';

// The demo's entry point also names its organisations, units and accounts, for the tests and commands
// that load the demo and log in as it.
export {
  DEMO_ACCOUNTS,
  DEMO_ADMIN_TOTP,
  DEMO_PASSWORD,
  type DemoAccount,
  KOMMUNE,
  TSB,
  UNITS,
} from './demo-accounts.ts';

const DAY = 86_400_000;

/**
 * Demo data: a TSB unit with an inpatient and an outpatient team, a municipality, the demo accounts
 * (README, "Demo logins") and synthetic persons. `persons` tops the demo up to that many persons, so the
 * same command grows a demo to 100,000 for benchmarks. The organisations, units and accounts are named in
 * demo-accounts.ts.
 *
 * `plans: false` leaves Per without plans: for the plan API tests, which start from a blank plan;
 * `checkins: false` without check-ins, for the check-in tests. The demo itself always has both.
 */
export async function loadDemo(
  db: Database,
  opts: { persons: number; now: Date; plans?: boolean; checkins?: boolean },
): Promise<boolean> {
  const existing = await db.owner
    .selectFrom('account')
    .select('id')
    .where('username', '=', 'behandler')
    .executeTakeFirst();
  const before = Number(
    (
      await db.owner
        .selectFrom('person')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (existing && before >= opts.persons) return false;
  if (!existing) await loadBase(db, opts.now);
  const have = existing ? before : before + 1;
  if (opts.persons > have) await addPersons(db, have, opts.persons, opts.now);
  // After the persons: behandler's caseload is among them.
  if (!existing) await addQuestionnaireDemo(db, opts.now);
  // Only Per has plans: they show every part of docs/decisions/0006-plans.md, and keep a large demo as fast
  // as before.
  if (!existing && opts.plans !== false) await addPasientPlans(db, opts.now);
  // His check-ins read against those plans (docs/decisions/0007-checkins-and-signals.md); the check-in tests
  // start without them.
  if (!existing && opts.plans !== false && opts.checkins !== false) await addPasientCheckins(db, opts.now);
  // His help request, taken by Kim Kommune (docs/decisions/0015-help-requests.md).
  if (!existing && opts.plans !== false && opts.checkins !== false) await addPasientHelp(db, opts.now);
  // His children and relatives and his risk assessments (docs/decisions/0019-relatives-and-risk.md).
  if (!existing) await addPasientRelatives(db, opts.now);
  // His journal over the pathway: notes, the handover note, kommune's home visits (decision 0014).
  if (!existing) await addPasientJournal(db, opts.now);
  // His brukerstyrt-innleggelse agreement, used once after his lapse (decision 0018). After the journal,
  // whose notes go on the episode of their day.
  if (!existing) await addPasientSelfAdmission(db, opts.now);
  return true;
}

async function loadBase(db: Database, now: Date) {
  const o = db.owner;
  await o
    .insertInto('organisation')
    .values([
      { tenant_id: TSB, id: TSB, name: 'Fjordvik HF, Avdeling for rusbehandling', kind: 'tsb' },
      {
        tenant_id: KOMMUNE,
        id: KOMMUNE,
        name: 'Fjordvik kommune, Rus og psykisk helse',
        kind: 'municipality',
      },
    ])
    .execute();
  await o
    .insertInto('unit')
    .values([
      { tenant_id: TSB, id: UNITS.inpatient, name: 'Døgnpost', kind: 'inpatient' },
      { tenant_id: TSB, id: UNITS.outpatient, name: 'Poliklinikk', kind: 'outpatient' },
      { tenant_id: TSB, id: UNITS.administration, name: 'Administrasjon', kind: 'administration' },
      { tenant_id: KOMMUNE, id: UNITS.followUp, name: 'Oppfølgingstjenesten', kind: 'follow-up' },
    ])
    .execute();

  // The demo patient: treated in the TSB unit by behandler, now followed up by kommune under consent.
  const pasient = await o
    .insertInto('person')
    .values({
      tenant_id: TSB,
      national_id: '15829000000',
      given_name: 'Per',
      family_name: 'Pasient',
      birth_date: '1990-02-15',
      gender: 'male',
      municipality: 'Fjordvik',
      primary_substance: 'opioids',
      about_me:
        'Jeg er far til to og liker å fiske. Jeg vil at dere skal vite at jeg trenger tid før jeg stoler på nye folk.',
      strengths: 'Flink med hendene, god humor, har en bror som stiller opp.',
      about_me_updated_at: new Date(now.getTime() - 60 * DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const row = await o
      .insertInto('account')
      .values({
        tenant_id: a.organisation,
        username: a.username,
        display_name: a.name,
        role: a.role,
        unit_id: a.unit,
        person_id: a.role === 'patient' ? pasient.id : null,
        password_hash: passwordHash,
        totp_secret: a.totpSecret ?? null,
        duty_contact: a.dutyContact ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[a.username] = row.id;
  }
  await o
    .updateTable('person')
    .set({ about_me_updated_by: ids.pasient! })
    .where('id', '=', pasient.id)
    .execute();

  // behandler since the referral last year, miljo during the inpatient stay; kommune gets the follow-up
  // relation and the consent with the handover (demo-pasient.ts), as the handover route gives them.
  await o
    .insertInto('care_relation')
    .values([
      {
        tenant_id: TSB,
        person_id: pasient.id,
        account_id: ids.behandler!,
        organisation_id: TSB,
        kind: 'care-team',
        unit_id: UNITS.outpatient,
        from_at: new Date(now.getTime() - 340 * DAY),
        to_at: null,
      },
      {
        tenant_id: TSB,
        person_id: pasient.id,
        account_id: ids.miljo!,
        organisation_id: TSB,
        kind: 'care-team',
        unit_id: UNITS.inpatient,
        from_at: new Date(now.getTime() - 200 * DAY),
        to_at: new Date(now.getTime() - 120 * DAY),
      },
    ])
    .execute();

  // Ratings over time: red at admission, better at discharge and in follow-up, one lapse in between.
  const history: [number, string, string, string][] = [
    [190, 'substance-use', 'red', 'Daglig bruk før innleggelse.'],
    [190, 'housing', 'red', 'Bor hos en kamerat, usikker avtale.'],
    [190, 'finances', 'yellow', 'Gjeld, har kontakt med NAV.'],
    [190, 'network', 'yellow', 'Broren stiller opp.'],
    [125, 'substance-use', 'yellow', 'Rusfri under oppholdet; plan for tiden etter.'],
    [125, 'housing', 'yellow', 'Søkt kommunal bolig.'],
    [60, 'housing', 'green', 'Har fått egen leilighet.'],
    [40, 'substance-use', 'yellow', 'Et tilbakefall i helgen, tok kontakt selv dagen etter.'],
    [30, 'meaningful-activity', 'yellow', 'Prøver ut arbeidstrening to dager i uka.'],
    [20, 'mental-health', 'yellow', 'Sover dårlig, følges opp av fastlegen.'],
  ];
  const ratings = history.map(([daysAgo, domain, rating, note]) => ({
    tenant_id: TSB,
    person_id: pasient.id,
    domain,
    rating,
    note,
    rated_at: new Date(now.getTime() - daysAgo * DAY),
    rated_by: daysAgo > 100 ? ids.behandler! : ids.kommune!,
    rated_by_name: daysAgo > 100 ? 'Bjørn Behandler' : 'Kim Kommune',
    rated_by_role: daysAgo > 100 ? 'clinician' : 'municipal',
  }));
  await o.insertInto('living_condition_rating').values(ratings).execute();

  // Colleagues without demo logins carry the larger caseloads of a scaled-up demo.
  const colleagues = Array.from({ length: 40 }, (_, i) => ({
    tenant_id: i % 4 === 3 ? KOMMUNE : TSB,
    username: `kollega${i + 1}`,
    display_name: `Kollega ${i + 1}`,
    role: i % 4 === 3 ? 'municipal' : i % 4 === 2 ? 'milieu' : 'clinician',
    unit_id: i % 4 === 3 ? UNITS.followUp : i % 4 === 2 ? UNITS.inpatient : UNITS.outpatient,
    person_id: null,
    // No password can match this: these accounts exist to own caseloads, not to log in.
    password_hash: '!',
  }));
  await o.insertInto('account').values(colleagues).execute();
  const earlier = await o
    .selectFrom('account')
    .select(['id', 'unit_id'])
    .where('username', '=', 'kollega1')
    .executeTakeFirstOrThrow();
  // The clinician of his first episode, three years ago.
  await o
    .insertInto('care_relation')
    .values({
      tenant_id: TSB,
      person_id: pasient.id,
      account_id: earlier.id,
      organisation_id: TSB,
      kind: 'care-team',
      unit_id: earlier.unit_id,
      from_at: new Date(now.getTime() - 1150 * DAY),
      to_at: new Date(now.getTime() - 870 * DAY),
    })
    .execute();
  await addPasientPathway(o, { tenantId: TSB, id: pasient.id, ratings }, UNITS.outpatient, now);
}
