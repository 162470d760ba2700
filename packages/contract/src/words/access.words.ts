/**
 * What the server says about need to know, break-glass and the access log (words.ts: the one
 * catalogue), bokmål and English. The web app says more about break-glass's limits in its own
 * errors.breakGlassLimited; errors.breakGlassOnlyAcute is the server's answer to the refused change.
 */
export const nb = {
  errors: {
    noNeedToKnow: 'Du har ikke tjenstlig behov for denne journalen.',
    breakGlassOnlyAcute:
      'Nødtilgang gir bare rett til å lese og registrere det akutt helsehjelp trenger. Du kan ikke endre hvem som har tilgang.',
    breakGlassReasonRequired: 'Skriv en begrunnelse på minst ti tegn.',
    breakGlassNotAllowed: 'Du kan ikke bruke nødtilgang her.',
    accessLogPeriodReversed: 'Fra-datoen kan ikke være etter til-datoen.',
    accessLogCursorUnknown: 'Fant ikke stedet å fortsette fra. Last loggen på nytt.',
  },
  /** The access log as FHIR AuditEvents (fhir/audit-event.mapping.ts). */
  auditEvent: {
    thePerson: 'Personen selv',
    /** Bedring itself acting, e.g. passing on a request for help nobody took (docs/decisions/0015-help-requests.md). */
    system: 'Bedring',
    breakGlass: 'Nødtilgang: {{reason}}',
  },
  /**
   * What a consent to share is for, by the code the server records (docs/domain/law.md, "Consent to share");
   * a purpose written in words is shown as written.
   */
  consentPurposes: {
    handover: 'Overføring til oppfølging i kommunen',
  },
};

export const en: typeof nb = {
  errors: {
    noNeedToKnow: 'You have no need to know for this record.',
    breakGlassOnlyAcute:
      'Emergency access only allows reading and recording what acute care needs. You cannot change who has access.',
    breakGlassReasonRequired: 'Write a reason of at least ten characters.',
    breakGlassNotAllowed: 'You cannot use emergency access here.',
    accessLogPeriodReversed: 'The from date cannot be after the to date.',
    accessLogCursorUnknown: 'Could not find where to continue from. Load the log again.',
  },
  auditEvent: {
    thePerson: 'The person',
    system: 'Bedring',
    breakGlass: 'Emergency access: {{reason}}',
  },
  consentPurposes: {
    handover: 'Handover to follow-up in the municipality',
  },
};
