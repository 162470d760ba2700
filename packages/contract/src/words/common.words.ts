/**
 * Words every part of the server says: the generic answers of docs/api.md's error shape. Plain bokmål
 * first, English beside it (docs/domain/care-principles.md: never stigmatising).
 */
export const nb = {
  errors: {
    unauthorized: 'Du må logge inn.',
    forbidden: 'Du har ikke tilgang til dette.',
    notFound: 'Fant ikke det du ba om.',
    roleCannotDoThis: 'Din rolle kan ikke gjøre dette.',
    dateInFuture: '{{field}} kan ikke være fram i tid.',
  },
};

export const en: typeof nb = {
  errors: {
    unauthorized: 'You need to log in.',
    forbidden: 'You do not have access to this.',
    notFound: 'Could not find what you asked for.',
    roleCannotDoThis: 'Your role cannot do this.',
    dateInFuture: '{{field}} cannot be in the future.',
  },
};
