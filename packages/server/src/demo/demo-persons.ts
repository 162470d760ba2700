import { LivingConditionDomains, Ratings } from '@bedring/domain';
import { type Insertable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CareRelationTable, ConsentTable, LivingConditionRatingTable } from '../db/schema.ts';
import { KOMMUNE, TSB } from './demo.ts';
import { seededRandom, syntheticPerson } from './synthetic.ts';

const DAY = 86_400_000;
const BATCH = 1000;

/** Adds synthetic persons number `from` .. `to - 1` with care relations, consents and ratings. */
export async function addPersons(db: Database, from: number, to: number, now: Date) {
  const o = db.owner;
  const staff = await o
    .selectFrom('account')
    .select(['id', 'tenant_id', 'username', 'role', 'unit_id', 'display_name'])
    .where('role', 'in', ['clinician', 'milieu', 'municipal'])
    .execute();
  const byName = new Map(staff.map((s) => [s.username, s]));
  const tsbStaff = staff.filter((s) => s.tenant_id === TSB);
  const municipalStaff = staff.filter((s) => s.tenant_id === KOMMUNE);
  const behandler = byName.get('behandler')!;
  const kommune = byName.get('kommune')!;
  const miljo = byName.get('miljo')!;

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
    const relations: Insertable<CareRelationTable>[] = [];
    const consents: Insertable<ConsentTable>[] = [];
    const ratings: Insertable<LivingConditionRatingTable>[] = [];
    for (let i = 0; i < inserted.length; i++) {
      const person = inserted[i]!;
      const { tsb, n, rnd } = plans[i]!;
      const since = new Date(now.getTime() - Math.floor(10 + rnd() * 700) * DAY);
      // The demo clinician and municipal worker share only part of their caseloads.
      const clinician = n < 60 ? behandler : tsbStaff[n % tsbStaff.length]!;
      const follower = n >= 40 && n < 90 ? kommune : municipalStaff[n % municipalStaff.length]!;
      // Municipal follow-up: held by TSB (shared by consent) or by the municipality itself.
      const followUp = (tenant: string): Insertable<CareRelationTable> => ({
        tenant_id: tenant,
        person_id: person.id,
        account_id: follower.id,
        organisation_id: KOMMUNE,
        kind: 'follow-up',
        unit_id: follower.unit_id,
        from_at: since,
        to_at: null,
      });
      if (tsb) {
        relations.push({
          tenant_id: TSB,
          person_id: person.id,
          account_id: clinician.id,
          organisation_id: TSB,
          kind: 'care-team' as const,
          unit_id: clinician.unit_id,
          from_at: since,
          to_at: null,
        });
        if (n % 5 === 0) {
          relations.push({
            tenant_id: TSB,
            person_id: person.id,
            account_id: miljo.id,
            organisation_id: TSB,
            kind: 'care-team' as const,
            unit_id: miljo.unit_id,
            from_at: since,
            to_at: new Date(since.getTime() + 56 * DAY),
          });
        }
        if (n % 3 === 0 || (n >= 40 && n < 90)) {
          relations.push(followUp(TSB));
          consents.push({
            tenant_id: TSB,
            person_id: person.id,
            grantee_organisation_id: KOMMUNE,
            purpose: 'Oppfølging i kommunen',
            given_at: since,
            expires_at: new Date(now.getTime() + 365 * DAY),
            recorded_by: clinician.id,
          });
        }
      } else {
        relations.push(followUp(KOMMUNE));
      }
      const rater = tsb ? clinician : follower;
      for (const domain of LivingConditionDomains) {
        if (rnd() < 0.25) continue;
        ratings.push({
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
    }
    await o.transaction().execute(async (trx) => {
      await trx.insertInto('care_relation').values(relations).execute();
      if (consents.length) await trx.insertInto('consent').values(consents).execute();
      if (ratings.length) await trx.insertInto('living_condition_rating').values(ratings).execute();
    });
  }
  await sql`analyze`.execute(o);
}
