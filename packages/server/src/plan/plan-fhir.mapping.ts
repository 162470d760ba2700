import { say, type WordKey } from '@bedring/contract';
import {
  AllPlanSections,
  type NetworkRelation,
  NetworkRelations,
  type PlanKind,
  type PlanPart,
  type PlanSection,
} from '@bedring/domain';
import type {
  Annotation,
  CarePlan,
  CarePlanActivity,
  CarePlanActivityDetail,
  CodeableConcept,
  Consent,
  ConsentProvision,
  Extension,
  Goal,
  Patient,
  Practitioner,
  Reference,
  RelatedPerson,
} from '@medplum/fhirtypes';
import type { plansOf } from './plan.repository.ts';

/**
 * The person's plans as FHIR R4 (docs/domain/fhir.md; docs/decisions/0006-plans.md): each plan kind a
 * CarePlan with a coded category, the person's goals Goals (expressedBy the Patient where they wrote them),
 * the network map RelatedPersons, and a consent's sharing a Consent whose nested provisions name the plan
 * parts it opens. Promises are Tasks (pathway/pathway-fhir.mapping.ts). Bedring's codes and extensions live
 * under the same bases as the pathway's.
 */
const CS = 'https://bedring.no/fhir/CodeSystem';
const SD = 'https://bedring.no/fhir/StructureDefinition';

export const CARE_PLAN_CATEGORY_SYSTEM = `${CS}/care-plan-category`;
export const PLAN_SECTION_SYSTEM = `${CS}/plan-section`;
export const PLAN_PART_SYSTEM = `${CS}/plan-part`;
export const NETWORK_RELATION_SYSTEM = `${CS}/network-relation`;
export const NETWORK_QUALITY_SYSTEM = `${CS}/network-quality`;
export const CONSENT_PURPOSE_SYSTEM = `${CS}/consent-purpose`;
/**
 * The network map's tag: the record's list of children and relatives is RelatedPerson too, tagged
 * `relatives` in the same system (record/relatives-fhir.mapping.ts, docs/decisions/0019-relatives-and-risk.md).
 */
export const NETWORK_MAP_TAG = { system: `${CS}/related-person-list`, code: 'network-map' } as const;

export const PLAN_EXT = {
  writtenBy: `${SD}/written-by`,
  author: `${SD}/entry-author`,
  successMeans: `${SD}/success-means`,
  evaluateOn: `${SD}/evaluate-on`,
  contactBeforeUse: `${SD}/contact-before-use`,
  phone: `${SD}/contact-phone`,
  reviewOn: `${SD}/review-date`,
  coSignature: `${SD}/co-signature`,
  relationQuality: `${SD}/relation-quality`,
  crisisRole: `${SD}/crisis-role`,
  contactConsent: `${SD}/contact-consent`,
  maySee: `${SD}/may-see`,
} as const;

/**
 * The category of each plan: English display in the code system, the Norwegian title as text; both the
 * catalogue's labels of the plan kinds (contract/src/words/plan.words.ts), as the export and the web show them.
 */
export const PLAN_CATEGORY: Record<PlanKind, { en: string; nb: string }> = {
  treatment: planKindLabel('treatment'),
  'relapse-prevention': planKindLabel('relapse-prevention'),
  crisis: planKindLabel('crisis'),
};
function planKindLabel(kind: PlanKind) {
  const key: WordKey = `labels.planKind.${kind}`;
  return { en: say(key, {}, 'en'), nb: say(key) };
}

/** The catalogue's label of a section or a relation; a code it does not name is shown as it is. */
const sectionText = (code: string) =>
  (AllPlanSections as readonly string[]).includes(code) ? say(`labels.section.${code as PlanSection}`) : code;
const relationText = (code: string) =>
  (NetworkRelations as readonly string[]).includes(code)
    ? say(`labels.relation.${code as NetworkRelation}`)
    : code;

