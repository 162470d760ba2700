import type { LivingConditionDomain, Rating } from './living-conditions.ts';

/** JSON shapes of /api/persons…; dates arrive as ISO strings. */

export interface CaseloadEntry {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  relation: 'care-team' | 'follow-up';
  organisationName: string;
  since: string;
}

export interface RatingView {
  id: string;
  domain: LivingConditionDomain;
  rating: Rating;
  note: string;
  ratedAt: string;
  ratedBy: { id: string; name: string; role: string };
}

export interface CareTeamMember {
  accountId: string;
  name: string;
  role: string;
  organisationName: string;
  kind: string;
  from: string;
  to: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
}

export interface PersonOverview {
  id: string;
  /** The organisation holding the record. */
  organisationId: string;
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: string;
  municipality: string | null;
  aboutMe: string;
  strengths: string;
  aboutMeUpdatedAt: string | null;
  /** A staff member's name, the word 'person' when the person wrote it, or null. */
  aboutMeWrittenBy: { kind: 'person' } | { kind: 'staff'; name: string } | null;
  livingConditions: { domain: LivingConditionDomain; current: RatingView | null }[];
  completeness: { rated: number; of: number };
  careTeam: CareTeamMember[];
  organisations: Organisation[];
}

export interface PersonResponse {
  person: PersonOverview;
  access: { basis: 'own-record' | 'care-relation' | 'break-glass'; viaConsent: boolean };
}
