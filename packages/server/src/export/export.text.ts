/**
 * The words of the printed export (bokmål by default, English on request): plain, non-stigmatising
 * (docs/domain/care-principles.md, M-29) — a lapse is an event on the way, never a reset
 * (docs/domain/plans.md, M-04). The server's own copy: the web app's i18n files are not shipped with the
 * server.
 */
export const ExportLanguages = ['nb', 'en'] as const;
export type ExportLanguage = (typeof ExportLanguages)[number];

const nb = {
  title: 'Opplysninger om {name} i Bedring',
  made: 'Laget {date}. Her står det du har tilgang til å se i journalen.',
  born: 'Født {date}',
  page: 'Side {n} av {of}',
  nothing: 'Ingenting her ennå.',
  writtenBy: 'Skrevet av {who}',
  writtenBySelf: 'Skrevet av {who} selv',
  about: 'Om meg',
  aboutMe: 'Med mine egne ord',
  strengths: 'Mine styrker',
  plans: 'Planene',
  goals: 'Mål',
  successMeans: 'Det går bra når: {text}',
  comment: 'Kommentar fra {who}: {text}',
  owner: 'Ansvarlig: {who}',
  due: 'Frist: {date}',
  reviewOn: 'Gås gjennom igjen: {date}',
  promises: 'Løfter',
  promise: '{text} ({who}, innen {date}): {status}',
  pathway: 'Forløpet',
  episode: '{unit}: fra {from}{to}. Nå: {state}',
  until: ' til {date}',
  results: 'Skjemaer og resultater',
  result: '{date} {name}: {value}',
  lapses: 'Tilbakefall',
  lapsesIntro: 'Et tilbakefall er en vanlig del av endring. Det nullstiller ikke det du har fått til.',
  situation: 'Situasjonen',
  thoughtsFeelings: 'Tanker og følelser',
  whatHappened: 'Hva som skjedde',
  whatHelped: 'Hva som hjalp',
  network: 'Nettverket',
  member: '{name} ({relation}): {quality}',
  accessLog: 'Hvem har sett journalen',
  accessEntry: '{date} {who}, {role}{org}: {what}',
  you: 'Deg selv',
  thePerson: 'Personen selv',
} as const;

type Words = Record<keyof typeof nb, string>;

const en: Words = {
  title: 'Information about {name} in Bedring',
  made: 'Made {date}. It shows what you have access to see in the record.',
  born: 'Born {date}',
  page: 'Page {n} of {of}',
  nothing: 'Nothing here yet.',
  writtenBy: 'Written by {who}',
  writtenBySelf: 'Written by {who} themself',
  about: 'About me',
  aboutMe: 'In my own words',
  strengths: 'My strengths',
  plans: 'The plans',
  goals: 'Goals',
  successMeans: 'It is going well when: {text}',
  comment: 'Comment from {who}: {text}',
  owner: 'Responsible: {who}',
  due: 'Due: {date}',
  reviewOn: 'To be reviewed: {date}',
  promises: 'Promises',
  promise: '{text} ({who}, by {date}): {status}',
  pathway: 'The pathway',
  episode: '{unit}: from {from}{to}. Now: {state}',
  until: ' to {date}',
  results: 'Questionnaires and results',
  result: '{date} {name}: {value}',
  lapses: 'Lapses',
  lapsesIntro: 'A lapse is a common part of change. It does not reset what you have achieved.',
  situation: 'The situation',
  thoughtsFeelings: 'Thoughts and feelings',
  whatHappened: 'What happened',
  whatHelped: 'What helped',
  network: 'The network',
  member: '{name} ({relation}): {quality}',
  accessLog: 'Who has seen the record',
  accessEntry: '{date} {who}, {role}{org}: {what}',
  you: 'You',
  thePerson: 'The person',
};