export type PlanView = Awaited<ReturnType<typeof plansOf>>[number];
type EntryView = PlanView['entries'][number];

const categoryOf = (kind: PlanKind): CodeableConcept => ({
  coding: [{ system: CARE_PLAN_CATEGORY_SYSTEM, code: kind, display: PLAN_CATEGORY[kind].en }],
  text: PLAN_CATEGORY[kind].nb,
});
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);
const day = (d: Date | string) => iso(d).slice(0, 10);

/** Whoever wrote something: the Patient when the person wrote it, else the Practitioner. */
export function writer(
  personId: string,
  writtenBy: string,
  author: { id: string; name: string | null },
): Reference<Patient | Practitioner> {
  return writtenBy === 'person'
    ? { reference: `Patient/${personId}`, ...(author.name ? { display: author.name } : {}) }
    : { reference: `Practitioner/${author.id}`, ...(author.name ? { display: author.name } : {}) };
}

function comments(personId: string, e: EntryView): Annotation[] {
  return e.comments.map((c) => ({
    authorReference: writer(personId, c.writtenBy, c.author),
    time: iso(c.createdAt),
    text: c.text,
  }));
}

function authorship(personId: string, e: EntryView): Extension[] {
  return [
    { url: PLAN_EXT.writtenBy, valueCode: e.writtenBy },
    { url: PLAN_EXT.author, valueReference: writer(personId, e.writtenBy, e.author) },
  ];
}

/**
 * An entry other than a goal: an activity whose detail.code is its section and description its words.
 * A measure has its owner as performer, its due date as scheduledPeriod.end and its evaluation date in an
 * extension; a contact person the network member as performer. Comments are the activity's progress.
 * Bedring does not record a measure as done, so an entry in force is in-progress, a retired one cancelled.
 */
function activityOf(personId: string, e: EntryView): CarePlanActivity {
  const performer: NonNullable<CarePlanActivityDetail['performer']> = [];
  if (e.owner)
    performer.push({
      reference: `Practitioner/${e.owner.id}`,
      ...(e.owner.name ? { display: e.owner.name } : {}),
    });
  if (e.networkMemberId) performer.push({ reference: `RelatedPerson/${e.networkMemberId}` });
  const extension: Extension[] = [...authorship(personId, e)];
  if (e.evaluateOn) extension.push({ url: PLAN_EXT.evaluateOn, valueDate: e.evaluateOn });
  if (e.contactBeforeUse !== null)
    extension.push({ url: PLAN_EXT.contactBeforeUse, valueBoolean: e.contactBeforeUse });
  if (e.phone) extension.push({ url: PLAN_EXT.phone, valueString: e.phone });
  const progress = comments(personId, e);
  return {
    ...(progress.length ? { progress } : {}),
    detail: {
      extension,
      code: {
        coding: [{ system: PLAN_SECTION_SYSTEM, code: e.section }],
        text: sectionText(e.section),
      },
      status: e.retired ? 'cancelled' : 'in-progress',
      ...(e.dueOn ? { scheduledPeriod: { end: e.dueOn } } : {}),
      ...(performer.length ? { performer } : {}),
      description: e.text,
    },
  };
}

/**
 * One plan (only a plan with content has an id, and so a CarePlan). `author` is whoever started it,
 * `contributor` everyone who wrote in it; the plan's version is meta.versionId; each co-signature is an
 * extension naming the version signed and whether it is still the current one. The crisis plan carries
 * the emergency numbers as a note, and its review date in an extension.
 */
