import type { Questionnaire, QuestionnaireItem, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { CheckinInput, WarningSign } from './checkin.ts';

/**
 * The check-in as FHIR sees it (docs/domain/fhir.md: a QuestionnaireResponse authored
 * by the person; docs/decisions/0007-checkins-and-signals.md): a Questionnaire with id `bedring-checkin`, and
 * each check-in a QuestionnaireResponse to it. The warning-sign item has no fixed options: they are the early
 * warning signs of the person's own plans, given as codings of the plan entries, so the same Questionnaire
 * fits everyone.
 */
export const CHECKIN_QUESTIONNAIRE_ID = 'bedring-checkin';
export const CHECKIN_URL = 'https://bedring.no/fhir/Questionnaire/bedring-checkin';
export const CHECKIN_VERSION = '1';
/** The code system of the plan-entry codings in a response: the entry's id, its words as display. */
export const PLAN_ENTRY_SYSTEM = 'https://bedring.no/fhir/CodeSystem/plan-entry';
const USE_SYSTEM = 'https://bedring.no/fhir/CodeSystem/checkin-use';

const option = (code: string | number, display: string) => ({
  valueCoding: { system: USE_SYSTEM, code: String(code), display },
});

/** An integer answer's bounds, as the standard minValue/maxValue extensions. */
const range = (min: number, max: number) => [
  { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: min },
  { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: max },
];

const ITEMS: QuestionnaireItem[] = [
  {
    linkId: 'mood',
    text: 'Hvordan har du det i dag?',
    type: 'integer',
    required: true,
    extension: range(1, 5),
  },
  {
    linkId: 'craving',
    text: 'Hvor sterkt er suget etter rus i dag? (0–10)',
    type: 'integer',
    required: true,
    extension: range(0, 10),
  },
  {
    linkId: 'sleep',
    text: 'Hvordan sov du i natt?',
    type: 'integer',
    required: true,
    extension: range(1, 3),
  },
  {
    linkId: 'use',
    text: 'Har du brukt rusmidler i dag?',
    type: 'choice',
    required: true,
    answerOption: [option('none', 'Nei'), option('lapse', 'Ja, et tilbakefall'), option('use', 'Ja')],
  },
  { linkId: 'substance', text: 'Hva (valgfritt)', type: 'string' },
  { linkId: 'amount', text: 'Hvor mye (valgfritt)', type: 'string' },
  {
    linkId: 'risky-situation',
    text: 'Har du vært i en situasjon som er risikabel for deg?',
    type: 'boolean',
  },
  {
    linkId: 'warning-sign',
    text: 'Varseltegn fra planen din som du kjenner igjen i dag',
    type: 'choice',
    repeats: true,
  },
  { linkId: 'note', text: 'Vil du skrive noe mer? (valgfritt)', type: 'text' },
];

export function checkinQuestionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: CHECKIN_QUESTIONNAIRE_ID,
    url: CHECKIN_URL,
    version: CHECKIN_VERSION,
    name: 'BedringCheckin',
    title: 'Daglig innsjekk',
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'Bedring',
    description:
      'Bedrings daglige innsjekk: humør, sug, søvn, bruk, risikable situasjoner og varseltegn fra ' +
      'personens egen plan. Varseltegnene er oppføringer i planen (kodesystem plan-entry).',
    item: ITEMS,
  };
}

/** A check-in's answers as QuestionnaireResponse items, in the Questionnaire's order. */
export function checkinItems(c: CheckinInput, signs: readonly WarningSign[]): QuestionnaireResponseItem[] {
  const text = (linkId: string) => ITEMS.find((i) => i.linkId === linkId)?.text;
  const item = (linkId: string, answer: QuestionnaireResponseItem['answer']): QuestionnaireResponseItem => ({
    linkId,
    text: text(linkId),
    answer,
  });
  const useOption = ITEMS.find((i) => i.linkId === 'use')!.answerOption!.find(
    (o) => o.valueCoding?.code === c.use,
  )!;
  const byId = new Map(signs.map((s) => [s.id, s.text]));
  const out = [
    item('mood', [{ valueInteger: c.mood }]),
    item('craving', [{ valueInteger: c.craving }]),
    item('sleep', [{ valueInteger: c.sleep }]),
    item('use', [{ valueCoding: useOption.valueCoding }]),
  ];
  if (c.substance) out.push(item('substance', [{ valueString: c.substance }]));
  if (c.amount) out.push(item('amount', [{ valueString: c.amount }]));
  out.push(item('risky-situation', [{ valueBoolean: c.riskySituation }]));
  if (c.warningSigns.length > 0) {
    out.push(
      item(
        'warning-sign',
        c.warningSigns.map((id) => ({
          valueCoding: { system: PLAN_ENTRY_SYSTEM, code: id, display: byId.get(id) ?? '' },
        })),
      ),
    );
  }
  if (c.note) out.push(item('note', [{ valueString: c.note }]));
  return out;
}
