import type { InstrumentScore, ScoreBand } from '@bedring/contract';
import type { Lang } from '@bedring/domain/questionnaire/translation';

export { type Lang, localized } from '@bedring/domain/questionnaire/translation';

export function langOf(language: string): Lang {
  return language === 'en' ? 'en' : 'nb';
}

/** An instrument's title in the reader's language (lists carry both). */
export function titleIn(x: { title: string; titleEn?: string }, lang: Lang): string {
  return lang === 'en' && x.titleEn ? x.titleEn : x.title;
}

/** The band's label in the reader's language. */
export function bandLabel(band: ScoreBand, lang: Lang): string {
  return lang === 'en' && band.labelEn ? band.labelEn : band.label;
}

/** The score's name in the reader's language ("Sum", "Total score"). */
export function scoreName(score: InstrumentScore, lang: Lang): string {
  return lang === 'en' && score.displayEn ? score.displayEn : score.display;
}

/** A number as the reader writes it (decimal comma in bokmål). */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 }).format(n);
}

/** The band a value falls in, by the band code the server stored with it. */
export function bandByCode(score: InstrumentScore, code: string | null): ScoreBand | null {
  return code ? (score.bands.find((b) => b.code === code) ?? null) : null;
}
