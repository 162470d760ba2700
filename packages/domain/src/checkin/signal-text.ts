import type { SignalFinding, SignalKind } from './signal.rules.ts';

/**
 * A signal in words, the same in the portal, on the worklist and in FHIR (Flag.code.text): which rule
 * fired, on which days and values. Plain, and never blaming (docs/domain/care-principles.md). No imports of
 * the rules' logic, so the web can use this as it is.
 */
export type SignalLanguage = 'nb' | 'en';

type Params = Record<string, number | string>;

/** 2026-11-20 → 20.11.2026 (nb) or 20 Nov 2026 (en); an instant is shown as its date and time. */
function date(value: unknown, lang: SignalLanguage): string {
  if (typeof value !== 'string') return '';
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (!Number.isFinite(at.getTime())) return value;
  const withTime = value.length > 10;
  return at.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    timeZone: 'Europe/Oslo',
    day: 'numeric',
    month: lang === 'nb' ? 'numeric' : 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
}

const TEXTS: Record<SignalKind, Record<SignalLanguage, (p: Params, d: (v: unknown) => string) => string>> = {
  'craving-high': {
    nb: (p, d) =>
      `Sterkt sug (${p.threshold} eller mer av 10) ${p.days} dager på rad, ${d(p.from)}–${d(p.to)}. Høyeste: ${p.highest}.`,
    en: (p, d) =>
      `Strong craving (${p.threshold} or more of 10) ${p.days} days running, ${d(p.from)}–${d(p.to)}. Highest: ${p.highest}.`,
  },
  'warning-sign-repeated': {
    nb: (p, d) =>
      `Varseltegnet «${p.sign}» fra planen er krysset av ${p.days} dager på rad, ${d(p.from)}–${d(p.to)}.`,
    en: (p, d) =>
      `The warning sign "${p.sign}" from the plan was ticked ${p.days} days running, ${d(p.from)}–${d(p.to)}.`,
  },
  'lapse-reported': {
    nb: (p, d) => `Et tilbakefall er meldt i innsjekken ${d(p.day)}.`,
    en: (p, d) => `A lapse was reported in the check-in on ${d(p.day)}.`,
  },
  'checkins-stopped': {
    nb: (p, d) =>
      `Sjekket inn ${p.regular} av ${p.window} dager fram til ${d(p.last)}, og ikke siden: ${p.silentDays} dager uten innsjekk.`,
    en: (p, d) =>
      `Checked in on ${p.regular} of ${p.window} days up to ${d(p.last)}, and not since: ${p.silentDays} days without a check-in.`,
  },
  'help-requested': {
    nb: (p, d) => `Ba om hjelp nå (${d(p.at)}).`,
    en: (p, d) => `Asked for help now (${d(p.at)}).`,
  },
};

export function signalText(
  finding: Pick<SignalFinding, 'kind' | 'explanation'>,
  lang: SignalLanguage,
): string {
  const text = TEXTS[finding.kind]?.[lang];
  if (!text) return finding.kind;
  return text(finding.explanation.params ?? {}, (v) => date(v, lang));
}
