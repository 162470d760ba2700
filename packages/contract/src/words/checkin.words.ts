/** What the server says about checkin (words.ts: the one catalogue), bokmål and English. */
export const nb = {
  errors: {
    ownCheckin: 'Bare personen selv sjekker inn.',
    ownReminder: 'Bare personen selv velger påminnelsen.',
    ownHelpRequest: 'Bare personen selv ber om hjelp her.',
    helpTimeInvalid: 'Tidspunktet mangler eller er i fremtiden.',
    checkinDoesNotFit: 'Innsjekken kunne ikke lagres.',
    checkinLimitReached:
      'Det er allerede {{max}} innsjekker for denne dagen. Flere tas ikke imot for den dagen.',
    signalNoteRequired: 'Skriv hva dere gjorde med signalet.',
    signalNotFound: 'Fant ikke signalet.',
    signalAlreadyAcknowledged: 'Signalet er allerede kvittert ut.',
    signalRulesInvalid: 'Reglene kan ikke lagres.',
    helpRequestNotFound: 'Fant ikke forespørselen om hjelp.',
    helpRequestTaken: 'Noen har allerede tatt denne forespørselen om hjelp.',
  },
};

export const en: typeof nb = {
  errors: {
    ownCheckin: 'Only the person themself checks in.',
    ownReminder: 'Only the person themself chooses the reminder.',
    ownHelpRequest: 'Only the person themself asks for help here.',
    helpTimeInvalid: 'The time is missing or in the future.',
    checkinDoesNotFit: 'The check-in could not be saved.',
    checkinLimitReached: 'There are already {{max}} check-ins for this day. No more are taken for that day.',
    signalNoteRequired: 'Write what you did about the signal.',
    signalNotFound: 'Could not find the signal.',
    signalAlreadyAcknowledged: 'The signal has already been acknowledged.',
    signalRulesInvalid: 'The rules cannot be saved.',
    helpRequestNotFound: 'Could not find the help request.',
    helpRequestTaken: 'Someone has already taken this help request.',
  },
};
