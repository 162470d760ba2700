/** What the server says about questionnaire (words.ts: the one catalogue), bokmål and English. */
export const nb = {
  errors: {
    questionnaireNotFound: 'Fant ikke skjemaet.',
    notAQuestionnaire: 'Filen er ikke et FHIR Questionnaire.',
    instrumentNotUsable: 'Skjemaet kan ikke brukes slik det er.',
    instrumentNeedsId: 'Skjemaet må ha en id (bokstaver, tall, - og .).',
    shippedInstrument: 'Et skjema med denne id-en følger med Bedring.',
    feedbackRulesNotValid: 'Reglene kan ikke brukes slik de er.',
    responseNotFound: 'Fant ikke svaret.',
    contactNotFound: 'Fant ikke kontakten.',
    notYourResponse: 'Bare den som begynte på svaret, kan fortsette det.',
    responseCompleted: 'Svaret er allerede sendt inn.',
    responseDoesNotFit: 'Svaret passer ikke til skjemaet.',
    notAnsweredByYou: 'Dette skjemaet fylles ut av noen andre.',
    unknownQuestionnaire: 'Fant ikke skjemaet svaret viser til (questionnaire).',
    unknownQuestionnaireVersion: 'Skjemaet finnes bare i versjon {{version}}.',
    alertNoteRequired: 'Skriv hva dere gjorde med varselet.',
    alertNotFound: 'Fant ikke varselet.',
    alertAcknowledged: 'Varselet er allerede kvittert ut.',
  },
  fhir: {
    /** The display of observation-category `survey`, as HL7's code system gives it, in every language. */
    surveyCategory: 'Survey',
    /** Where a misfit is about the response as a whole, not one item (an OperationOutcome's diagnostics). */
    wholeResponse: '(svaret som helhet)',
  },
};

export const en: typeof nb = {
  errors: {
    questionnaireNotFound: 'Could not find the questionnaire.',
    notAQuestionnaire: 'The file is not a FHIR Questionnaire.',
    instrumentNotUsable: 'The questionnaire cannot be used as it is.',
    instrumentNeedsId: 'The questionnaire needs an id (letters, digits, - and .).',
    shippedInstrument: 'A questionnaire with this id comes with Bedring.',
    feedbackRulesNotValid: 'The rules cannot be used as they are.',
    responseNotFound: 'Could not find the response.',
    contactNotFound: 'Could not find the contact.',
    notYourResponse: 'Only the person who started the response can continue it.',
    responseCompleted: 'The response has already been sent.',
    responseDoesNotFit: 'The response does not fit the questionnaire.',
    notAnsweredByYou: 'Someone else fills in this questionnaire.',
    unknownQuestionnaire: 'Could not find the questionnaire the response refers to (questionnaire).',
    unknownQuestionnaireVersion: 'The questionnaire exists only in version {{version}}.',
    alertNoteRequired: 'Write what you did about the alert.',
    alertNotFound: 'Could not find the alert.',
    alertAcknowledged: 'The alert has already been acknowledged.',
  },
  fhir: {
    surveyCategory: 'Survey',
    wholeResponse: '(the response as a whole)',
  },
};