/** Labels of Bedring's codes, by code system name. */
const codes: Record<ExportLanguage, Record<string, Record<string, string>>> = {
  nb: {
    plan: {
      treatment: 'Behandlingsplan',
      'relapse-prevention': 'Tilbakefallsforebyggende plan',
      crisis: 'Kriseplan',
    },
    section: {
      goal: 'Mål',
      measure: 'Tiltak',
      'high-risk-situation': 'Risikosituasjon',
      'early-warning-sign': 'Tidlig varselsignal',
      'coping-strategy': 'Mestringsstrategi',
      'contact-person': 'Kontaktperson',
      'practical-step': 'Praktisk tiltak',
      'after-a-lapse': 'Etter et tilbakefall',
      'warning-sign': 'Varselsignal',
      'what-i-do': 'Det gjør jeg',
      'what-people-around-me-do': 'Det gjør folk rundt meg',
      'what-services-do': 'Det gjør tjenestene',
      contact: 'Kontakt',
    },
    state: {
      referred: 'Henvist',
      assessed: 'Henvisning vurdert',
      waiting: 'Venter på oppstart',
      'in-treatment': 'I behandling',
      discharged: 'Utskrevet',
      'follow-up': 'Oppfølging i kommunen',
      ended: 'Avsluttet',
    },
    relation: {
      family: 'familie',
      child: 'barn',
      friend: 'venn',
      peer: 'likeperson',
      'self-help-group': 'selvhjelpsgruppe',
      helper: 'hjelper',
      other: 'annen',
    },
    quality: {
      supportive: 'støttende',
      strained: 'anstrengt',
      risky: 'risikofylt',
      'lost-contact': 'mistet kontakt',
    },
    promise: { open: 'åpent', overdue: 'forsinket', kept: 'holdt', withdrawn: 'trukket tilbake' },
    role: {
      admin: 'administrator',
      leader: 'leder',
      clinician: 'behandler',
      milieu: 'miljøterapeut',
      municipal: 'kommunal oppfølging',
      peer: 'likeperson',
      patient: 'pasient',
    },
    action: { R: 'leste', E: 'søkte eller lastet ned', C: 'la til', U: 'endret' },
  },
  en: {
    plan: {
      treatment: 'Treatment plan',
      'relapse-prevention': 'Relapse-prevention plan',
      crisis: 'Crisis plan',
    },
    section: {
      goal: 'Goal',
      measure: 'Measure',
      'high-risk-situation': 'High-risk situation',
      'early-warning-sign': 'Early warning sign',
      'coping-strategy': 'Coping strategy',
      'contact-person': 'Contact person',
      'practical-step': 'Practical step',
      'after-a-lapse': 'After a lapse',
      'warning-sign': 'Warning sign',
      'what-i-do': 'What I do',
      'what-people-around-me-do': 'What people around me do',
      'what-services-do': 'What services do',
      contact: 'Contact',
    },
    state: {
      referred: 'Referred',
      assessed: 'Referral assessed',
      waiting: 'Waiting to start',
      'in-treatment': 'In treatment',
      discharged: 'Discharged',
      'follow-up': 'Follow-up in the municipality',
      ended: 'Ended',
    },
    relation: {
      family: 'family',
      child: 'child',
      friend: 'friend',
      peer: 'peer',
      'self-help-group': 'self-help group',
      helper: 'helper',
      other: 'other',
    },
    quality: {
      supportive: 'supportive',
      strained: 'strained',
      risky: 'risky',
      'lost-contact': 'lost contact',
    },
    promise: { open: 'open', overdue: 'late', kept: 'kept', withdrawn: 'withdrawn' },
    role: {
      admin: 'administrator',
      leader: 'unit leader',
      clinician: 'clinician',
      milieu: 'milieu therapist',
      municipal: 'municipal follow-up',
      peer: 'peer worker',
      patient: 'patient',
    },
    action: { R: 'read', E: 'searched or downloaded', C: 'added', U: 'changed' },
  },
};

/** The words of one language: `t(key, values)` fills {placeholders}; `code(kind, code)` names a code. */
export function wordsFor(lang: ExportLanguage) {
  const words: Words = lang === 'en' ? en : nb;
  return {
    lang,
    t(key: keyof Words, values: Record<string, string | number> = {}) {
      return words[key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
    },
    code(kind: string, code: string | undefined) {
      if (code === undefined) return '';
      return codes[lang][kind]?.[code] ?? code;
    },
    dateTime(iso: string | undefined) {
      if (!iso) return '';
      return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: 'Europe/Oslo',
      }).format(new Date(iso));
    },
    date(iso: string | undefined) {
      if (!iso) return '';
      const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
      return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Oslo',
      }).format(d);
    },
  };
}
export type ExportWords = ReturnType<typeof wordsFor>;

/** The language asked for (?lang), else the browser's first choice if it is English, else bokmål. */
export function exportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ExportLanguage {
  if (lang === 'en' || lang === 'nb') return lang;
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'nb';
}
