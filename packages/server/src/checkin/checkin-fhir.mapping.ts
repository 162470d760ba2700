import {
  CHECKIN_URL,
  CHECKIN_VERSION,
  type CheckinInput,
  checkinItems,
  type SignalFinding,
  signalText,
} from '@bedring/domain';
import type { Flag, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { CheckinRow } from './checkin.repository.ts';

/**
 * Check-ins as QuestionnaireResponses to bedring-checkin, and signals as Flags
 * (docs/decisions/0007-checkins-and-signals.md).
 */

export const SIGNAL_SYSTEM = 'https://bedring.no/fhir/CodeSystem/signal';

export function toCheckinResponse(
  r: CheckinRow,
  signTexts: ReadonlyMap<string, string>,
): QuestionnaireResponse {
  const input: CheckinInput = {
    id: r.id,
    madeAt: r.made_at.toISOString(),
    mood: r.mood as CheckinInput['mood'],
    craving: r.craving,
    sleep: r.sleep as CheckinInput['sleep'],
    use: r.use as CheckinInput['use'],
    substance: r.substance,
    amount: r.amount,
    riskySituation: r.risky_situation,
    warningSigns: r.warning_signs,
    note: r.note,
  };
  const signs = r.warning_signs.map((id) => ({ id, text: signTexts.get(id) ?? '' }));
  return {
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    questionnaire: `${CHECKIN_URL}|${CHECKIN_VERSION}`,
    status: 'completed',
    subject: { reference: `Patient/${r.person_id}` },
    authored: r.made_at.toISOString(),
    author: { reference: `Patient/${r.person_id}` },
    source: { reference: `Patient/${r.person_id}` },
    item: checkinItems(input, signs),
  };
}

export interface SignalRow {
  id: string;
  person_id: string;
  kind: string;
  finding: unknown;
  raised_at: Date;
  acknowledged_at: Date | null;
}

/** A signal as a Flag: active until acknowledged, its explanation in words as code.text. */
export function toFlag(r: SignalRow): Flag {
  const finding = r.finding as SignalFinding;
  return {
    resourceType: 'Flag',
    id: r.id,
    status: r.acknowledged_at ? 'inactive' : 'active',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/flag-category',
            code: 'behavioral',
            display: 'Behavioral',
          },
        ],
      },
    ],
    code: {
      coding: [{ system: SIGNAL_SYSTEM, code: r.kind }],
      text: signalText({ kind: r.kind as SignalFinding['kind'], explanation: finding.explanation }, 'nb'),
    },
    subject: { reference: `Patient/${r.person_id}` },
    period: {
      start: r.raised_at.toISOString(),
      ...(r.acknowledged_at ? { end: r.acknowledged_at.toISOString() } : {}),
    },
  };
}