export function toCarePlan(personId: string, plan: PlanView & { id: string }): CarePlan {
  const kind = plan.kind as PlanKind;
  const writers = new Map<string, Reference<Patient | Practitioner>>();
  for (const e of plan.entries) {
    const ref = writer(personId, e.writtenBy, e.author);
    writers.set(ref.reference ?? '', ref);
  }
  const first = plan.history[0];
  const started = first
    ? writer(personId, first.changedBy.role === 'patient' ? 'person' : 'staff', first.changedBy)
    : null;
  const extension: Extension[] = plan.signatures.map((s) => ({
    url: PLAN_EXT.coSignature,
    extension: [
      { url: 'version', valueInteger: s.version },
      { url: 'signer', valueReference: { reference: `Patient/${personId}`, display: s.signedBy.name } },
      { url: 'signed', valueDateTime: iso(s.signedAt) },
      { url: 'current', valueBoolean: s.current },
    ],
  }));
  if (plan.reviewOn) extension.push({ url: PLAN_EXT.reviewOn, valueDate: plan.reviewOn });
  const goals = plan.entries.filter((e) => e.section === 'goal');
  const activities = plan.entries.filter((e) => e.section !== 'goal');
  const numbers = 'emergencyNumbers' in plan ? (plan.emergencyNumbers ?? []) : [];
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    meta: {
      versionId: String(plan.version),
      ...(plan.changedAt ? { lastUpdated: iso(plan.changedAt) } : {}),
    },
    ...(extension.length ? { extension } : {}),
    status: 'active',
    intent: 'plan',
    category: [categoryOf(kind)],
    title: PLAN_CATEGORY[kind].nb,
    subject: { reference: `Patient/${personId}` },
    ...(first ? { created: iso(first.changedAt) } : {}),
    ...(started ? { author: started } : {}),
    ...(writers.size ? { contributor: [...writers.values()] } : {}),
    ...(goals.length ? { goal: goals.map((g) => ({ reference: `Goal/${g.id}` })) } : {}),
    ...(activities.length ? { activity: activities.map((e) => activityOf(personId, e)) } : {}),
    ...(numbers.length ? { note: [{ text: numbers.map((n) => `${n.label}: ${n.number}`).join('. ') }] } : {}),
  };
}

/**
 * A goal of the treatment plan in the person's own words (docs/domain/plans.md, CAP-15): description.text is
 * what they wrote, what success means to them an extension, and expressedBy the Patient when they wrote it
 * themself (a goal staff wrote down for them is expressedBy that Practitioner). Comments are notes.
 */
export function toGoal(personId: string, e: EntryView): Goal {
  const note = comments(personId, e);
  return {
    resourceType: 'Goal',
    id: e.id,
    extension: [
      ...authorship(personId, e),
      ...(e.successMeans ? [{ url: PLAN_EXT.successMeans, valueString: e.successMeans }] : []),
    ],
    lifecycleStatus: e.retired ? 'cancelled' : 'active',
    category: [categoryOf('treatment')],
    description: { text: e.text },
    subject: { reference: `Patient/${personId}` },
    startDate: day(e.createdAt),
    statusDate: day(e.changedAt),
    expressedBy: writer(personId, e.writtenBy, e.author),
    ...(note.length ? { note } : {}),
  };
}

export interface MemberRow {
  id: string;
  person_id: string;
  name: string;
  relation: string;
  quality: string;
  crisis_role: string;
  phone: string | null;
  contact_consent: boolean;
  may_see: string[];
  removed_at: Date | null;
}

/** The HL7 v3 RoleCode for the relations that have one; the rest only in Bedring's code system. */
const ROLE_CODE: Partial<Record<NetworkRelation, { code: string; display: string }>> = {
  family: { code: 'FAMMEMB', display: 'family member' },
  child: { code: 'CHILD', display: 'child' },
  friend: { code: 'FRND', display: 'unrelated friend' },
};

/**
 * A person or service in the network map (CAP-05, M-12): the relation coded, how it is now (supportive,
 * strained, risky, lost contact), their role in the crisis plan, whether they may be contacted and which
 * plans the person agreed they may be given.
 */
