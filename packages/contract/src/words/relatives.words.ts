/**
 * What the server says about children and relatives and about risk assessments (words.ts: the one
 * catalogue), bokmål and English: the routes' refusals, and under `labels` the names of their codes, written
 * once for the web and the FHIR mapping (docs/architecture.md, "Words"). `pathway.dischargeItems` names the
 * discharge checklist's items about them (docs/decisions/0019-relatives-and-risk.md). Plain words, never
 * stigmatising (docs/domain/care-principles.md).
 */
export const nb = {
  errors: {
    childNeedsBirthYear: 'Skriv inn fødselsåret til barnet.',
    relativeNeedsRole: 'Velg hvilken rolle den pårørende har.',
    birthYearInFuture: 'Fødselsåret kan ikke være fram i tid.',
    relativeNotFound: 'Fant ikke denne pårørende.',
    roleCannotRecordRelatives: 'Din rolle kan ikke føre opp barn og pårørende.',
    roleCannotSeeRelatives: 'Din rolle har ikke tilgang til listen over barn og pårørende.',
    roleCannotAssessRisk: 'Bare behandlere og ledere gjør risikovurderinger.',
    roleCannotSeeRiskAssessments: 'Din rolle har ikke tilgang til risikovurderinger.',
  },
  labels: {
    relativeKinds: { child: 'Barn', relative: 'Pårørende' },
    relativeRoles: {
      partner: 'Partner',
      parent: 'Forelder',
      sibling: 'Søsken',
      friend: 'Venn',
      other: 'Annen',
    },
    childGaps: {
      'carer-unknown': 'Det er ikke skrevet hvem som tar seg av barnet nå.',
      'not-spoken-with': 'Ingen har snakket med barnet ennå.',
      'no-follow-up': 'Det er ikke avtalt oppfølging for barnet.',
      'coordinator-not-informed': 'Barneansvarlig er ikke informert.',
    },
    riskKinds: { suicide: 'Selvmordsrisiko', violence: 'Voldsrisiko' },
    riskLevels: { low: 'Lav', moderate: 'Moderat', high: 'Høy', acute: 'Akutt' },
    dischargeHints: {
      'nothing-recorded': 'Ingen barn eller pårørende er ført opp.',
      'minor-child-follow-up': 'Oppfølgingen av et barn under 18 år er ikke på plass.',
      'suicide-not-assessed': 'Selvmordsrisiko er ikke vurdert i dette forløpet.',
      'violence-not-assessed': 'Voldsrisiko er ikke vurdert i dette forløpet.',
      'not-shared': 'En risikovurdering er ikke merket for å følge med overføringen.',
    },
  },
  pathway: {
    dischargeItems: {
      'children-and-relatives-asked': 'Det er spurt om barn og pårørende, og barnas behov er fulgt opp',
      'risk-assessments-done': 'Selvmordsrisiko og voldsrisiko er vurdert',
    },
  },
};

export const en: typeof nb = {
  errors: {
    childNeedsBirthYear: "Enter the child's year of birth.",
    relativeNeedsRole: 'Choose the role of the relative.',
    birthYearInFuture: 'The year of birth cannot be in the future.',
    relativeNotFound: 'This relative was not found.',
    roleCannotRecordRelatives: 'Your role cannot record children and relatives.',
    roleCannotSeeRelatives: 'Your role has no access to the list of children and relatives.',
    roleCannotAssessRisk: 'Only clinicians and leaders make risk assessments.',
    roleCannotSeeRiskAssessments: 'Your role has no access to risk assessments.',
  },
  labels: {
    relativeKinds: { child: 'Child', relative: 'Relative' },
    relativeRoles: {
      partner: 'Partner',
      parent: 'Parent',
      sibling: 'Sibling',
      friend: 'Friend',
      other: 'Other',
    },
    childGaps: {
      'carer-unknown': 'Who cares for the child now is not written down.',
      'not-spoken-with': 'Nobody has spoken with the child yet.',
      'no-follow-up': 'No follow-up has been agreed for the child.',
      'coordinator-not-informed': 'The child-responsible clinician is not informed.',
    },
    riskKinds: { suicide: 'Suicide risk', violence: 'Violence risk' },
    riskLevels: { low: 'Low', moderate: 'Moderate', high: 'High', acute: 'Acute' },
    dischargeHints: {
      'nothing-recorded': 'No children or relatives are recorded.',
      'minor-child-follow-up': "A child under 18's follow-up is not in place.",
      'suicide-not-assessed': 'Suicide risk has not been assessed in this episode.',
      'violence-not-assessed': 'Violence risk has not been assessed in this episode.',
      'not-shared': 'A risk assessment is not marked to go with the handover.',
    },
  },
  pathway: {
    dischargeItems: {
      'children-and-relatives-asked':
        "Children and relatives have been asked about, and the children's needs seen to",
      'risk-assessments-done': 'Suicide risk and violence risk have been assessed',
    },
  },
};
