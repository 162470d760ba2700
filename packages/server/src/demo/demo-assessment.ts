import {
  type AssessmentFacts,
  type Dimension,
  type DimensionRatings,
  Dimensions,
  type Level,
  type Severity,
} from '@bedring/domain';

/**
 * The dimensional assessments of the demo (docs/domain/pathway.md, M-01, P-21): levels the clinician may
 * choose instead of the recommended one, with the reasons given, and ratings that the level-of-care rules
 * read as a given level.
 */

/** Why a clinician chose a more (over) or less (under) intensive level than recommended. */
export const MATCH_REASONS: Record<'over' | 'under', string[]> = {
  under: [
    'Personen vil beholde jobben og ønsker dagbehandling framfor innleggelse.',
    'Personen har barn hjemme og velger et mindre inngripende tilbud.',
    'Venteliste på døgnplass; starter poliklinisk med tett oppfølging.',
  ],
  over: [
    'Ustabil bosituasjon: personen ønsker et mer skjermet tilbud.',
    'Flere tidligere avbrudd i poliklinisk behandling.',
    'Personen ber selv om innleggelse for å komme seg bort fra miljøet.',
    'Fortsetter i dagens tilbud fram til neste evaluering, etter ønske fra personen.',
  ],
};

/** A neighbouring level of care, for choosing another level than recommended (P-21). */
const LESS_INTENSIVE: Partial<Record<Level, Level>> = {
  day: 'outpatient',
  'short-inpatient': 'day',
  'long-inpatient': 'short-inpatient',
};
const MORE_INTENSIVE: Partial<Record<Level, Level>> = {
  outpatient: 'day',
  day: 'short-inpatient',
  'short-inpatient': 'long-inpatient',
};

/** The level the clinician chooses: the recommended one, or with a reason a neighbouring one (P-21). */
export function chosenLevel(recommended: Level, mismatch: 'over' | 'under' | null): Level {
  if (mismatch === 'over') return MORE_INTENSIVE[recommended] ?? recommended;
  if (mismatch === 'under') return LESS_INTENSIVE[recommended] ?? recommended;
  return recommended;
}

/** A less intensive level, for a re-assessment after progress. */
export function lessIntensive(level: Level): Level {
  return LESS_INTENSIVE[level] ?? level;
}

const NEEDS: Dimension[] = ['physical-health', 'mental-health', 'relapse-risk', 'recovery-environment'];

const RATIONALE: Record<Dimension, string[]> = {
  withdrawal: [
    'Lite abstinens siste uke.',
    'Skjelvinger og svette om morgenen.',
    'Tidligere kramper ved nedtrapping.',
  ],
  'physical-health': [
    'Ingen kjente somatiske plager.',
    'Sår på leggen som trenger stell.',
    'Hepatitt C, ikke behandlet.',
  ],
  'mental-health': [
    'Sover dårlig, noe uro.',
    'Angst i sosiale situasjoner.',
    'Depresjon, følges av fastlege.',
  ],
  readiness: [
    'Ønsker endring selv.',
    'Usikker på om behandling hjelper.',
    'Kommer etter press fra familien.',
  ],
  'relapse-risk': [
    'Har klart seg uten rus i perioder.',
    'Sug i helgene.',
    'Tilbakefall etter hver utskrivning.',
  ],
  'recovery-environment': [
    'Bor alene, har en bror som stiller opp.',
    'Venner som ruser seg.',
    'Uten fast bolig.',
  ],
};

/**
 * Dimension ratings for a demo assessment that the level-of-care rules (recommendLevel) will read as
 * `level`: the demo picks the level first, so that every level occurs, and the rules then say it.
 */
export function demoRatings(
  rnd: () => number,
  level: Level,
  previous: DimensionRatings | null,
): AssessmentFacts {
  const up = (max: number) => Math.floor(rnd() * (max + 1)) as Severity;
  const now: Record<Dimension, Severity> = {
    withdrawal: up(2),
    'physical-health': up(1),
    'mental-health': up(1),
    readiness: up(2),
    'relapse-risk': up(1),
    'recovery-environment': up(1),
  };
  const some = () => NEEDS[Math.floor(rnd() * NEEDS.length)]!;
  let opioidDependence = false;
  switch (level) {
    case 'detox-first':
      now.withdrawal = (3 + up(1)) as Severity;
      for (const d of NEEDS) now[d] = up(3);
      opioidDependence = rnd() < 0.3;
      break;
    case 'lar-assessment':
      opioidDependence = true;
      now['relapse-risk'] = (2 + up(1)) as Severity;
      break;
    case 'long-inpatient': {
      const first = some();
      let second = some();
      while (second === first) second = some();
      now[first] = 3;
      now[second] = (3 + up(1)) as Severity;
      break;
    }
    case 'short-inpatient':
      for (const d of NEEDS) now[d] = up(2);
      now[some()] = 3;
      break;
    case 'day':
      if (rnd() < 0.3) now.readiness = 3;
      else now[some()] = 2;
      break;
    case 'outpatient':
      break;
  }
  const ratings = Object.fromEntries(
    Dimensions.map((d) => {
      const texts = RATIONALE[d];
      const history = previous ? previous[d].now : (Math.min(4, now[d] + up(1)) as Severity);
      return [d, { now: now[d], history, rationale: texts[Math.min(texts.length - 1, now[d] >> 1)]! }];
    }),
  ) as DimensionRatings;
  return { ratings, opioidDependence };
}