export function toRelatedPerson(m: MemberRow): RelatedPerson {
  const v3 = ROLE_CODE[m.relation as NetworkRelation];
  return {
    resourceType: 'RelatedPerson',
    id: m.id,
    meta: { tag: [{ ...NETWORK_MAP_TAG }] },
    extension: [
      { url: PLAN_EXT.relationQuality, valueCoding: { system: NETWORK_QUALITY_SYSTEM, code: m.quality } },
      { url: PLAN_EXT.contactConsent, valueBoolean: m.contact_consent },
      ...(m.crisis_role ? [{ url: PLAN_EXT.crisisRole, valueString: m.crisis_role }] : []),
      ...m.may_see.map((kind) => ({
        url: PLAN_EXT.maySee,
        valueCoding: { system: CARE_PLAN_CATEGORY_SYSTEM, code: kind },
      })),
    ],
    active: m.removed_at === null,
    patient: { reference: `Patient/${m.person_id}` },
    relationship: [
      {
        coding: [
          { system: NETWORK_RELATION_SYSTEM, code: m.relation },
          ...(v3 ? [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', ...v3 }] : []),
        ],
        text: relationText(m.relation),
      },
    ],
    name: [{ text: m.name }],
    ...(m.phone ? { telecom: [{ system: 'phone', value: m.phone }] } : {}),
  };
}

export interface ConsentRow {
  id: string;
  tenant_id: string;
  person_id: string;
  purpose: string;
  given_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  plan_parts: string[];
  organisation_id: string;
  organisation_name: string;
  active: boolean;
}

const PART_CLASS: Record<PlanPart, string[]> = {
  treatment: ['CarePlan', 'Goal'],
  'relapse-prevention': ['CarePlan'],
  crisis: ['CarePlan'],
  network: ['RelatedPerson'],
};
const PART_TEXT: Record<PlanPart, string> = {
  treatment: say('labels.planKind.treatment'),
  'relapse-prevention': say('labels.planKind.relapse-prevention'),
  crisis: say('labels.planKind.crisis'),
  network: say('labels.planPart.network'),
};

/**
 * A consent to share across organisations (docs/domain/law.md, "Consent to share"): the record opened to the
 * grantee organisation for the purpose, and nested permits for each plan part it names
 * (docs/decisions/0006-plans.md) — without one, the grantee sees nothing of that part. Revoked or expired is
 * inactive.
 */
export function toConsent(c: ConsentRow, plansByKind: ReadonlyMap<string, string>): Consent {
  const end = c.revoked_at ?? c.expires_at;
  const parts: ConsentProvision[] = (c.plan_parts as PlanPart[]).map((part) => {
    const planId = plansByKind.get(part);
    return {
      type: 'permit',
      class: PART_CLASS[part].map((code) => ({ system: 'http://hl7.org/fhir/resource-types', code })),
      code: [{ coding: [{ system: PLAN_PART_SYSTEM, code: part }], text: PART_TEXT[part] }],
      ...(planId ? { data: [{ meaning: 'instance', reference: { reference: `CarePlan/${planId}` } }] } : {}),
    };
  });
  return {
    resourceType: 'Consent',
    id: c.id,
    status: c.active ? 'active' : 'inactive',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
      text: say('fhir.consentScope'),
    },
    category: [
      {
        coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }],
        text: say('fhir.consentCategory'),
      },
    ],
    patient: { reference: `Patient/${c.person_id}` },
    dateTime: iso(c.given_at),
    performer: [{ reference: `Patient/${c.person_id}` }],
    organization: [{ reference: `Organization/${c.tenant_id}` }],
    policyRule: { text: say('fhir.consentPolicy') },
    provision: {
      type: 'permit',
      period: { start: iso(c.given_at), ...(end ? { end: iso(end) } : {}) },
      actor: [
        {
          role: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }],
          },
          reference: { reference: `Organization/${c.organisation_id}`, display: c.organisation_name },
        },
      ],
      action: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access' }] },
      ],
      purpose: [{ system: CONSENT_PURPOSE_SYSTEM, code: c.purpose }],
      ...(parts.length ? { provision: parts } : {}),
    },
  };
}
