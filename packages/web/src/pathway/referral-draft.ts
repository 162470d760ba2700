import type { Gender, ReferralBody } from '@bedring/contract';
import type { FieldErrors } from '../form/field.component.tsx';
import type { ReferralChecklist, ReferrerKind } from './pathway.ts';

/** The referral form's state, its checks and the body it sends (POST /api/referrals). */
export interface Draft {
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: Gender | '';
  unitId: string;
  receivedOn: string;
  referrerKind: ReferrerKind | '';
  referrerName: string;
  referrerOrganisation: string;
  reason: string;
  checklist: ReferralChecklist;
  coordinatorName: string;
  coordinatorContact: string;
}

export type DraftField = Exclude<keyof Draft, 'checklist'>;

/** Fields in the order they appear, so the error summary lists them top to bottom. */
export const ORDER: DraftField[] = [
  'nationalId',
  'givenName',
  'familyName',
  'birthDate',
  'gender',
  'unitId',
  'receivedOn',
  'referrerKind',
  'referrerName',
  'coordinatorName',
];

/** What must be right before the server can take the referral: facts, not clinical judgements. */
export function validate(d: Draft, today: string): FieldErrors<DraftField> {
  const e: FieldErrors<DraftField> = {};
  if (!/^\d{11}$/.test(d.nationalId.trim())) e.nationalId = 'work.referral.errors.nationalId';
  if (!d.givenName.trim()) e.givenName = 'work.referral.errors.givenName';
  if (!d.familyName.trim()) e.familyName = 'work.referral.errors.familyName';
  if (!d.birthDate) e.birthDate = 'work.referral.errors.birthDate';
  else if (d.birthDate > today) e.birthDate = 'work.dates.future';
  if (!d.gender) e.gender = 'work.referral.errors.gender';
  if (!d.unitId) e.unitId = 'work.referral.errors.unitId';
  if (!d.receivedOn) e.receivedOn = 'work.referral.errors.receivedOn';
  else if (d.receivedOn > today) e.receivedOn = 'work.dates.future';
  if (!d.referrerKind) e.referrerKind = 'work.referral.errors.referrerKind';
  if (!d.referrerName.trim()) e.referrerName = 'work.referral.errors.referrerName';
  if (d.coordinatorContact.trim() && !d.coordinatorName.trim())
    e.coordinatorName = 'work.referral.errors.coordinatorName';
  return e;
}

export function toBody(d: Draft): ReferralBody {
  const organisation = d.referrerOrganisation.trim();
  const reason = d.reason.trim();
  const coordinator = d.coordinatorName.trim();
  const contact = d.coordinatorContact.trim();
  return {
    person: {
      nationalId: d.nationalId.trim(),
      givenName: d.givenName.trim(),
      familyName: d.familyName.trim(),
      birthDate: d.birthDate,
      gender: d.gender as Gender,
    },
    unitId: d.unitId,
    referrer: {
      kind: d.referrerKind as ReferrerKind,
      name: d.referrerName.trim(),
      ...(organisation ? { organisation } : {}),
    },
    receivedOn: d.receivedOn,
    ...(reason ? { reason } : {}),
    checklist: d.checklist,
    ...(coordinator ? { coordinator: { name: coordinator, ...(contact ? { contact } : {}) } } : {}),
  };
}

export const emptyDraft = (today: string): Draft => ({
  nationalId: '',
  givenName: '',
  familyName: '',
  birthDate: '',
  gender: '',
  unitId: '',
  receivedOn: today,
  referrerKind: '',
  referrerName: '',
  referrerOrganisation: '',
  reason: '',
  checklist: {},
  coordinatorName: '',
  coordinatorContact: '',
});
