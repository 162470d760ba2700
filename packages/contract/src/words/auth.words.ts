/**
 * What the server says at login and about a session (words.ts: the one catalogue), bokmål and English.
 * A failed login does not say whether the user name or the password was wrong (docs/operator-guide.md,
 * "Accounts"). errors.sessionExpired is also what the web shows on a 401.
 */
export const nb = {
  errors: {
    wrongLogin: 'Feil brukernavn eller passord.',
    tooManyAttempts: 'For mange innloggingsforsøk. Vent litt og prøv igjen.',
    totpEnrolmentRequired: 'Kontoen må ha tofaktor satt opp.',
    totpRequired: 'Skriv inn engangskoden fra appen.',
    totpInvalid: 'Feil engangskode.',
    totpUsed: 'Engangskoden er allerede brukt. Vent på neste kode.',
    sessionExpired: 'Økten er utløpt. Logg inn på nytt.',
    csrfInvalid: 'Forespørselen manglet gyldig CSRF-token.',
  },
};

export const en: typeof nb = {
  errors: {
    wrongLogin: 'Wrong user name or password.',
    tooManyAttempts: 'Too many login attempts. Wait a little and try again.',
    totpEnrolmentRequired: 'The account needs two-factor login set up.',
    totpRequired: 'Enter the one-time code from the app.',
    totpInvalid: 'Wrong one-time code.',
    totpUsed: 'The one-time code has already been used. Wait for the next code.',
    sessionExpired: 'Your session has ended. Please log in again.',
    csrfInvalid: 'The request did not have a valid CSRF token.',
  },
};
