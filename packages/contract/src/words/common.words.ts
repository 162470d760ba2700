/**
 * Words every part of the server says: the generic answers of docs/api.md's error shape, and the input
 * rules every request meets (docs/api.md, "Input rules"). Plain bokmål first, English beside it
 * (docs/domain/care-principles.md: never stigmatising). The web app shows the same words under the
 * same keys (errors.forbidden, errors.notFound, errors.unavailable).
 */
export const nb = {
  errors: {
    unauthorized: 'Du må logge inn.',
    forbidden: 'Du har ikke tilgang til dette.',
    notFound: 'Fant ikke det du ba om.',
    roleCannotDoThis: 'Din rolle kan ikke gjøre dette.',
    dateInFuture: '{{field}} kan ikke være fram i tid.',
    invalidRequest: 'Ugyldig forespørsel: {{problem}}',
    invalidValue: 'Ugyldig verdi.',
    unavailable: 'Databasen svarer ikke akkurat nå. Prøv igjen om litt.',
    internal: 'Noe gikk galt hos oss. Prøv igjen.',
    jsonTooDeep: 'JSON-innholdet er nestet dypere enn {{depth}} nivåer.',
    nulCharacter: 'teksten inneholder et nulltegn (U+0000).',
    loneSurrogate: 'teksten inneholder et ugyldig Unicode-tegn (et enslig surrogat).',
    badEscape: 'adressen har en prosentkoding som ikke er gyldig UTF-8.',
    uriTooLong: 'Adressen er for lang.',
    /** The FHIR façade's Observation search (fhir/fhir.routes.ts), across the concepts. */
    unknownObservationCode: 'Ukjent kode: ikke et levekårsområde, en dimensjon eller en skår.',
  },
};

export const en: typeof nb = {
  errors: {
    unauthorized: 'You need to log in.',
    forbidden: 'You do not have access to this.',
    notFound: 'We could not find what you asked for.',
    roleCannotDoThis: 'Your role cannot do this.',
    dateInFuture: '{{field}} cannot be in the future.',
    invalidRequest: 'Invalid request: {{problem}}',
    invalidValue: 'Invalid value.',
    unavailable: 'The database is not answering right now. Please try again shortly.',
    internal: 'Something went wrong on our side. Please try again.',
    jsonTooDeep: 'the JSON content is nested deeper than {{depth}} levels.',
    nulCharacter: 'the text contains a null character (U+0000).',
    loneSurrogate: 'the text contains an invalid Unicode character (a lone surrogate).',
    badEscape: 'the address has a percent-encoding that is not valid UTF-8.',
    uriTooLong: 'The address is too long.',
    unknownObservationCode: 'Unknown code: not a living-condition area, a dimension or a score.',
  },
};
