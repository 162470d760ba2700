import { CRAVING_MAX, FREE_TEXT_MAX, Moods, NOTE_MAX, Sleeps } from '@bedring/domain';
import { Type } from '@sinclair/typebox';
import { Text, Uuid } from './common.contract.ts';

export const NewCheckin = Type.Object(
  {
    id: Uuid,
    madeAt: Type.String({ format: 'date-time' }),
    mood: Type.Integer({ minimum: 1, maximum: Moods.length }),
    craving: Type.Integer({ minimum: 0, maximum: CRAVING_MAX }),
    sleep: Type.Integer({ minimum: 1, maximum: Sleeps.length }),
    use: Type.Union([Type.Literal('none'), Type.Literal('lapse'), Type.Literal('use')]),
    substance: Type.Optional(Type.Union([Text(FREE_TEXT_MAX), Type.Null()])),
    amount: Type.Optional(Type.Union([Text(FREE_TEXT_MAX), Type.Null()])),
    riskySituation: Type.Boolean(),
    warningSigns: Type.Array(Uuid, { maxItems: 50 }),
    note: Type.Optional(Type.Union([Text(NOTE_MAX), Type.Null()])),
  },
  { additionalProperties: false },
);

export const CheckinQuery = Type.Object(
  // Query strings are strings (no type coercion): 1–366 days.
  { days: Type.Optional(Type.String({ pattern: '^(36[0-6]|3[0-5][0-9]|[12]?[0-9]?[0-9])$' })) },
  { additionalProperties: false },
);

export const Reminder = Type.Object(
  { remindAt: Type.Union([Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), Type.Null()]) },
  { additionalProperties: false },
);

export const SignalParams = Type.Object({ signalId: Uuid }, { additionalProperties: false });
export const UnitParams = Type.Object({ unitId: Uuid }, { additionalProperties: false });

export const AcknowledgeSignal = Type.Object({ note: Text(2000) }, { additionalProperties: false });

export const HelpRequest = Type.Object(
  {
    // Made on the device: a request sent again after being offline is the same request.
    id: Uuid,
    madeAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const SignalRules = Type.Object(
  { rules: Type.Array(Type.Unknown(), { maxItems: 20 }) },
  { additionalProperties: false },
);
