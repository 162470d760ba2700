import { type TSchema, Type } from '@sinclair/typebox';
import { Day, Text, Uuid } from './common.contract.ts';

/** An instrument's id: the Questionnaire.id (FHIR id syntax). */
export const QuestionnaireId = Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' });

const Coding = Type.Object(
  {
    system: Type.Optional(Type.String({ maxLength: 500 })),
    code: Type.Optional(Type.String({ maxLength: 200 })),
    display: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const Quantity = Type.Object(
  {
    value: Type.Optional(Type.Number()),
    unit: Type.Optional(Type.String({ maxLength: 100 })),
    system: Type.Optional(Type.String({ maxLength: 500 })),
    code: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/**
 * A QuestionnaireResponse item tree in its FHIR shape. The schema fixes the shape; whether the answers
 * fit the instrument (types, options, required, skip logic, depth) is the domain's responseProblems.
 */
export const ResponseItem = Type.Recursive((Self: TSchema) =>
  Type.Object(
    {
      linkId: Type.String({ minLength: 1, maxLength: 200 }),
      text: Type.Optional(Type.String({ maxLength: 2000 })),
      definition: Type.Optional(Type.String({ maxLength: 500 })),
      answer: Type.Optional(
        Type.Array(
          Type.Object(
            {
              valueBoolean: Type.Optional(Type.Boolean()),
              valueDecimal: Type.Optional(Type.Number()),
              valueInteger: Type.Optional(Type.Integer()),
              valueDate: Type.Optional(Type.String({ maxLength: 10 })),
              valueDateTime: Type.Optional(Type.String({ maxLength: 40 })),
              valueTime: Type.Optional(Type.String({ maxLength: 20 })),
              valueString: Type.Optional(Text(4000)),
              valueCoding: Type.Optional(Coding),
              valueQuantity: Type.Optional(Quantity),
              item: Type.Optional(Type.Array(Self, { maxItems: 200 })),
            },
            { additionalProperties: false },
          ),
          { maxItems: 100 },
        ),
      ),
      item: Type.Optional(Type.Array(Self, { maxItems: 200 })),
    },
    { additionalProperties: false },
  ),
);

const ResponseStatus = Type.Union([Type.Literal('in-progress'), Type.Literal('completed')]);

export const NewResponseBody = Type.Object(
  {
    questionnaireId: QuestionnaireId,
    status: ResponseStatus,
    item: Type.Array(ResponseItem, { maxItems: 200 }),
    contactId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const SavedResponseBody = Type.Object(
  { status: ResponseStatus, item: Type.Array(ResponseItem, { maxItems: 200 }) },
  { additionalProperties: false },
);

export const ResponseParams = Type.Object(
  { personId: Uuid, responseId: Uuid },
  { additionalProperties: false },
);

export const ContactKinds = ['meeting', 'phone', 'video', 'group', 'home-visit'] as const;

export const ContactBody = Type.Object(
  {
    contactOn: Day,
    kind: Type.Union(ContactKinds.map((k) => Type.Literal(k))),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const TrajectoryQuery = Type.Object(
  { questionnaire: Type.Optional(QuestionnaireId) },
  { additionalProperties: false },
);

export const AlertParams = Type.Object({ alertId: Uuid }, { additionalProperties: false });

export const AcknowledgeBody = Type.Object({ note: Text(2000) }, { additionalProperties: false });

const Triggers = Type.Union(
  ['first-attendance', 'evaluation', 'discharge', 'contact'].map((t) => Type.Literal(t)),
);

export const SettingsBody = Type.Object(
  {
    visibleToPerson: Type.Boolean(),
    triggers: Type.Array(Triggers, { maxItems: 4, uniqueItems: true }),
    answeredBy: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('staff')]), {
      minItems: 1,
      maxItems: 2,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);

export const QuestionnaireParams = Type.Object(
  { questionnaireId: QuestionnaireId },
  { additionalProperties: false },
);
