import type { ColumnType, Generated } from 'kysely';

/** The tables as Kysely sees them. Keep in step with migrations/. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganisationTable {
  tenant_id: string;
  id: string;
  name: string;
  kind: 'tsb' | 'municipality';
  created_at: Generated<Date>;
}

export interface UnitTable {
  tenant_id: string;
  id: string;
  name: string;
  kind: 'inpatient' | 'outpatient' | 'follow-up' | 'administration';
}

export interface AccountTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  display_name: string;
  role: string;
  unit_id: string | null;
  person_id: string | null;
  password_hash: string;
  totp_secret: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  tenant_id: string;
  id: Generated<string>;
  account_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_minutes: number;
  absolute_hours: number;
  revoked_at: Timestamp | null;
}

export interface PersonTable {
  tenant_id: string;
  id: Generated<string>;
  national_id: string;
  given_name: string;
  family_name: string;
  birth_date: ColumnType<string, string, string>;
  gender: 'female' | 'male' | 'other' | 'unknown';
  municipality: string | null;
  primary_substance: string | null;
  about_me: Generated<string>;
  strengths: Generated<string>;
  about_me_updated_at: Timestamp | null;
  about_me_updated_by: string | null;
  created_at: Generated<Date>;
}

export interface CareRelationTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  account_id: string;
  organisation_id: string;
  kind: 'care-team' | 'follow-up';
  unit_id: string | null;
  from_at: Timestamp;
  to_at: Timestamp | null;
}

export interface ConsentTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  grantee_organisation_id: string;
  purpose: string;
  given_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  recorded_by: string | null;
}

export interface BreakGlassTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  account_id: string;
  reason: string;
  opened_at: Timestamp;
  expires_at: Timestamp;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export interface LivingConditionRatingTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  domain: string;
  rating: string;
  note: string;
  rated_at: Timestamp;
  rated_by: string;
  rated_by_name: string;
  rated_by_role: string;
}

export interface AuditEventTable {
  tenant_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  at: Timestamp;
  actor_account_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string;
  action: string;
  person_id: string | null;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  break_glass_reason: string | null;
  chain_position: ColumnType<string | null, never, string>;
  previous_hash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
}

export interface StaffDirectoryView {
  tenant_id: string;
  id: string;
  display_name: string;
  role: string;
  unit_id: string | null;
}

export interface DB {
  organisation: OrganisationTable;
  unit: UnitTable;
  account: AccountTable;
  session: SessionTable;
  person: PersonTable;
  care_relation: CareRelationTable;
  consent: ConsentTable;
  break_glass: BreakGlassTable;
  living_condition_rating: LivingConditionRatingTable;
  audit_event: AuditEventTable;
  staff_directory: StaffDirectoryView;
}
