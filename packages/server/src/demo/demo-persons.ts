import { LivingConditionDomains, osloDate, Ratings } from '@bedring/domain';
import { type Insertable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LivingConditionRatingTable } from '../db/schema.ts';
import { timeLimits } from '../pathway/time-limit.repository.ts';
import { KOMMUNE, TSB } from './demo-accounts.ts';
import { DemoPathway, type DemoStaff, insertRows, PathwayRows } from './demo-pathway.ts';
import { planFor } from './demo-plans.ts';
import { buildPathway } from './demo-scenarios.ts';
import { seededRandom, syntheticPerson } from './synthetic.ts';

const DAY = 86_400_000;
const BATCH = 1000;

/**
 * Adds synthetic persons number `from` .. `to - 1` with care relations, consents, ratings and their care
 * pathway (demo-scenarios.ts), made by the pathway rules with the time limits configured in the database.
 */
export async function addPersons(db: Database, from: number, to: number, now: Date) {
  const o = db.owner;
  const staff = await o
    .selectFrom('account')
    .select(['id', 'tenant_id', 'username', 'role', 'unit_id', 'display_name'])
    .where('role', 'in', ['clinician', 'milieu', 'municipal'])
    // The duty contact (vakt) follows no one: she is told when help is not taken (decision 0015).
    .where('duty_contact', '=', false)
    .execute();
  const byName = new Map(staff.map((s) => [s.username, s]));
  const tsbStaff = staff.filter((s) => s.tenant_id === TSB);
  const municipalStaff = staff.filter((s) => s.tenant_id === KOMMUNE);
  const behandler = byName.get('behandler')!;
  const kommune = byName.get('kommune')!;
  const miljo = byName.get('miljo')!;
  // Clinicians without a demo login take responsibility for the episodes of persons a milieu therapist follows.
  const responsibles = tsbStaff.filter((s) => s.role === 'clinician' && s !== behandler);
  const limits = await timeLimits(o);
  const today = osloDate(now);

  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    const persons = [];
    const plans: { tsb: boolean; n: number; rnd: () => number }[] = [];
    for (let n = start; n < end; n++) {
      const rnd = seededRandom(n * 7919 + 17);
      const p = syntheticPerson(rnd, n, now);
      // One in eight persons is known only to the municipality (never referred to TSB).
      const tsb = n % 8 !== 0;
      plans.push({ tsb, n, rnd });
      persons.push({
        tenant_id: tsb ? TSB : KOMMUNE,
        national_id: p.nationalId,
        given_name: p.givenName,
        family_name: p.familyName,
        birth_date: p.birthDate,
        gender: p.gender,
        municipality: 'Fjordvik',
        primary_substance: p.primarySubstance,
      });
    }
    const inserted = await o.insertInto('person').values(persons).returning(['id', 'tenant_id']).execute();
    const rows = new PathwayRows();
    const pathway = new DemoPathway(rows, limits, now, today);
    const ratings: Insertable<LivingConditionRatingTable>[] = [];
    for (let i = 0; i < inserted.length; i++) {
      const person = inserted[i]!;
      const { tsb, n, rnd } = plans[i]!;
      const since = new Date(now.getTime() - Math.floor(10 + rnd() * 700) * DAY);
      // The demo clinician and municipal worker share only part of their caseloads.
      const clinician = n < 60 ? behandler : tsbStaff[n % tsbStaff.length]!;
      const follower = n >= 40 && n < 90 ? kommune : municipalStaff[n % municipalStaff.length]!;
      const rater = tsb ? clinician : follower;
      const own: (Insertable<LivingConditionRatingTable> & { rated_at: Date })[] = [];
      for (const domain of LivingConditionDomains) {
        if (rnd() < 0.25) continue;
        own.push({
          tenant_id: person.tenant_id,
          person_id: person.id,
          domain,
          rating: Ratings[Math.floor(rnd() * 3)]!,
          note: '',
          rated_at: new Date(since.getTime() + Math.floor(rnd() * 5) * DAY),
          rated_by: rater.id,
          rated_by_name: rater.display_name,
          rated_by_role: rater.role,
        });
      }
      ratings.push(...own);
      // Municipal follow-up: held by TSB (shared by consent) or by the municipality itself.
      const followUp = (tenant: string, fromAt: Date) => ({
        tenant_id: tenant,
        person_id: person.id,
        account_id: follower.id,
        organisation_id: KOMMUNE,
        kind: 'follow-up' as const,
        unit_id: follower.unit_id,
        from_at: fromAt,
        to_at: null,
      });
      if (!tsb) {
        rows.care_relation.push(followUp(KOMMUNE, since));
        continue;
      }
      const withMiljo = n % 5 === 0;
      const shared = n % 3 === 0 || (n >= 40 && n < 90);
      // Only persons some demo login already reaches get a pathway: the others stay outside every demo
      // login's reach (the "stranger" of the tests), and a pathway would put them on a leader's board.
      const reached = clinician === behandler || clinician === miljo || withMiljo || shared;
      const plan = reached ? planFor(n, seededRandom(n * 104_729 + 3)) : null;
      const responsible = clinician.role === 'clinician' ? clinician : responsibles[n % responsibles.length]!;
      const consentsBefore = rows.consent.length;
      let firstOn: string | null = null;
      if (plan) {
        firstOn = buildPathway(
          {
            demo: pathway,
            person: {
              tenantId: TSB,
              id: person.id,
              rnd: seededRandom(n * 15_485_863 + 11),
              ratings: own,
            },
            care: { unitId: clinician.unit_id!, responsible },
            worker: follower,
          },
          plan,
        );
        pathway.finish();
      }
      const careFrom =
        firstOn && new Date(`${firstOn}T08:00:00Z`) < since ? new Date(`${firstOn}T08:00:00Z`) : since;
      const careTeam = (account: DemoStaff, fromAt: Date, toAt: Date | null) => ({
        tenant_id: TSB,
        person_id: person.id,
        account_id: account.id,
        organisation_id: TSB,
        kind: 'care-team' as const,
        unit_id: account.unit_id,
        from_at: fromAt,
        to_at: toAt,
      });
      rows.care_relation.push(careTeam(clinician, careFrom, null));
      // The clinician responsible for the episodes is on the care team too (as the referral route makes them).
      if (plan && responsible !== clinician) rows.care_relation.push(careTeam(responsible, careFrom, null));
      if (withMiljo) rows.care_relation.push(careTeam(miljo, since, new Date(since.getTime() + 56 * DAY)));
      // A handover already shared the record with the municipality under consent (handover.routes.ts).
      const handedOver = rows.consent
        .slice(consentsBefore)
        .some((c) => c.expires_at && new Date(c.expires_at) > now);
      if (shared && !handedOver) {
        rows.care_relation.push(followUp(TSB, since));
        rows.consent.push({
          tenant_id: TSB,
          person_id: person.id,
          grantee_organisation_id: KOMMUNE,
          purpose: 'Oppfølging i kommunen',
          given_at: since,
          expires_at: new Date(now.getTime() + 365 * DAY),
          recorded_by: clinician.id,
        });
      }
    }
    await o.transaction().execute(async (trx) => {
      await insertRows(trx, rows);
      if (ratings.length) await trx.insertInto('living_condition_rating').values(ratings).execute();
    });
  }
  // Vacuumed as a settled database is: the deadline board counts from the index alone (index-only scan),
  // which needs the visibility map that vacuum sets.
  await sql`vacuum (analyze) pathway_deadline`.execute(o);
  await sql`analyze`.execute(o);
}
