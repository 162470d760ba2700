/**
 * Synthetic people for demo, tests and benchmarks: never real persons. The spread follows
 * docs/domain/numbers.md (N-04: about 30/70 women/men; N-07: about a third alcohol, two thirds other
 * substances). National identity numbers are synthetic numbers (month + 80), which no real person has.
 */

/** A small seeded generator, so the same seed always gives the same demo. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WOMEN = [
  'Anne',
  'Ingrid',
  'Kari',
  'Marit',
  'Liv',
  'Silje',
  'Ida',
  'Hanne',
  'Nora',
  'Tone',
  'Camilla',
  'Hilde',
  'Eli',
  'Maja',
  'Sara',
  'Aisha',
];
const MEN = [
  'Ole',
  'Lars',
  'Jan',
  'Per',
  'Bjørn',
  'Knut',
  'Trond',
  'Geir',
  'Jonas',
  'Emil',
  'Tor',
  'Morten',
  'Even',
  'Ali',
  'Sindre',
  'Rune',
  'Stian',
  'Håkon',
];
const FAMILY = [
  'Berg',
  'Dahl',
  'Haugen',
  'Lie',
  'Moen',
  'Strand',
  'Bakke',
  'Lunde',
  'Vik',
  'Sæther',
  'Nygård',
  'Solheim',
  'Aune',
  'Eide',
  'Tangen',
  'Fjeld',
  'Myhre',
  'Holm',
  'Rønning',
  'Ahmed',
];
const SUBSTANCES = ['cannabis', 'opioids', 'stimulants', 'benzodiazepines', 'several', 'other'] as const;
const SUBSTANCE_WEIGHTS = [0.2, 0.25, 0.25, 0.1, 0.15, 0.05];

export interface SyntheticPerson {
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: 'female' | 'male';
  primarySubstance: string;
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function weighted<T>(rnd: () => number, list: readonly T[], weights: readonly number[]): T {
  let x = rnd();
  for (let i = 0; i < list.length; i++) {
    x -= weights[i]!;
    if (x <= 0) return list[i]!;
  }
  return list[list.length - 1]!;
}

/** The n-th synthetic person: deterministic, unique national id per n. */
export function syntheticPerson(rnd: () => number, n: number, today: Date): SyntheticPerson {
  const gender = rnd() < 0.3 ? 'female' : 'male';
  const age = 18 + Math.floor(rnd() * rnd() * 55) + Math.floor(rnd() * 8);
  const year = today.getUTCFullYear() - age;
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  // ddmmyy with month + 80 marks a synthetic number; the last five digits carry n, so each is unique.
  const nationalId = `${pad(day)}${pad(month + 80)}${pad(year % 100)}${pad(n % 100_000, 5)}`;
  return {
    nationalId,
    givenName: pick(rnd, gender === 'female' ? WOMEN : MEN),
    familyName: pick(rnd, FAMILY),
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    gender,
    primarySubstance: rnd() < 0.34 ? 'alcohol' : weighted(rnd, SUBSTANCES, SUBSTANCE_WEIGHTS),
  };
}
