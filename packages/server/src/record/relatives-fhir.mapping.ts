import { type RelativeView, say } from '@bedring/contract';
import type { RelativeRole } from '@bedring/domain';
import type { Extension, RelatedPerson } from '@medplum/fhirtypes';

/**
 * The record's list of children and relatives as FHIR RelatedPersons (docs/decisions/0019-relatives-and-risk.md).
 * The person's network map is RelatedPerson too (plan/plan-fhir.mapping.ts): the two lists are told apart by
 * a tag in `meta.tag` of one code system, `relatives` here and `network-map` there, and searched together
 * by patient (fhir/related-person.routes.ts).
 */
export const RELATED_PERSON_LIST_SYSTEM = 'https://bedring.no/fhir/CodeSystem/related-person-list';
export const RELATIVES_TAG = { system: RELATED_PERSON_LIST_SYSTEM, code: 'relatives' } as const;
/** `child`, or a relative's role: partner, parent, sibling, friend, other. */
export const RELATIVE_ROLE_SYSTEM = 'https://bedring.no/fhir/CodeSystem/relative-role';

const SD = 'https://bedring.no/fhir/StructureDefinition';
/** What the list records that RelatedPerson has no element for. */
export const RELATIVE_EXT = {
  caredForBy: `${SD}/child-cared-for-by`,
  spokenWith: `${SD}/child-spoken-with`,
  spokenWithOn: `${SD}/child-spoken-with-on`,
  followUp: `${SD}/child-follow-up`,
  coordinatorInformed: `${SD}/child-coordinator-informed`,
  mayContact: `${SD}/relative-may-contact`,
  mayInform: `${SD}/relative-may-inform`,
  note: `${SD}/relative-note`,
  changedBy: `${SD}/relative-changed-by`,
} as const;

const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
/**
 * The HL7 v3 RoleCode of each: a child is the generic CHILD (the list keeps no sex, only the birth year);
 * "other" has none and is coded in Bedring's system only.
 */
const ROLE_CODE: Record<'child' | RelativeRole, { code: string; display: string } | null> = {
  child: { code: 'CHILD', display: 'child' },
  partner: { code: 'SIGOTHR', display: 'significant other' },
  parent: { code: 'PRN', display: 'parent' },
  sibling: { code: 'SIB', display: 'sibling' },
  friend: { code: 'FRND', display: 'unrelated friend' },
  other: null,
};

/**
 * A child or a relative on the record's list: the relationship coded, the child's birth year as `birthDate`
 * (a year is a FHIR date; the list never holds a national id), what is agreed for the child and the
 * person's consent in extensions, the last change in `meta.lastUpdated`. Labels are the catalogue's (bokmål).
 */
export function toRelativeRelatedPerson(r: RelativeView, personId: string): RelatedPerson {
  const code = r.kind === 'child' ? 'child' : (r.role ?? 'other');
  const v3 = ROLE_CODE[code];
  const text = say(
    r.kind === 'child' ? 'labels.relativeKinds.child' : `labels.relativeRoles.${code as RelativeRole}`,
  );
  const extension: Extension[] = [];
  if (r.kind === 'child') {
    if (r.caredForBy) extension.push({ url: RELATIVE_EXT.caredForBy, valueString: r.caredForBy });
    if (r.spokenWith !== null) extension.push({ url: RELATIVE_EXT.spokenWith, valueBoolean: r.spokenWith });
    if (r.spokenWithOn) extension.push({ url: RELATIVE_EXT.spokenWithOn, valueDate: r.spokenWithOn });
    if (r.followUp) extension.push({ url: RELATIVE_EXT.followUp, valueString: r.followUp });
    extension.push({ url: RELATIVE_EXT.coordinatorInformed, valueBoolean: r.coordinatorInformed });
  }
  extension.push(
    { url: RELATIVE_EXT.mayContact, valueBoolean: r.mayContact },
    { url: RELATIVE_EXT.mayInform, valueBoolean: r.mayInform },
  );
  if (r.note) extension.push({ url: RELATIVE_EXT.note, valueString: r.note });
  extension.push({ url: RELATIVE_EXT.changedBy, valueString: r.changedBy });
  return {
    resourceType: 'RelatedPerson',
    id: r.id,
    meta: { lastUpdated: r.changedAt, tag: [{ ...RELATIVES_TAG }] },
    extension,
    active: true,
    patient: { reference: `Patient/${personId}` },
    relationship: [
      {
        coding: [
          { system: RELATIVE_ROLE_SYSTEM, code, display: text },
          ...(v3 ? [{ system: V3_ROLE_CODE, ...v3 }] : []),
        ],
        text,
      },
    ],
    name: [{ text: r.name }],
    ...(r.birthYear !== null ? { birthDate: String(r.birthYear) } : {}),
  };
}
