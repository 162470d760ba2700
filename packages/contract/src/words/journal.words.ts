/**
 * What the server says about the journal (words.ts: the one catalogue), bokmål and English: its refusals,
 * the journal section of the printed export and the labels of the kinds of contact.
 */
export const nb = {
  errors: {
    journalNoteNotFound: 'Fant ikke notatet.',
    journalNotAuthor: 'Bare den som skrev utkastet, kan endre eller signere det.',
    journalSignedIsFinal: 'Et signert notat endres ikke. Skriv et tillegg.',
    journalAlreadySigned: 'Notatet er allerede signert.',
    journalDraftNotAmended: 'Et utkast får ikke tillegg. Endre utkastet.',
    journalReasonNeeded: 'Skriv hvorfor notatet ikke skal vises til personen (minst ti tegn).',
    journalNotWithheld: 'Notatet vises allerede til personen.',
    journalContactNotFound: 'Fant ikke kontakten.',
    journalPlanEntryUnknown: 'Et av målene eller tiltakene finnes ikke i personens plan.',
  },
  journal: {
    kinds: {
      meeting: 'Samtale',
      phone: 'Telefon',
      video: 'Video',
      group: 'Gruppe',
      'home-visit': 'Hjemmebesøk',
      'not-met': 'Ikke truffet',
    },
    withheldPurpose: 'Notatet holdes tilbake fra personen: {{reason}}',
    sharedPurpose: 'Notatet vises til personen igjen',
  },
  export: {
    journal: {
      title: 'Notater fra samtalene',
      by: '{{name}}, {{organisation}}',
      amendment: 'Tillegg {{at}} fra {{name}}: {{text}}',
    },
  },
};

export const en: typeof nb = {
  errors: {
    journalNoteNotFound: 'Could not find the note.',
    journalNotAuthor: 'Only the author of a draft can change or sign it.',
    journalSignedIsFinal: 'A signed note is not changed. Write an amendment.',
    journalAlreadySigned: 'The note is already signed.',
    journalDraftNotAmended: 'A draft is not amended. Change the draft.',
    journalReasonNeeded: 'Write why the note is not shown to the person (at least ten characters).',
    journalNotWithheld: 'The note is already shown to the person.',
    journalContactNotFound: 'Could not find the contact.',
    journalPlanEntryUnknown: "One of the goals or measures is not in the person's plan.",
  },
  journal: {
    kinds: {
      meeting: 'Conversation',
      phone: 'Phone',
      video: 'Video',
      group: 'Group',
      'home-visit': 'Home visit',
      'not-met': 'Not met',
    },
    withheldPurpose: 'The note is withheld from the person: {{reason}}',
    sharedPurpose: 'The note is shown to the person again',
  },
  export: {
    journal: {
      title: 'Notes from our conversations',
      by: '{{name}}, {{organisation}}',
      amendment: 'Amendment {{at}} by {{name}}: {{text}}',
    },
  },
};
