import type { IsoDate } from '../pathway/calendar.ts';
import type { PlanSection } from './plan.ts';

/**
 * What an entry holds beyond its text, by section. A goal says what success means to the person
 * (docs/domain/plans.md, CAP-15); a measure has an owner, a due date and an evaluation date (CAP-02); a
 * contact person may carry an agreement to be called before using (M-07); a crisis contact has a phone number
 * (M-08).
 */
export interface EntryFields {
  text: string;
  successMeans?: string | null;
  ownerAccountId?: string | null;
  dueOn?: IsoDate | null;
  evaluateOn?: IsoDate | null;
  phone?: string | null;
  contactBeforeUse?: boolean | null;
  networkMemberId?: string | null;
}

type OptionalField = Exclude<keyof EntryFields, 'text'>;

const FIELDS_OF: Partial<Record<PlanSection, readonly OptionalField[]>> = {
  goal: ['successMeans'],
  measure: ['ownerAccountId', 'dueOn', 'evaluateOn'],
  'contact-person': ['phone', 'contactBeforeUse', 'networkMemberId'],
  contact: ['phone', 'networkMemberId'],
};

const REQUIRED_OF: Partial<Record<PlanSection, readonly OptionalField[]>> = {
  measure: ['ownerAccountId', 'dueOn'],
};

export interface EntryProblem {
  field: keyof EntryFields;
  problem: 'required' | 'not-for-section' | 'empty';
}

const isSet = (v: unknown) => v !== undefined && v !== null;

/** Fields the section does not have, required fields missing, and an empty text: refused (400). */
export function checkEntry(section: PlanSection, fields: EntryFields): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (fields.text.trim() === '') problems.push({ field: 'text', problem: 'empty' });
  const allowed = FIELDS_OF[section] ?? [];
  for (const key of Object.keys(fields) as (keyof EntryFields)[]) {
    if (key === 'text' || !isSet(fields[key])) continue;
    if (!allowed.includes(key)) problems.push({ field: key, problem: 'not-for-section' });
  }
  for (const key of REQUIRED_OF[section] ?? []) {
    if (!isSet(fields[key])) problems.push({ field: key, problem: 'required' });
  }
  return problems;
}

/**
 * When a measure is evaluated: the date given, else the pathway's next evaluation point
 * (docs/domain/pathway.md, P-34: the plan is evaluated with the person at each evaluation), else none yet.
 */
export function measureEvaluationDate(
  given: IsoDate | null | undefined,
  pathwayNextEvaluation: IsoDate | null,
): IsoDate | null {
  return given ?? pathwayNextEvaluation;
}

export type EntryWarning =
  | { code: 'due-date-passed'; dueOn: IsoDate }
  | { code: 'evaluation-after-pathway-evaluation'; evaluateOn: IsoDate; pathwayEvaluation: IsoDate };

/**
 * What is shown with a measure but never refused (docs/domain/care-principles.md, U-13): a past due date, a
 * late evaluation.
 */
export function entryWarnings(
  section: PlanSection,
  fields: EntryFields,
  today: IsoDate,
  pathwayNextEvaluation: IsoDate | null,
): EntryWarning[] {
  if (section !== 'measure') return [];
  const warnings: EntryWarning[] = [];
  if (fields.dueOn && fields.dueOn < today) warnings.push({ code: 'due-date-passed', dueOn: fields.dueOn });
  if (fields.evaluateOn && pathwayNextEvaluation && fields.evaluateOn > pathwayNextEvaluation) {
    warnings.push({
      code: 'evaluation-after-pathway-evaluation',
      evaluateOn: fields.evaluateOn,
      pathwayEvaluation: pathwayNextEvaluation,
    });
  }
  return warnings;
}
